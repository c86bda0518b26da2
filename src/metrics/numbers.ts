/**
 * Rounding and comparing without tripping over floating-point noise, in both
 * the functions and their native-formula expansions, so the two agree
 * (docs/ARGUMENT-RULES.md, rule 9). 21 / 35% is 60.00000000000001 in binary
 * floating point; a person means 60.
 */

/**
 * Relative difference below which two numbers compare as the same number (a
 * value on a benchmark's edge). It is the tolerance spreadsheet engines
 * themselves apply when comparing or subtracting nearly equal numbers (a
 * difference under 1e-13 of the operand reads as 0), so the native formula
 * and the function agree. Rounding up forgives far less (ROUNDING_SLACK).
 */
export const NOISE = 1e-13;

export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * NOISE;
}

/**
 * How far above a whole number a result may sit and still be that number when
 * rounding up: 2^-49 of its size, which is between 8 and 16 units in the last
 * place of a double. That is room for the error of a few operations (21 / 35%
 * is 60.00000000000001, one unit off) and never for a real fraction of a large
 * value (9007199254740991 / 591 is 15240607876042.285, which rounds up).
 */
export const ROUNDING_SLACK = 2 ** -49;

/**
 * Rounds up to a whole unit, except that a whole number plus float noise is
 * that whole number. Only the part above the whole number below is tested: a
 * value just under a whole number rounds up to it anyway.
 */
export function ceilForgiving(x: number): number {
  const below = Math.floor(x);
  return x - below <= Math.abs(x) * ROUNDING_SLACK ? below : Math.ceil(x);
}

/**
 * `ceilForgiving` with built-in Sheets functions, for a formula `x` (without
 * `=`). MOD rather than a subtraction of the whole number: engines read a
 * difference under 1e-13 of the operands as 0, which would swallow the
 * fraction of a large value.
 */
export function ceilForgivingNative(x: string): string {
  const v = `(${x})`;
  return `IF(MOD(${v},1)<=ABS(${v})*POWER(2,-49),ROUNDDOWN(${v},0),ROUNDUP(${v},0))`;
}
