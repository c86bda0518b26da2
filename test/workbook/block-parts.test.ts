/** A block cut into rectangles of formulas and of values, for setFormulas and setValues. */
import { describe, expect, it } from 'vitest';
import { blockParts } from '../../src/workbook/block-parts';
import type { PlanCell } from '../../src/workbook/plan';

const f = (text: string) => ({ f: text });

/** Each part as [row, col, height, width, formulas?]. */
const shape = (cells: PlanCell[][], row = 0, col = 0) =>
  blockParts({ row, col, cells }).map((p) => [
    p.row,
    p.col,
    p.cells.length,
    p.cells[0]!.length,
    p.formulas,
  ]);

describe('blockParts', () => {
  it('a block of values only, or of formulas only, is one part', () => {
    expect(
      shape(
        [
          ['a', 1],
          [true, null],
        ],
        3,
        2,
      ),
    ).toEqual([[3, 2, 2, 2, false]]);
    expect(
      shape([
        [f('=A1'), f('=B1')],
        [null, f('=C1')],
      ]),
    ).toEqual([[0, 0, 2, 2, true]]);
  });

  it('rows cut alike share one part each side, however many there are', () => {
    const rows = (n: number): PlanCell[][] =>
      Array.from({ length: n }, (_, k) => [`Channel ${k}`, 100 + k, f(`=B${k + 1}*2`)]);
    expect(shape(rows(3))).toEqual([
      [0, 0, 3, 2, false],
      [0, 2, 3, 1, true],
    ]);
    expect(shape(rows(30))).toEqual([
      [0, 0, 30, 2, false],
      [0, 2, 30, 1, true],
    ]);
  });

  it('a blank joins the run on its left, or on its right at the row’s start', () => {
    expect(shape([['Label', null, f('=1'), null]])).toEqual([
      [0, 0, 1, 2, false],
      [0, 2, 1, 2, true],
    ]);
    expect(shape([[null, f('=1'), 'x']])).toEqual([
      [0, 0, 1, 2, true],
      [0, 2, 1, 1, false],
    ]);
  });

  it('short rows are padded with blanks to the block’s width, and every cell lands once', () => {
    const cells: PlanCell[][] = [['Title'], ['Spend', f('=SUM(B3:B)'), 'note'], [1, 2, 3]];
    const parts = blockParts({ row: 5, col: 1, cells });
    const seen = new Map<string, PlanCell>();
    for (const p of parts) {
      p.cells.forEach((line, i) => {
        line.forEach((cell, j) => {
          const key = `${p.row + i},${p.col + j}`;
          expect(seen.has(key), key).toBe(false);
          seen.set(key, cell);
        });
        expect(
          line.every((c) => (c !== null && typeof c === 'object') === p.formulas || c === null),
        ).toBe(true);
      });
    }
    expect(seen.size).toBe(9);
    expect(seen.get('6,2')).toEqual(f('=SUM(B3:B)'));
    expect(seen.get('5,3')).toBeNull();
  });
});
