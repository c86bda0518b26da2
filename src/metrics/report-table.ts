/**
 * The raw tables the reports read (ad spend, meetings, CRM records, deals):
 * the columns of one table checked to be one shape, a line read in reading
 * order, a line named by its place in its range, and export totals rows
 * refused wherever they appear.
 */
import { COERCE, isBlank } from '../sheets/coerce';
import { show } from '../sheets/format';
import { Problem } from '../sheets/problem';
import { position, withPosition } from '../sheets/ranges';
import { type Grid, isRange, type Shape, tableShape } from '../sheets/shapes';
import { type Named, OneCurrency } from './currency';
import type { Grouping } from './grouping';
import { refuseTotalsRow } from './totals-row';

/** The columns of one raw table, checked to be the same shape. */
export interface Table {
  shape: Shape;
  /** In the order of the names given; an omitted argument has no grid. */
  grids: (Grid | undefined)[];
  /** Lines in reading order. */
  size: number;
}

export function table(names: readonly string[], args: readonly unknown[]): Table {
  const grids = args.map((a) => (a === undefined ? undefined : isRange(a) ? a : [[a]]));
  const given = grids.flatMap((g, k) => (g ? [[names[k]!, g] as const] : []));
  const shape = tableShape(
    given.map(([n]) => n),
    given.map(([, g]) => g),
  );
  return { shape, grids, size: shape.rows * shape.cols };
}

/** Line `k` of a column, in reading order; tables are nearly always one column wide. */
export function lineOf(grid: Grid | undefined, cols: number, k: number): unknown {
  if (!grid) return undefined;
  return cols === 1 ? (grid[k] as unknown[])[0] : (grid[(k / cols) | 0] as unknown[])[k % cols];
}

/**
 * A problem told with the line's place in its range ("row 373 of the spend
 * range"): Sheets does not tell a function where its range starts, so a bare
 * "row 373" would read as a sheet row.
 */
export function atLine(range: string, shape: Shape, k: number, e: unknown): unknown {
  return withPosition(lineName(range, shape, k), e);
}

/** "row 373 of the spend range" (or "row 3, column 2 of …" for a block). */
export function lineName(range: string, shape: Shape, k: number): string {
  return `${position(shape, Math.floor(k / shape.cols), k % shape.cols)} of the ${range} range`;
}

/** Whether an omitted or bare blank argument gave no column (a range of blanks is read row by row). */
export function noColumn(value: unknown): boolean {
  return !isRange(value) && isBlank(value);
}

/**
 * The spend side every report shares: one line per spend row, its amount
 * added at `at` of its channel's tally in its period. A row with channel and
 * spend both blank is skipped; one of the two blank is a problem naming the
 * row, as is a totals row in any of its cells. Spend that names two
 * currencies is refused; the one it names, if any, is returned.
 */
export function addSpend(
  grouping: Grouping,
  at: number,
  spendChannels: unknown,
  spend: unknown,
  spendDates: unknown,
): Named | undefined {
  const dated = grouping.period !== undefined;
  const t = table(
    ['spendChannels', 'spend', 'spendDates'],
    [spendChannels, spend, dated ? spendDates : undefined],
  );
  const [names, amounts, days] = t.grids;
  const { cols } = t.shape;
  const money = COERCE.money;
  const currency = new OneCurrency('spend is', (k) => lineName('spend', t.shape, k));
  for (let k = 0; k < t.size; k++) {
    const raw = lineOf(names, cols, k);
    const amount = lineOf(amounts, cols, k);
    const day = lineOf(days, cols, k);
    try {
      const noName = isBlank(raw);
      if (noName && isBlank(amount)) continue;
      // The channel is checked as the grouping first meets it.
      refuseTotalsRow('spendDates', day);
      if (noName) {
        throw new Problem(
          '#VALUE!',
          `spendChannels is blank beside spend ${show(amount)}`,
          'fill in its channel, or clear the row',
        );
      }
      if (isBlank(amount)) {
        throw new Problem(
          '#VALUE!',
          `spend is blank for channel ${show(raw)}`,
          'fill in its spend (0 if none), or clear the row',
        );
      }
      const group = grouping.channel('spendChannels', raw);
      const tally = grouping.tally(group, grouping.label('spendDates', day));
      const value = money('spend', amount) as number;
      // The row's last check, as the warehouse ranks it (src/warehouse/grouping.ts).
      currency.note(amount, k);
      tally[at]! += value;
    } catch (e) {
      throw atLine('spend', t.shape, k, e);
    }
  }
  return currency.first;
}
