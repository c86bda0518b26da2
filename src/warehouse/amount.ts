/**
 * Money text read the way the sheet reads it (src/sheets/number-text.ts,
 * docs/ARGUMENT-RULES.md rule 4), as SQL functions: after trimming, a
 * sign, a currency symbol or three-letter code before or after the amount,
 * and the digits with their separators. A text is read only when it has one
 * reading; "1,204" and "1.204" without a currency have two and are refused
 * with both. The patterns below are the sheet's, spelled for RE2, which has
 * no back-references: a repeated separator is written once per separator.
 */
import { SYMBOL_CURRENCY } from '../sheets/number-text';
import type { Dialect, ScalarDefinition } from './dialect';

/** Whitespace as JavaScript's \s and trim() know it: ASCII, vertical tab, BOM and every Unicode space. */
export const WS = '[\\s\\x{0B}\\x{FEFF}\\p{Z}]';
/** The spaces that may group digits: "1 204,50". */
const GROUP_SPACE = '[ \\x{A0}\\x{202F}]';
const CURRENCY = '(?:\\p{Sc}|[A-Z]{3})';
/** Before the digits: a sign, a currency and its space, a sign. */
const BEFORE = `[+-]?(?:${CURRENCY}${WS}*)?[+-]?`;
/** After the digits: a currency, after a space or not. */
const AFTER = `(?:${WS}*${CURRENCY})?`;
const MAX_AMOUNT_TEXT = 48;

const SPACED = `[1-9]\\d{0,2}(?:${GROUP_SPACE}\\d{3})+(?:[.,]\\d+)?`;
const GROUPS_ONLY = '[1-9]\\d{0,2}(?:,\\d{3})+|[1-9]\\d{0,2}(?:\\.\\d{3})+';
/** One group and nothing else: a thousands separator or a decimal mark. */
const ONE_GROUP = '[1-9]\\d{0,2}[.,]\\d{3}';
const COMMA_GROUPS_DOT_DECIMALS = '[1-9]\\d{0,2}(?:,\\d{3})+\\.\\d+';
const DOT_GROUPS_COMMA_DECIMALS = '[1-9]\\d{0,2}(?:\\.\\d{3})+,\\d+';
/** At most one separator; a decimal comma stands between digits. */
const ONE_MARK = '\\d+(?:\\.\\d*)?|\\.\\d+|\\d+,\\d+';

/**
 * The forms exports write nearly every amount in: 1204.50, $1204.50, $1,204.50, 1,204.50,
 * 1,204,000 (not "1,204" or "1.204", which have two readings). A plain ASCII pattern and two
 * replaces read them several times faster than the full rule, which runs for the rest.
 */
const COMMON_AMOUNT = [
  // A dot before three digits after one to three others groups thousands with a currency
  // ($1.204 is 1204) and has two readings without: those forms take the full rule.
  '\\$?\\d+(?:\\.(?:\\d{1,2}|\\d{4,}))?',
  '\\$?(?:0\\d*|\\d{4,})\\.\\d{3}',
  '\\$[1-9]\\d{0,2}(?:,\\d{3})+(?:\\.\\d+)?',
  '[1-9]\\d{0,2}(?:,\\d{3})+\\.\\d+',
  '[1-9]\\d{0,2}(?:,\\d{3}){2,}(?:\\.\\d+)?',
].join('|');

export function amountFunctions(q: Dialect): ScalarDefinition[] {
  const { float, text } = q;
  // Spaces around the text are matched by the patterns rather than trimmed first: each trim is
  // one more regular expression for DuckDB to build wherever the macro is expanded.
  const trimmed = `TRIM(${q.regexReplaceAll('amount', `^${WS}+|${WS}+$`, '')})`;
  /** The text is an amount whose digits take this form. */
  const form = (digits: string) =>
    q.regexFull('amount', `${WS}*${BEFORE}(?:${digits})${AFTER}${WS}*`);
  // The digits and marks alone (signs, currencies and spaces dropped).
  const marks = q.regexReplaceAll('amount', '[^0-9.,]', '');
  const digitsOnly = q.regexReplaceAll('amount', '[^0-9]', '');
  const asDecimal = (x: string) => `REPLACE(${x}, ',', '.')`;
  const number = (x: string) => `CAST(${x} AS ${float})`;
  // "12." and ".5" as JavaScript's Number reads "12." and "0.5": a 0 on each side of the mark.
  const decimal = (x: string) =>
    `CASE WHEN STRPOS(${x}, '.') > 0 THEN '0' || ${x} || '0' ELSE ${x} END`;
  const currencyFirst = q.regexContains('amount', `^${WS}*[+-]?${CURRENCY}`);
  const currencyLast = q.regexContains('amount', `${CURRENCY}${WS}*$`);
  const hasCurrency = `(${currencyFirst} OR ${currencyLast})`;
  // The length as a CASE rather than an OR, whose every operand DuckDB evaluates on every row: the
  // trim's regular expression runs only on long text.
  const oneAmount = `(CASE WHEN LENGTH(amount) <= ${MAX_AMOUNT_TEXT} THEN TRUE ELSE LENGTH(${trimmed}) <= ${MAX_AMOUNT_TEXT} END)
      AND NOT (${currencyFirst} AND ${currencyLast})
      AND NOT ${q.regexContains('amount', '[+-].*[+-]')}`;
  const twoReadings = `${oneAmount} AND ${form(ONE_GROUP)} AND NOT ${hasCurrency}`;
  const value = q.call('funnel_amount_value', ['amount']);
  const sign = `CASE WHEN STRPOS(amount, '-') > 0 THEN -1 ELSE 1 END`;
  const signed = (x: string) => `${x} * ${sign}`;
  const shown = (x: string) => ({ num: signed(number(x)) });
  const ambiguous = (mark: string, first: string, second: string) =>
    q.error(
      q.message([
        { sql: 'what' },
        ' "',
        { sql: 'amount' },
        '" could be ',
        shown(first),
        ' or ',
        shown(second),
        `, the ${mark} may group thousands or mark decimals: enter `,
        shown(first),
        ' or ',
        shown(second),
        ' as a plain number',
      ]),
    );

  const symbols = Object.entries(SYMBOL_CURRENCY);
  // What is left of a readable amount without its digits, marks, signs and spaces: its code or symbol.
  const named = q.regexReplaceAll('amount', `[0-9.,+-]|${WS}`, '');
  const firstChar = 'SUBSTR(amount, 1, 1)';
  const lastChar = 'SUBSTR(amount, -1)';
  const bySymbol = (x: string) =>
    `CASE ${x} ${symbols.map(([s, code]) => `WHEN ${q.str(s)} THEN ${q.str(code)}`).join(' ')} END`;

  return [
    {
      name: 'funnel_currency',
      comment: `The currency money text names, as sheets/number-text.ts currencyOf reads it from an amount funnel_amount reads: a three-letter code before or after it, or a symbol, by its code where it has one (${symbols.map(([s, code]) => `${s} ${code}`).join(', ')}); NULL for a bare number.`,
      params: [{ name: 'amount', type: text }],
      returns: text,
      // Spend files are read row by row. Most rows are told by their first and last characters,
      // as sheets/number-text.ts currencyOf tells them, many times faster than the replace: a
      // leading $, digits at both ends (no currency), or a leading digit and a trailing symbol.
      body: `CASE WHEN ${firstChar} = '$' THEN ${q.str(SYMBOL_CURRENCY.$!)}
    WHEN ${firstChar} BETWEEN '0' AND '9' AND ${lastChar} BETWEEN '0' AND '9' THEN NULL
    WHEN ${firstChar} BETWEEN '0' AND '9' AND ${lastChar} IN (${symbols.map(([s]) => q.str(s)).join(', ')}) THEN ${bySymbol(lastChar)}
    ELSE NULLIF(COALESCE(${bySymbol(named)}, ${named}), '') END`,
    },
    {
      name: 'funnel_amount_value',
      comment:
        'The amount money text stands for, without its sign; NULL when it stands for none, or for two ("1,204" without a currency).',
      params: [{ name: 'amount', type: text }],
      returns: float,
      // Only a one-group amount needs to know about the currency; the others read the same either way.
      body: `CASE WHEN NOT (${oneAmount}) THEN NULL
    WHEN ${form(SPACED)} THEN ${number(decimal(asDecimal(marks)))}
    WHEN ${form(ONE_GROUP)} AND NOT ${hasCurrency} THEN NULL
    WHEN ${form(GROUPS_ONLY)} THEN ${number(digitsOnly)}
    WHEN ${form(COMMA_GROUPS_DOT_DECIMALS)} THEN ${number(`REPLACE(${marks}, ',', '')`)}
    WHEN ${form(DOT_GROUPS_COMMA_DECIMALS)} THEN ${number(asDecimal(`REPLACE(${marks}, '.', '')`))}
    WHEN ${form(ONE_MARK)} THEN ${number(decimal(asDecimal(marks)))}
  END`,
    },
    {
      name: 'funnel_amount_ok',
      comment:
        'Whether funnel_amount reads the text without a problem (NULL and empty count as readable: they are blank).',
      params: [{ name: 'amount', type: text }],
      returns: 'BOOLEAN',
      // A CASE, not an OR: DuckDB evaluates every operand of an OR on every row, so the full rule
      // would run even on the plain amounts the common pattern has already read.
      body: `CASE WHEN amount IS NULL OR amount = '' THEN TRUE
    WHEN LENGTH(amount) <= ${MAX_AMOUNT_TEXT} AND ${q.regexFull('amount', COMMON_AMOUNT)} THEN TRUE
    ELSE ${value} IS NOT NULL END`,
    },
    {
      name: 'funnel_amount_problem',
      comment:
        'Why funnel_amount cannot read money text, as an error that quotes it after what: its two readings, or that it is no number.',
      params: [
        { name: 'amount', type: text },
        { name: 'what', type: text },
      ],
      returns: float,
      // "1,204": 1204 first, as the sheet reads a comma; "1.204": 1.204 first, as it reads a dot.
      body: `CASE WHEN ${twoReadings} AND STRPOS(amount, ',') > 0 THEN ${ambiguous('comma', digitsOnly, asDecimal(marks))}
    WHEN ${twoReadings} THEN ${ambiguous('dot', marks, digitsOnly)}
    ELSE ${q.error(
      q.message([
        { sql: 'what' },
        ' "',
        { sql: 'amount' },
        '" is not a number, enter a number such as 1200, 1,204.50 or $950',
      ]),
    )} END`,
    },
    {
      name: 'funnel_amount',
      comment: [
        'Money text as exports write it, read the way the sheet reads it: 1204.5, $1,204.50, USD 1,204.50,',
        '1.204,50 €, EUR 1.204,50, 1 204,50, 1204,50, 1.204.000. Text with two readings ("1,204" could be 1204',
        'or 1.204) and any other text is an error that quotes it, after what (e.g. "ads.csv row 12, Cost");',
        'NULL or empty is NULL. The sign is kept, so a negative amount reaches the rule that money is 0 or more.',
      ].join('\n'),
      params: [
        { name: 'amount', type: text },
        { name: 'what', type: text },
      ],
      returns: float,
      // The common forms first, then everything else the sheet reads; COALESCE looks at the
      // problem only where there is no value (both engines evaluate its arguments lazily).
      body: `CASE WHEN amount IS NULL OR amount = '' THEN NULL
    WHEN LENGTH(amount) <= ${MAX_AMOUNT_TEXT} AND ${q.regexFull('amount', COMMON_AMOUNT)} THEN CAST(REPLACE(REPLACE(amount, '$', ''), ',', '') AS ${float})
    ELSE COALESCE(${signed(value)}, ${q.call('funnel_amount_problem', ['amount', 'what'])}) END`,
    },
  ];
}
