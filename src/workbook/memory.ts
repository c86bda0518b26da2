/**
 * The workbook in memory, on HyperFormula with every Funnel Math function
 * registered (engine-functions.ts) and formulas rewritten where Sheets and
 * HyperFormula read them differently (engine-formulas.ts): tests write
 * templates into it and read the computed values, and the playground serves
 * it as the user's spreadsheet.
 * Dev only: never part of the Apps Script bundle.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { cellA1, type Rect } from './a1';
import { engineFormula } from './engine-formulas';
import { registerFunnelMath } from './engine-functions';
import {
  type Block,
  type ChartSpec,
  type ConditionalRule,
  cellInput,
  type NumberFormat,
  type ValidationList,
} from './plan';
import type { Workbook, WorkbookSheet } from './workbook';

export type Input = string | number | boolean | null;

export interface SheetSnapshot {
  name: string;
  /** What was typed: formulas as written (open ranges and all), or the value. */
  formulas: Input[][];
  /** What the engine computed; an error is its code, then its message if any. */
  values: Input[][];
}

/** Formatting and other non-value parts of a tab, recorded for tests and the playground. */
export interface SheetMeta {
  formats: NumberFormat[];
  bold: Rect[];
  validations: ValidationList[];
  conditional: ConditionalRule[];
  charts: ChartSpec[];
  /** Column widths in pixels by column; null where left at the default. */
  widths: (number | null)[];
  /** The template the tab was made for (its developer metadata in Sheets). */
  template?: string;
}

/** A new Google sheet's size. */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLS = 26;

export class MemoryWorkbook implements Workbook {
  readonly hf: HyperFormula;
  private readonly sizes = new Map<string, { rows: number; cols: number }>();
  /** Formulas whose typed text differs from what the engine got, by sheet, then "row,col". */
  private readonly typed = new Map<string, Map<string, string>>();
  private readonly metas = new Map<string, SheetMeta>();
  /** What each tab being rebuilt in place held before, by sheet: the engine keeps it, as a hidden copy would. */
  private readonly before = new Map<
    string,
    {
      content: RawCellContent[][];
      typed: Map<string, string> | undefined;
      meta: SheetMeta;
      size: { rows: number; cols: number };
    }
  >();

  constructor() {
    registerFunnelMath();
    this.hf = HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      // Sheets keeps full doubles and shows 15 significant digits; rounding results
      // to 12 decimals hides float noise (0.1 + 0.2) without hiding real differences.
      precisionRounding: 12,
      // Sheets evaluates SUMPRODUCT's arguments as arrays ((B2:B9<>"")*C2:C9);
      // HyperFormula does so only with array arithmetic on.
      useArrayArithmetic: true,
    });
  }

  static fromSheets(sheets: Record<string, Input[][]>): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    for (const [name, rows] of Object.entries(sheets)) {
      const height = rows.length;
      const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
      wb.addSheet(name, Math.max(NEW_SHEET_ROWS, height), Math.max(NEW_SHEET_COLS, width));
    }
    wb.hf.batch(() => {
      for (const [name, rows] of Object.entries(sheets)) {
        rows.forEach((row, r) => {
          row.forEach((input, c) => {
            if (input !== null && input !== '') wb.setCell(name, r, c, input);
          });
        });
      }
    });
    return wb;
  }

  private id(sheet: string): number {
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`There is no sheet named "${sheet}".`);
    return id;
  }

  private size(sheet: string): { rows: number; cols: number } {
    const size = this.sizes.get(sheet.toLowerCase());
    if (!size) throw new Error(`There is no sheet named "${sheet}".`);
    return size;
  }

  /** The formula the engine can parse, for a formula typed on `sheet` (engine-formulas.ts). */
  private translate(sheet: string, text: string): string {
    return engineFormula(
      text,
      sheet,
      (name) => this.sizes.get(name.toLowerCase())?.rows ?? NEW_SHEET_ROWS,
    );
  }

  private engineInput(sheet: string, row: number, col: number, input: Input): Input {
    const key = `${row},${col}`;
    let typed = this.typed.get(sheet.toLowerCase());
    if (typeof input === 'string' && input.startsWith('=')) {
      const engine = this.translate(sheet, input);
      if (engine !== input) {
        if (!typed) {
          typed = new Map();
          this.typed.set(sheet.toLowerCase(), typed);
        }
        typed.set(key, input);
      } else typed?.delete(key);
      return engine;
    }
    typed?.delete(key);
    return input === '' ? null : input;
  }

  /** Sheets grows a sheet when a value lands below its end; open ranges follow. */
  private grow(sheet: string, rows: number, cols: number): void {
    const size = this.size(sheet);
    if (rows <= size.rows && cols <= size.cols) return;
    size.rows = Math.max(size.rows, rows);
    size.cols = Math.max(size.cols, cols);
    for (const [owner, cells] of this.typed) {
      const name = this.hf.getSheetName(this.id(owner))!;
      for (const [key, text] of cells) {
        const [r, c] = key.split(',').map(Number) as [number, number];
        this.hf.setCellContents({ sheet: this.id(name), row: r, col: c }, [
          [this.translate(name, text)],
        ]);
      }
    }
  }

  /**
   * Refuses cells past the engine's size limit before anything changes: growing
   * first would stretch every open range past the limit, and they would stop
   * evaluating.
   */
  private ensureFits(sheet: string, row: number, col: number, rows = 1, cols = 1): void {
    const id = this.id(sheet);
    const end = { sheet: id, row: row + Math.max(1, rows) - 1, col: col + Math.max(1, cols) - 1 };
    if (!this.hf.isItPossibleToSetCellContents({ start: { sheet: id, row, col }, end })) {
      const { maxRows, maxColumns } = this.hf.getConfig();
      throw new Error(
        `${cellA1(end.row, end.col)} is past the end of the sheet, which holds at most ${maxRows} rows and ${maxColumns} columns.`,
      );
    }
  }

  /** One cell, typed as a user would (0-based row and column). */
  setCell(sheet: string, row: number, col: number, input: Input): void {
    this.ensureFits(sheet, row, col);
    this.grow(sheet, row + 1, col + 1);
    this.hf.setCellContents({ sheet: this.id(sheet), row, col }, [
      [this.engineInput(sheet, row, col, input)],
    ]);
  }

  /** The computed value of one cell (errors as their text). */
  value(sheet: string, row: number, col: number): Input {
    return show(this.hf.getCellValue({ sheet: this.id(sheet), row, col }));
  }

  meta(sheet: string): SheetMeta {
    const meta = this.metas.get(sheet.toLowerCase());
    if (!meta) throw new Error(`There is no sheet named "${sheet}".`);
    return meta;
  }

  snapshot(): SheetSnapshot[] {
    return this.hf.getSheetNames().map((name) => {
      const id = this.id(name);
      const serialized = this.hf.getSheetSerialized(id) as Input[][];
      const computed = this.hf.getSheetValues(id);
      const typed = this.typed.get(name.toLowerCase());
      const height = Math.max(serialized.length, computed.length);
      const formulas: Input[][] = [];
      const values: Input[][] = [];
      for (let r = 0; r < height; r++) {
        const width = Math.max(serialized[r]?.length ?? 0, computed[r]?.length ?? 0);
        const frow: Input[] = [];
        const vrow: Input[] = [];
        for (let c = 0; c < width; c++) {
          frow.push(typed?.get(`${r},${c}`) ?? serialized[r]?.[c] ?? null);
          vrow.push(show(computed[r]?.[c]));
        }
        formulas.push(frow);
        values.push(vrow);
      }
      return { name, formulas, values };
    });
  }

  // ---- Workbook ----

  sheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  sheets(): WorkbookSheet[] {
    return this.hf.getSheetNames().map((name) => {
      const id = this.id(name);
      const headers = (this.hf.getSheetValues(id)[0] ?? []).map((v) => {
        const shown = show(v);
        return shown === null ? '' : String(shown);
      });
      while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
      return { name, headers, dataRows: this.dataRows(id), ...this.size(name) };
    });
  }

  /**
   * Rows below the header down to the last row with content in any column, as
   * Sheets' getLastRow counts: the engine's dimensions also count empty cells
   * that ranges refer to.
   */
  private dataRows(id: number): number {
    const typed = this.hf.getSheetSerialized(id);
    let last = typed.length - 1;
    while (last >= 0 && !(typed[last] ?? []).some((v) => v !== null && v !== undefined && v !== ''))
      last--;
    return Math.max(0, last);
  }

  columnValues(sheet: string, col: number): unknown[] {
    const id = this.id(sheet);
    const rows = this.dataRows(id);
    const out: unknown[] = [];
    for (let row = 1; row <= rows; row++) {
      const v = this.hf.getCellValue({ sheet: id, row, col });
      out.push(v === null || v === undefined ? '' : v instanceof DetailedCellError ? v.value : v);
    }
    return out;
  }

  addSheet(name: string, rows: number, cols: number): void {
    if (this.sizes.has(name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists.`);
    }
    this.hf.addSheet(name);
    this.sizes.set(name.toLowerCase(), { rows, cols });
    this.metas.set(name.toLowerCase(), emptyMeta());
  }

  removeSheet(name: string): void {
    this.hf.removeSheet(this.id(name));
    this.sizes.delete(name.toLowerCase());
    this.typed.delete(name.toLowerCase());
    this.metas.delete(name.toLowerCase());
    this.before.delete(name.toLowerCase());
  }

  /**
   * The engine's clearSheet and setSheetContent keep the sheet's id, so
   * formulas on other tabs that point at it stay pointed at it and compute
   * again from what is written next.
   */
  startUpdate(sheet: string, rows: number, cols: number): void {
    const key = sheet.toLowerCase();
    const id = this.id(sheet);
    const meta = this.meta(sheet);
    const size = this.size(sheet);
    this.before.set(key, {
      content: this.typedContent(id),
      typed: this.typed.get(key),
      meta: structuredClone(meta),
      size: { ...size },
    });
    this.hf.clearSheet(id);
    this.typed.delete(key);
    this.metas.set(key, { ...emptyMeta(), template: meta.template });
    this.grow(sheet, rows, cols);
  }

  /**
   * What was typed on a sheet, as the engine takes it back: the engine also
   * serializes the values an array formula spills, and written back they
   * would block the spill.
   */
  private typedContent(id: number): RawCellContent[][] {
    return this.hf.getSheetSerialized(id).map((row, r) =>
      row.map((cell, c) => {
        const address = { sheet: id, row: r, col: c };
        return this.hf.isCellPartOfArray(address) && !this.hf.doesCellHaveFormula(address)
          ? null
          : cell;
      }),
    );
  }

  finishUpdate(sheet: string): void {
    this.before.delete(sheet.toLowerCase());
  }

  undoUpdate(sheet: string): void {
    const key = sheet.toLowerCase();
    const saved = this.before.get(key);
    if (!saved) throw new Error(`"${sheet}" is not being updated.`);
    this.hf.setSheetContent(this.id(sheet), saved.content);
    if (saved.typed) this.typed.set(key, saved.typed);
    else this.typed.delete(key);
    this.metas.set(key, saved.meta);
    this.sizes.set(key, saved.size);
    this.before.delete(key);
  }

  writeBlock(sheet: string, block: Block): void {
    const height = block.cells.length;
    const width = block.cells.reduce((w, r) => Math.max(w, r.length), 0);
    this.ensureFits(sheet, block.row, block.col, height, width);
    this.grow(sheet, block.row + height, block.col + width);
    const grid = block.cells.map((row, r) =>
      row.map((cell, c) => this.engineInput(sheet, block.row + r, block.col + c, cellInput(cell))),
    );
    this.hf.setCellContents({ sheet: this.id(sheet), row: block.row, col: block.col }, grid);
  }

  setNumberFormat(sheet: string, format: NumberFormat): void {
    this.meta(sheet).formats.push(format);
  }

  setBold(sheet: string, ranges: Rect[]): void {
    this.meta(sheet).bold.push(...ranges);
  }

  setValidationList(sheet: string, validation: ValidationList): void {
    this.meta(sheet).validations.push(validation);
  }

  setConditionalRules(sheet: string, rules: ConditionalRule[]): void {
    this.meta(sheet).conditional = [...rules];
  }

  addChart(sheet: string, chart: ChartSpec): void {
    this.meta(sheet).charts.push(chart);
  }

  setColumnWidths(sheet: string, widths: readonly (number | null)[]): void {
    this.meta(sheet).widths = [...widths];
  }

  markTemplate(sheet: string, template: string): void {
    this.meta(sheet).template = template;
  }

  templateTabs(): { name: string; template: string }[] {
    return this.sheetNames().flatMap((name) => {
      const { template } = this.meta(name);
      return template === undefined ? [] : [{ name, template }];
    });
  }

  /** HyperFormula reads formulas as Sheets does in English-speaking locales. */
  locale(): string {
    return 'en_US';
  }

  displayValues(sheet: string, rows: number, cols: number): string[][] {
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => {
        const v = this.value(sheet, r, c);
        // An error shows as its code alone ("#ERROR!"); the message is the cell's note in Sheets.
        return typeof v === 'string' && v.startsWith('#') ? v.split(' ')[0]! : String(v ?? '');
      }),
    );
  }

  /** Every change applies at once here; nothing is pending. */
  flush(): void {}
}

/** A new tab's formatting: none yet. */
function emptyMeta(): SheetMeta {
  return { formats: [], bold: [], validations: [], conditional: [], charts: [], widths: [] };
}

function show(value: unknown): Input {
  if (value instanceof DetailedCellError) {
    return value.message ? `${value.value} ${value.message}` : value.value;
  }
  if (value === undefined) return null;
  return value as Input;
}
