/** The argument rules of docs/ARGUMENT-RULES.md, through the shared runner (sheets/run.ts). */
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/metrics/catalogue';

const { CPQM, MAX_CPQM } = FUNCTIONS as Record<string, (...a: unknown[]) => unknown>;

describe('single values', () => {
  it('computes the worked examples', () => {
    expect(CPQM!(950, 10, 0.7)).toBeCloseTo(135.714285714, 6);
    expect(CPQM!(1000, 10, 0.6)).toBeCloseTo(166.67, 2);
    expect(CPQM!(1000, 10, 1, 0.8)).toBe(125);
    expect(MAX_CPQM!(20000, 0.1, 3)).toBeCloseTo(666.67, 2);
  });

  it('reads plain numeric text as a number', () => {
    expect(CPQM!('1000', ' 10 ', '0.6')).toBeCloseTo(166.67, 2);
    expect(CPQM!('1000.', '10', '.6')).toBeCloseTo(166.67, 2);
  });

  it('quotes other text, booleans and dates in a #VALUE! error', () => {
    expect(() => CPQM!('£1,20,000', 10, 0.6)).toThrow('CPQM: spend "£1,20,000" is not a number');
    expect(() => CPQM!('abc', 10, 0.6)).toThrow(/#VALUE!/);
    expect(() => CPQM!(1000, true, 0.6)).toThrow('CPQM: meetings TRUE is not a number');
    expect(() => CPQM!(new Date(2026, 0, 5), 10, 0.6)).toThrow(
      'CPQM: spend 2026-01-05 is a date, not a number',
    );
  });

  it('rejects rates above 100% with the fix, and negative rates', () => {
    expect(() => CPQM!(1000, 10, 60)).toThrow(
      'CPQM: qualRate 60 is above 100%: enter 60% or 0.6 (#NUM!)',
    );
    expect(() => CPQM!(1000, 10, 0.6, -0.1)).toThrow('CPQM: showRate -0.1 is negative');
    expect(CPQM!(1000, 10, 1, 1)).toBe(100);
  });

  it('rejects negative money and counts with #NUM!', () => {
    expect(() => CPQM!(-5, 10, 0.6)).toThrow('CPQM: spend -5 is negative, enter 0 or more (#NUM!)');
    expect(() => CPQM!(5, -1, 0.6)).toThrow(/meetings -1 is negative/);
  });

  it('names the divisor on division by zero', () => {
    expect(() => CPQM!(1000, 0, 0.6)).toThrow(
      'CPQM: meetings is 0, so there is no qualified meeting to divide spend by (#DIV/0!)',
    );
    expect(() => CPQM!(1000, 10, 0)).toThrow(/CPQM: qualRate is 0.*#DIV\/0!/);
    expect(() => MAX_CPQM!(20000, 0.1, 0)).toThrow(/MAX_CPQM: roas is 0.*#DIV\/0!/);
  });

  it('gives blank for a blank required argument, and the default for a blank optional one', () => {
    expect(CPQM!('', 10, 0.6)).toBe('');
    expect(CPQM!(1000, 10, 0.6, '')).toBeCloseTo(166.67, 2);
    expect(CPQM!(1000, 10, 0.6, undefined)).toBeCloseTo(166.67, 2);
  });

  it('never returns Infinity', () => {
    expect(() => CPQM!(1e308, 1e-308, 1)).toThrow(/#NUM!/);
  });
});

describe('ranges', () => {
  it('combines same-shaped ranges element by element and repeats single values', () => {
    expect(CPQM!([[1000], [2000]], [[10], [20]], 0.5)).toEqual([[200], [200]]);
  });

  it('gives a row back for a row range', () => {
    expect(CPQM!([[1000, 2000]], [[10, 20]], [[0.5, 1]])).toEqual([[200, 100]]);
  });

  it('treats a 1×1 range as a single value, and returns a grid', () => {
    expect(CPQM!([[1000]], 10, 0.5)).toEqual([[200]]);
    expect(CPQM!([[1000], [500]], [[10]], 0.5)).toEqual([[200], [100]]);
  });

  it('names both arguments and shapes on a mismatch', () => {
    const spend = Array.from({ length: 40 }, () => [1]);
    const meetings = Array.from({ length: 39 }, () => [1]);
    expect(() => CPQM!(spend, meetings, 0.5)).toThrow('CPQM: spend is 40×1 but meetings is 39×1');
  });

  it('keeps computing the other rows when one element is bad', () => {
    expect(
      CPQM!(
        [['Spend'], [1000], [1000], [''], [1000]],
        [['Meetings'], [10], [0], [5], [10]],
        [['Qual rate'], [0.5], [0.5], [0.5], [70]],
      ),
    ).toEqual([
      ['#VALUE! spend "Spend" is not a number'],
      [200],
      ['#DIV/0! meetings is 0'],
      [''],
      ['#NUM! qualRate 70 is above 100%: enter 70% or 0.7'],
    ]);
  });

  it('gives blank for a blank beside junk, whichever argument is blank', () => {
    expect(CPQM!('abc', '', 0.5)).toBe('');
    expect(CPQM!('', 'abc', 0.5)).toBe('');
    expect(CPQM!(-1, 10, '', 'abc')).toBe('');
    expect(CPQM!([['Spend'], [1000]], [['Meetings'], [10]], [[''], [0.5]])).toEqual([[''], [200]]);
  });

  it('rejects more arguments than the function takes, and fewer than it needs', () => {
    expect(() => MAX_CPQM!(1, 0.1, 3, 4)).toThrow(
      'MAX_CPQM: takes 3 arguments, MAX_CPQM(deal, close, roas), but got 4',
    );
    expect(() => CPQM!(950, 10, 0.6, 0.8, 99)).toThrow(
      'CPQM: takes 3 to 4 arguments, CPQM(spend, meetings, qualRate, [showRate]), but got 5',
    );
    expect(() => CPQM!(950)).toThrow(/CPQM: takes 3 to 4 arguments.*but got 1/);
    expect(() => CPQM!([[950]], [[10]])).toThrow(/but got 2/);
  });

  it('rejects null, a flat list and ragged rows, naming the function', () => {
    expect(() => CPQM!(null, 10, 0.6)).toThrow(
      'CPQM: spend is null; pass a value, a range, or "" for a blank',
    );
    expect(() => CPQM!([950, 1000], 10, 0.6)).toThrow(/CPQM: spend is not a range of rows/);
    expect(() => CPQM!([[950], [1000, 5]], 10, 0.6)).toThrow(/CPQM: spend is not a range of rows/);
    expect(() => FUNCTIONS.OUTCOME_SUMMARY!(['Qualified'])).toThrow(
      /OUTCOME_SUMMARY: outcomes is not a range/,
    );
    expect(() => FUNCTIONS.FUNNEL_RATES!(null)).toThrow(/FUNNEL_RATES: counts is null/);
  });
});
