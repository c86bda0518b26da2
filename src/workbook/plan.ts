/**
 * A template as plain data: what a builder returns and a workbook writes.
 * No Apps Script here, so builders are pure and tests read plans directly.
 */
import type { Rect } from './a1';

/**
 * One cell: a number, boolean, blank (null), literal text, or a formula.
 * Text is always written as text (never parsed as a number, date or
 * formula), so a channel named "=IMPORTXML(…)" stays a name.
 */
export type PlanCell = null | number | boolean | string | { f: string };

/** A rectangle of cells written in one call. */
export interface Block {
  row: number;
  col: number;
  cells: PlanCell[][];
}

export interface NumberFormat {
  pattern: string;
  ranges: Rect[];
}

export interface ValidationList {
  range: Rect;
  values: string[];
  /** Other entries are kept with a warning instead of refused. */
  allowInvalid?: boolean;
}

/** Highlights cells whose text equals `text`. */
export interface ConditionalRule {
  range: Rect;
  text: string;
  background: string;
  fontColor: string;
}

export interface ChartSpec {
  kind: 'bar' | 'line';
  title: string;
  /** Labels first, then the values; each one column. */
  ranges: Rect[];
  /** Rows at the top of every range that are headers, not data; 1 when omitted. */
  headerRows?: number;
  /** Where the chart's top-left corner sits. */
  row: number;
  col: number;
}

/** `Id` names the template the plan was built from; writers never look at it. */
export interface Plan<Id extends string = string> {
  template: Id;
  /** The tab name before making it unique: "Funnel plan". */
  title: string;
  /** The tab's minimum size, so every spilled range fits. */
  rows: number;
  cols: number;
  blocks: Block[];
  formats: NumberFormat[];
  bold: Rect[];
  validations: ValidationList[];
  conditional: ConditionalRule[];
  charts: ChartSpec[];
  /** Lines for the preview step. */
  summary: string[];
}

export function formula(text: string): { f: string } {
  return { f: text.startsWith('=') ? text : `=${text}` };
}

export function isFormula(cell: PlanCell): cell is { f: string } {
  return typeof cell === 'object' && cell !== null;
}

/** Every block's cells as the strings, numbers and booleans a spreadsheet takes as typed input. */
export function cellInput(cell: PlanCell): string | number | boolean {
  if (cell === null) return '';
  if (isFormula(cell)) return cell.f;
  // A leading apostrophe makes Sheets (and HyperFormula) keep the rest as text, unparsed.
  if (typeof cell === 'string') return cell === '' ? '' : `'${cell}`;
  return cell;
}

export function emptyPlan<Id extends string>(template: Id, title: string): Plan<Id> {
  return {
    template,
    title,
    rows: 1000,
    cols: 26,
    blocks: [],
    formats: [],
    bold: [],
    validations: [],
    conditional: [],
    charts: [],
    summary: [],
  };
}
