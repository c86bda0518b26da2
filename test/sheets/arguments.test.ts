/** A call's arguments as a whole (docs/ARGUMENT-RULES.md, rule 11): how many, and what may be passed. */
import { describe, expect, it } from 'vitest';
import { checkArguments, type ParamKind, signature } from '../../src/sheets/arguments';
import { CallError } from '../../src/sheets/problem';
import { thrown } from '../unit/throws';

/** The message of the CallError `f` throws. */
function callError(f: () => unknown): string {
  const e = thrown(f);
  if (e instanceof CallError) return e.message;
  throw e;
}

const col = (...values: unknown[]) => values.map((v) => [v]);

const SPEND: ParamKind = { name: 'spend', kind: 'money' };
const MEETINGS: ParamKind = { name: 'meetings', kind: 'count' };
const QUAL: ParamKind = { name: 'qualRate', kind: 'rate' };
const SHOW: ParamKind = { name: 'showRate', kind: 'rate', optional: true, default: 1 };

describe('checkArguments', () => {
  const params = [SPEND, MEETINGS, QUAL, SHOW];

  it('accepts every count from the required ones to all', () => {
    expect(() => checkArguments('CPQM', params, [1, 2, 3])).not.toThrow();
    expect(() => checkArguments('CPQM', params, [1, 2, 3, 4])).not.toThrow();
    expect(() => checkArguments('OPT', [SHOW], [])).not.toThrow();
  });

  it('refuses too few or too many, naming the counts and the signature', () => {
    const range = 'CPQM: takes 3 to 4 arguments, CPQM(spend, meetings, qualRate, [showRate])';
    expect(callError(() => checkArguments('CPQM', params, [1, 2]))).toBe(`${range}, but got 2`);
    expect(callError(() => checkArguments('CPQM', params, []))).toBe(`${range}, but got 0`);
    expect(callError(() => checkArguments('CPQM', params, [1, 2, 3, 4, 5]))).toBe(
      `${range}, but got 5`,
    );
    expect(callError(() => checkArguments('CPC', [SPEND, MEETINGS], [1, 2, 3]))).toBe(
      'CPC: takes 2 arguments, CPC(spend, meetings), but got 3',
    );
    expect(callError(() => checkArguments('ONE', [SPEND], []))).toBe(
      'ONE: takes 1 argument, ONE(spend), but got 0',
    );
    expect(callError(() => checkArguments('OPT', [SHOW], [1, 2]))).toBe(
      'OPT: takes 0 to 1 argument, OPT([showRate]), but got 2',
    );
  });

  it('refuses null, naming the argument', () => {
    expect(callError(() => checkArguments('CPQM', params, [1, null, 3]))).toMatch(
      /^CPQM: meetings is null; \S/,
    );
    expect(callError(() => checkArguments('CPQM', params, [null, 2, 3]))).toMatch(
      /^CPQM: spend is null/,
    );
  });

  it('accepts rows of cells of one length, and refuses anything else', () => {
    expect(() =>
      checkArguments('CPQM', params, [[[1, 2]], col(1, 2), [[1, 2, 3]], 'x']),
    ).not.toThrow();
    expect(() => checkArguments('CPQM', params, [[], 1, 1])).not.toThrow();
    for (const bad of [
      [950, 1000],
      [[950], [1000, 5]],
      [[1, 2], [3]],
      [[1], 2],
      ['ab', 'cd'],
    ]) {
      expect(callError(() => checkArguments('CPQM', params, [1, bad, 1]))).toMatch(
        /^CPQM: meetings is not a range of rows of the same length/,
      );
    }
  });
});

describe('signature', () => {
  it('a signature lists the arguments, optional ones in brackets', () => {
    expect(signature('CPQM', [SPEND, MEETINGS, QUAL, SHOW])).toBe(
      'CPQM(spend, meetings, qualRate, [showRate])',
    );
    expect(signature('NOW', [])).toBe('NOW()');
  });
});
