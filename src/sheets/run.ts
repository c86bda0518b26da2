/**
 * The argument rules (docs/ARGUMENT-RULES.md) in one place: argument count,
 * single value or range, element-wise broadcasting, blanks, coercion, and how
 * problems are reported.
 */
import { COERCE, isBlank, type Kind, toOption } from './coerce';
import { CallError, Problem } from './problem';

/** What the runner needs to know about an argument. */
export interface ParamKind {
  name: string;
  /** `mapping`: the mapping table (rule 13), read whole before the function runs (sheets/mapping.ts). */
  kind: Kind | 'mapping';
  optional?: boolean;
  /** Used when an optional argument is omitted or blank. */
  default?: number | boolean | string;
  /**
   * The labels or keys a text argument accepts, in their canonical spelling
   * (matching forgives case, punctuation and filler words).
   */
  options?: readonly string[];
}

export interface ParamSpec extends ParamKind {
  /** One line for autocomplete; rates say "60% or 0.6", optional ones their default. */
  doc: string;
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

/** How a function is written with its arguments, optional ones in brackets: `CPQM(spend, meetings, qualRate, [showRate])`. */
export function signature(
  fn: string,
  params: readonly { name: string; optional?: boolean }[],
): string {
  return `${fn}(${params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
}

/**
 * Rule 11 and what Sheets can pass: too few or too many arguments, `null`, a
 * list that is not rows of cells, or rows of different lengths are the
 * caller's mistake for the whole call. Sheets itself passes bare values and
 * rectangular 2-D arrays only; scripts calling the functions may pass the rest.
 */
export function checkArguments(
  fn: string,
  params: readonly ParamKind[],
  args: readonly unknown[],
): void {
  let required = 0;
  for (const p of params) if (!p.optional) required++;
  if (args.length < required || args.length > params.length) {
    const count = required === params.length ? `${required}` : `${required} to ${params.length}`;
    throw new CallError(
      `${fn}: takes ${count} argument${params.length === 1 ? '' : 's'}, ${signature(fn, params)}, but got ${args.length}`,
    );
  }
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === null) {
      throw new CallError(
        `${fn}: ${params[k]!.name} is null; pass a value, a range, or "" for a blank`,
      );
    }
    if (!Array.isArray(arg)) continue;
    const width = Array.isArray(arg[0]) ? (arg[0] as unknown[]).length : -1;
    for (const row of arg) {
      if (!Array.isArray(row) || row.length !== width) {
        throw new CallError(
          `${fn}: ${params[k]!.name} is not a range of rows of the same length; pass a single value or rows of cells such as [[1], [2]]`,
        );
      }
    }
  }
}

/**
 * The common shape of ranges that combine element by element; single values
 * and 1×1 ranges repeat. Shapes that differ are the caller's mistake for the
 * whole call, named with both arguments.
 */
export function commonShape(fn: string, names: readonly string[], args: readonly unknown[]): Shape {
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
 * Ranges that must have one shape, such as the columns of one table: no
 * single value repeats. A difference is the caller's mistake, named with both.
 */
export function checkShapes(names: readonly string[], grids: readonly Grid[]): Shape {
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
 * value or the cell of a 1×1 range). Ranges are checked first (`commonShape`),
 * so none is empty.
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

/** How one argument of an element is read, from its catalogue declaration. */
interface Arg {
  name: string;
  coerce: (arg: string, value: unknown) => unknown;
  /** A blank required argument blanks the element. */
  required: boolean;
  /** What a blank optional argument reads as. */
  fallback: unknown;
}

const unused = (_arg: string, value: unknown): unknown => value;

/** An absent slot (a function of fewer than four arguments) is never blank, so it never blanks the element. */
function argOf(p: ParamKind | undefined): Arg {
  return {
    name: p?.name ?? '',
    coerce: !p || p.kind === 'mapping' ? unused : p.options ? toOption : COERCE[p.kind],
    required: p !== undefined && p.optional !== true,
    fallback: p?.default,
  };
}

/** The function a catalogue entry's per-element code is compiled into. */
export type Kernel = (a: any, b: any, c: any, d: any) => Scalar;

/** Reads one element's raw cells and hands `use` the clean values. */
export type ElementReader<R> = (a: unknown, b: unknown, c: unknown, d: unknown) => R;

/**
 * Rules 3–6 of docs/ARGUMENT-RULES.md for one element, for every function that reads element by
 * element: the element-wise runner and the whole-range functions alike.
 * Every required argument is checked for blank before any is coerced, so an
 * element with a blank gives `blank` whichever of its other cells holds junk;
 * otherwise blank optional ones take their default, the rest are coerced in
 * order (a problem names the first bad argument) and `use` gets the values.
 *
 * With `rowCells`, for functions that total a table (BLENDED_CPQM), a half-filled
 * row must not silently drop out of the total: an element is `blank` only
 * when every required argument marked in `rowCells` (the row's own cells; a
 * single value repeated down the range is no row's own) is blank, and any
 * other blank required argument is a problem naming it.
 *
 * The four slots are unrolled rather than looped over: a range call runs this
 * once per cell, and whole open columns are hundreds of thousands of cells,
 * so the per-element cost must stay close to the bare arithmetic.
 */
export function elementReader<R>(
  params: readonly ParamKind[],
  use: (a: any, b: any, c: any, d: any) => R,
  blank: R,
  rowCells?: readonly boolean[],
): ElementReader<R> {
  if (params.length > 4) throw new Error('an element is read from at most 4 arguments');
  const args = [0, 1, 2, 3].map((k) => argOf(params[k]));
  const [a0, a1, a2, a3] = args as [Arg, Arg, Arg, Arg];
  const { name: n0, coerce: c0, required: r0, fallback: f0 } = a0;
  const { name: n1, coerce: c1, required: r1, fallback: f1 } = a1;
  const { name: n2, coerce: c2, required: r2, fallback: f2 } = a2;
  const { name: n3, coerce: c3, required: r3, fallback: f3 } = a3;
  return function read(a, b, c, d) {
    const blank0 = isBlank(a);
    const blank1 = isBlank(b);
    const blank2 = isBlank(c);
    const blank3 = isBlank(d);
    if ((r0 && blank0) || (r1 && blank1) || (r2 && blank2) || (r3 && blank3)) {
      if (rowCells) blankRow(args, rowCells, [a, b, c, d]);
      return blank;
    }
    return use(
      blank0 ? f0 : c0(n0, a),
      blank1 ? f1 : c1(n1, b),
      blank2 ? f2 : c2(n2, c),
      blank3 ? f3 : c3(n3, d),
    );
  };
}

/** Passes a wholly blank row; throws for one that is only partly blank, saying what to fill in. */
function blankRow(
  args: readonly Arg[],
  rowCells: readonly boolean[],
  values: readonly unknown[],
): void {
  const blanks: string[] = [];
  const filled: string[] = [];
  args.forEach((arg, k) => {
    if (!arg.required) return;
    if (isBlank(values[k])) blanks.push(arg.name);
    else if (rowCells[k]) filled.push(arg.name);
  });
  if (filled.length === 0) return;
  const list = (names: string[]) =>
    names.length === 1
      ? names[0]
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  throw new Problem(
    '#VALUE!',
    `${list(blanks)} ${blanks.length === 1 ? 'is' : 'are'} blank`,
    `fill ${blanks.length === 1 ? 'it' : 'them'} in, or also clear ${list(filled)} to skip it`,
  );
}

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
  params: readonly ParamKind[],
  kernel: Kernel,
): (...args: unknown[]) => SheetResult {
  const arity = params.length;
  if (arity > 4) throw new Error(`${fn}: element-wise functions take at most 4 arguments`);
  const names = params.map((p) => p.name);
  const read = elementReader(params, kernel, '');

  function compute(a: unknown, b: unknown, c: unknown, d: unknown): Scalar {
    const result = read(a, b, c, d);
    if (typeof result === 'number') finite(result);
    return result;
  }

  function cell(a: unknown, b: unknown, c: unknown, d: unknown): Scalar {
    try {
      // compute() by hand, with finite()'s test in line: this runs once per
      // cell, and the extra call measurably slows whole columns.
      const result = read(a, b, c, d);
      if (typeof result === 'number' && result - result !== 0) throw tooLarge();
      return result;
    } catch (e) {
      if (e instanceof Problem) return e.cellText;
      throw named(fn, e);
    }
  }

  return function call(...args: unknown[]): SheetResult {
    try {
      checkArguments(fn, params, args);
    } catch (e) {
      throw named(fn, e);
    }
    if (!args.some(isRange)) {
      try {
        return compute(args[0], args[1], args[2], args[3]);
      } catch (e) {
        throw named(fn, e);
      }
    }
    const { rows, cols } = commonShape(fn, names, args);
    const [grids, fixed] = gridsAndSingles(args, arity);
    const [g0, g1, g2, g3] = grids;
    const [v0, v1, v2, v3] = fixed;
    const out: Scalar[][] = new Array(rows);
    for (let i = 0; i < rows; i++) {
      const row0 = g0?.[i] as unknown[] | undefined;
      const row1 = g1?.[i] as unknown[] | undefined;
      const row2 = g2?.[i] as unknown[] | undefined;
      const row3 = g3?.[i] as unknown[] | undefined;
      if (cols === 1) {
        out[i] = [
          cell(row0 ? row0[0] : v0, row1 ? row1[0] : v1, row2 ? row2[0] : v2, row3 ? row3[0] : v3),
        ];
        continue;
      }
      const row: Scalar[] = new Array(cols);
      for (let j = 0; j < cols; j++) {
        row[j] = cell(
          row0 ? row0[j] : v0,
          row1 ? row1[j] : v1,
          row2 ? row2[j] : v2,
          row3 ? row3[j] : v3,
        );
      }
      out[i] = row;
    }
    return out;
  };
}

/** A number result as Sheets may show it: never NaN or ±Infinity. */
export function finite(value: number): number {
  // x - x is 0 only for finite numbers: one test rules out NaN and ±Infinity.
  if (value - value !== 0) throw tooLarge();
  return value;
}

function tooLarge(): Problem {
  return new Problem('#NUM!', 'the result is too large to show', 'check the inputs');
}

/**
 * What a single-value call throws: an Error whose message starts with the
 * function's name (Sheets shows it under #ERROR!).
 */
export function named(fn: string, e: unknown): unknown {
  if (e instanceof Problem) return new Error(e.messageFor(fn));
  if (e instanceof CallError)
    return new Error(e.message.startsWith(`${fn}: `) ? e.message : `${fn}: ${e.message}`);
  return e;
}

/**
 * Wraps a whole-range function so its arguments are counted and its problems
 * read like the element-wise ones: an Error that starts with the function's name.
 */
export function wholeRange(
  fn: string,
  params: readonly ParamKind[],
  body: (...args: unknown[]) => SheetResult,
): (...args: unknown[]) => SheetResult {
  return (...args) => {
    try {
      checkArguments(fn, params, args);
      return body(...args);
    } catch (e) {
      throw named(fn, e);
    }
  };
}
