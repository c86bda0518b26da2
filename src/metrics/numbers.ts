/**
 * Rounding and comparing without tripping over floating-point noise, in both
 * the functions and their native-formula expansions, so the two agree.
 * 21 / 35% is 60.00000000000001 in binary floating point; a person means 60.
 */

/**
 * Relative difference below which two numbers are the same number. It is the
 * tolerance spreadsheet engines themselves apply when subtracting nearly
 * equal numbers (a difference under 1e-13 of the operand reads as 0), so the
 * native formula and the function agree; a fraction above it is real and
 * rounds up however large the number (1,000,000,000,000.4 → 1,000,000,000,001).
 */
export const NOISE = 1e-13;

export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * NOISE;
}

/** Rounds up to a whole unit, except that a whole number plus noise is that whole number. */
export function ceilForgiving(x: number): number {
  const whole = Math.round(x);
  return Math.abs(x - whole) <= Math.abs(x) * NOISE ? whole : Math.ceil(x);
}

/** NOISE as a formula literal: spreadsheet parsers differ on 1E-13, all read decimals. */
const NOISE_LITERAL = NOISE.toFixed(13);

/** `ceilForgiving` with built-in Sheets functions, for a formula `x` (without `=`). */
export function ceilForgivingNative(x: string): string {
  const v = `(${x})`;
  return `IF(ABS(${v}-ROUND(${v},0))<=ABS(${v})*${NOISE_LITERAL},ROUND(${v},0),ROUNDUP(${v},0))`;
}
