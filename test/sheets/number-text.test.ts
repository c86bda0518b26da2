/**
 * Text that holds a number (docs/ARGUMENT-RULES.md, rule 4), form by form:
 * each part of an amount, where it may sit, and what is left unread; then the
 * same through the functions, and properties against an independent writer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { readNumberText } from '../../src/sheets/number-text';

const MONEY = { currency: true, percent: false };
const RATE = { currency: false, percent: true };
const PLAIN = { currency: false, percent: false };

const number = (value: number) => ({ kind: 'number', value });

const { CPQM, CPM, CTR } = FUNCTIONS as Record<string, (...a: unknown[]) => unknown>;

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
    ['1.204,50 €', 1204.5],
    ['1.204,50€', 1204.5],
    ['EUR 1.204,50', 1204.5],
    ['1.204,50 EUR', 1204.5],
    ['€1.204,50', 1204.5],
    ['-1.204,50 €', -1204.5],
    ['1 204,50', 1204.5],
    ['1\u00A0204,50', 1204.5],
    ['1\u202F204,50 €', 1204.5],
    ['1 204 000', 1204000],
    ['1 204.50', 1204.5],
    ['1204,50', 1204.5],
    ['12,5', 12.5],
    ['$1204,5', 1204.5],
    ['1,2345', 1.2345],
    ['1234,567', 1234.567],
    ['1.204.000', 1204000],
    ['1.204.000,5', 1204000.5],
    ['12.345,6', 12345.6],
    ['12 USD', 12],
    ['950 £', 950],
    ['$1.204', 1204],
    ['1.204 €', 1204],
    ['0.125', 0.125],
    ['0,125', 0.125],
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

  it('one dot group without currency or decimals', () => {
    for (const options of [MONEY, PLAIN, RATE]) {
      const reading = readNumberText('1.204', options);
      expect(reading).toMatchObject({ kind: 'ambiguous', value: 1.204, other: 1204 });
      expect(reading.kind === 'ambiguous' && reading.why).toMatch(/dot/);
    }
    expect(readNumberText('12.345', PLAIN)).toMatchObject({ value: 12.345, other: 12345 });
    expect(readNumberText('-999,999', PLAIN)).toMatchObject({ value: -999999, other: -999.999 });
  });

  it('a lone 0 starts no thousands group', () => {
    expect(readNumberText('0.125', PLAIN)).toEqual(number(0.125));
    expect(readNumberText('0,125', PLAIN)).toEqual(number(0.125));
    expect(readNumberText('-0,125', PLAIN)).toEqual(number(-0.125));
  });

  it('a currency before or after makes a lone group a thousands group', () => {
    for (const text of ['$1,204', '€1.204', '1.204 €', '1,204 USD', 'EUR 1.204']) {
      expect(readNumberText(text, MONEY)).toEqual(number(1204));
    }
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
    '1.204,5.3',
    '1234.567,5',
    '12.3,45',
    '1e3',
    ',5',
    '5,',
    '1,204,50',
    '1.204.50',
    '1,204.000,5',
    '1.204,000.5',
    '1 20,5',
    '1 2045',
    '$1,204 €',
    'EUR 5 USD',
    '0,204,000',
    '12 usd',
    '.',
  ])('%j', (text) => {
    expect(readNumberText(text, MONEY)).toEqual({ kind: 'none' });
  });
});

describe('through the functions', () => {
  it('every argument of a row as text', () => {
    expect(CPQM!('$1,000.00', '10', '60%')).toBeCloseTo(166.67, 2);
    expect(CPQM!([['£950'], ['USD 1,000']], [['10'], ['10']], '70%', '100%')).toEqual([
      [950 / 7],
      [1000 / 7],
    ]);
    expect(CPM!('$5,000', '250,000,000')).toBe(0.02);
  });

  it('European amounts as exports write them', () => {
    expect(CPQM!('1.204,50 €', 10, 1)).toBe(120.45);
    expect(CPQM!([['EUR 1.204,50'], ['1\u00A0204,50'], ['1.204.000']], 10, '50%')).toEqual([
      [240.9],
      [240.9],
      [240800],
    ]);
  });

  it('"1,204" and "1.204" without currency or decimals name both readings', () => {
    expect(() => CPQM!('1,204', 10, 0.6)).toThrow(
      'CPQM: spend "1,204" could be 1204 or 1.204, the comma may group thousands or mark decimals: enter 1204 or 1.204 as a plain number (#VALUE!)',
    );
    expect(() => CPQM!('1.204', 10, 0.6)).toThrow(
      'CPQM: spend "1.204" could be 1.204 or 1204, the dot may group thousands or mark decimals: enter 1.204 or 1204 as a plain number (#VALUE!)',
    );
    expect(() => CTR!('1,204', 5000)).toThrow(/clicks "1,204" could be 1204 or 1.204/);
  });

  it('in a range, only the ambiguous element is a problem', () => {
    expect(CPQM!([['1,204'], ['$1,204'], ['1.204 €']], 10, 1)).toEqual([
      ['#VALUE! spend "1,204" could be 1204 or 1.204'],
      [120.4],
      [120.4],
    ]);
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

  it('text built to make a pattern backtrack is refused in linear time', () => {
    // Within the length cap every shape of junk is read once, left to right.
    for (const junk of ['1 '.repeat(24), `${'1,'.repeat(23)}x`, `${'1.1'.repeat(15)} $x`]) {
      expect(readNumberText(junk, MONEY).kind).toBe('none');
    }
  });
});

/**
 * An independent writer of amounts in each export form. The expected reading
 * is worked out from how the text was written, not from the reader.
 */
describe('properties: every export form reads back as its number', () => {
  const SPACES = [' ', '\u00A0', '\u202F'];
  const FORMS = {
    us: { group: ',', decimal: '.' },
    european: { group: '.', decimal: ',' },
    spaced: { group: ' ', decimal: ',' },
    plainDot: { group: '', decimal: '.' },
    plainComma: { group: '', decimal: ',' },
  } as const;

  /** 1204000 → "1,204,000": groups of three from the right. */
  const grouped = (whole: number, group: string) => {
    const digits = String(whole);
    if (!group) return digits;
    const parts: string[] = [];
    for (let end = digits.length; end > 0; end -= 3)
      parts.unshift(digits.slice(Math.max(0, end - 3), end));
    return parts.join(group);
  };

  const amount = fc.record({
    whole: fc.oneof(
      fc.integer({ min: 0, max: 999 }),
      fc.integer({ min: 1000, max: 999_999 }),
      fc.integer({ min: 0, max: 10 ** 12 }),
    ),
    fraction: fc.oneof(fc.constant(''), fc.stringMatching(/^\d{1,3}$/)),
    form: fc.constantFrom(...(Object.keys(FORMS) as (keyof typeof FORMS)[])),
    space: fc.constantFrom(...SPACES),
    currency: fc.constantFrom('', '$', '€', '£', 'EUR ', 'USD'),
    after: fc.boolean(),
    negative: fc.boolean(),
  });

  it('reads the written number, or refuses with both readings exactly when the form is ambiguous', () => {
    fc.assert(
      fc.property(amount, (a) => {
        const { group, decimal } = FORMS[a.form];
        // Money carries a currency only with cents or none, as exports write it.
        const fraction =
          a.currency && a.fraction.length === 3 ? a.fraction.slice(0, 2) : a.fraction;
        const groupMark = a.form === 'spaced' ? a.space : group;
        const digits = grouped(a.whole, groupMark) + (fraction ? `${decimal}${fraction}` : '');
        const body = `${a.negative ? '-' : ''}${digits}`;
        const text = !a.currency
          ? body
          : a.after
            ? `${body} ${a.currency.trim()}`
            : `${a.currency}${body}`;
        const sign = a.negative ? -1 : 1;
        const written = sign * Number(`${a.whole}.${fraction}`);

        const marks = (digits.match(/[.,]/g) ?? []).length;
        const lastMark = digits.search(/[.,]\d+$/);
        // One separator, exactly three digits after it, 1–3 digits before it not starting with 0, no currency.
        const ambiguous =
          !a.currency &&
          marks === 1 &&
          digits.length - lastMark - 1 === 3 &&
          /^[1-9]\d{0,2}[.,]\d{3}$/.test(digits);
        const reading = readNumberText(text, MONEY);
        if (!ambiguous) {
          expect(reading, JSON.stringify(text)).toEqual({ kind: 'number', value: written });
          return;
        }
        const [left, right] = digits.split(/[.,]/) as [string, string];
        const readings = [Number(`${left}.${right}`), Number(`${left}${right}`)].map(
          (n) => sign * n,
        );
        expect(reading.kind, JSON.stringify(text)).toBe('ambiguous');
        if (reading.kind !== 'ambiguous') return;
        expect([reading.value, reading.other].sort()).toEqual(readings.sort());
        expect(readings).toContain(written);
      }),
      { numRuns: 2000 },
    );
  });

  it('a percentage in any of the forms reads as its fraction for a rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 9 }),
        (whole, tenth) => {
          for (const decimal of ['.', ',']) {
            expect(readNumberText(`${whole}${decimal}${tenth}%`, RATE)).toEqual({
              kind: 'number',
              value: Number(`${whole}.${tenth}`) / 100,
            });
          }
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

  it('never reads text with a lowercase letter, and every reading is finite', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const reading = readNumberText(s, MONEY);
        if (reading.kind === 'number') {
          expect(s.trim()).not.toMatch(/[a-z]/);
          expect(Number.isFinite(reading.value)).toBe(true);
        }
      }),
    );
  });
});
