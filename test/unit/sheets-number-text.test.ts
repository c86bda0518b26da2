/**
 * Text that holds a number (docs/ARGUMENT-RULES.md, rule 4), form by form:
 * each part of an amount, where it may sit, and what is left unread.
 */
import { describe, expect, it } from 'vitest';
import { readNumberText } from '../../src/sheets/number-text';

const MONEY = { currency: true, percent: false };
const RATE = { currency: false, percent: true };
const PLAIN = { currency: false, percent: false };

const number = (value: number) => ({ kind: 'number', value });

describe('one reading', () => {
  it.each([
    ['1200', 1200],
    ['12', 12],
    ['7', 7],
    ['0.35', 0.35],
    ['12.', 12],
    ['.55', 0.55],
    ['.5', 0.5],
    ['+5', 5],
    ['-4', -4],
    ['+$5', 5],
    ['$-12', -12],
    ['-$12', -12],
    ['$5', 5],
    ['$ 5', 5],
    ['$172.45', 172.45],
    ['£950', 950],
    ['€ 0.5', 0.5],
    ['GBP950', 950],
    ['USD 1,204.50', 1204.5],
    ['USD-5', -5],
    ['$12,345', 12345],
    ['$1,204', 1204],
    ['$1,204.50', 1204.5],
    ['$1,204.5', 1204.5],
    ['1,204,000', 1204000],
    ['1,204,000.25', 1204000.25],
    ['1,204.5', 1204.5],
    ['-1,204.5', -1204.5],
  ])('money %j is %d', (text, value) => {
    expect(readNumberText(text, MONEY)).toEqual(number(value));
  });

  it('plain numbers read the same without currency', () => {
    expect(readNumberText('5', PLAIN)).toEqual(number(5));
    expect(readNumberText('-4', PLAIN)).toEqual(number(-4));
    expect(readNumberText('1,204,000', PLAIN)).toEqual(number(1204000));
  });

  it('a percent sign divides by 100, only where a rate is expected', () => {
    expect(readNumberText('60%', RATE)).toEqual(number(0.6));
    expect(readNumberText('0.6', RATE)).toEqual(number(0.6));
    expect(readNumberText('12.5 %', RATE)).toEqual(number(0.125));
    expect(readNumberText('-10%', RATE)).toEqual(number(-0.1));
    expect(readNumberText('100%', RATE)).toEqual(number(1));
    expect(readNumberText('5%', MONEY)).toEqual({ kind: 'none' });
    expect(readNumberText('5%', PLAIN)).toEqual({ kind: 'none' });
    expect(readNumberText('%60', RATE)).toEqual({ kind: 'none' });
  });

  it('currency is read only on money', () => {
    expect(readNumberText('$60', PLAIN)).toEqual({ kind: 'none' });
    expect(readNumberText('USD 5', PLAIN)).toEqual({ kind: 'none' });
    expect(readNumberText('$60', RATE)).toEqual({ kind: 'none' });
  });

  it('reads up to 48 characters, and no more', () => {
    const longest = `1${'0'.repeat(47)}`;
    expect(readNumberText(longest, PLAIN)).toEqual(number(1e47));
    expect(readNumberText(`  ${longest}  `, PLAIN)).toEqual(number(1e47));
    expect(readNumberText(`${longest}0`, PLAIN)).toEqual({ kind: 'none' });
  });
});

describe('two readings', () => {
  it('one comma group without currency or decimals', () => {
    for (const options of [MONEY, PLAIN]) {
      const reading = readNumberText('1,204', options);
      expect(reading).toMatchObject({ kind: 'ambiguous', value: 1204, other: 1.204 });
      expect(reading.kind === 'ambiguous' && reading.why).toMatch(/comma/);
    }
    expect(readNumberText('-1,500', PLAIN)).toMatchObject({ value: -1500, other: -1.5 });
  });

  it('dots grouping thousands and a decimal comma', () => {
    const reading = readNumberText('1.204,50', MONEY);
    expect(reading).toMatchObject({ kind: 'ambiguous', value: 1204.5, other: 1.2045 });
    expect(reading.kind === 'ambiguous' && reading.why).toMatch(/dot/);
    expect(readNumberText('12.345,6', MONEY)).toMatchObject({
      kind: 'ambiguous',
      value: 12345.6,
      other: 12.3456,
    });
  });
});

describe('no reading', () => {
  it.each([
    '',
    '   ',
    'abc',
    'Total 12',
    '#12',
    'x12',
    '12 USD',
    '12abc',
    'X 5',
    'US 5',
    'USDX5',
    'usd 5',
    '$$5',
    '$ $5',
    '--5',
    '+-5',
    '-$-5',
    '1.2.3',
    '1,2345',
    '1234,567',
    '1.204,5.3',
    '1234.567,5',
    '12.3,45',
    '1 204',
    '1e3',
    ',5',
    '.',
  ])('%j', (text) => {
    expect(readNumberText(text, MONEY)).toEqual({ kind: 'none' });
  });

  it('a decimal comma alone says to write a point', () => {
    for (const [text, shown] of [
      ['12,5', '12.5'],
      ['12,50', '12.50'],
      ['$1204,5', '1204.5'],
    ]) {
      const reading = readNumberText(text!, MONEY);
      expect(reading.kind).toBe('none');
      expect(reading.kind === 'none' && reading.hint).toMatch(
        new RegExp(`^for ${shown!.replace('.', '\\.')}, .*point`),
      );
    }
  });

  it('an amount written only the European way says what to enter', () => {
    expect(readNumberText('1.204.000,5', MONEY)).toEqual({
      kind: 'none',
      hint: 'for 1204000.5, enter 1204000.5',
    });
  });
});
