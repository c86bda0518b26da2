/**
 * Reading one cell value as the kind of argument a function expects
 * (docs/ARGUMENT-RULES.md, rules 3–6). Every function goes through these;
 * none reads raw cells.
 */
import { cellDay, type Day, dayText, isDate, serialDay } from './dates';
import { rateAbove100, show, showNumber } from './format';
import { readNumberText, type TextOptions } from './number-text';
import { isSheetError, Problem } from './problem';

/**
 * - money, count: a number ≥ 0
 * - rate: a fraction in [0, 1] (a cell showing 60% arrives as 0.6)
 * - factor: a multiplier ≥ 0 such as a target ROAS of 3 or a coverage of 4
 * - number: any number
 * - measure: a rate, money or a count, as another argument says; the
 *   function reads it (SQM_BENCHMARK's value, by its metric)
 * - flag: TRUE/FALSE (also 1/0 and the texts "TRUE"/"FALSE")
 * - text: a non-blank text label (numbers are read as their text)
 * - date: a calendar day (a date cell, a serial number or 2026-01-05)
 */
export type Kind =
  | 'money'
  | 'count'
  | 'rate'
  | 'factor'
  | 'number'
  | 'measure'
  | 'flag'
  | 'text'
  | 'date';

/** What Sheets passes for one cell. `null`/`undefined` come from script callers. */
export type CellValue = number | string | boolean | Date | null | undefined;

export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/** What text may carry when read as a number: currency on money, a percent sign on rates. */
const TEXT_OPTIONS: Record<'money' | 'rate' | 'plain', TextOptions> = {
  money: { currency: true, percent: false },
  rate: { currency: false, percent: true },
  plain: { currency: false, percent: false },
};

/** A number from a cell, or a #VALUE! problem quoting what was there. */
export function toNumber(arg: string, value: unknown, text = TEXT_OPTIONS.plain): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw new Problem('#NUM!', `${arg} is ${showNumber(value)}`, 'enter a finite number');
  }
  if (typeof value === 'string') {
    const reading = readNumberText(value, text);
    if (reading.kind === 'number') return reading.value;
    if (reading.kind === 'ambiguous') {
      const [a, b] = [showNumber(reading.value), showNumber(reading.other)];
      throw new Problem(
        '#VALUE!',
        `${arg} ${show(value)} could be ${a} or ${b}`,
        `${reading.why}: enter ${a} or ${b} as a plain number`,
      );
    }
    if (isSheetError(value)) throw sheetError(arg, value);
    throw new Problem(
      '#VALUE!',
      `${arg} ${show(value)} is not a number`,
      text.percent
        ? 'enter a number such as 0.35 or 35%'
        : text.currency
          ? 'enter a number such as 1200, 1,204.50 or $950'
          : 'enter a number such as 1200 or 0.35',
    );
  }
  if (isDate(value)) {
    throw new Problem('#VALUE!', `${arg} ${show(value)} is a date, not a number`, 'enter a number');
  }
  throw new Problem('#VALUE!', `${arg} ${show(value)} is not a number`, 'enter a number');
}

/** A cell showing an error, passed on as an argument: the sheet's error to fix first. */
function sheetError(arg: string, value: string): Problem {
  return new Problem(
    '#VALUE!',
    `${arg} is the sheet error ${show(value)}`,
    'the sheet has an error there: fix it first',
  );
}

function nonNegative(arg: string, value: number): number {
  if (value < 0) {
    throw new Problem('#NUM!', `${arg} ${showNumber(value)} is negative`, 'enter 0 or more');
  }
  return value;
}

export function toRate(arg: string, value: unknown): number {
  const n =
    typeof value === 'number' && value >= 0 && value <= 1
      ? value
      : toNumber(arg, value, TEXT_OPTIONS.rate);
  if (n > 1) {
    throw new Problem('#NUM!', rateAbove100(arg, n));
  }
  if (n < 0) {
    throw new Problem(
      '#NUM!',
      `${arg} ${showNumber(n)} is negative`,
      'enter a rate between 0% and 100%',
    );
  }
  return n;
}

export function toFlag(arg: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string') {
    const upper = value.trim().toUpperCase();
    if (upper === 'TRUE') return true;
    if (upper === 'FALSE') return false;
    if (isSheetError(value)) throw sheetError(arg, value);
  }
  throw new Problem('#VALUE!', `${arg} ${show(value)} is not TRUE or FALSE`, 'enter TRUE or FALSE');
}

/**
 * A text label. A date in a text argument, a date cell or ISO date text, is
 * its day or month label (see `dateLabels`), never a problem: a segment
 * column of months is a column of dates.
 */
export function toText(
  arg: string,
  value: unknown,
  dayLabel: (day: Day) => string = dayText,
): string {
  if (typeof value === 'string') {
    if (isSheetError(value)) throw sheetError(arg, value);
    const day = cellDay(value);
    return day ? dayLabel(day) : value;
  }
  if (Number.isFinite(value)) return showNumber(value as number);
  const day = cellDay(value);
  if (day) return dayLabel(day);
  throw new Problem('#VALUE!', `${arg} ${show(value)} is not text`, 'enter a text label');
}

/** One of a fixed set of labels or keys: a date is never one. */
export function toOption(arg: string, value: unknown): string {
  if (isDate(value)) {
    throw new Problem(
      '#VALUE!',
      `${arg} ${show(value)} is a date`,
      'enter one of the accepted labels',
    );
  }
  return toText(arg, value);
}

/**
 * A calendar day: a Date as Sheets passes it (midnight in the spreadsheet's
 * zone), a serial number as other engines pass it, or ISO text (2026-01-05,
 * also with a time: 2026-01-05 10:32).
 */
export function toDay(arg: string, value: unknown): Day {
  const day = cellDay(value);
  if (day) return day;
  if (Number.isFinite(value) && (value as number) >= 1) return serialDay(value as number);
  if (typeof value === 'string' && isSheetError(value)) throw sheetError(arg, value);
  throw new Problem(
    '#VALUE!',
    `${arg} ${show(value)} is not a date`,
    'enter a date, or date text written as 2026-01-05',
  );
}

/** Money, counts and multiples: 0 or more; only money reads a currency sign in text. */
const nonNegativeOf =
  (text: TextOptions) =>
  (arg: string, value: unknown): number =>
    typeof value === 'number' && value >= 0 && value < Number.POSITIVE_INFINITY
      ? value
      : nonNegative(arg, toNumber(arg, value, text));

/** The coercion for each kind; the fast path (a plain number in range) comes first. */
export const COERCE: Record<Kind, (arg: string, value: unknown) => unknown> = {
  money: nonNegativeOf(TEXT_OPTIONS.money),
  count: nonNegativeOf(TEXT_OPTIONS.plain),
  factor: nonNegativeOf(TEXT_OPTIONS.plain),
  rate: toRate,
  // Number.isFinite is true for finite numbers only: it never converts text.
  number: (arg, value) => (Number.isFinite(value) ? value : toNumber(arg, value)),
  // Passed on as the cell holds it: how to read it depends on another argument.
  measure: (_arg, value) => value,
  flag: toFlag,
  text: toText,
  date: toDay,
};
