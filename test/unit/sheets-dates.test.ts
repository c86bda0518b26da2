/**
 * Calendar days (docs/ARGUMENT-RULES.md, rule 12): date cells, serial numbers
 * and ISO text read as days, and how days and months are written.
 */
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  dateLabels,
  dayOf,
  dayText,
  epochDay,
  isDate,
  isoDay,
  monthText,
  serialDay,
  useCalendar,
} from '../../src/sheets/dates';

afterEach(() => useCalendar(undefined));

const day = (year: number, month: number, d: number) => ({ year, month, day: d });

describe('isDate', () => {
  it('is true for dates, from this realm or another, and for nothing else', () => {
    expect(isDate(new Date(2026, 0, 5))).toBe(true);
    expect(isDate(new Date(Number.NaN))).toBe(true);
    expect(isDate(runInNewContext('new Date(0)'))).toBe(true);
    for (const v of ['2026-01-05', 46023, null, undefined, {}, [[new Date(0)]]]) {
      expect(isDate(v), String(v)).toBe(false);
    }
  });
});

describe('the calendar', () => {
  it("places a date on its day in the process's own zone unless told otherwise", () => {
    expect(dayOf(new Date(2026, 0, 5))).toEqual(day(2026, 1, 5));
    expect(dayOf(new Date(2026, 11, 31, 23, 59))).toEqual(day(2026, 12, 31));
  });

  it('uses the calendar installed, until it is removed', () => {
    useCalendar(() => day(2030, 6, 7));
    expect(dayOf(new Date(2026, 0, 5))).toEqual(day(2030, 6, 7));
    useCalendar(undefined);
    expect(dayOf(new Date(2026, 0, 5))).toEqual(day(2026, 1, 5));
  });
});

describe('serial numbers', () => {
  it('count days from 1899-12-30, whole part only', () => {
    expect(serialDay(46023)).toEqual(day(2026, 1, 1));
    expect(serialDay(46023.99)).toEqual(day(2026, 1, 1));
    expect(serialDay(46054)).toEqual(day(2026, 2, 1));
    expect(serialDay(1)).toEqual(day(1899, 12, 31));
    expect(serialDay(61)).toEqual(day(1900, 3, 1));
  });

  it('epoch days count from 1970-01-01', () => {
    expect(epochDay(day(1970, 1, 1))).toBe(0);
    expect(epochDay(day(1970, 1, 2))).toBe(1);
    expect(epochDay(day(1970, 2, 1))).toBe(31);
    expect(epochDay(day(2026, 1, 1))).toBe(20454);
    expect(epochDay(day(1969, 12, 31))).toBe(-1);
  });
});

describe('writing days and months', () => {
  it('pads months and days to two digits', () => {
    expect(dayText(day(2026, 1, 5))).toBe('2026-01-05');
    expect(dayText(day(2026, 9, 10))).toBe('2026-09-10');
    expect(dayText(day(2026, 10, 9))).toBe('2026-10-09');
    expect(dayText(day(2026, 12, 31))).toBe('2026-12-31');
    expect(monthText(day(2026, 3, 5))).toBe('2026-03');
    expect(monthText(day(2026, 10, 1))).toBe('2026-10');
  });
});

describe('ISO date text', () => {
  it.each([
    ['2026-01-05', day(2026, 1, 5)],
    [' 2026-01-05 ', day(2026, 1, 5)],
    ['2026-01-05T10:30:00Z', day(2026, 1, 5)],
    ['2026-01-05T10:30:00.000Z', day(2026, 1, 5)],
    ['2026-01-05T10:30', day(2026, 1, 5)],
    ['2026-01-05 10:30', day(2026, 1, 5)],
    ['2024-02-29', day(2024, 2, 29)],
    ['2026-12-31', day(2026, 12, 31)],
  ])('%j is a day', (text, expected) => {
    expect(isoDay(text)).toEqual(expected);
  });

  it.each([
    'x2026-01-05',
    '2026-01-05x',
    '2026-01-05T',
    '2026-01-05Tnoon',
    '2026-01-05 at 10',
    '26-01-05',
    '2026-1-5',
    '2026-1-05',
    '2026-01-5',
    '2026/01/05',
    'abcd-01-05',
    '2026-02-30',
    '2026-02-29',
    '2026-04-31',
    '2026-13-05',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '',
  ])('%j is not', (text) => {
    expect(isoDay(text)).toBeUndefined();
  });
});

describe('dates as labels', () => {
  const first = new Date(2026, 0, 1);
  const fifth = new Date(2026, 0, 5);
  const march = new Date(2026, 2, 1);

  it('a column of dates all on the 1st is a column of months', () => {
    const label = dateLabels([[first], [march], ['(none)'], [''], [new Date(Number.NaN)]]);
    expect(label(first)).toBe('2026-01');
    expect(label(fifth)).toBe('2026-01');
    expect(dateLabels(first)(march)).toBe('2026-03');
  });

  it('any date off the 1st makes every date its day', () => {
    const label = dateLabels([[first], [fifth], [march]]);
    expect(label(first)).toBe('2026-01-01');
    expect(label(march)).toBe('2026-03-01');
    expect(dateLabels([[fifth], [first]])(first)).toBe('2026-01-01');
    expect(dateLabels(fifth)(first)).toBe('2026-01-01');
  });

  it('without a valid date, dates are days', () => {
    expect(dateLabels([['a'], [1]])(first)).toBe('2026-01-01');
    expect(dateLabels('')(first)).toBe('2026-01-01');
    expect(dateLabels(new Date(Number.NaN))(first)).toBe('2026-01-01');
    expect(dateLabels([[new Date(Number.NaN)]])(first)).toBe('2026-01-01');
    expect(dateLabels([first, 5])(first)).toBe('2026-01-01');
  });

  it('reads the days through the calendar', () => {
    useCalendar((d) => ({ year: d.getFullYear(), month: d.getMonth() + 1, day: 1 }));
    expect(dateLabels([[fifth]])(fifth)).toBe('2026-01');
  });
});
