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

/** Sheet names that are not plain words need quotes, with ' doubled. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function rect(row: number, col: number, rows = 1, cols = 1): Rect {
  return { row, col, rows, cols };
}
