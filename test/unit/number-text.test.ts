/**
 * Text amounts as exports write them (docs/ARGUMENT-RULES.md, rule 4): read
 * when there is exactly one reading, refused with both readings otherwise.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { readNumberText } from '../../src/sheets/number-text';

const { CPQM, CPM, CTR } = FUNCTIONS as Record<string, (...a: unknown[]) => unknown>;
const MONEY = { currency: true, percent: false };
const RATE = { currency: false, percent: true };
const PLAIN = { currency: false, percent: false };

describe('text amounts with one reading', () => {
  it.each([
    ['1200', 1200],
    [' 0.35 ', 0.35],
    ['.5', 0.5],
    ['12.', 12],
    ['-4', -4],
    ['$172.45', 172.45],
    ['£950', 950],
    ['€1,204', 1204],
    ['$1,204.50', 1204.5],
    ['USD 1,204.50', 1204.5],
    ['GBP950', 950],
    ['1,204,000', 1204000],
    ['1,204.5', 1204.5],
    ['-$1,204.50', -1204.5],
    ['$-12', -12],
  ])('money %j is %d', (text, value) => {
    expect(readNumberText(text, MONEY)).toEqual({ kind: 'number', value });
  });

  it('reads a percentage only where a rate is expected', () => {
    expect(readNumberText('60%', RATE)).toEqual({ kind: 'number', value: 0.6 });
    expect(readNumberText('12.5 %', RATE)).toEqual({ kind: 'number', value: 0.125 });
    expect(readNumberText('60%', MONEY).kind).toBe('none');
    expect(readNumberText('$60', RATE).kind).toBe('none');
    expect(readNumberText('$60', PLAIN).kind).toBe('none');
  });

  it('through the functions: every argument of a row as text', () => {
    expect(CPQM!('$1,000.00', '10', '60%')).toBeCloseTo(166.67, 2);
    expect(CPQM!([['£950'], ['USD 1,000']], [['10'], ['10']], '70%', '100%')).toEqual([
      [950 / 7],
      [1000 / 7],
    ]);
    expect(CPM!('$5,000', '250,000,000')).toBe(0.02);
  });
});

describe('text with two readings', () => {
  it('"1,204" without currency or decimals could be 1204 or 1.204', () => {
    expect(readNumberText('1,204', MONEY)).toMatchObject({
      kind: 'ambiguous',
      value: 1204,
      other: 1.204,
    });
    expect(() => CPQM!('1,204', 10, 0.6)).toThrow(
      'CPQM: spend "1,204" could be 1204 or 1.204, the comma may group thousands or mark decimals: enter 1204 or 1.204 as a plain number (#VALUE!)',
    );
    expect(() => CTR!('1,204', 5000)).toThrow(/clicks "1,204" could be 1204 or 1.204/);
  });

  it('"1.204,50" could be 1204.5 or 1.2045', () => {
    expect(readNumberText('1.204,50', MONEY)).toMatchObject({
      kind: 'ambiguous',
      value: 1204.5,
      other: 1.2045,
    });
  });

  it('in a range, only the ambiguous element is a problem', () => {
    expect(CPQM!([['1,204'], ['$1,204']], 10, 1)).toEqual([
      ['#VALUE! spend "1,204" could be 1204 or 1.204'],
      [120.4],
    ]);
  });
});

describe('other text', () => {
  it.each([
    'abc',
    '12abc',
    '1,2000',
    '1,20,000',
    '$',
    '1 204',
    '1e3',
    '--5',
    '-$-5',
    '$1.204,5x',
    'US 12',
  ])('%j is not a number', (text) => {
    expect(readNumberText(text, MONEY).kind).toBe('none');
  });

  it('a decimal comma alone gets a hint', () => {
    expect(() => CPQM!('12,5', 1, 1)).toThrow(/for 12.5, write a point for decimals/);
  });

  it('"1.204.000,5" has no dotted reading: not a number, with what to enter', () => {
    expect(readNumberText('1.204.000,5', MONEY)).toEqual({
      kind: 'none',
      hint: 'for 1204000.5, enter 1204000.5',
    });
    expect(readNumberText('-€1.204.000,5', MONEY)).toEqual({
      kind: 'none',
      hint: 'for -1204000.5, enter -1204000.5',
    });
    expect(() => CPQM!('1.204.000,5', 10, 0.6)).toThrow(
      'CPQM: spend "1.204.000,5" is not a number, for 1204000.5, enter 1204000.5 (#VALUE!)',
    );
  });

  it('long junk is refused without being read, and quoted short', () => {
    const junk = `${'1'.repeat(50_000)}x`;
    expect(readNumberText(junk, MONEY).kind).toBe('none');
    const [[cell]] = CPQM!([[junk], [1]], 1, 1) as string[][];
    expect(cell!.length).toBeLessThan(120);
    expect(cell).toBe(
      '#VALUE! spend "1111111111111111111111111111111111111111…" (50,001 characters) is not a number',
    );
  });
});

describe('properties', () => {
  const grouped = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

  it('a currency amount reads as its number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('$', '£', '€', 'USD ', 'EUR'),
        (whole, cents, currency) => {
          const n = whole + cents / 100;
          const reading = readNumberText(`${currency}${grouped(n)}`, MONEY);
          expect(reading).toEqual({ kind: 'number', value: Number(grouped(n).replace(/,/g, '')) });
        },
      ),
    );
  });

  it('grouped thousands without currency or decimals are refused exactly when there is one comma', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), (n) => {
        const text = n.toLocaleString('en-US');
        const reading = readNumberText(text, PLAIN);
        const commas = text.split(',').length - 1;
        if (commas === 1) expect(reading.kind).toBe('ambiguous');
        else expect(reading).toEqual({ kind: 'number', value: n });
      }),
    );
  });

  it('never reads text with a letter or a second decimal point', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const reading = readNumberText(s, MONEY);
        if (reading.kind === 'number') {
          expect(s.trim()).not.toMatch(/[a-z]|\..*\./);
          expect(Number.isFinite(reading.value)).toBe(true);
        }
      }),
    );
  });
});
