/**
 * Money text as exports write it, and what the sheet's reader makes of it
 * (readNumberText, the expected value), for the DuckDB and BigQuery tests of
 * funnel_amount.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { showNumber } from '../../src/sheets/format';
import { readNumberText } from '../../src/sheets/number-text';

/** What funnel_amount gave: a number (NULL for blank) or an error's message. */
export type Reading = { value: number | null } | { error: string };

/** funnel_amount gives the sheet's number, or refuses as the sheet does, with its readings. */
export function agreesWithSheetReading(t: string, got: Reading): void {
  if (t === '') {
    assert.deepEqual(got, { value: null });
    return;
  }
  const want = readNumberText(t, { currency: true, percent: false });
  if (want.kind === 'number') assert.deepEqual(got, { value: want.value }, JSON.stringify(t));
  else if (want.kind === 'ambiguous') {
    assert.ok('error' in got, JSON.stringify(t));
    assert.ok(
      got.error.startsWith(
        `spend "${t}" could be ${showNumber(want.value)} or ${showNumber(want.other)}, ${want.why}`,
      ),
      `${JSON.stringify(t)}: ${got.error}`,
    );
  } else {
    assert.ok('error' in got, `${JSON.stringify(t)} read as ${JSON.stringify(got)}`);
    assert.match(got.error, /is not a number/, JSON.stringify(t));
  }
}

const piece = (...xs: string[]) => fc.constantFrom(...xs);
const digits = fc.oneof(
  piece('0', '7', '12', '950', '1200', '1204', '12345', '1000000'),
  piece('1,204', '12,345', '1,204,000', '1,2345', '1,23', '12,3456'),
  piece(
    '1.204',
    '1.204,50',
    '1.204.000,5',
    '12,5',
    '1,204.50',
    '.5',
    '12.',
    '1.2.3',
    '1e5',
    ',5',
    '',
  ),
);
/** Signs, currencies, spaces, digit groups and decimal marks in every order the sheet meets. */
export const moneyText = fc
  .tuple(
    piece('', ' ', '\u00a0'),
    piece('', '-', '+'),
    piece('', '$', '£', '€', 'USD', 'GBP', 'usd', 'US$'),
    piece('', ' ', '  '),
    piece('', '-', '+'),
    digits,
    piece('', ' ', '%'),
  )
  .map((parts) => parts.join(''));
