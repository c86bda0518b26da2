/**
 * Reading whole ranges, for the functions that compute over a range as a
 * whole (blended figures, stage lists, meeting logs, checklists) rather than
 * element by element. Every such function reads its ranges through these, so
 * shapes, blanks and the position of a bad cell are reported one way.
 */

import type { ParamKind } from './arguments';
import { COERCE, isBlank, type Kind } from './coerce';
import { elementReader } from './element';
import { CallError, Problem } from './problem';
import type { Scalar } from './result';
import { broadcastShape, gridsAndSingles, isRange, type Shape, shapeOf, showShape } from './shapes';

/** A value that must not vary: a single value, or the cell of a 1×1 range. */
export function single(name: string, value: unknown): unknown {
  if (!isRange(value)) return value;
  const s = shapeOf(value);
  if (s.rows * s.cols === 1) return (value[0] as unknown[])[0];
  throw new CallError(`${name} is a ${showShape(s)} range; give a single value`);
}

/** A blank single value, or a 1×1 range holding a blank: an optional argument left empty. */
export function isBlankValue(value: unknown): boolean {
  if (!isRange(value)) return isBlank(value);
  return (
    value.length === 1 &&
    (value[0] as unknown[]).length === 1 &&
    isBlank((value[0] as unknown[])[0])
  );
}

/**
 * Where an element sits in a range, for messages: `row 3`, `column 2`,
 * `row 3, column 2`. The one place position text is written.
 */
export function position(shape: Shape, i: number, j: number): string {
  if (shape.cols === 1) return `row ${i + 1}`;
  if (shape.rows === 1) return `column ${j + 1}`;
  return `row ${i + 1}, column ${j + 1}`;
}

/** The position of item `k` of a list read from a row (`across`) or a column. */
export function linePosition(across: boolean, k: number): string {
  return across ? position({ rows: 1, cols: 2 }, 0, k) : position({ rows: 2, cols: 1 }, k, 0);
}

/** The same problem, told with where in the range it is. */
export function withPosition<E>(where: string, e: E): E | Problem {
  return e instanceof Problem ? new Problem(e.code, `${where}: ${e.text}`, e.detail) : e;
}

/**
 * Visits ranges of one shape element by element in reading order, single
 * values repeating, with the raw cell values (the visitor coerces them) and
 * the element's index in reading order. A
 * problem the visitor throws is told with the element's position.
 */
export function eachAligned(
  fn: string,
  names: readonly string[],
  args: readonly unknown[],
  visit: (values: unknown[], index: number) => void,
): void {
  const shape = broadcastShape(fn, names, args);
  // `values` starts as the single values; each element fills in the cells of the ranges.
  const [grids, values] = gridsAndSingles(args, args.length);
  for (let i = 0; i < shape.rows; i++) {
    for (let j = 0; j < shape.cols; j++) {
      for (let k = 0; k < grids.length; k++) {
        const grid = grids[k];
        if (grid) values[k] = (grid[i] as unknown[])[j];
      }
      try {
        visit(values, i * shape.cols + j);
      } catch (e) {
        throw withPosition(position(shape, i, j), e);
      }
    }
  }
}

/**
 * Reads ranges of one shape row by row (element by element, single values
 * repeating) the way the element-wise runner reads one element, and hands
 * `use` each row's clean values, for functions that total a table. A wholly
 * blank row is skipped; a row with some required cells blank is a problem
 * told with its position, so a half-filled row never drops out of a total
 * unnoticed. A repeated single value is no row's own cell: a filled one does
 * not make the empty rows under a table half-filled (open ranges with one
 * qualRate work), while a blank one leaves every filled row half-filled.
 */
export function eachRow(
  fn: string,
  params: readonly ParamKind[],
  args: readonly unknown[],
  use: (a: any, b: any, c: any, d: any) => void,
): void {
  const names = params.map((p) => p.name);
  // Refuses empty ranges and shapes that differ before anything reads a cell.
  broadcastShape(fn, names, args);
  const [grids] = gridsAndSingles(args, params.length);
  // Without any range that varies, the call is one row whose cells are the single values.
  const rowCells = grids.some(Boolean) ? grids.map(Boolean) : grids.map(() => true);
  const read = elementReader(params, use, undefined, rowCells);
  eachAligned(fn, names, args, (v) => read(v[0], v[1], v[2], v[3]));
}

/** An ordered list read from one row or one column; `across` when it was a row. */
export interface Line<T> {
  values: T[];
  across: boolean;
}

/**
 * An ordered list of stage values (counts, rates) from one row or column, each
 * coerced as `kind`. Blanks at the end are dropped, so open ranges work; a
 * blank between values would shift every later stage, so it is a problem.
 */
export function line(name: string, value: unknown, kind: Kind): Line<number> {
  const grid = isRange(value) ? value : [[value]];
  const shape = shapeOf(grid);
  if (shape.rows > 1 && shape.cols > 1) {
    throw new CallError(`${name} is ${showShape(shape)}; give a single row or column`);
  }
  // A range of more than one row and column was refused above: more than one column is a row.
  const across = shape.cols > 1;
  const raw: unknown[] = across ? (grid[0] as unknown[]) : grid.map((row) => row[0]);
  let end = raw.length;
  while (end > 0 && isBlank(raw[end - 1])) end--;
  const coerce = COERCE[kind];
  const values: number[] = new Array(end);
  for (let k = 0; k < end; k++) {
    const value = raw[k];
    if (isBlank(value)) {
      throw new Problem(
        '#VALUE!',
        `${linePosition(across, k)}: ${name} is blank`,
        'fill it in or remove the gap',
      );
    }
    try {
      values[k] = coerce(name, value) as number;
    } catch (e) {
      throw withPosition(linePosition(across, k), e);
    }
  }
  return { values, across };
}

/** A list laid out the way its source was: a row stays a row, anything else is a column. */
export function layout(values: readonly Scalar[], across: boolean): Scalar[][] {
  return across ? [values.slice()] : values.map((v) => [v]);
}
