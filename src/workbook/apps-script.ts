/**
 * The workbook on SpreadsheetApp (the add-on). Uses only what the
 * spreadsheets.currentonly scope allows: the active spreadsheet's ranges,
 * formats, data validation, conditional formats and embedded charts.
 * Every method is a fixed number of calls: whole blocks go in one
 * setValues, and ranges sharing a format go in one RangeList.
 */

import { type Rect, rectA1 } from './a1';
import type { Block, ChartSpec, ConditionalRule, NumberFormat, ValidationList } from './plan';
import { cellInput } from './plan';
import { TEMPLATE_KEY, type Workbook, type WorkbookSheet } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type ChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/** Each chart a plan may ask for, as its typed builder (a line chart of CPQM per period is next). */
const CHART_TYPES: Record<
  'bar' | 'line',
  (b: ChartBuilder) => ReturnType<ChartBuilder['asBarChart'] | ChartBuilder['asLineChart']>
> = {
  bar: (b) => b.asBarChart(),
  line: (b) => b.asLineChart(),
};

export class AppsScriptWorkbook implements Workbook {
  /** Tabs this workbook made, so writing to them needs no lookup. */
  private readonly made = new Map<string, Sheet>();

  constructor(private readonly ss: Spreadsheet) {}

  private sheet(name: string): Sheet {
    const known = this.made.get(name);
    if (known) return known;
    const sheet = this.ss.getSheetByName(name);
    if (!sheet) throw new Error(`There is no sheet named "${name}".`);
    return sheet;
  }

  private range(sheet: Sheet, r: Rect): GoogleAppsScript.Spreadsheet.Range {
    return sheet.getRange(r.row + 1, r.col + 1, r.rows, r.cols);
  }

  sheetNames(): string[] {
    return this.ss.getSheets().map((s) => s.getName());
  }

  sheets(): WorkbookSheet[] {
    // A chart moved to its own sheet (SheetType.OBJECT) and a Connected Sheets
    // data source sheet (SheetType.DATASOURCE) have no grid of cells to map:
    // grid calls on them throw ("The action is not supported for OBJECT sheet.").
    const grids = this.ss.getSheets().filter((s) => s.getType() === SpreadsheetApp.SheetType.GRID);
    return grids.map((s) => {
      const lastCol = s.getLastColumn();
      const headers =
        lastCol > 0 ? (s.getRange(1, 1, 1, lastCol).getDisplayValues()[0] ?? []).map(String) : [];
      while (headers.length > 0 && headers[headers.length - 1]!.trim() === '') headers.pop();
      return {
        name: s.getName(),
        headers,
        dataRows: Math.max(0, s.getLastRow() - 1),
        rows: s.getMaxRows(),
        cols: s.getMaxColumns(),
      };
    });
  }

  columnValues(name: string, col: number): unknown[] {
    const sheet = this.sheet(name);
    const rows = sheet.getLastRow() - 1;
    if (rows < 1) return [];
    return sheet
      .getRange(2, col + 1, rows, 1)
      .getValues()
      .map((row) => row[0]);
  }

  addSheet(name: string, rows: number, cols: number): void {
    const sheet = this.ss.insertSheet(name, this.ss.getNumSheets());
    this.made.set(name, sheet);
    const haveRows = sheet.getMaxRows();
    if (rows > haveRows) sheet.insertRowsAfter(haveRows, rows - haveRows);
    const haveCols = sheet.getMaxColumns();
    if (cols > haveCols) sheet.insertColumnsAfter(haveCols, cols - haveCols);
  }

  removeSheet(name: string): void {
    this.ss.deleteSheet(this.sheet(name));
    this.made.delete(name);
  }

  writeBlock(name: string, block: Block): void {
    const width = block.cells.reduce((w, r) => Math.max(w, r.length), 0);
    // setValues needs a full rectangle; formulas ("=…") go in with the values.
    const grid = block.cells.map((row) => {
      const out = row.map(cellInput);
      while (out.length < width) out.push('');
      return out;
    });
    this.sheet(name)
      .getRange(block.row + 1, block.col + 1, grid.length, width)
      .setValues(grid);
  }

  setNumberFormat(name: string, format: NumberFormat): void {
    this.sheet(name).getRangeList(format.ranges.map(rectA1)).setNumberFormat(format.pattern);
  }

  setBold(name: string, ranges: Rect[]): void {
    this.sheet(name).getRangeList(ranges.map(rectA1)).setFontWeight('bold');
  }

  setValidationList(name: string, validation: ValidationList): void {
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(validation.values, true)
      .setAllowInvalid(validation.allowInvalid === true)
      .build();
    this.range(this.sheet(name), validation.range).setDataValidation(rule);
  }

  setConditionalRules(name: string, rules: ConditionalRule[]): void {
    const sheet = this.sheet(name);
    sheet.setConditionalFormatRules(
      rules.map((r) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenTextEqualTo(r.text)
          .setBackground(r.background)
          .setFontColor(r.fontColor)
          .setRanges([this.range(sheet, r.range)])
          .build(),
      ),
    );
  }

  setColumnWidths(name: string, widths: readonly (number | null)[]): void {
    const sheet = this.sheet(name);
    // One call per run of equal widths: a table's many number columns take one.
    for (let k = 0; k < widths.length; ) {
      const width = widths[k];
      let n = 1;
      while (k + n < widths.length && widths[k + n] === width) n++;
      if (width != null) sheet.setColumnWidths(k + 1, n, width);
      k += n;
    }
  }

  markTemplate(name: string, template: string): void {
    // PROJECT: only this add-on's script reads or changes the mark.
    this.sheet(name).addDeveloperMetadata(
      TEMPLATE_KEY,
      template,
      SpreadsheetApp.DeveloperMetadataVisibility.PROJECT,
    );
  }

  templateTabs(): { name: string; template: string }[] {
    const found = this.ss
      .createDeveloperMetadataFinder()
      .withKey(TEMPLATE_KEY)
      .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
      .find();
    const marked = new Map<string, string>();
    for (const md of found) {
      const sheet = md.getLocation().getSheet();
      if (sheet) marked.set(sheet.getName(), md.getValue() ?? '');
    }
    return this.sheetNames()
      .filter((name) => marked.has(name))
      .map((name) => ({ name, template: marked.get(name)! }));
  }

  locale(): string {
    return this.ss.getSpreadsheetLocale();
  }

  displayValues(name: string, rows: number, cols: number): string[][] {
    return this.sheet(name).getRange(1, 1, rows, cols).getDisplayValues();
  }

  /** Applies every pending change now, so a failure surfaces while the new tabs can still be removed. */
  flush(): void {
    SpreadsheetApp.flush();
  }

  addChart(name: string, chart: ChartSpec): void {
    const sheet = this.sheet(name);
    const builder = CHART_TYPES[chart.kind](sheet.newChart())
      .setTitle(chart.title)
      // Stated, not left for Sheets to guess: the header row names the series.
      .setNumHeaders(chart.headerRows ?? 1);
    // Chart builders return themselves; only the last call's type is narrower.
    for (const r of chart.ranges) builder.addRange(this.range(sheet, r));
    sheet.insertChart(builder.setPosition(chart.row + 1, chart.col + 1, 0, 0).build());
  }
}
