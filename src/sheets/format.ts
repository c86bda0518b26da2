/**
 * How values appear in messages: numbers without floating-point noise, text
 * quoted but never at full length, dates as the calendar day the cell shows.
 * A message lands in a cell or a sidebar, so it stays short whatever was typed.
 */
import { dayOf, dayText, isDate } from './dates';

/** What a caught value says: an Error's message, anything else as text. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Numbers without floating-point noise: 0.1 + 0.2 shows as 0.3; NaN and ±Infinity by name. */
export function showNumber(value: number): string {
  return String(Number.parseFloat(value.toPrecision(12)));
}

/** Characters of a text value quoted in a message before it is cut short. */
export const QUOTE_LIMIT = 40;

/** Text in quotes, cut to QUOTE_LIMIT characters with its full length said: "abc…" (50,000 characters). */
export function quote(text: string): string {
  if (text.length <= QUOTE_LIMIT) return JSON.stringify(text);
  return `${JSON.stringify(`${text.slice(0, QUOTE_LIMIT)}…`)} (${text.length.toLocaleString('en-US')} characters)`;
}

/** Shows a cell value the way the user typed it, for messages. */
export function show(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return showNumber(value);
  if (isDate(value))
    return Number.isNaN(value.getTime()) ? 'an invalid date' : dayText(dayOf(value));
  if (value === null || value === undefined) return 'blank';
  return quote(String(value));
}

/** A fraction as a percentage: 0.35 → "35%". */
export function showPercent(fraction: number): string {
  return `${showNumber(fraction * 100)}%`;
}

/**
 * What to enter instead of a rate above 100%: rates are fractions, so 60
 * was meant as 60% — "enter 60% or 0.6". The one wording of that fix, for
 * cells and for the sidebar alike.
 */
export function percentFix(n: number): string {
  return `enter ${showNumber(n)}% or ${showNumber(n / 100)}`;
}

/**
 * Below 10 (1000%), a rate above 100% is as likely a percentage typed as such
 * (150% arrives as 1.5) as one typed into a plain cell (1.5 meant as 1.5%), so
 * the message names both; from 10 up only the second is likely.
 */
const TYPED_PERCENT_LIMIT = 10;

/** "qualRate 60 is above 100%: enter 60% or 0.6"; "qualRate 1.5 (150%) is above 100%: a rate is at most 100%; for 1.5%, …". */
export function rateAbove100(arg: string, n: number): string {
  if (n >= TYPED_PERCENT_LIMIT) return `${arg} ${showNumber(n)} is above 100%: ${percentFix(n)}`;
  return `${arg} ${showNumber(n)} (${showPercent(n)}) is above 100%: a rate is at most 100%; for ${showNumber(n)}%, ${percentFix(n)}`;
}
