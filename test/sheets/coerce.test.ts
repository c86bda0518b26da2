/**
 * Reading one cell as the kind of argument a function expects
 * (docs/ARGUMENT-RULES.md, rules 3–6): each kind of value a cell can hold,
 * at the bounds of each kind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  COERCE,
  isBlank,
  toDay,
  toFlag,
  toNumber,
  toOption,
  toRate,
  toText,
} from '../../src/sheets/coerce';
import { monthText, useCalendar } from '../../src/sheets/dates';
import { percentFix } from '../../src/sheets/format';
import { problem } from '../unit/throws';

afterEach(() => useCalendar(undefined));

/** The problem `f` throws; fails when it throws anything else or nothing. */

const MONEY_HINT = /\$/;
const RATE_HINT = /%/;

describe('isBlank', () => {
  it('is true for an empty cell only', () => {
    expect(isBlank('')).toBe(true);
    expect(isBlank(null)).toBe(true);
    expect(isBlank(undefined)).toBe(true);
    for (const v of [' ', 0, false, 'x', Number.NaN, [[]], new Date(0)]) {
      expect(isBlank(v), String(v)).toBe(false);
    }
  });
});

describe('toNumber', () => {
  it('takes finite numbers as they are', () => {
    for (const n of [0, -3.5, 1e300, 0.1 + 0.2]) expect(toNumber('x', n)).toBe(n);
  });

  it('refuses NaN and ±Infinity with #NUM!, asking for a finite number', () => {
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const p = problem(() => toNumber('spend', n));
      expect(p.code).toBe('#NUM!');
      expect(p.text).toBe(`spend is ${n}`);
      expect(p.detail).toMatch(/finite/);
    }
  });

  it('reads numeric text as the number, of type number', () => {
    expect(toNumber('x', '12')).toBe(12);
    expect(toNumber('x', ' -0.5 ')).toBe(-0.5);
    expect(toNumber('x', '$1,204.50', { currency: true, percent: false })).toBe(1204.5);
    expect(toNumber('x', '35%', { currency: false, percent: true })).toBe(0.35);
  });

  it('refuses text with two readings, giving both', () => {
    const p = problem(() => toNumber('spend', '1,204'));
    expect(p.code).toBe('#VALUE!');
    expect(p.text).toBe('spend "1,204" could be 1204 or 1.204');
    expect(p.detail).toMatch(/comma.*: enter 1204 or 1\.204/);
  });

  it('refuses other text with a hint fitting the kind of number expected', () => {
    const plain = problem(() => toNumber('meetings', 'abc'));
    expect(plain.code).toBe('#VALUE!');
    expect(plain.text).toBe('meetings "abc" is not a number');
    expect(plain.detail).toMatch(/^enter /);
    expect(plain.detail).not.toMatch(MONEY_HINT);
    expect(plain.detail).not.toMatch(RATE_HINT);

    const money = problem(() => toNumber('spend', 'abc', { currency: true, percent: false }));
    expect(money.detail).toMatch(MONEY_HINT);
    expect(money.detail).not.toMatch(RATE_HINT);

    const rate = problem(() => toNumber('rate', 'abc', { currency: false, percent: true }));
    expect(rate.detail).toMatch(RATE_HINT);
    expect(rate.detail).not.toMatch(MONEY_HINT);
  });

  it('reads a decimal comma, and names both readings of a lone group', () => {
    expect(toNumber('spend', '12,5')).toBe(12.5);
    const p = problem(() => toNumber('spend', '1.204'));
    expect(p.text).toBe('spend "1.204" could be 1.204 or 1204');
    expect(p.detail).toBe(
      'the dot may group thousands or mark decimals: enter 1.204 or 1204 as a plain number',
    );
  });

  it('refuses booleans, blanks and other values as not numbers', () => {
    for (const [v, shown] of [
      [true, 'TRUE'],
      [false, 'FALSE'],
      [null, 'blank'],
      [undefined, 'blank'],
      [[[1]], '"1"'],
    ] as const) {
      const p = problem(() => toNumber('x', v));
      expect(p.code).toBe('#VALUE!');
      expect(p.text).toBe(`x ${shown} is not a number`);
      expect(p.detail).toMatch(/^enter a number/);
    }
  });

  it('says a date is a date', () => {
    const p = problem(() => toNumber('spend', new Date(2026, 0, 5)));
    expect(p.code).toBe('#VALUE!');
    expect(p.text).toBe('spend 2026-01-05 is a date, not a number');
    expect(p.detail).toMatch(/^enter a number/);
  });
});

describe('money, counts and factors', () => {
  const kinds = ['money', 'count', 'factor'] as const;

  it('take 0 and more, as numbers or numeric text', () => {
    for (const kind of kinds) {
      const read = COERCE[kind];
      expect(read('x', 0), kind).toBe(0);
      expect(read('x', 12.5), kind).toBe(12.5);
      expect(read('x', Number.MAX_VALUE), kind).toBe(Number.MAX_VALUE);
      expect(read('x', '0'), kind).toBe(0);
      expect(read('x', '5'), kind).toBe(5);
      expect(read('x', ' 1200 '), kind).toBe(1200);
    }
  });

  it('refuse negatives with #NUM!, numbers and text alike', () => {
    for (const kind of kinds) {
      for (const v of [-0.01, '-0.01', -1e300]) {
        const p = problem(() => COERCE[kind]('spend', v));
        expect(p.code, `${kind} ${v}`).toBe('#NUM!');
        expect(p.text).toMatch(/^spend -[\d.e+]+ is negative$/);
        expect(p.detail).toMatch(/0 or more/);
      }
    }
  });

  it('refuse ±Infinity and NaN as not finite, and text, booleans and dates as not numbers', () => {
    for (const kind of kinds) {
      const read = COERCE[kind];
      for (const v of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]) {
        const p = problem(() => read('x', v));
        expect(p.code, `${kind} ${v}`).toBe('#NUM!');
        expect(p.detail).toMatch(/finite/);
      }
      for (const v of ['abc', true, new Date(2026, 0, 5), '']) {
        expect(problem(() => read('x', v)).code, `${kind} ${String(v)}`).toBe('#VALUE!');
      }
    }
  });

  it('only money reads a currency sign, and none reads a percent sign', () => {
    expect(COERCE.money('x', '$1,204.50')).toBe(1204.5);
    expect(COERCE.money('x', 'USD 950')).toBe(950);
    expect(COERCE.money('x', '$0.00')).toBe(0);
    for (const kind of ['count', 'factor'] as const) {
      expect(problem(() => COERCE[kind]('x', '$5')).code).toBe('#VALUE!');
      expect(problem(() => COERCE[kind]('x', 'USD 5')).code).toBe('#VALUE!');
    }
    for (const kind of kinds) {
      expect(problem(() => COERCE[kind]('x', '5%')).code, kind).toBe('#VALUE!');
    }
  });

  it('hint at an amount with currency for money and a plain number otherwise', () => {
    expect(problem(() => COERCE.money('x', 'abc')).detail).toMatch(MONEY_HINT);
    expect(problem(() => COERCE.count('x', 'abc')).detail).not.toMatch(MONEY_HINT);
    expect(problem(() => COERCE.count('x', 'abc')).detail).not.toMatch(RATE_HINT);
  });
});

describe('rates', () => {
  it('take fractions from 0 to 1, as numbers or text', () => {
    for (const n of [0, 0.6, 1]) expect(toRate('x', n)).toBe(n);
    expect(toRate('x', '60%')).toBe(0.6);
    expect(toRate('x', '0.6')).toBe(0.6);
    expect(toRate('x', '100%')).toBe(1);
    expect(toRate('x', '0%')).toBe(0);
    expect(toRate('x', '1')).toBe(1);
    expect(COERCE.rate('x', '35%')).toBe(0.35);
  });

  it('refuse anything above 1 with the percent fix', () => {
    for (const [v, n] of [
      [1.0000001, 1.0000001],
      [60, 60],
      ['150%', 1.5],
      ['2', 2],
    ] as const) {
      const p = problem(() => toRate('qualRate', v));
      expect(p.code).toBe('#NUM!');
      expect(p.text).toContain('above 100%');
      expect(p.text).toContain(percentFix(n));
    }
  });

  it('say both readings of a value that may have been typed as a percentage', () => {
    expect(problem(() => toRate('qualRate', 60)).text).toBe(
      'qualRate 60 is above 100%: enter 60% or 0.6',
    );
    expect(problem(() => toRate('qualRate', 1.5)).text).toBe(
      'qualRate 1.5 (150%) is above 100%: a rate is at most 100%; for 1.5%, enter 1.5% or 0.015',
    );
    expect(problem(() => toRate('close', '250%')).text).toBe(
      'close 2.5 (250%) is above 100%: a rate is at most 100%; for 2.5%, enter 2.5% or 0.025',
    );
    expect(problem(() => toRate('close', 9.99)).text).toMatch(/^close 9\.99 \(999%\) is above/);
    expect(problem(() => toRate('close', 10)).text).toBe(
      'close 10 is above 100%: enter 10% or 0.1',
    );
  });

  it('refuse negatives with #NUM!', () => {
    for (const v of [-0.1, -5, '-10%', '-0.5']) {
      const p = problem(() => toRate('showRate', v));
      expect(p.code).toBe('#NUM!');
      expect(p.text).toMatch(/^showRate -[\d.]+ is negative$/);
      expect(p.detail).toMatch(/0%.*100%/);
    }
  });

  it('refuse ±Infinity and NaN as not finite', () => {
    for (const v of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]) {
      const p = problem(() => toRate('x', v));
      expect(p.code).toBe('#NUM!');
      expect(p.text).toBe(`x is ${v}`);
      expect(p.detail).toMatch(/finite/);
    }
  });

  it('refuse text, currency, booleans and blanks, hinting at a percentage', () => {
    for (const v of ['abc', '$0.5', true, false, null, '']) {
      const p = problem(() => toRate('x', v));
      expect(p.code, String(v)).toBe('#VALUE!');
    }
    expect(problem(() => toRate('x', 'abc')).detail).toMatch(RATE_HINT);
  });
});

describe('flags', () => {
  it('take booleans, 1 and 0, and the texts TRUE and FALSE in any case', () => {
    expect(toFlag('x', true)).toBe(true);
    expect(toFlag('x', false)).toBe(false);
    expect(toFlag('x', 1)).toBe(true);
    expect(toFlag('x', 0)).toBe(false);
    expect(toFlag('x', 'TRUE')).toBe(true);
    expect(toFlag('x', ' true ')).toBe(true);
    expect(toFlag('x', 'False')).toBe(false);
    expect(toFlag('x', ' FALSE')).toBe(false);
    expect(COERCE.flag('x', 1)).toBe(true);
  });

  it('refuse anything else, quoting it', () => {
    for (const [v, shown] of [
      ['yes', '"yes"'],
      ['1', '"1"'],
      ['', '""'],
      [2, '2'],
      [-1, '-1'],
      [0.5, '0.5'],
      [null, 'blank'],
    ] as const) {
      const p = problem(() => toFlag('rounding', v));
      expect(p.code).toBe('#VALUE!');
      expect(p.text).toBe(`rounding ${shown} is not TRUE or FALSE`);
      expect(p.detail).toMatch(/TRUE or FALSE/);
    }
  });
});

describe('text', () => {
  it('takes text as it is, and finite numbers as they show', () => {
    expect(toText('x', 'Paid search')).toBe('Paid search');
    expect(toText('x', '')).toBe('');
    expect(toText('x', 12.5)).toBe('12.5');
    expect(toText('x', 0.1 + 0.2)).toBe('0.3');
    expect(COERCE.text('x', 7)).toBe('7');
  });

  it('reads a date as its day, or as the label the argument gives dates', () => {
    const date = new Date(2026, 0, 5);
    expect(toText('x', date)).toBe('2026-01-05');
    expect(toText('x', date, () => 'January')).toBe('January');
  });

  it('reads ISO date text, with or without a time, like a date cell', () => {
    expect(toText('x', '2026-01-05 10:32')).toBe('2026-01-05');
    expect(toText('x', '2026-01-05T10:32:00Z')).toBe('2026-01-05');
    expect(toText('x', '2026-01-05')).toBe('2026-01-05');
    expect(toText('x', '2026-01-01 09:00', monthText)).toBe('2026-01');
    // Text that only looks like a date stays as it is.
    expect(toText('x', '2026-01')).toBe('2026-01');
    expect(toText('x', '2026-02-30 10:00')).toBe('2026-02-30 10:00');
  });

  it('refuses booleans, blanks, invalid dates and numbers that are not finite', () => {
    for (const [v, shown] of [
      [true, 'TRUE'],
      [null, 'blank'],
      [new Date(Number.NaN), 'an invalid date'],
      [Number.NaN, 'NaN'],
      [Number.POSITIVE_INFINITY, 'Infinity'],
    ] as const) {
      const p = problem(() => toText('segment', v));
      expect(p.code).toBe('#VALUE!');
      expect(p.text).toBe(`segment ${shown} is not text`);
      expect(p.detail).toMatch(/text/);
    }
  });

  it('an option is text, but never a date', () => {
    expect(toOption('x', 'B2B')).toBe('B2B');
    expect(toOption('x', 5)).toBe('5');
    const p = problem(() => toOption('segment', new Date(2026, 0, 5)));
    expect(p.code).toBe('#VALUE!');
    expect(p.text).toBe('segment 2026-01-05 is a date');
    expect(p.detail).toMatch(/accepted/);
  });
});

describe('dates', () => {
  it('read a date cell as the day it shows', () => {
    expect(toDay('x', new Date(2026, 0, 5))).toEqual({ year: 2026, month: 1, day: 5 });
    useCalendar(() => ({ year: 2030, month: 6, day: 7 }));
    expect(toDay('x', new Date(2026, 0, 5))).toEqual({ year: 2030, month: 6, day: 7 });
    expect(COERCE.date('x', new Date(2026, 0, 5))).toEqual({ year: 2030, month: 6, day: 7 });
  });

  it('read serial numbers from 1 up, by their whole part', () => {
    expect(toDay('x', 46023)).toEqual({ year: 2026, month: 1, day: 1 });
    expect(toDay('x', 46023.99)).toEqual({ year: 2026, month: 1, day: 1 });
    expect(toDay('x', 1)).toEqual({ year: 1899, month: 12, day: 31 });
  });

  it('read ISO date text', () => {
    expect(toDay('x', '2026-01-05')).toEqual({ year: 2026, month: 1, day: 5 });
    expect(toDay('x', ' 2026-02-28T10:00:00Z ')).toEqual({ year: 2026, month: 2, day: 28 });
  });

  it('read ISO date text with a time as the day written, whatever the time or zone', () => {
    const jan15 = { year: 2026, month: 1, day: 15 };
    for (const text of [
      '2026-01-15 10:32',
      '2026-01-15 10:32:05',
      '2026-01-15T10:32:00Z',
      '2026-01-15T23:59:59.999Z',
      '2026-01-15T00:30:00+14:00',
      '2026-01-15T23:30:00-1200',
    ]) {
      expect(toDay('x', text)).toEqual(jan15);
    }
  });

  it('refuse anything else', () => {
    for (const [v, shown] of [
      [0.5, '0.5'],
      [0, '0'],
      [-5, '-5'],
      [Number.POSITIVE_INFINITY, 'Infinity'],
      [Number.NaN, 'NaN'],
      ['46023', '"46023"'],
      ['2026-02-30', '"2026-02-30"'],
      ['5 January', '"5 January"'],
      [true, 'TRUE'],
      [null, 'blank'],
      [new Date(Number.NaN), 'an invalid date'],
    ] as const) {
      const p = problem(() => toDay('from', v));
      expect(p.code).toBe('#VALUE!');
      expect(p.text).toBe(`from ${shown} is not a date`);
      expect(p.detail).toMatch(/2026-01-05/);
    }
  });
});

describe('a cell holding a sheet error', () => {
  const ERRORS = [
    '#N/A',
    '#REF!',
    '#DIV/0!',
    '#VALUE!',
    '#NAME?',
    '#NUM!',
    '#ERROR!',
    '#NULL!',
    '#SPILL!',
    '#CALC!',
    '#DIV/0! meetings is 0',
    '#NUM! qualRate 60 is above 100%',
  ];
  const READERS = [
    ['money', COERCE.money],
    ['count', COERCE.count],
    ['factor', COERCE.factor],
    ['number', COERCE.number],
    ['rate', toRate],
    ['flag', toFlag],
    ['text', toText],
    ['option', toOption],
    ['date', toDay],
  ] as const;

  it.each(READERS)('read as %s says the sheet has an error there to fix first', (_, read) => {
    for (const error of ERRORS) {
      const p = problem(() => read('spend', error));
      expect(p.code).toBe('#VALUE!');
      expect(p.text).toBe(`spend is the sheet error ${JSON.stringify(error)}`);
      expect(p.detail).toBe('the sheet has an error there: fix it first');
    }
  });

  it('text that only starts with # is read as usual', () => {
    expect(toText('x', '#1 campaign')).toBe('#1 campaign');
    expect(toText('x', '#N/Aside')).toBe('#N/Aside');
    expect(problem(() => toNumber('x', '#12')).text).toBe('x "#12" is not a number');
  });
});

describe('any number', () => {
  it('takes every finite number, negatives too, and numeric text', () => {
    expect(COERCE.number('x', -5)).toBe(-5);
    expect(COERCE.number('x', 0)).toBe(0);
    expect(COERCE.number('x', '-3.5')).toBe(-3.5);
    expect(COERCE.number('x', '5')).toBe(5);
  });

  it('refuses what is not a finite plain number', () => {
    expect(problem(() => COERCE.number('x', Number.NaN)).code).toBe('#NUM!');
    expect(problem(() => COERCE.number('x', Number.NEGATIVE_INFINITY)).code).toBe('#NUM!');
    expect(problem(() => COERCE.number('x', '$5')).code).toBe('#VALUE!');
    expect(problem(() => COERCE.number('x', '5%')).code).toBe('#VALUE!');
    expect(problem(() => COERCE.number('x', true)).code).toBe('#VALUE!');
  });
});
