/**
 * The shared runner (docs/ARGUMENT-RULES.md, rules 1–3, 8, 9 and 11):
 * argument counts and shapes, element-wise broadcasting, blanks, and how
 * problems and results are reported.
 */
import { describe, expect, it } from 'vitest';
import { CallError, Problem } from '../../src/sheets/problem';
import {
  checkArguments,
  checkShapes,
  commonShape,
  elementReader,
  elementwise,
  finite,
  gridsAndSingles,
  isRange,
  named,
  type ParamKind,
  shapeOf,
  showShape,
  signature,
  wholeRange,
} from '../../src/sheets/run';
import { problem, thrown } from './throws';

/** The message of the CallError `f` throws. */
function callError(f: () => unknown): string {
  const e = thrown(f);
  if (e instanceof CallError) return e.message;
  throw e;
}

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
const QUAL: ParamKind = { name: 'qualRate', kind: 'rate' };
const SHOW: ParamKind = { name: 'showRate', kind: 'rate', optional: true, default: 1 };

describe('shapes', () => {
  it('a range is any array, its shape rows by the first row', () => {
    expect(isRange([[1]])).toBe(true);
    expect(isRange([])).toBe(true);
    expect(isRange('a')).toBe(false);
    expect(isRange(5)).toBe(false);
    expect(shapeOf([])).toEqual({ rows: 0, cols: 0 });
    expect(shapeOf([[]])).toEqual({ rows: 1, cols: 0 });
    expect(shapeOf([[1, 2, 3]])).toEqual({ rows: 1, cols: 3 });
    expect(
      shapeOf([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ).toEqual({ rows: 3, cols: 2 });
    expect(showShape({ rows: 3, cols: 2 })).toBe('3×2');
  });

  it('a signature lists the arguments, optional ones in brackets', () => {
    expect(signature('CPQM', [SPEND, MEETINGS, QUAL, SHOW])).toBe(
      'CPQM(spend, meetings, qualRate, [showRate])',
    );
    expect(signature('NOW', [])).toBe('NOW()');
  });
});

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

describe('commonShape', () => {
  it('is 1×1 for single values and 1×1 ranges', () => {
    expect(commonShape('F', ['a', 'b'], [1, [[2]]])).toEqual({ rows: 1, cols: 1 });
    expect(commonShape('F', [], [])).toEqual({ rows: 1, cols: 1 });
  });

  it('is the shape of the ranges that vary', () => {
    expect(commonShape('F', ['a', 'b', 'c'], [[[1]], col(1, 2, 3), 5])).toEqual({
      rows: 3,
      cols: 1,
    });
    expect(commonShape('F', ['a', 'b'], [[[1, 2]], [[3, 4]]])).toEqual({ rows: 1, cols: 2 });
    expect(
      commonShape(
        'F',
        ['a'],
        [
          [
            [1, 2],
            [3, 4],
          ],
        ],
      ),
    ).toEqual({ rows: 2, cols: 2 });
  });

  it('names both arguments and shapes when they differ in rows, columns or both', () => {
    // The owner is the first range that varies; the message ends saying what to give.
    expect(
      callError(() => commonShape('F', ['a', 'b', 'c'], [5, col(1, 2), col(1, 2, 3)])),
    ).toMatch(/^F: b is 2×1 but c is 3×1; give \S/);
    expect(callError(() => commonShape('F', ['a', 'b'], [[[1, 2]], [[1, 2, 3]]]))).toMatch(
      /^F: a is 1×2 but b is 1×3; /,
    );
    expect(callError(() => commonShape('F', ['a', 'b'], [col(1, 2), [[1, 2]]]))).toMatch(
      /^F: a is 2×1 but b is 1×2; /,
    );
    expect(
      callError(() =>
        commonShape(
          'F',
          ['a', 'b', 'c'],
          [
            col(1, 2),
            col(3, 4),
            [
              [1, 2],
              [3, 4],
            ],
          ],
        ),
      ),
    ).toMatch(/^F: a is 2×1 but c is 2×2; /);
  });

  it('refuses an empty range', () => {
    expect(callError(() => commonShape('F', ['a', 'b'], [5, []]))).toBe('F: b is an empty range');
    expect(callError(() => commonShape('F', ['a'], [[[]]]))).toBe('F: a is an empty range');
  });
});

describe('checkShapes', () => {
  it('is the one shape of every range', () => {
    expect(checkShapes(['a', 'b', 'c'], [col(1, 2), col(3, 4), col(5, 6)])).toEqual({
      rows: 2,
      cols: 1,
    });
    expect(checkShapes(['a'], [[[1]]])).toEqual({ rows: 1, cols: 1 });
  });

  it('names the first range and the one that differs', () => {
    expect(callError(() => checkShapes(['a', 'b', 'c'], [col(1, 2), col(3, 4), col(5)]))).toMatch(
      /^a is 2×1 but c is 1×1; /,
    );
    expect(callError(() => checkShapes(['a', 'b'], [col(1, 2), [[1, 2]]]))).toMatch(
      /^a is 2×1 but b is 1×2; /,
    );
    expect(callError(() => checkShapes(['a', 'b'], [[[1, 2]], [[1, 2, 3]]]))).toMatch(
      /^a is 1×2 but b is 1×3; /,
    );
  });

  it('refuses an empty first range', () => {
    expect(callError(() => checkShapes(['a', 'b'], [[], []]))).toBe('a is an empty range');
    expect(callError(() => checkShapes(['a'], [[[]]]))).toBe('a is an empty range');
  });
});

describe('gridsAndSingles', () => {
  it('keeps the ranges that vary, and the value every other argument repeats', () => {
    const grid = col(1, 2);
    const row = [[1, 2]];
    const [grids, fixed] = gridsAndSingles([5, grid, [[7]], '70%', row], 5);
    expect(grids).toEqual([undefined, grid, undefined, undefined, row]);
    expect(grids[1]).toBe(grid);
    expect(fixed).toEqual([5, undefined, 7, '70%', undefined]);
  });

  it('reads as many arguments as asked, missing ones repeating nothing', () => {
    const [grids, fixed] = gridsAndSingles([col(1, 2)], 3);
    expect(grids).toEqual([col(1, 2), undefined, undefined]);
    expect(fixed).toEqual([undefined, undefined, undefined]);
  });
});

describe('elementReader', () => {
  const ALL = [
    { name: 'a', kind: 'count' },
    { name: 'b', kind: 'count' },
    { name: 'c', kind: 'count' },
    { name: 'd', kind: 'count' },
  ] satisfies ParamKind[];
  const list = (...v: unknown[]): unknown => v;

  it('hands the kernel coerced values', () => {
    const read = elementReader(ALL, list, 'blank');
    expect(read('1', 2, '3', 4)).toEqual([1, 2, 3, 4]);
  });

  it('gives blank when any one required argument is blank, before coercing the others', () => {
    const read = elementReader(ALL, list, 'blank');
    expect(read('', 'junk', 'junk', 'junk')).toBe('blank');
    expect(read('junk', '', 'junk', 'junk')).toBe('blank');
    expect(read('junk', 'junk', '', 'junk')).toBe('blank');
    expect(read('junk', 'junk', 'junk', '')).toBe('blank');
    expect(read(null, undefined, '', '')).toBe('blank');
  });

  it('names the first bad argument', () => {
    const read = elementReader(ALL, list, 'blank');
    expect(problem(() => read(1, 'x', -1, 4)).text).toBe('b "x" is not a number');
    expect(problem(() => read(1, 2, -1, 'x')).text).toBe('c -1 is negative');
  });

  it('gives a blank optional argument its default', () => {
    const read = elementReader([SPEND, SHOW], list, 'blank');
    expect(read(100, '', undefined, undefined)).toEqual([100, 1, undefined, undefined]);
    expect(read(100, undefined, undefined, undefined)).toEqual([100, 1, undefined, undefined]);
    expect(read(100, '50%', undefined, undefined)).toEqual([100, 0.5, undefined, undefined]);
    expect(read('', 'junk', undefined, undefined)).toBe('blank');
    const noDefault = elementReader([{ ...SHOW, default: undefined }], list, 'blank');
    expect(noDefault('', undefined, undefined, undefined)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('hands on values in slots past the declared arguments untouched', () => {
    const read = elementReader([SPEND], list, 'blank');
    expect(read(5, 'junk', -1, '')).toEqual([5, 'junk', -1, undefined]);
  });

  it('reads options as text, never a date', () => {
    const read = elementReader([{ name: 'stage', kind: 'text', options: ['Lead'] }], list, '-');
    expect(read('Lead', undefined, undefined, undefined)).toEqual([
      'Lead',
      undefined,
      undefined,
      undefined,
    ]);
    expect(problem(() => read(new Date(2026, 0, 5), undefined, undefined, undefined)).text).toBe(
      'stage 2026-01-05 is a date',
    );
  });

  it('reads at most four arguments', () => {
    expect(() => elementReader([...ALL, SPEND], list, '')).toThrow(/at most 4/);
    expect(() => elementReader(ALL, list, '')).not.toThrow();
  });
});

describe('elementReader for rows of a table', () => {
  const ALL = ['a', 'b', 'c', 'd'].map((name) => ({ name, kind: 'count' }) satisfies ParamKind);
  const list = (...v: unknown[]): unknown => v;

  it('passes a wholly blank row', () => {
    const read = elementReader(ALL, list, 'skip', [true, true, true, true]);
    expect(read('', '', null, undefined)).toBe('skip');
  });

  it('refuses a row filled in part, listing the blank and the filled cells', () => {
    const read = elementReader(ALL, list, 'skip', [true, true, true, true]);
    const one = problem(() => read('', 1, 2, 3));
    expect(one.code).toBe('#VALUE!');
    expect(one.text).toBe('a is blank');
    expect(one.detail).toBe('fill it in, or also clear b, c and d to skip it');
    const three = problem(() => read(1, '', '', ''));
    expect(three.text).toBe('b, c and d are blank');
    expect(three.detail).toBe('fill them in, or also clear a to skip it');
    const two = problem(() => read('', 1, '', 2));
    expect(two.text).toBe('a and c are blank');
    expect(two.detail).toBe('fill them in, or also clear b and d to skip it');
  });

  it('a value repeated down the range is no row’s own cell', () => {
    const read = elementReader(ALL, list, 'skip', [true, true, false, false]);
    expect(read('', '', 0.5, 1)).toBe('skip');
    const p = problem(() => read(1, '', 0.5, 1));
    expect(p.text).toBe('b is blank');
    expect(p.detail).toBe('fill it in, or also clear a to skip it');
  });

  it('optional cells neither count as filled nor as blank', () => {
    const read = elementReader([SPEND, MEETINGS, SHOW], list, 'skip', [true, true, true]);
    expect(read('', '', '50%', undefined)).toBe('skip');
    const p = problem(() => read(1, '', '', undefined));
    expect(p.text).toBe('meetings is blank');
    expect(p.detail).toBe('fill it in, or also clear spend to skip it');
  });
});

describe('elementwise', () => {
  const cost = elementwise('COST', [SPEND, MEETINGS], (spend: number, meetings: number) => {
    if (meetings === 0) throw new Problem('#DIV/0!', 'meetings is 0', 'so nothing to divide');
    return spend / meetings;
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

describe('named', () => {
  it('turns problems and call errors into errors that start with the function', () => {
    const p = named('F', new Problem('#NUM!', 'x is 1', 'fix it'));
    expect(p).toBeInstanceOf(Error);
    expect(p).not.toBeInstanceOf(Problem);
    expect((p as Error).message).toBe('F: x is 1, fix it (#NUM!)');
    const c = named('F', new CallError('x is 2×2'));
    expect(c).not.toBeInstanceOf(CallError);
    expect((c as Error).message).toBe('F: x is 2×2');
    expect((named('F', new CallError('F: x is null')) as Error).message).toBe('F: x is null');
    expect((named('F', new CallError('G: x')) as Error).message).toBe('F: G: x');
  });

  it('leaves other errors as they are', () => {
    const bug = new TypeError('bug');
    expect(named('F', bug)).toBe(bug);
    expect(named('F', 'text')).toBe('text');
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
