/**
 * How values and problems read in messages: numbers without noise, text
 * quoted and cut short, dates as days, and the shape of a problem's message
 * (docs/ARGUMENT-RULES.md, rule 8).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useCalendar } from '../../src/sheets/dates';
import {
  percentFix,
  QUOTE_LIMIT,
  quote,
  show,
  showNumber,
  showPercent,
} from '../../src/sheets/format';
import { CallError, divByZero, Problem } from '../../src/sheets/problem';

afterEach(() => useCalendar(undefined));

describe('numbers', () => {
  it('show without floating-point noise', () => {
    expect(showNumber(0.1 + 0.2)).toBe('0.3');
    expect(showNumber(1204.5)).toBe('1204.5');
    expect(showNumber(-7)).toBe('-7');
    expect(showNumber(1 / 3)).toBe('0.333333333333');
    expect(showNumber(1e300)).toBe('1e+300');
  });

  it('show NaN and infinities by name', () => {
    expect(showNumber(Number.NaN)).toBe('NaN');
    expect(showNumber(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(showNumber(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
  });

  it('percentages and the fix for a rate above 100%', () => {
    expect(showPercent(0.35)).toBe('35%');
    expect(showPercent(0.07)).toBe('7%');
    expect(showPercent(1)).toBe('100%');
    expect(percentFix(60)).toBe('enter 60% or 0.6');
    expect(percentFix(1.5)).toBe('enter 1.5% or 0.015');
  });
});

describe('text', () => {
  it('is quoted whole up to the limit', () => {
    const limit = 'x'.repeat(QUOTE_LIMIT);
    expect(quote('abc')).toBe('"abc"');
    expect(quote('')).toBe('""');
    expect(quote('say "hi"')).toBe('"say \\"hi\\""');
    expect(quote(limit)).toBe(`"${limit}"`);
  });

  it('is cut short past the limit, with its full length', () => {
    const head = 'y'.repeat(QUOTE_LIMIT);
    expect(quote(`${head}z`)).toBe(`"${head}…" (${QUOTE_LIMIT + 1} characters)`);
    expect(quote(`${head}${'z'.repeat(49_960)}`)).toBe(`"${head}…" (50,000 characters)`);
  });
});

describe('show', () => {
  it('shows each kind of cell value the way it was typed', () => {
    expect(show('abc')).toBe('"abc"');
    expect(show('')).toBe('""');
    expect(show(true)).toBe('TRUE');
    expect(show(false)).toBe('FALSE');
    expect(show(0.1 + 0.2)).toBe('0.3');
    expect(show(0)).toBe('0');
    expect(show(null)).toBe('blank');
    expect(show(undefined)).toBe('blank');
  });

  it('shows a date as the day the sheet shows', () => {
    expect(show(new Date(2026, 0, 5))).toBe('2026-01-05');
    useCalendar(() => ({ year: 2030, month: 6, day: 7 }));
    expect(show(new Date(2026, 0, 5))).toBe('2030-06-07');
    expect(show(new Date(Number.NaN))).toBe('an invalid date');
  });

  it('quotes anything else as its text', () => {
    expect(show([[1, 2]])).toBe('"1,2"');
    expect(show({ toString: () => 'thing' })).toBe('"thing"');
  });
});

describe('problems', () => {
  it('read as text, detail and code, and as a cell', () => {
    const p = new Problem('#VALUE!', 'spend "abc" is not a number', 'enter a number');
    expect(p).toBeInstanceOf(Error);
    expect(p.message).toBe('spend "abc" is not a number, enter a number (#VALUE!)');
    expect(p.messageFor('CPQM')).toBe(
      'CPQM: spend "abc" is not a number, enter a number (#VALUE!)',
    );
    expect(p.cellText).toBe('#VALUE! spend "abc" is not a number');
  });

  it('without a detail, the message is the text and the code', () => {
    const p = new Problem('#NUM!', 'qualRate 60 is above 100%');
    expect(p.detail).toBe('');
    expect(p.message).toBe('qualRate 60 is above 100% (#NUM!)');
    expect(new Problem('#NUM!', 'x', '').message).toBe('x (#NUM!)');
  });

  it('division by zero names the divisor', () => {
    const p = divByZero('meetings', 'so there is nothing to divide by');
    expect(p.code).toBe('#DIV/0!');
    expect(p.text).toBe('meetings is 0');
    expect(p.detail).toBe('so there is nothing to divide by');
  });

  it('a call error is an error, not a problem', () => {
    const e = new CallError('x');
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(Problem);
  });
});
