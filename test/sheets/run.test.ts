/**
 * The runners (docs/ARGUMENT-RULES.md, rules 8, 9 and 11): element-wise
 * broadcasting over ranges, whole-range functions, and how problems and
 * results are reported.
 */
import { describe, expect, it } from 'vitest';
import type { ParamKind } from '../../src/sheets/arguments';
import { CallError, Problem } from '../../src/sheets/problem';
import { finite } from '../../src/sheets/result';
import { elementwise, wholeRange, withFunctionName } from '../../src/sheets/run';
import { problem, thrown } from '../unit/throws';

/** The message of the plain Error (a named problem) `f` throws. */
function errorMessage(f: () => unknown): string {
  const e = thrown(f);
  expect(e).toBeInstanceOf(Error);
  expect(e).not.toBeInstanceOf(Problem);
  expect(e).not.toBeInstanceOf(CallError);
  return (e as Error).message;
}

const col = (...values: unknown[]) => values.map((v) => [v]);

const SPEND: ParamKind = { name: 'spend', kind: 'money' };
const MEETINGS: ParamKind = { name: 'meetings', kind: 'count' };
const SHOW: ParamKind = { name: 'showRate', kind: 'rate', optional: true, default: 1 };

describe('elementwise', () => {
  const cost = elementwise('COST', [SPEND, MEETINGS], (spend: number, meetings: number) => {
    if (meetings === 0) throw new Problem('#DIV/0!', 'meetings is 0', 'so nothing to divide');
    return spend / meetings;
  });

  it('refuses a range that is not rows of cells, wherever the bad row is', () => {
    const long = (bad: unknown) => [...col(...Array.from({ length: 999 }, () => 4)), bad];
    for (const meetings of [
      [950, 1000],
      [[950], [1000, 5]],
      [[1], 2],
      ['ab', 'cd'],
      long([4, 4]),
      long('4'),
      long(4),
      long(undefined),
    ]) {
      for (const spend of [100, col(...Array.from({ length: meetings.length }, () => 100))]) {
        expect(errorMessage(() => cost(spend, meetings))).toMatch(
          /^COST: meetings is not a range of rows of the same length/,
        );
      }
    }
    // Of two bad ranges the first is named, as a check before reading would.
    const early = long([4]);
    early[1] = 7;
    expect(errorMessage(() => cost(long('x'), early))).toMatch(/^COST: spend is not/);
  });

  it('computes single values, and refuses problems with an error naming the function', () => {
    expect(cost(100, 4)).toBe(25);
    expect(cost('$100', '4')).toBe(25);
    expect(cost('', 4)).toBe('');
    expect(errorMessage(() => cost(100, 0))).toBe(
      'COST: meetings is 0, so nothing to divide (#DIV/0!)',
    );
    expect(errorMessage(() => cost(100))).toMatch(/^COST: takes 2 arguments/);
    expect(() => cost([[1], [2]], [[1], [2], [3]])).toThrow(
      /^COST: spend is 2×1 but meetings is 3×1/,
    );
  });

  it('computes ranges element by element, each problem in its own cell', () => {
    expect(cost(col(100, 50, '', 9), col(4, 0, 1, 'x'))).toEqual([
      [25],
      ['#DIV/0! meetings is 0'],
      [''],
      ['#VALUE! meetings "x" is not a number'],
    ]);
    expect(cost([[100, 50, 30]], 10)).toEqual([[10, 5, 3]]);
    expect(
      cost(
        [
          [100, 50],
          [30, 20],
        ],
        [
          [1, 2],
          [3, 4],
        ],
      ),
    ).toEqual([
      [100, 25],
      [10, 5],
    ]);
    expect(cost([[100]], [[4]])).toEqual([[25]]);
    expect(cost(100, [[4, 5]])).toEqual([[25, 20]]);
    expect(cost('70', col(7, 10))).toEqual([[10], [7]]);
  });

  it('never gives NaN or infinity', () => {
    expect(errorMessage(() => cost(1e308, 1e-308))).toMatch(/^COST: .*\(#NUM!\)$/);
    const [[cell]] = cost(col(1e308), 1e-308) as string[][];
    expect(cell).toMatch(/^#NUM! /);
    expect(cost(col(0, 1), 1e-308)).toEqual([[0], [1e308]]);
  });

  it('returns text results as they are', () => {
    const label = elementwise('LABEL', [MEETINGS], (m: number) => (m > 1 ? 'many' : 'one'));
    expect(label(2)).toBe('many');
    expect(label(col(1, 3))).toEqual([['one'], ['many']]);
    expect(label([[1, 3]])).toEqual([['one', 'many']]);
  });

  it('lets other errors through, in single and range calls alike', () => {
    const bug = new TypeError('bug');
    const broken = elementwise('BROKEN', [MEETINGS], () => {
      throw bug;
    });
    expect(thrown(() => broken(1))).toBe(bug);
    expect(thrown(() => broken(col(1, 2)))).toBe(bug);
    const strict = elementwise('STRICT', [MEETINGS], () => {
      throw new CallError('unknown option');
    });
    expect(errorMessage(() => strict(col(1, 2)))).toBe('STRICT: unknown option');
  });

  it('takes at most four arguments', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, kind: 'count' }) as ParamKind);
    expect(() => elementwise('FIVE', five, () => 0)).toThrow('FIVE: element-wise functions');
    expect(() => elementwise('FOUR', five.slice(0, 4), () => 0)).not.toThrow();
  });
});

describe('finite', () => {
  it('passes finite numbers and refuses the rest with #NUM!', () => {
    expect(finite(5)).toBe(5);
    expect(finite(0)).toBe(0);
    expect(finite(-2.5)).toBe(-2.5);
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const p = problem(() => finite(n));
      expect(p.code).toBe('#NUM!');
      expect(p.text).toMatch(/too large/);
      expect(p.detail).not.toBe('');
    }
  });
});

describe('withFunctionName', () => {
  it('turns problems and call errors into errors that start with the function', () => {
    const p = withFunctionName('F', new Problem('#NUM!', 'x is 1', 'fix it'));
    expect(p).toBeInstanceOf(Error);
    expect(p).not.toBeInstanceOf(Problem);
    expect((p as Error).message).toBe('F: x is 1, fix it (#NUM!)');
    const c = withFunctionName('F', new CallError('x is 2×2'));
    expect(c).not.toBeInstanceOf(CallError);
    expect((c as Error).message).toBe('F: x is 2×2');
    expect((withFunctionName('F', new CallError('F: x is null')) as Error).message).toBe(
      'F: x is null',
    );
    expect((withFunctionName('F', new CallError('G: x')) as Error).message).toBe('F: G: x');
  });

  it('leaves other errors as they are', () => {
    const bug = new TypeError('bug');
    expect(withFunctionName('F', bug)).toBe(bug);
    expect(withFunctionName('F', 'text')).toBe('text');
  });
});

describe('wholeRange', () => {
  const total = wholeRange('TOTAL', [MEETINGS, SHOW], (...args: unknown[]) => {
    if (args[0] === 'call') throw new CallError('values is 2×2');
    if (args[0] === 'problem') throw new Problem('#VALUE!', 'values is bad');
    return args.length;
  });

  it('counts the arguments, then runs the body', () => {
    expect(total(1)).toBe(1);
    expect(total(1, 2)).toBe(2);
    expect(errorMessage(() => total())).toMatch(/^TOTAL: takes 1 to 2 arguments/);
  });

  it('reports the body’s problems like the element-wise functions', () => {
    expect(errorMessage(() => total('call'))).toBe('TOTAL: values is 2×2');
    expect(errorMessage(() => total('problem'))).toBe('TOTAL: values is bad (#VALUE!)');
  });
});
