/**
 * Formulas as Sheets reads them, rewritten into what HyperFormula parses.
 * The same formula text is written to both workbooks; only the memory
 * workbook's engine sees the rewrite, and the formula as typed is kept.
 * Dev only: never part of the Apps Script bundle.
 *
 * - Open ranges: Sheets reads `Data!C2:C` as C2 down to the sheet's last
 *   row; HyperFormula cannot parse a range without an end row, so each one
 *   becomes `Data!C2:C<rows of Data>`. The memory workbook rewrites again
 *   when a sheet grows.
 * - Number literals with an exponent (1E-12): Sheets reads them,
 *   HyperFormula's parser does not, so they become plain decimals.
 *
 * Text in double quotes is left alone.
 */

const SHEET_PREFIX = "((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?";
const OPEN_RANGE = new RegExp(
  String.raw`(^|[^A-Za-z0-9_.$'!:])${SHEET_PREFIX}(\$?[A-Z]{1,3}\$?\d+):(\$?[A-Z]{1,3})(?![A-Za-z0-9_($!:])`,
  'g',
);

const EXPONENT = /(^|[^A-Za-z0-9_.$])(\d+(?:\.\d+)?[eE][+-]?\d+)(?![A-Za-z0-9_(])/g;

/** A number written out without an exponent: 1E-12 → 0.000000000001. */
export function plainDecimal(n: number): string {
  // toFixed itself switches to an exponent from 1e21 on; numbers that large are whole.
  if (Math.abs(n) >= 1e21) return BigInt(n).toString();
  const digits = Math.max(0, -Math.floor(Math.log10(Math.abs(n) || 1)) + 16);
  return n.toFixed(Math.min(100, digits)).replace(/\.?0+$/, '');
}

/** The sheet name of a reference prefix: `'Bob''s data'!` → `Bob's data`. */
function unquote(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/**
 * The formula HyperFormula can parse for `text` typed on `sheet`.
 * `rowsOf(name)` is a sheet's row count, where its open ranges end.
 */
export function engineFormula(
  text: string,
  sheet: string,
  rowsOf: (sheet: string) => number,
): string {
  return text
    .split(/("(?:[^"]|"")*")/)
    .map((part, k) =>
      k % 2 === 1
        ? part
        : part
            .replace(
              EXPONENT,
              (_m, lead: string, literal: string) => `${lead}${plainDecimal(Number(literal))}`,
            )
            .replace(
              OPEN_RANGE,
              (_m, lead: string, prefix: string | undefined, start: string, endCol: string) =>
                `${lead}${prefix ?? ''}${start}:${endCol}${rowsOf(prefix ? unquote(prefix) : sheet)}`,
            ),
    )
    .join('');
}
