/**
 * Dates in messages are the day the cell shows. Sheets hands Apps Script a
 * cell's date as midnight in the spreadsheet's time zone, so in London summer
 * time 1 June is 31 May 23:00 UTC: a UTC date would be a day early.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { show } from '../../src/sheets/format';

// Pinned, so the test means the same on a machine that runs in UTC.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/London';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('dates in messages', () => {
  it('show the local calendar day of a local midnight', () => {
    const june1 = new Date(2026, 5, 1);
    expect(june1.getTimezoneOffset()).toBe(-60);
    expect(show(june1)).toBe('2026-06-01');
    expect(show(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(show(new Date(2026, 11, 31, 23, 30))).toBe('2026-12-31');
  });

  it('quote the day the cell shows in a function’s problem', () => {
    expect(() => FUNCTIONS.CPQM!(new Date(2026, 6, 1), 10, 0.6)).toThrow(
      'CPQM: spend 2026-07-01 is a date, not a number',
    );
  });
});
