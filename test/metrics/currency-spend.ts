/**
 * Spend cells that name no, one or two currencies, for the sheet functions and
 * their SQL twins: each cell with its value and the currency it names, worked
 * out by hand rather than by the reading under test.
 */
import fc from 'fast-check';

/** How a refusal of two currencies ends. */
export const WHY = 'amounts in different currencies are never added, so pass them in one currency';

/** Ways an amount names a currency, each with the currency it names. */
const SPELLINGS: readonly [(n: string) => string, string][] = [
  [(n) => `$${n}`, 'USD'],
  [(n) => `USD ${n}`, 'USD'],
  [(n) => `${n} USD`, 'USD'],
  [(n) => `€${n}`, 'EUR'],
  [(n) => `${n} €`, 'EUR'],
  [(n) => `EUR${n}`, 'EUR'],
  [(n) => `£${n}`, 'GBP'],
  [(n) => `GBP ${n}`, 'GBP'],
  [(n) => `¥${n}`, '¥'],
];

export interface SpendCell {
  /** A number, a bare amount as text, or an amount naming a currency. */
  cell: number | string;
  value: number;
  currency: string | undefined;
}

/** A spend cell whose currency, if any, is one of the spellings in `pool`. */
const spendCell = (pool: readonly number[]): fc.Arbitrary<SpendCell> =>
  fc
    .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: -2, max: pool.length - 1 }))
    .map(([cents, pick]) => {
      const value = cents / 100;
      const text = value.toFixed(2);
      if (pick === -2) return { cell: value, value, currency: undefined };
      if (pick === -1) return { cell: text, value, currency: undefined };
      const [spell, currency] = SPELLINGS[pool[pick]!]!;
      return { cell: spell(text), value, currency };
    });

/** A spend column whose cells use at most two spellings, so name at most two currencies. */
export const spendColumn = fc
  .uniqueArray(fc.integer({ min: 0, max: SPELLINGS.length - 1 }), { minLength: 0, maxLength: 2 })
  .chain((pool) => fc.array(spendCell(pool), { minLength: 1, maxLength: 12 }));

/** The first line naming a currency and the first naming another, when there are two. */
function twoNamed(
  cells: readonly SpendCell[],
): { first: { k: number; code: string }; other: { k: number; code: string } } | undefined {
  const named = cells.flatMap((r, k) => (r.currency ? [{ k, code: r.currency }] : []));
  const first = named[0];
  const other = named.find((r) => r.code !== first?.code);
  return first && other ? { first, other } : undefined;
}

/** A report's spend total as the tests print it. */
export const spendTotal = (total: number) => `spend ${total.toFixed(2)}`;

/**
 * What a report over the cells gives: its refusal, naming line k by `place(k)`, when two
 * currencies differ, else the spend total.
 */
export function expectedSpend(
  cells: readonly SpendCell[],
  fn: string,
  place: (k: number) => string,
): string {
  const two = twoNamed(cells);
  if (!two) return spendTotal(cells.reduce((sum, c) => sum + c.value, 0));
  const { first, other } = two;
  return `${fn}: spend is in two currencies: ${place(first.k)} is in ${first.code} and ${place(other.k)} in ${other.code}; ${WHY}`;
}
