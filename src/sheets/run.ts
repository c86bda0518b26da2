/**
 * The runners that turn a catalogue entry into what Sheets calls: element by
 * element over any mix of single values and ranges, or over whole ranges, each
 * reporting its problems one way (docs/ARGUMENT-RULES.md).
 */
import { checkArguments, checkCount, type ParamKind } from './arguments';
import { elementSteps } from './element';
import { CallError, Problem } from './problem';
import { finite, type Scalar, type SheetResult, tooLarge } from './result';
import { broadcastGrids, broadcastShape, type Grid, isRange, type Shape } from './shapes';

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
  const { blank, read } = elementSteps(params, kernel);

  function compute(a: unknown, b: unknown, c: unknown, d: unknown): Scalar {
    if (blank(a, b, c, d)) return '';
    const result = read(a, b, c, d);
    if (typeof result === 'number') finite(result);
    return result;
  }

  /**
   * The call's first mistake as checkArguments names it, once a quicker check
   * found one: the runner counts the arguments first and checks each row of a
   * range as its loop reads it, rather than in a pass of its own.
   */
  function refuse(args: readonly unknown[], found: unknown): never {
    try {
      checkArguments(fn, params, args);
    } catch (e) {
      throw withFunctionName(fn, e);
    }
    throw found;
  }

  return function call(...args: unknown[]): SheetResult {
    try {
      checkCount(fn, params, args);
    } catch (e) {
      throw withFunctionName(fn, e);
    }
    if (args.includes(null)) refuse(args, new CallError(`${fn}: an argument is null`));
    if (!args.some(isRange)) {
      try {
        return compute(args[0], args[1], args[2], args[3]);
      } catch (e) {
        throw withFunctionName(fn, e);
      }
    }
    let shape: Shape;
    try {
      shape = broadcastShape(fn, names, args);
    } catch (e) {
      refuse(args, e);
    }
    const { rows, cols } = shape;
    const [g0, g1, g2, g3] = broadcastGrids(args, 4, shape) as [Grid, Grid, Grid, Grid];
    const out: Scalar[][] = new Array(rows);
    // The cells are read and the results stored in this loop itself, with one
    // try around it rather than one per cell: every call or try between a
    // cell and its row would box the number in between (an allocation per cell,
    // which at whole columns doubles the time). A problem fills its cell, and
    // the loop resumes after it. A column, the shape Sheets passes for `B2:B`,
    // has its rows written as literals, which keep their number unboxed.
    let i = 0;
    let j = 0;
    while (i < rows) {
      try {
        for (; i < rows; i++, j = 0) {
          const row0 = g0[i]!;
          const row1 = g1[i]!;
          const row2 = g2[i]!;
          const row3 = g3[i]!;
          if (
            !Array.isArray(row0) ||
            row0.length !== cols ||
            !Array.isArray(row1) ||
            row1.length !== cols ||
            !Array.isArray(row2) ||
            row2.length !== cols ||
            !Array.isArray(row3) ||
            row3.length !== cols
          ) {
            refuse(args, new CallError(`${fn}: row ${i + 1} of a range is not ${cols} cells long`));
          }
          if (cols === 1) {
            const a = row0[0];
            const b = row1[0];
            const c = row2[0];
            const d = row3[0];
            if (blank(a, b, c, d)) {
              out[i] = [''];
              continue;
            }
            const result = read(a, b, c, d);
            if (typeof result === 'number' && result - result !== 0) throw tooLarge();
            out[i] = [result];
            continue;
          }
          if (j === 0) out[i] = new Array(cols);
          const row = out[i]!;
          for (; j < cols; j++) {
            const a = row0[j];
            const b = row1[j];
            const c = row2[j];
            const d = row3[j];
            if (blank(a, b, c, d)) {
              row[j] = '';
              continue;
            }
            const result = read(a, b, c, d);
            // x - x is 0 only for finite numbers (finite() in line).
            if (typeof result === 'number' && result - result !== 0) throw tooLarge();
            row[j] = result;
          }
        }
      } catch (e) {
        if (!(e instanceof Problem)) throw withFunctionName(fn, e);
        if (cols === 1) out[i] = [e.cellText];
        else out[i]![j] = e.cellText;
        if (++j === cols) {
          j = 0;
          i++;
        }
      }
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
