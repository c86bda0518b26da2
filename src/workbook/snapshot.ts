/**
 * What the sidebar sees of the spreadsheet: the tabs, their header rows and
 * the columns it asked for, read on the server in one call and carried to
 * the sidebar as plain JSON, where the settings are checked and the
 * templates built. The server keeps only reading, writing and custom
 * functions: Sheets loads the whole script for every custom-function cell,
 * so what only the wizard needs runs in the sidebar.
 *
 * The reply carries a fingerprint of everything read. Create sends it back
 * with the plans, and the server, holding the document lock, reads the same
 * again and writes only if the fingerprint is unchanged: templates are never
 * written from data that changed after they were built.
 */
import { type Day, dayOf, isDate } from '../sheets/dates';
import type { Workbook, WorkbookSheet } from './workbook';

/** A column of a tab below its header row (col counts from 0). */
export interface ColumnRef {
  sheet: string;
  col: number;
}

/**
 * One column's cells as they cross to the sidebar: Dates cannot (nor can
 * they be told from text), so a date cell travels as its calendar day,
 * read in the spreadsheet's zone, with its index in `dates`.
 */
export interface CarriedColumn {
  values: unknown[];
  dates?: number[];
}

export interface WorkbookView {
  /** Every sheet with cells, in tab order, with its header row and size. */
  sheets: WorkbookSheet[];
  /** Every tab's name, chart and data source sheets included. */
  sheetNames: string[];
  /** The tabs the add-on made, with the template each was made for. */
  templateTabs: { name: string; template: string }[];
  /** The columns asked for, in the order asked. */
  columns: CarriedColumn[];
  /** Stands for all of the above: the same reading gives the same fingerprint. */
  fingerprint: string;
}

function carry(values: readonly unknown[]): CarriedColumn {
  const dates: number[] = [];
  const out = values.map((v, k) => {
    if (!isDate(v)) return v;
    dates.push(k);
    const { year, month, day } = dayOf(v);
    return [year, month, day];
  });
  return dates.length > 0 ? { values: out, dates } : { values: out };
}

/**
 * The cells as the server read them. A date comes back as a Date at local
 * midnight of its day, which the sidebar's calendar (the browser's own zone)
 * reads as that same day.
 */
export function uncarry(column: CarriedColumn): unknown[] {
  const values = [...column.values];
  for (const k of column.dates ?? []) {
    const [year, month, day] = values[k] as [Day['year'], Day['month'], Day['day']];
    values[k] = new Date(year, month - 1, day);
  }
  return values;
}

/**
 * cyrb53: a 53-bit string hash, ample to tell one reading from another
 * (not a defence against anyone choosing their data to collide).
 */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Reads the tabs and the columns asked for, with the fingerprint of it all.
 * A column of a tab that is gone, or beyond its last column, reads as empty:
 * the sidebar asks again for what it read last time, and a tab deleted since
 * is for its checks to name, not a failure of the whole reading.
 */
export function readWorkbookView(workbook: Workbook, columns: readonly ColumnRef[]): WorkbookView {
  const sheets = workbook.sheets();
  const there = (c: ColumnRef) => sheets.some((s) => s.name === c.sheet && c.col < s.cols);
  const view = {
    sheets,
    sheetNames: workbook.sheetNames(),
    templateTabs: workbook.templateTabs(),
    columns: columns.map((c) => carry(there(c) ? workbook.columnValues(c.sheet, c.col) : [])),
  };
  return { ...view, fingerprint: hash53(JSON.stringify([columns, view])) };
}
