/**
 * What an element-wise SQL function must give for some arguments, worked out
 * by calling the sheet function itself, and the arguments to try: blanks,
 * zeros, negatives, rates above 100%, NaN, ±Infinity and ordinary values.
 * Shared by the DuckDB and BigQuery tests.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FUNCTIONS } from '../../src/metrics/catalogue';

export type Outcome =
  | { kind: 'number'; value: number }
  | { kind: 'null' }
  | { kind: 'error'; message: string };

/** What the SQL function must give for what the sheet gives. */
export function expected(
  name: string,
  args: (number | null)[],
): Outcome | { kind: 'sheet-error'; arg: string } {
  try {
    const r = FUNCTIONS[name]!(...args.map((a) => (a === null ? '' : a)));
    if (r === '') return { kind: 'null' };
    assert.equal(typeof r, 'number');
    return { kind: 'number', value: r as number };
  } catch (e) {
    const message = (e as Error).message;
    if (message.endsWith('(#DIV/0!)')) return { kind: 'null' };
    // "CPQM: qualRate 60 is above 100%…" names qualRate; "CPQM: the result…" names none.
    const arg = message.slice(name.length + 2).split(' ')[0]!;
    return { kind: 'sheet-error', arg };
  }
}

/** One argument: NULL (a blank cell), an edge value, a non-finite one, or an ordinary one. */
export const argumentValue = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 0.5, 60, -1, -0.25, 1e-300, 1e308) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  },
  { weight: 6, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 6, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 1000 }) },
);
