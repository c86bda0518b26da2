/**
 * The period a report groups by: the list of periods, the label of the
 * period a day falls in (2026-W02, 2026-01, 2026-Q1, 2026) and the first and
 * last day of a label. Every report, template and SQL form reads periods
 * from here; "no period" is the absence of one (undefined), never a fifth
 * period.
 */
import { isBlank } from '../sheets/coerce';
import { type Day, epochDay, monthText } from '../sheets/dates';
import { show } from '../sheets/format';
import { CallError } from '../sheets/problem';
import { single } from '../sheets/ranges';

export const PERIODS = ['week', 'month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/**
 * How SQL writes each period, so the warehouse's period helpers are generated
 * from this list rather than spelled again: the unit BigQuery's DATE_TRUNC
 * takes (DuckDB's date_trunc takes the period's own name, weeks starting on
 * Monday as ISO weeks do), and the label as a strftime / FORMAT_DATE pattern;
 * a quarter's label has no pattern (the year, "-Q", the quarter's number).
 */
export const PERIOD_SQL: Readonly<Record<Period, { bigQueryUnit: string; labelFormat?: string }>> =
  {
    week: { bigQueryUnit: 'ISOWEEK', labelFormat: '%G-W%V' },
    month: { bigQueryUnit: 'MONTH', labelFormat: '%Y-%m' },
    quarter: { bigQueryUnit: 'QUARTER' },
    year: { bigQueryUnit: 'YEAR', labelFormat: '%Y' },
  };

export function isPeriod(value: unknown): value is Period {
  return (PERIODS as readonly unknown[]).includes(value);
}

const MS_PER_DAY = 86_400_000;

function dayAt(epoch: number): Day {
  const date = new Date(epoch * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The ISO weekday of a count of days since 1970-01-01: 0 on Mondays, 6 on Sundays. */
function weekdayOf(days: number): number {
  // 1970-01-01 was a Thursday, so (days + 3) mod 7 is 0 on Mondays.
  return (((days + 3) % 7) + 7) % 7;
}

/** The ISO weekday of a day: 0 on Mondays, 6 on Sundays. */
export function isoWeekday(d: Day): number {
  return weekdayOf(epochDay(d));
}

/** Days since 1970-01-01 of the Monday starting ISO week 1 of an ISO year. */
function weekOneMonday(isoYear: number): number {
  // Week 1 holds 4 January.
  const jan4 = epochDay({ year: isoYear, month: 1, day: 4 });
  return jan4 - weekdayOf(jan4);
}

/** The ISO week of a day (Monday first): the week of its Thursday, in the year of its Thursday. */
export function isoWeek(d: Day): { year: number; week: number } {
  const days = epochDay(d);
  const thursday = days - weekdayOf(days) + 3;
  const year = dayAt(thursday).year;
  return { year, week: Math.floor((thursday - weekOneMonday(year)) / 7) + 1 };
}

/** The label of the period a day falls in: 2026-01, 2026-Q1, 2026-W02 (ISO, Monday first), 2026. */
export function periodLabel(period: Period, d: Day): string {
  switch (period) {
    case 'month':
      return monthText(d);
    case 'quarter':
      return `${d.year}-Q${Math.ceil(d.month / 3)}`;
    case 'year':
      return String(d.year);
    case 'week': {
      const { year, week } = isoWeek(d);
      return `${year}-W${week < 10 ? '0' : ''}${week}`;
    }
  }
}

const LABEL: Record<Period, RegExp> = {
  week: /^(\d{4})-W(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  quarter: /^(\d{4})-Q(\d)$/,
  year: /^(\d{4})$/,
};

/**
 * The first and last day of a period label, for templates that count rows
 * between a period's bounds. A text that is not a label of that period
 * (2026-13, 2026-W54 in a 52-week year) is the caller's mistake.
 */
export function periodDays(period: Period, label: string): { first: Day; last: Day } {
  const m = LABEL[period].exec(label);
  const year = m ? Number(m[1]) : 0;
  const n = m?.[2] === undefined ? 1 : Number(m[2]);
  const firstOfMonth = (month: number) => epochDay({ year, month, day: 1 });
  let first: number | undefined;
  let next: number | undefined;
  if (m && period === 'year') [first, next] = [firstOfMonth(1), firstOfMonth(13)];
  if (m && period === 'month' && n >= 1 && n <= 12)
    [first, next] = [firstOfMonth(n), firstOfMonth(n + 1)];
  if (m && period === 'quarter' && n >= 1 && n <= 4)
    [first, next] = [firstOfMonth(3 * n - 2), firstOfMonth(3 * n + 1)];
  if (
    m &&
    period === 'week' &&
    n >= 1 &&
    n <= (weekOneMonday(year + 1) - weekOneMonday(year)) / 7
  ) {
    first = weekOneMonday(year) + 7 * (n - 1);
    next = first + 7;
  }
  if (first === undefined || next === undefined) {
    throw new Error(`${JSON.stringify(label)} is not a ${period} label`);
  }
  return { first: dayAt(first), last: dayAt(next - 1) };
}

/** The `period` argument of a report: blank for none, else one of PERIODS in any case. */
export function readPeriod(value: unknown): Period | undefined {
  const p = single('period', value);
  if (isBlank(p)) return undefined;
  const found = typeof p === 'string' ? p.trim().toLowerCase() : undefined;
  if (!isPeriod(found)) {
    throw new CallError(
      `period ${show(p)} is not a period; use one of: ${PERIODS.join(', ')}, or leave it blank`,
    );
  }
  return found;
}
