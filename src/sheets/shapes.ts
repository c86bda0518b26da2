/**
 * The shapes of ranges: what a range is, how big it is, and which shapes may
 * be combined (docs/ARGUMENT-RULES.md rules 1 and 2).
 */
import { CallError } from './problem';

export type Grid = unknown[][];

export interface Shape {
  rows: number;
  cols: number;
}

export function isRange(value: unknown): value is Grid {
  return Array.isArray(value);
}

export function shapeOf(grid: Grid): Shape {
  return { rows: grid.length, cols: grid.length === 0 ? 0 : (grid[0] as unknown[]).length };
}

export function showShape(shape: Shape): string {
  return `${shape.rows}×${shape.cols}`;
}

/**
 * The shape ranges that combine element by element broadcast to; single values
 * and 1×1 ranges repeat. Shapes that differ are the caller's mistake for the
 * whole call, named with both arguments.
 */
export function broadcastShape(
  fn: string,
  names: readonly string[],
  args: readonly unknown[],
): Shape {
  let shape: Shape | undefined;
  let owner = '';
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (!isRange(arg)) continue;
    const s = shapeOf(arg);
    if (s.rows * s.cols === 1) continue;
    if (s.rows * s.cols === 0) throw new CallError(`${fn}: ${names[k]} is an empty range`);
    if (!shape) {
      shape = s;
      owner = names[k]!;
    } else if (s.rows !== shape.rows || s.cols !== shape.cols) {
      throw new CallError(
        `${fn}: ${owner} is ${showShape(shape)} but ${names[k]} is ${showShape(s)}; ` +
          'give ranges of the same size, or a single value to use for every row',
      );
    }
  }
  return shape ?? { rows: 1, cols: 1 };
}

/**
 * The one shape of ranges that are the columns of one table: no single value
 * repeats. A difference is the caller's mistake, named with both.
 */
export function tableShape(names: readonly string[], grids: readonly Grid[]): Shape {
  const shape = shapeOf(grids[0]!);
  if (shape.rows * shape.cols === 0) throw new CallError(`${names[0]} is an empty range`);
  for (let k = 1; k < grids.length; k++) {
    const s = shapeOf(grids[k]!);
    if (s.rows !== shape.rows || s.cols !== shape.cols) {
      throw new CallError(
        `${names[0]} is ${showShape(shape)} but ${names[k]} is ${showShape(s)}; give ranges of the same size, one row per line of the table`,
      );
    }
  }
  return shape;
}

/**
 * Per argument of a call over ranges: its grid when it varies by element
 * (a range of more than one cell), else the one value it repeats (a single
 * value or the cell of a 1×1 range). Ranges are checked first
 * (`broadcastShape`), so none is empty.
 */
export function gridsAndSingles(
  args: readonly unknown[],
  count: number,
): [(Grid | undefined)[], unknown[]] {
  const grids: (Grid | undefined)[] = [];
  const fixed: unknown[] = [];
  for (let k = 0; k < count; k++) {
    const arg = args[k];
    if (isRange(arg) && arg.length * (arg[0] as unknown[]).length > 1) {
      grids.push(arg);
      fixed.push(undefined);
    } else {
      grids.push(undefined);
      fixed.push(isRange(arg) ? (arg[0] as unknown[])[0] : arg);
    }
  }
  return [grids, fixed];
}

/**
 * Per argument of a call over ranges, a grid of `shape`: a range that varies
 * by element as it is, anything else as one row of its single value, repeated.
 * The runner's loop then reads every argument the same way, `grid[i][j]`:
 * choosing between a range and a single value per cell would box every
 * fractional cell it reads.
 */
export function broadcastGrids(args: readonly unknown[], count: number, shape: Shape): Grid[] {
  const [grids, fixed] = gridsAndSingles(args, count);
  return grids.map(
    (grid, k) =>
      grid ?? new Array<unknown[]>(shape.rows).fill(new Array(shape.cols).fill(fixed[k])),
  );
}
