/**
 * Dates are the day the cell shows (docs/ARGUMENT-RULES.md, rule 12). Sheets
 * passes a date cell as midnight in the spreadsheet's time zone, and the
 * script runs in another zone: from UTC−12 to UTC+14 that midnight is any
 * UTC instant across 26 hours, so the day must be read in the sheet's zone.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { useCalendar } from '../../src/sheets/dates';
import { show } from '../../src/sheets/format';
import { sheetsDate, ZONES, zoneCalendar } from '../fakes/time-zones';

const { CPQM, OUTCOME_SUMMARY } = FUNCTIONS as Record<string, (...a: unknown[]) => unknown>;

afterEach(() => useCalendar(undefined));

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
