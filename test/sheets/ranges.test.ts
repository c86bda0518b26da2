/**
 * Reading whole ranges: single values, positions in messages, visiting
 * ranges element by element, rows of a table, and ordered lists from one row
 * or column (docs/ARGUMENT-RULES.md, rules 1–3).
 */
import { describe, expect, it } from 'vitest';
import type { ParamKind } from '../../src/sheets/arguments';
import { CallError, Problem } from '../../src/sheets/problem';
import {
  eachAligned,
  eachRow,
  isBlankValue,
  layout,
  line,
  linePosition,
  position,
  single,
  withPosition,
} from '../../src/sheets/ranges';
import { problem, thrown } from '../unit/throws';

const col = (...values: unknown[]) => values.map((v) => [v]);

describe('single', () => {
  it('takes a single value or the cell of a 1×1 range', () => {
    expect(single('x', 5)).toBe(5);
    expect(single('x', 'abc')).toBe('abc');
    expect(single('x', '')).toBe('');
    expect(single('x', [[7]])).toBe(7);
  });

  it('refuses a range of more than one cell, naming its shape', () => {
    for (const [range, shape] of [
      [col(1, 2), '2×1'],
      [[[1, 2]], '1×2'],
      [
        [
          [1, 2],
          [3, 4],
        ],
        '2×2',
      ],
      [
        [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
        '3×3',
      ],
    ] as const) {
      const e = thrown(() => single('roas', range));
      expect(e).toBeInstanceOf(CallError);
      expect((e as Error).message).toMatch(new RegExp(`^roas is a ${shape} range; \\S`));
    }
  });
});

describe('isBlankValue', () => {
  it('is true for a blank, or a 1×1 range holding one', () => {
    expect(isBlankValue('')).toBe(true);
    expect(isBlankValue(undefined)).toBe(true);
    expect(isBlankValue([['']])).toBe(true);
    expect(isBlankValue([[null]])).toBe(true);
  });

  it('is false for a value, and for any larger range', () => {
    expect(isBlankValue(5)).toBe(false);
    expect(isBlankValue('a')).toBe(false);
    expect(isBlankValue([[5]])).toBe(false);
    expect(isBlankValue([['', '']])).toBe(false);
    expect(isBlankValue([['', 5]])).toBe(false);
    expect(isBlankValue(col('', ''))).toBe(false);
    expect(isBlankValue(col('', 5))).toBe(false);
  });
});

describe('positions', () => {
  it('a column gives the row, a row the column, a grid both', () => {
    expect(position({ rows: 3, cols: 1 }, 2, 0)).toBe('row 3');
    expect(position({ rows: 1, cols: 3 }, 0, 2)).toBe('column 3');
    expect(position({ rows: 2, cols: 2 }, 1, 0)).toBe('row 2, column 1');
    expect(position({ rows: 3, cols: 4 }, 0, 3)).toBe('row 1, column 4');
    expect(position({ rows: 1, cols: 1 }, 0, 0)).toBe('row 1');
  });

  it('a list read across a row gives columns, down a column rows', () => {
    expect(linePosition(true, 2)).toBe('column 3');
    expect(linePosition(false, 2)).toBe('row 3');
    expect(linePosition(false, 0)).toBe('row 1');
  });

  it('puts the position before the text of a problem, and leaves other errors alone', () => {
    const told = withPosition('row 4', new Problem('#NUM!', 'spend -1 is negative', 'enter 0'));
    expect(told).toBeInstanceOf(Problem);
    expect(told).toMatchObject({ code: '#NUM!', text: 'row 4: spend -1 is negative' });
    expect((told as Problem).detail).toBe('enter 0');
    const other = new TypeError('x');
    expect(withPosition('row 4', other)).toBe(other);
  });
});

describe('eachAligned', () => {
  /** Every visit: the values (copied, the array is reused) and the index. */
  function visits(names: string[], args: unknown[]): unknown[][] {
    const seen: unknown[][] = [];
    eachAligned('F', names, args, (values, index) => {
      seen.push([...values, index]);
    });
    return seen;
  }

  it('visits a grid in reading order, repeating single values', () => {
    expect(
      visits(
        ['a', 'b'],
        [
          [
            [1, 2],
            [3, 4],
          ],
          'k',
        ],
      ),
    ).toEqual([
      [1, 'k', 0],
      [2, 'k', 1],
      [3, 'k', 2],
      [4, 'k', 3],
    ]);
  });

  it('visits rows and columns, a 1×1 range repeating like a single value', () => {
    expect(visits(['a', 'b'], [[[7]], col(1, 2)])).toEqual([
      [7, 1, 0],
      [7, 2, 1],
    ]);
    expect(visits(['a', 'b'], [[[1, 2, 3]], [[4, 5, 6]]])).toEqual([
      [1, 4, 0],
      [2, 5, 1],
      [3, 6, 2],
    ]);
    expect(visits(['a', 'b', 'c'], [col(1, 2), 'k', col(3, 4)])).toEqual([
      [1, 'k', 3, 0],
      [2, 'k', 4, 1],
    ]);
  });

  it('visits single values once', () => {
    expect(visits(['a', 'b'], [5, [[6]]])).toEqual([[5, 6, 0]]);
  });

  it('tells a problem with the position of its element', () => {
    const fail = (at: number) => (_: unknown[], index: number) => {
      if (index === at) throw new Problem('#VALUE!', 'a is bad');
    };
    const grid = [
      [1, 2],
      [3, 4],
    ];
    expect(problem(() => eachAligned('F', ['a'], [grid], fail(2))).text).toBe(
      'row 2, column 1: a is bad',
    );
    expect(problem(() => eachAligned('F', ['a'], [col(1, 2, 3)], fail(1))).text).toBe(
      'row 2: a is bad',
    );
    const other = new TypeError('x');
    expect(
      thrown(() =>
        eachAligned('F', ['a'], [grid], () => {
          throw other;
        }),
      ),
    ).toBe(other);
  });

  it('refuses ranges of different shapes for the whole call', () => {
    const e = thrown(() => eachAligned('F', ['a', 'b'], [col(1, 2), col(1, 2, 3)], () => {}));
    expect(e).toBeInstanceOf(CallError);
    expect((e as Error).message).toMatch(/^F: a is 2×1 but b is 3×1/);
  });
});

describe('eachRow', () => {
  const PARAMS: ParamKind[] = [
    { name: 'spend', kind: 'money' },
    { name: 'meetings', kind: 'count' },
    { name: 'qualRate', kind: 'rate' },
    { name: 'showRate', kind: 'rate', optional: true, default: 1 },
  ];

  function rows(args: unknown[]): unknown[][] {
    const seen: unknown[][] = [];
    eachRow('BLENDED', PARAMS, args, (a, b, c, d) => {
      seen.push([a, b, c, d]);
    });
    return seen;
  }

  it('hands each row its coerced values, the default for a blank optional one', () => {
    expect(rows([col('$1,000', 500), col('10', 5), col('50%', 1), col('', 0.5)])).toEqual([
      [1000, 10, 0.5, 1],
      [500, 5, 1, 0.5],
    ]);
  });

  it('reads single values as one row', () => {
    expect(rows([1000, 10, 0.5])).toEqual([[1000, 10, 0.5, 1]]);
    expect(rows([[[1000]], 10, '60%', 0.5])).toEqual([[1000, 10, 0.6, 0.5]]);
    expect(rows(['', '', ''])).toEqual([]);
  });

  it('skips wholly blank rows, and rows where only repeated single values are filled', () => {
    expect(rows([col(1000, '', 300, ''), col(10, '', 3, ''), 0.5])).toEqual([
      [1000, 10, 0.5, 1],
      [300, 3, 0.5, 1],
    ]);
  });

  it('refuses a row filled in part, telling its position', () => {
    const p = problem(() => rows([col(1000, 500), col(10, ''), 0.5]));
    expect(p.code).toBe('#VALUE!');
    expect(p.text).toBe('row 2: meetings is blank');
    expect(p.detail).toMatch(/spend/);
    expect(p.detail).not.toMatch(/qualRate/);
  });

  it('refuses single values filled in part', () => {
    const p = problem(() => rows(['', 10, 0.5]));
    expect(p.text).toBe('row 1: spend is blank');
    expect(p.detail).toMatch(/meetings and qualRate/);
  });

  it('names both arguments when shapes differ', () => {
    const e = thrown(() => rows([col(1, 2), col(1, 2, 3), 0.5]));
    expect(e).toBeInstanceOf(CallError);
    expect((e as Error).message).toMatch(/^BLENDED: spend is 2×1 but meetings is 3×1/);
  });
});

describe('line', () => {
  it('reads a single value, a column and a row', () => {
    expect(line('counts', 5, 'count')).toEqual({ values: [5], across: false });
    expect(line('counts', [[5]], 'count')).toEqual({ values: [5], across: false });
    expect(line('counts', col(100, 40, '10'), 'count')).toEqual({
      values: [100, 40, 10],
      across: false,
    });
    expect(line('counts', [[100, 40, 10]], 'count')).toEqual({
      values: [100, 40, 10],
      across: true,
    });
  });

  it('coerces each value as the kind asks', () => {
    expect(line('rates', col('60%', 0.5), 'rate').values).toEqual([0.6, 0.5]);
    expect(line('spend', [['$1,000', 5]], 'money').values).toEqual([1000, 5]);
  });

  it('drops blanks at the end, so open ranges work', () => {
    expect(line('counts', col(100, 40, '', null, ''), 'count')).toEqual({
      values: [100, 40],
      across: false,
    });
    expect(line('counts', [[100, '', '']], 'count')).toEqual({ values: [100], across: true });
    expect(line('counts', col('', ''), 'count')).toEqual({ values: [], across: false });
    expect(line('counts', '', 'count')).toEqual({ values: [], across: false });
    expect(line('counts', null, 'count').values).toEqual([]);
  });

  it('refuses a blank between values, telling where', () => {
    const down = problem(() => line('counts', col(100, '', 10), 'count'));
    expect(down.code).toBe('#VALUE!');
    expect(down.text).toBe('row 2: counts is blank');
    expect(down.detail).toMatch(/gap/);
    expect(problem(() => line('counts', [[100, '', 10, '']], 'count')).text).toBe(
      'column 2: counts is blank',
    );
    expect(problem(() => line('counts', col('', 10), 'count')).text).toBe('row 1: counts is blank');
  });

  it('tells a bad value with its position', () => {
    const p = problem(() => line('counts', col(100, 40, -1), 'count'));
    expect(p.code).toBe('#NUM!');
    expect(p.text).toBe('row 3: counts -1 is negative');
    expect(problem(() => line('counts', [[100, 'abc']], 'count')).text).toBe(
      'column 2: counts "abc" is not a number',
    );
  });

  it('refuses a range of more than one row and column', () => {
    const e = thrown(() =>
      line(
        'counts',
        [
          [1, 2],
          [3, 4],
        ],
        'count',
      ),
    );
    expect(e).toBeInstanceOf(CallError);
    expect((e as Error).message).toMatch(/^counts is 2×2; \S/);
  });
});

describe('layout', () => {
  it('lays a list out as a row or a column, in new arrays', () => {
    const values = [1, 'a', true];
    const row = layout(values, true);
    expect(row).toEqual([[1, 'a', true]]);
    expect(row[0]).not.toBe(values);
    expect(layout(values, false)).toEqual([[1], ['a'], [true]]);
    expect(layout([], false)).toEqual([]);
    expect(layout([], true)).toEqual([[]]);
  });
});
