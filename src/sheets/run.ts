/**
 * The runners that turn a catalogue entry into what Sheets calls: element by
 * element over any mix of single values and ranges, or over whole ranges, each
 * reporting its problems one way (docs/ARGUMENT-RULES.md).
 */
import { checkArguments, type ParamKind } from './arguments';
import { elementReader } from './element';
import { CallError, Problem } from './problem';
import { finite, type Scalar, type SheetResult, tooLarge } from './result';
import { broadcastShape, gridsAndSingles, isRange } from './shapes';

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
      throw withFunctionName(fn, e);
    }
  }

  return function call(...args: unknown[]): SheetResult {
    try {
      checkArguments(fn, params, args);
    } catch (e) {
      throw withFunctionName(fn, e);
    }
    if (!args.some(isRange)) {
      try {
        return compute(args[0], args[1], args[2], args[3]);
      } catch (e) {
        throw withFunctionName(fn, e);
      }
    }
    const { rows, cols } = broadcastShape(fn, names, args);
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

/**
 * What a single-value call throws: an Error whose message starts with the
 * function's name (Sheets shows it under #ERROR!).
 */
export function withFunctionName(fn: string, e: unknown): unknown {
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
      throw withFunctionName(fn, e);
    }
  };
}
