/**
 * The argument rules of SPEC §1 in one place: single value or range,
 * element-wise broadcasting, blanks, coercion, and how problems are reported.
 */
import { COERCE, isBlank, type Kind } from './coerce';
import { CallError, Problem } from './problem';

export interface ParamSpec {
  name: string;
  kind: Kind;
  /** One line for autocomplete; rates say "60% or 0.6", optional ones their default. */
  doc: string;
  optional?: boolean;
  /** Used when an optional argument is omitted or blank. */
  default?: number | boolean | string;
}

/** A cell result: numbers, texts (labels, per-element problems) or blank. */
export type Scalar = number | string | boolean;
export type SheetResult = Scalar | Scalar[][];
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

/** A single value becomes a 1×1 grid, so range-reading code has one case. */
export function asGrid(value: unknown): Grid {
  if (!Array.isArray(value)) return [[value]];
  return value.map((row) => (Array.isArray(row) ? row : [row]));
}

/** A range call's common shape; single values and 1×1 ranges repeat. */
function commonShape(fn: string, params: readonly ParamSpec[], args: readonly unknown[]): Shape {
  let shape: Shape | undefined;
  let owner = '';
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (!isRange(arg)) continue;
    const s = shapeOf(arg);
    if (s.rows * s.cols === 1) continue;
    if (s.rows * s.cols === 0) throw new CallError(`${fn}: ${params[k]!.name} is an empty range`);
    if (!shape) {
      shape = s;
      owner = params[k]!.name;
    } else if (s.rows !== shape.rows || s.cols !== shape.cols) {
      throw new CallError(
        `${fn}: ${owner} is ${showShape(shape)} but ${params[k]!.name} is ${showShape(s)}; ` +
          'give ranges of the same size, or a single value to use for every row',
      );
    }
  }
  return shape ?? { rows: 1, cols: 1 };
}

/** The function a catalogue entry's per-element code is compiled into. */
export type Kernel = (a: any, b: any, c: any, d: any) => Scalar;

/**
 * Compiles a function on clean single values into one that Sheets can call
 * with any mix of single values and ranges.
 *
 * Single-value calls throw an Error naming the function (Sheets shows it
 * under #ERROR!); range calls return one result per element, with a short
 * error text in the elements that have a problem.
 */
export function elementwise(
  fn: string,
  params: readonly ParamSpec[],
  kernel: Kernel,
): (...args: unknown[]) => SheetResult {
  const arity = params.length;
  if (arity > 4) throw new Error(`${fn}: element-wise functions take at most 4 arguments`);
  const names = params.map((p) => p.name);
  const coercers = params.map((p) => COERCE[p.kind]);
  const optional = params.map((p) => p.optional === true);
  const defaults = params.map((p) => p.default);
  const buffer: unknown[] = [undefined, undefined, undefined, undefined];

  /** Coerces one element's arguments into `buffer`; false when a required one is blank. */
  function load(raw: readonly unknown[]): boolean {
    for (let k = 0; k < arity; k++) {
      const value = raw[k];
      if (value === '' || value === null || value === undefined) {
        if (!optional[k]) return false;
        buffer[k] = defaults[k];
      } else {
        buffer[k] = coercers[k]!(names[k]!, value);
      }
    }
    return true;
  }

  function compute(raw: readonly unknown[]): Scalar {
    if (!load(raw)) return '';
    const result = kernel(buffer[0], buffer[1], buffer[2], buffer[3]);
    if (typeof result === 'number' && !Number.isFinite(result)) {
      throw new Problem('#NUM!', 'the result is too large to show', 'check the inputs');
    }
    return result;
  }

  return function call(...args: unknown[]): SheetResult {
    if (args.length > arity) {
      throw new CallError(`${fn}: takes at most ${arity} arguments, got ${args.length}`);
    }
    if (!args.some(isRange)) {
      try {
        return compute(args);
      } catch (e) {
        if (e instanceof Problem) throw new Error(e.messageFor(fn));
        throw e;
      }
    }
    const { rows, cols } = commonShape(fn, params, args);
    // Per argument: its grid when it varies by element, else its one value.
    const grids: (Grid | undefined)[] = [];
    const fixed: unknown[] = [];
    for (let k = 0; k < arity; k++) {
      const arg = args[k];
      if (isRange(arg) && rows * cols > 1 && arg.length * (arg[0] as unknown[]).length > 1) {
        grids.push(arg);
        fixed.push(undefined);
      } else {
        grids.push(undefined);
        fixed.push(isRange(arg) ? (arg[0] as unknown[])[0] : arg);
      }
    }
    const raw: unknown[] = fixed.slice();
    const out: Scalar[][] = new Array(rows);
    for (let i = 0; i < rows; i++) {
      const row: Scalar[] = new Array(cols);
      for (let j = 0; j < cols; j++) {
        for (let k = 0; k < arity; k++) {
          const grid = grids[k];
          if (grid !== undefined) raw[k] = (grid[i] as unknown[])[j];
        }
        try {
          row[j] = compute(raw);
        } catch (e) {
          if (!(e instanceof Problem)) throw e;
          row[j] = e.cellText;
        }
      }
      out[i] = row;
    }
    return out;
  };
}

/** For functions over whole ranges: the non-blank cells, in reading order. */
export function cells(value: unknown): unknown[] {
  const out: unknown[] = [];
  for (const row of asGrid(value)) for (const cell of row) if (!isBlank(cell)) out.push(cell);
  return out;
}

/**
 * Wraps a whole-range function so its problems read like the element-wise
 * ones: an Error that starts with the function's name.
 */
export function whole(
  fn: string,
  body: (...args: unknown[]) => SheetResult,
): (...args: unknown[]) => SheetResult {
  return (...args) => {
    try {
      return body(...args);
    } catch (e) {
      if (e instanceof Problem) throw new Error(e.messageFor(fn));
      if (e instanceof CallError)
        throw new Error(e.message.startsWith(fn) ? e.message : `${fn}: ${e.message}`);
      throw e;
    }
  };
}
