/** What a function may hand back to a cell. */
import { Problem } from './problem';

/** A cell result: numbers, texts (labels, per-element problems) or blank. */
export type Scalar = number | string | boolean;
export type SheetResult = Scalar | Scalar[][];

/** A number result as Sheets may show it: never NaN or ±Infinity. */
export function finite(value: number): number {
  // x - x is 0 only for finite numbers: one test rules out NaN and ±Infinity.
  if (value - value !== 0) throw tooLarge();
  return value;
}

export function tooLarge(): Problem {
  return new Problem('#NUM!', 'the result is too large to show', 'check the inputs');
}
