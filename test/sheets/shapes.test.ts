/**
 * The shapes of ranges (docs/ARGUMENT-RULES.md, rules 1 and 2): sizes, the
 * shape single values broadcast to, and the one shape of a table's columns.
 */
import { describe, expect, it } from 'vitest';
import { CallError } from '../../src/sheets/problem';
import {
  broadcastShape,
  gridsAndSingles,
  isRange,
  shapeOf,
  showShape,
  tableShape,
} from '../../src/sheets/shapes';
import { thrown } from '../unit/throws';

/** The message of the CallError `f` throws. */
function callError(f: () => unknown): string {
  const e = thrown(f);
  if (e instanceof CallError) return e.message;
  throw e;
}

const col = (...values: unknown[]) => values.map((v) => [v]);

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
});

describe('broadcastShape', () => {
  it('is 1×1 for single values and 1×1 ranges', () => {
    expect(broadcastShape('F', ['a', 'b'], [1, [[2]]])).toEqual({ rows: 1, cols: 1 });
    expect(broadcastShape('F', [], [])).toEqual({ rows: 1, cols: 1 });
  });

  it('is the shape of the ranges that vary', () => {
    expect(broadcastShape('F', ['a', 'b', 'c'], [[[1]], col(1, 2, 3), 5])).toEqual({
      rows: 3,
      cols: 1,
    });
    expect(broadcastShape('F', ['a', 'b'], [[[1, 2]], [[3, 4]]])).toEqual({ rows: 1, cols: 2 });
    expect(
      broadcastShape(
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
      callError(() => broadcastShape('F', ['a', 'b', 'c'], [5, col(1, 2), col(1, 2, 3)])),
    ).toMatch(/^F: b is 2×1 but c is 3×1; give \S/);
    expect(callError(() => broadcastShape('F', ['a', 'b'], [[[1, 2]], [[1, 2, 3]]]))).toMatch(
      /^F: a is 1×2 but b is 1×3; /,
    );
    expect(callError(() => broadcastShape('F', ['a', 'b'], [col(1, 2), [[1, 2]]]))).toMatch(
      /^F: a is 2×1 but b is 1×2; /,
    );
    expect(
      callError(() =>
        broadcastShape(
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
    expect(callError(() => broadcastShape('F', ['a', 'b'], [5, []]))).toBe(
      'F: b is an empty range',
    );
    expect(callError(() => broadcastShape('F', ['a'], [[[]]]))).toBe('F: a is an empty range');
  });
});

describe('tableShape', () => {
  it('is the one shape of every range', () => {
    expect(tableShape(['a', 'b', 'c'], [col(1, 2), col(3, 4), col(5, 6)])).toEqual({
      rows: 2,
      cols: 1,
    });
    expect(tableShape(['a'], [[[1]]])).toEqual({ rows: 1, cols: 1 });
  });

  it('names the first range and the one that differs', () => {
    expect(callError(() => tableShape(['a', 'b', 'c'], [col(1, 2), col(3, 4), col(5)]))).toMatch(
      /^a is 2×1 but c is 1×1; /,
    );
    expect(callError(() => tableShape(['a', 'b'], [col(1, 2), [[1, 2]]]))).toMatch(
      /^a is 2×1 but b is 1×2; /,
    );
    expect(callError(() => tableShape(['a', 'b'], [[[1, 2]], [[1, 2, 3]]]))).toMatch(
      /^a is 1×2 but b is 1×3; /,
    );
  });

  it('refuses an empty first range', () => {
    expect(callError(() => tableShape(['a', 'b'], [[], []]))).toBe('a is an empty range');
    expect(callError(() => tableShape(['a'], [[[]]]))).toBe('a is an empty range');
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
