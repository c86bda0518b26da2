/** A1 notation for the rectangles and references templates write. Rows and columns are 0-based. */

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function columnLetter(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function cellA1(row: number, col: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetter(col)}${d}${row + 1}`;
}

export function rectA1(r: Rect): string {
  const start = cellA1(r.row, r.col);
  return r.rows === 1 && r.cols === 1
    ? start
    : `${start}:${cellA1(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** A column from a row to the sheet's end, as Sheets writes it: C2:C. */
export function openColumnA1(row: number, col: number): string {
  return `${cellA1(row, col)}:${columnLetter(col)}`;
}

/**
 * Always quoted, with ' doubled: unquoted, names such as TRUE, R1C1 or A1B2
 * may be read as a value or an address instead of a sheet.
 */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function rect(row: number, col: number, rows = 1, cols = 1): Rect {
  return { row, col, rows, cols };
}
