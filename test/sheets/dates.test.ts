/**
 * Calendar days (docs/ARGUMENT-RULES.md, rule 12): date cells, serial numbers
 * and ISO text read as days, and how days and months are written. Sheets
 * passes a date cell as midnight in the spreadsheet's time zone, and the
 * script runs in another zone: from UTC−12 to UTC+14 that midnight is any UTC
 * instant across 26 hours, so the day must be read in the sheet's zone.
 */
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/metrics/catalogue';
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
import { show } from '../../src/sheets/format';
import { sheetsDate, ZONES, zoneCalendar } from '../fakes/time-zones';

const { CPQM, OUTCOME_SUMMARY } = FUNCTIONS as Record<string, (...a: unknown[]) => unknown>;

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
    ['2026-01-05 10:30:15', day(2026, 1, 5)],
    ['\u00A02026-01-05 10:30\u00A0', day(2026, 1, 5)],
    ['\t2026-01-05', day(2026, 1, 5)],
    ['2026-01-05T23:30:00+02:00', day(2026, 1, 5)],
    ['2026-01-05T00:30:00-0500', day(2026, 1, 5)],
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
    '2026-01-05 1',
    '2026-01-05T10',
    '2026-01-05 10:3',
    '2026-01-05 10:30 PM',
    '2026-01-05T10:30:00ZZ',
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

  it('ISO date text counts as a date, with or without a time', () => {
    const jan = day(2026, 1, 1);
    expect(dateLabels([['2026-01-01 09:00'], ['2026-03-01T10:00:00Z'], ['Other']])(jan)).toBe(
      '2026-01',
    );
    expect(dateLabels([['2026-01-01 09:00'], ['2026-01-05 10:32']])(jan)).toBe('2026-01-01');
    expect(dateLabels([[first], ['2026-01-05']])(jan)).toBe('2026-01-01');
    expect(dateLabels([[first], ['2026-02-01 08:00']])(jan)).toBe('2026-01');
    // Text that is no day counts for nothing.
    expect(dateLabels([['2026-01'], ['2026-02-30']])(jan)).toBe('2026-01-01');
  });

  it('a column of dates all on the 1st is a column of months', () => {
    const label = dateLabels([[first], [march], ['(none)'], [''], [new Date(Number.NaN)]]);
    expect(label(dayOf(first))).toBe('2026-01');
    expect(label(dayOf(fifth))).toBe('2026-01');
    expect(dateLabels(first)(dayOf(march))).toBe('2026-03');
  });

  it('any date off the 1st makes every date its day', () => {
    const label = dateLabels([[first], [fifth], [march]]);
    expect(label(dayOf(first))).toBe('2026-01-01');
    expect(label(dayOf(march))).toBe('2026-03-01');
    expect(dateLabels([[fifth], [first]])(dayOf(first))).toBe('2026-01-01');
    expect(dateLabels(fifth)(dayOf(first))).toBe('2026-01-01');
  });

  it('without a valid date, dates are days', () => {
    expect(dateLabels([['a'], [1]])(dayOf(first))).toBe('2026-01-01');
    expect(dateLabels('')(dayOf(first))).toBe('2026-01-01');
    expect(dateLabels(new Date(Number.NaN))(dayOf(first))).toBe('2026-01-01');
    expect(dateLabels([[new Date(Number.NaN)]])(dayOf(first))).toBe('2026-01-01');
    expect(dateLabels([first, 5])(dayOf(first))).toBe('2026-01-01');
  });

  it('reads the days through the calendar', () => {
    useCalendar((d) => ({ year: d.getFullYear(), month: d.getMonth() + 1, day: 1 }));
    expect(dateLabels([[fifth]])(dayOf(fifth))).toBe('2026-01');
  });
});

const two = (n: number) => String(n).padStart(2, '0');

describe('dates as Sheets passes them, in every zone', () => {
  it('the sheetsDate stand-in is midnight in its zone', () => {
    // Kiritimati is UTC+14: its 1 January starts at 10:00 UTC on 31 December.
    expect(sheetsDate('Pacific/Kiritimati', 2026, 1, 1).toISOString()).toBe(
      '2025-12-31T10:00:00.000Z',
    );
    expect(sheetsDate('Etc/GMT+12', 2026, 1, 1).toISOString()).toBe('2026-01-01T12:00:00.000Z');
    expect(sheetsDate('Europe/London', 2026, 6, 1).toISOString()).toBe('2026-05-31T23:00:00.000Z');
  });

  it.each(ZONES)('messages quote the day the cell shows in %s', (zone) => {
    useCalendar(zoneCalendar(zone));
    expect(show(sheetsDate(zone, 2026, 1, 5))).toBe('2026-01-05');
    expect(() => CPQM!(sheetsDate(zone, 2026, 7, 1), 10, 0.6)).toThrow(
      'CPQM: spend 2026-07-01 is a date, not a number',
    );
  });

  it('any day in any zone reads as itself', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.date({ min: new Date('1990-01-01'), max: new Date('2060-12-31'), noInvalidDate: true }),
        (zone, d) => {
          const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
          useCalendar(zoneCalendar(zone));
          expect(show(sheetsDate(zone, y, m, day))).toBe(`${y}-${two(m)}-${two(day)}`);
        },
      ),
    );
  });

  it.each(ZONES)('OUTCOME_SUMMARY segments by a column of days or months in %s', (zone) => {
    useCalendar(zoneCalendar(zone));
    const outcomes = [['Qualified'], ['No show'], ['Qualified']];
    const days = [
      [sheetsDate(zone, 2026, 1, 5)],
      [sheetsDate(zone, 2026, 1, 5)],
      [sheetsDate(zone, 2026, 3, 1)],
    ];
    expect((OUTCOME_SUMMARY!(outcomes, days) as unknown[][]).map((r) => r[0])).toEqual([
      'Segment',
      '2026-01-05',
      '2026-03-01',
    ]);
    const months = [
      [sheetsDate(zone, 2026, 1, 1)],
      [sheetsDate(zone, 2026, 1, 1)],
      [sheetsDate(zone, 2026, 2, 1)],
    ];
    expect(OUTCOME_SUMMARY!(outcomes, months)).toEqual([
      [
        'Segment',
        'Booked',
        'Held',
        'No-shows',
        'Qualified',
        'Show rate',
        'Qual rate',
        'Pending',
        'Unrecognised',
      ],
      ['2026-01', 2, 1, 1, 1, 0.5, 1, 0, 0],
      ['2026-02', 1, 1, 0, 1, 1, 1, 0, 0],
    ]);
  });
});

describe('a blank segments argument', () => {
  it('is the default: one row, All', () => {
    const outcomes = [['Qualified'], ['No show']];
    const all = OUTCOME_SUMMARY!(outcomes);
    expect(OUTCOME_SUMMARY!(outcomes, '')).toEqual(all);
    expect(OUTCOME_SUMMARY!(outcomes, [['']])).toEqual(all);
    expect((all as unknown[][])[1]![0]).toBe('All');
  });
});

describe('a segments column of ISO date text', () => {
  it('reads as months when every date is on the 1st, whatever the time', () => {
    const outcomes = [['Qualified'], ['No show'], ['Qualified']];
    const stamps = [['2026-01-01 09:00'], ['2026-01-01 17:45'], ['2026-02-01T08:00:00Z']];
    expect((OUTCOME_SUMMARY!(outcomes, stamps) as unknown[][]).map((r) => r.slice(0, 3))).toEqual([
      ['Segment', 'Booked', 'Held'],
      ['2026-01', 2, 1],
      ['2026-02', 1, 1],
    ]);
  });

  it('reads as days otherwise, date cells and text alike', () => {
    const outcomes = [['Qualified'], ['No show'], ['Qualified']];
    const mixed = [['2026-01-05 09:00'], [new Date(2026, 0, 5)], ['2026-01-06 10:00']];
    expect((OUTCOME_SUMMARY!(outcomes, mixed) as unknown[][]).map((r) => r.slice(0, 2))).toEqual([
      ['Segment', 'Booked'],
      ['2026-01-05', 2],
      ['2026-01-06', 1],
    ]);
  });
});
