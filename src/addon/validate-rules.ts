/**
 * The rules a number in the settings must keep, one small function each, as
 * valibot's minValue is one action.
 */
import { percentFix, showNumber, showPercent } from '../sheets/format';

/**
 * A rule a number must keep, one small function each, as valibot's minValue
 * is one action: undefined when the number keeps to it, otherwise the words
 * that finish "Enter <what> …" — what is allowed and what was entered. Rules
 * are pure, and marked so, so a bundler may drop a call whose answer goes
 * unused.
 */
export type Rule = (n: number) => string | undefined;

function entered(n: number): string {
  return `(you entered ${showNumber(n)})`;
}

/**
 * A rate outside 0–100% as it was entered. Rates are fractions, so a whole
 * number up to 100 was most likely meant as a percentage and gets the same fix
 * the cell functions give ("enter 60% or 0.6"); a fraction out of range shows
 * as the percentage it is ("140%").
 */
function enteredRate(n: number): string {
  return Number.isInteger(n) && n > 1 && n <= 100
    ? `(you entered ${showNumber(n)}; ${percentFix(n)})`
    : n > 100
      ? entered(n)
      : `(you entered ${showPercent(n)})`;
}

/** Above 0: a revenue target, deal size or ROAS of 0 leaves nothing to plan or divide by. */
/* @__NO_SIDE_EFFECTS__ */
export function positive(n: number): string | undefined {
  return n > 0 ? undefined : `above 0 ${entered(n)}`;
}

/** 0 or more: a spend, a meeting count or a budget may be nothing yet, never less. */
/* @__NO_SIDE_EFFECTS__ */
export function nonNegative(n: number): string | undefined {
  return n >= 0 ? undefined : `of 0 or more ${entered(n)}`;
}

/** A fraction from 0 to 1: a channel's show or qualification rate may really be 0%. */
/* @__NO_SIDE_EFFECTS__ */
export function rate(n: number): string | undefined {
  return n >= 0 && n <= 1 ? undefined : `from 0% up to 100% ${enteredRate(n)}`;
}

/**
 * A fraction above 0 up to 1: a funnel stage or close rate of 0% would need
 * endless volume above it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function positiveRate(n: number): string | undefined {
  return n > 0 && n <= 1 ? undefined : `above 0% up to 100% ${enteredRate(n)}`;
}
