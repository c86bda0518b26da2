/**
 * The period: labels at year, quarter and ISO-week boundaries (moved here from
 * metrics-report.test.ts with the code), and a label's first and last day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PERIODS,
  periodDays,
  periodLabel,
  readPeriod,
  isoWeek as weekOf,
} from '../../src/metrics/period';
import { epochDay } from '../../src/sheets/dates';

const day = (year: number, month: number, d: number) => ({ year, month, day: d });

/** The ISO week of a day, the textbook way: the week of its Thursday, counted from the 4th of January. */
function isoWeek(year: number, month: number, d: number): string {
  const date = new Date(Date.UTC(2000, month - 1, d));
  date.setUTCFullYear(year);
  const mondayBased = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(date.getTime() + (3 - mondayBased) * 86_400_000);
  const isoYear = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(2000, 0, 4));
  jan4.setUTCFullYear(isoYear);
  const week1Monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  const week =
    Math.round((thursday.getTime() - 3 * 86_400_000 - week1Monday) / (7 * 86_400_000)) + 1;
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

describe('period labels', () => {
  it('months and years', () => {
    expect(periodLabel('month', day(2026, 1, 31))).toBe('2026-01');
    expect(periodLabel('month', day(2026, 12, 1))).toBe('2026-12');
    expect(periodLabel('year', day(2026, 1, 1))).toBe('2026');
    expect(periodLabel('year', day(1999, 12, 31))).toBe('1999');
  });

  it('quarters turn after March, June and September', () => {
    const quarters = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) =>
      periodLabel('quarter', day(2026, m, 15)),
    );
    expect(quarters).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q2',
      '2026-Q2',
      '2026-Q3',
      '2026-Q3',
      '2026-Q3',
      '2026-Q4',
      '2026-Q4',
      '2026-Q4',
    ]);
  });

  it('ISO weeks start on Monday and belong to the year of their Thursday', () => {
    expect(periodLabel('week', day(2026, 1, 4))).toBe('2026-W01'); // a Sunday
    expect(periodLabel('week', day(2026, 1, 5))).toBe('2026-W02'); // the Monday after
    expect(periodLabel('week', day(2026, 3, 1))).toBe('2026-W09');
    expect(periodLabel('week', day(2026, 3, 2))).toBe('2026-W10');
    expect(periodLabel('week', day(2026, 12, 31))).toBe('2026-W53');
    expect(periodLabel('week', day(2021, 1, 3))).toBe('2020-W53');
    expect(periodLabel('week', day(2019, 12, 30))).toBe('2020-W01');
    expect(periodLabel('week', day(2023, 1, 1))).toBe('2022-W52');
    expect(periodLabel('week', day(1970, 1, 1))).toBe('1970-W01');
    expect(periodLabel('week', day(1969, 12, 28))).toBe('1969-W52');
    expect(periodLabel('week', day(1969, 12, 29))).toBe('1970-W01');
  });

  it('agrees with the textbook ISO week on every weekday of random years', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (year, month, d) => {
          expect(periodLabel('week', day(year, month, d))).toBe(isoWeek(year, month, d));
        },
      ),
      { numRuns: 300 },
    );
    for (const year of [1968, 2015, 2020, 2024, 2027]) {
      for (const [m, d] of [
        [12, 28],
        [12, 29],
        [12, 30],
        [12, 31],
        [1, 1],
        [1, 2],
        [1, 3],
        [1, 4],
      ] as const) {
        expect(periodLabel('week', day(year, m, d)), `${year}-${m}-${d}`).toBe(isoWeek(year, m, d));
      }
    }
  });
});

describe("a period label's first and last day", () => {
  it('months, quarters and years end where the calendar says', () => {
    expect(periodDays('month', '2026-02')).toEqual({
      first: day(2026, 2, 1),
      last: day(2026, 2, 28),
    });
    expect(periodDays('month', '2024-02')).toEqual({
      first: day(2024, 2, 1),
      last: day(2024, 2, 29),
    });
    expect(periodDays('month', '2026-12')).toEqual({
      first: day(2026, 12, 1),
      last: day(2026, 12, 31),
    });
    expect(periodDays('quarter', '2026-Q2')).toEqual({
      first: day(2026, 4, 1),
      last: day(2026, 6, 30),
    });
    expect(periodDays('quarter', '2026-Q4')).toEqual({
      first: day(2026, 10, 1),
      last: day(2026, 12, 31),
    });
    expect(periodDays('year', '2026')).toEqual({ first: day(2026, 1, 1), last: day(2026, 12, 31) });
  });

  it('ISO weeks run Monday to Sunday and may start in the year before', () => {
    // 1 January 2026 is a Thursday: week 1 runs from Monday 29 December 2025; 2026 has 53 weeks.
    expect(periodDays('week', '2026-W01')).toEqual({
      first: day(2025, 12, 29),
      last: day(2026, 1, 4),
    });
    expect(periodDays('week', '2026-W53')).toEqual({
      first: day(2026, 12, 28),
      last: day(2027, 1, 3),
    });
    // 1 January 2027 is a Friday: it belongs to 2026-W53, and 2027-W01 starts on 4 January.
    expect(periodDays('week', '2027-W01')).toEqual({
      first: day(2027, 1, 4),
      last: day(2027, 1, 10),
    });
    expect(weekOf(day(2027, 1, 1))).toEqual({ year: 2026, week: 53 });
  });

  it('refuses a text that is no label of that period', () => {
    for (const [period, label] of [
      ['month', '2026-13'],
      ['month', '2026-00'],
      ['month', '2026-Q1'],
      ['quarter', '2026-Q5'],
      ['week', '2027-W53'],
      ['week', '2026-W00'],
      ['year', '26'],
    ] as const) {
      expect(() => periodDays(period, label), `${period} ${label}`).toThrow(/is not a/);
    }
  });

  it('holds every day labelled with it, and the days either side are in other periods', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PERIODS),
        fc.integer({ min: 1901, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (period, year, month, d) => {
          const label = periodLabel(period, day(year, month, d));
          const { first, last } = periodDays(period, label);
          expect(epochDay(first)).toBeLessThanOrEqual(epochDay(day(year, month, d)));
          expect(epochDay(last)).toBeGreaterThanOrEqual(epochDay(day(year, month, d)));
          expect(periodLabel(period, first)).toBe(label);
          expect(periodLabel(period, last)).toBe(label);
          const at = (n: number) => {
            const date = new Date(n * 86_400_000);
            return day(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
          };
          expect(periodLabel(period, at(epochDay(first) - 1))).not.toBe(label);
          expect(periodLabel(period, at(epochDay(last) + 1))).not.toBe(label);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the period argument', () => {
  it('is blank for none, any case for one, and anything else is refused with the list', () => {
    expect(readPeriod('')).toBeUndefined();
    expect(readPeriod([['']])).toBeUndefined();
    expect(readPeriod(' Month ')).toBe('month');
    expect(readPeriod([['WEEK']])).toBe('week');
    expect(() => readPeriod('fortnight')).toThrow(
      'period "fortnight" is not a period; use one of: week, month, quarter, year, or leave it blank',
    );
    expect(() => readPeriod(3)).toThrow(/period 3 is not a period/);
  });
});
