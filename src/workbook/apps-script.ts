/**
 * The workbook on SpreadsheetApp (the add-on). Uses only what the
 * spreadsheets.currentonly scope allows: the active spreadsheet's ranges,
 * formats, data validation, conditional formats and embedded charts.
 * Every method is a fixed number of calls: a block's plain values go in
 * setValues and its formulas in setFormulas, as Google documents them, a
 * rectangle of rows cut alike at a time (block-parts.ts), and ranges sharing
 * a format go in one RangeList.
 */

import { type Rect, rectA1 } from './a1';
import { blockParts } from './block-parts';
import type { Block, ChartSpec, ConditionalRule, NumberFormat, ValidationList } from './plan';
import { cellInput, isFormula } from './plan';
import { TEMPLATE_KEY, type Workbook, type WorkbookSheet } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type ChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/** A tab being rebuilt in place: its hidden copy, the charts it had, and its size before. */
interface Pending {
  copy: Sheet;
  charts: EmbeddedChart[];
  rows: number;
  cols: number;
}

/** Each chart a plan may ask for, as its typed builder (a line chart of CPQM per period is next). */
const CHART_TYPES: Record<
  'bar' | 'line',
  (b: ChartBuilder) => ReturnType<ChartBuilder['asBarChart'] | ChartBuilder['asLineChart']>
> = {
  bar: (b) => b.asBarChart(),
  line: (b) => b.asLineChart(),
};

export class AppsScriptWorkbook implements Workbook {
  /** Tabs this workbook made or is rebuilding, so writing to them needs no lookup. */
  private readonly known = new Map<string, Sheet>();

  private readonly pending = new Map<string, Pending>();

  constructor(private readonly ss: Spreadsheet) {}

  private sheet(name: string): Sheet {
    const known = this.known.get(name);
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
    this.known.set(name, sheet);
    grow(sheet, rows, cols);
  }

  removeSheet(name: string): void {
    this.ss.deleteSheet(this.sheet(name));
    this.known.delete(name);
  }

  startUpdate(name: string, rows: number, cols: number): void {
    const sheet = this.sheet(name);
    this.known.set(name, sheet);
    // Sheet.copyTo the same spreadsheet adds "Copy of <name>" with its values, formats, rules and charts.
    const copy = sheet.copyTo(this.ss);
    copy.hideSheet();
    this.pending.set(name, {
      copy,
      charts: sheet.getCharts(),
      rows: sheet.getMaxRows(),
      cols: sheet.getMaxColumns(),
    });
    clearGrid(sheet);
    grow(sheet, rows, cols);
  }

  private pendingUpdate(name: string): Pending {
    const pending = this.pending.get(name);
    if (!pending) throw new Error(`"${name}" is not being updated.`);
    return pending;
  }

  finishUpdate(name: string): void {
    const sheet = this.sheet(name);
    const { copy, charts } = this.pendingUpdate(name);
    for (const chart of charts) sheet.removeChart(chart);
    this.ss.deleteSheet(copy);
    this.pending.delete(name);
  }

  undoUpdate(name: string): void {
    const sheet = this.sheet(name);
    const { copy, charts, rows, cols } = this.pendingUpdate(name);
    const kept = new Set(charts.map((c) => c.getChartId()));
    for (const chart of sheet.getCharts()) {
      if (!kept.has(chart.getChartId())) sheet.removeChart(chart);
    }
    clearGrid(sheet);
    const haveRows = sheet.getMaxRows();
    if (haveRows > rows) sheet.deleteRows(rows + 1, haveRows - rows);
    const haveCols = sheet.getMaxColumns();
    if (haveCols > cols) sheet.deleteColumns(cols + 1, haveCols - cols);
    const from = copy.getRange(1, 1, rows, cols);
    // Only the destination's top-left cell counts for Range.copyTo.
    const to = sheet.getRange(1, 1);
    const { CopyPasteType } = SpreadsheetApp;
    from.copyTo(to, CopyPasteType.PASTE_NORMAL, false);
    from.copyTo(to, CopyPasteType.PASTE_DATA_VALIDATION, false);
    from.copyTo(to, CopyPasteType.PASTE_COLUMN_WIDTHS, false);
    // Conditional rules are copied whole, onto the same cells of this tab: one call replaces them all.
    sheet.setConditionalFormatRules(
      copy.getConditionalFormatRules().map((rule) =>
        rule
          .copy()
          .setRanges(rule.getRanges().map((r) => sheet.getRange(r.getA1Notation())))
          .build(),
      ),
    );
    for (const banding of copy.getBandings()) {
      banding.copyTo(sheet.getRange(banding.getRange().getA1Notation()));
    }
    this.ss.deleteSheet(copy);
    this.pending.delete(name);
  }

  writeBlock(name: string, block: Block): void {
    const sheet = this.sheet(name);
    for (const part of blockParts(block)) {
      const range = sheet.getRange(
        part.row + 1,
        part.col + 1,
        part.cells.length,
        part.cells[0]!.length,
      );
      if (part.formulas) {
        range.setFormulas(part.cells.map((row) => row.map((c) => (isFormula(c) ? c.f : ''))));
      } else {
        range.setValues(part.cells.map((row) => row.map(cellInput)));
      }
    }
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
    // Most spreadsheets have none: then the tabs need not be listed.
    if (found.length === 0) return [];
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

/** Adds rows and columns until the tab is at least rows × cols. */
function grow(sheet: Sheet, rows: number, cols: number): void {
  const haveRows = sheet.getMaxRows();
  if (rows > haveRows) sheet.insertRowsAfter(haveRows, rows - haveRows);
  const haveCols = sheet.getMaxColumns();
  if (cols > haveCols) sheet.insertColumnsAfter(haveCols, cols - haveCols);
}

/**
 * Empties a tab of what writing puts there, keeping the tab itself: Range.clear
 * takes contents and formats, but data validation, conditional rules and
 * banding each have their own call.
 */
function clearGrid(sheet: Sheet): void {
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  all.clear();
  all.clearDataValidations();
  sheet.clearConditionalFormatRules();
  for (const banding of sheet.getBandings()) banding.remove();
}
