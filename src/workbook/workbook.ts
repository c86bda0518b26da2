/**
 * The narrow interface templates are written through. Two implementations
 * honour the same rules: apps-script.ts (SpreadsheetApp, the add-on) and
 * memory.ts (HyperFormula, tests and the playground).
 *
 * Every method works on whole blocks or lists of ranges, so writing a plan
 * takes a number of calls that depends on the template, not on its size.
 */

import type { Rect } from './a1';
import type { Block, ChartSpec, ConditionalRule, NumberFormat, ValidationList } from './plan';

/** A sheet of the user's spreadsheet, for mapping channel fields to columns. */
export interface SheetInfo {
  name: string;
  /** The first row's texts, left to right ("" for an empty header cell). */
  headers: string[];
  /** Rows with data below the header row. */
  dataRows: number;
}

export interface WorkbookSheet extends SheetInfo {
  /** The sheet's size: open ranges such as C2:C run to the last row. */
  rows: number;
  cols: number;
}

/** The developer metadata key that marks a tab made for a template; its value is the template. */
export const TEMPLATE_KEY = 'funnelMath.template';

export interface Workbook {
  /**
   * Every sheet with cells, in tab order, with its header row. Chart sheets
   * (a chart moved to its own tab) and Connected Sheets data source sheets
   * have no grid of cells and are left out.
   */
  sheets(): WorkbookSheet[];
  /** Every tab's name, chart and data source sheets included, so new tabs get names unlike all of them. */
  sheetNames(): string[];
  /**
   * The cells of one column below the header row, down to the sheet's last
   * row with content, as custom functions receive them (dates as the engine
   * passes them). For templates that must see the data: a native report lists
   * the channels and periods there are.
   */
  columnValues(sheet: string, col: number): unknown[];
  /** Adds an empty tab at the end; throws if the name is taken. */
  addSheet(name: string, rows: number, cols: number): void;
  removeSheet(name: string): void;
  /**
   * Starts rebuilding a tab in place: keeps a hidden copy of everything on it,
   * then empties it of what writing puts there (values, formulas, formats,
   * data validation, conditional rules, banding) and grows it to at least
   * rows × cols. Its name, position, sheet id and mark stay, so formulas on
   * other tabs that point at it keep working: a deleted and re-made tab would
   * turn each of them into #REF!. Its charts stay until finishUpdate, so that
   * undoUpdate never has to re-make one.
   */
  startUpdate(name: string, rows: number, cols: number): void;
  /** The rebuilt tab was written and checked: removes its old charts and the hidden copy. */
  finishUpdate(name: string): void;
  /**
   * Puts the tab back as startUpdate found it, from the hidden copy, into the
   * same tab (charts written since are removed), then removes the copy.
   */
  undoUpdate(name: string): void;
  writeBlock(sheet: string, block: Block): void;
  setNumberFormat(sheet: string, format: NumberFormat): void;
  setBold(sheet: string, ranges: Rect[]): void;
  setValidationList(sheet: string, validation: ValidationList): void;
  /** Replaces the tab's conditional-format rules (a new tab has none). */
  setConditionalRules(sheet: string, rules: ConditionalRule[]): void;
  addChart(sheet: string, chart: ChartSpec): void;
  /** Sets each column's width in pixels, left to right; null leaves a column as it is. */
  setColumnWidths(sheet: string, widths: readonly (number | null)[]): void;
  /**
   * Marks a tab as made for `template` (developer metadata), so it is found
   * again by what it is, never by its name, which the user may change or reuse.
   */
  markTemplate(sheet: string, template: string): void;
  /** The tabs marked by markTemplate, in tab order, with the template each was made for. */
  templateTabs(): { name: string; template: string }[];
  /** The spreadsheet's locale ("en_GB", "de_DE"), for messages about how it reads formulas. */
  locale(): string;
  /**
   * What the top-left `rows` × `cols` cells of a tab show, as text: one read
   * of a whole tab after writing it, to find formulas the spreadsheet could
   * not parse (they show #ERROR!).
   */
  displayValues(sheet: string, rows: number, cols: number): string[][];
  /**
   * Applies every pending change now. The last step of writing: a failure
   * here still removes the new tabs.
   */
  flush(): void;
}

/** The first free tab name: "Funnel plan", then "Funnel plan (2)", … */
export function uniqueName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) {
    const name = `${base} (${k})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}
