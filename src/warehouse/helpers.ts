/**
 * Helper functions the generated SQL shares: number display, rounding up
 * without float noise, outcome-label matching, channel keys, report periods
 * and reading exported money text. Each is one SQL expression over its
 * parameters, built once per dialect.
 *
 * The label rules mirror the sheet functions: the same filler words, the
 * same separators, the same six outcome labels and aliases, so a label the
 * sheet accepts is accepted here and means the same. The tests check that
 * against the sheet implementation on generated labels.
 */

import { NOISE } from '../metrics/numbers';
import { OUTCOME_LABELS } from '../metrics/outcomes';
import { PERIODS } from '../metrics/period';
import { labelKey } from '../sheets/labels';
import type { Dialect, ScalarDefinition } from './dialect';

/** Words dropped from labels before matching ("not qualified BY role"). */
export const FILLER = ['a', 'an', 'the', 'by', 'due', 'to', 'of', 'for', 'on', 'in', 'at', 'is'];

/** A word of a label: runs of anything but whitespace, punctuation (incl. the en dash), symbols and emoji variation marks. */
const WORD = '[^\\s\\p{P}\\p{S}\\x{FE0F}]+';

export type OutcomeClass = 'qualified' | 'not_qualified' | 'no_show' | 'pending';

/** What each accepted spelling means, by matching key. */
export const OUTCOME_CLASSES: readonly [string, OutcomeClass][] = [
  [OUTCOME_LABELS[0], 'qualified'],
  [OUTCOME_LABELS[1], 'not_qualified'],
  [OUTCOME_LABELS[2], 'not_qualified'],
  [OUTCOME_LABELS[3], 'not_qualified'],
  [OUTCOME_LABELS[4], 'no_show'],
  [OUTCOME_LABELS[5], 'pending'],
  ['Not qualified', 'not_qualified'],
  ['Rescheduled', 'pending'],
];

/** Whitespace as JavaScript's \\s and trim() know it: ASCII, vertical tab, BOM and every Unicode space. */
const WS = '[\\s\\x{0B}\\x{FEFF}\\p{Z}]';
const SPACE = `${WS}+`;

/*
 * Money text, read as the sheet reads it (sheets/number-text.ts): after trimming, a sign,
 * a currency symbol or three-letter code, one optional space, a sign, then digits with
 * separators; at most one sign; at most 48 characters. The body is a plain decimal, or
 * comma-grouped thousands with optional decimals ("1,204" alone has two readings), or
 * a decimal comma ("1.204,50" has two readings; "12,5" is refused with a hint).
 */
const CURRENCY = '(?:\\p{Sc}|[A-Z]{3})';
const PREFIX = `(?:[+-]?${CURRENCY}?${WS}?|${CURRENCY}${WS}?[+-]|[+-]${WS}?)`;
const PLAIN_BODY = '(?:\\d+(?:\\.\\d*)?|\\.\\d+)';
const GROUPED_BODY = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?';
/** Everything the sheet reads as one number, and "1,204"-like text, which it refuses. */
const AMOUNT = `${WS}*${PREFIX}(?:${PLAIN_BODY}|${GROUPED_BODY})${WS}*`;
/** "1,204": no currency, one comma group, no decimals. */
const ONE_GROUP = `${WS}*[+-]?${WS}?\\d{1,3},\\d{3}${WS}*`;
const DECIMAL_COMMA_BODY = '(?:\\d{1,3}(?:\\.\\d{3})+,\\d+|\\d+,\\d{1,2})';
const DECIMAL_COMMA = `${WS}*${PREFIX}${DECIMAL_COMMA_BODY}${WS}*`;
const MAX_AMOUNT_TEXT = 48;
/**
 * The forms exports write nearly every amount in, all read by AMOUNT: 1204.50, $1204.50,
 * $1,204.50, 1,204.50, 1,204,000 (not "1,204", which has two readings). A plain ASCII pattern
 * and two replaces read them several times faster than the full rule, which runs for the rest.
 */
const COMMON_AMOUNT =
  '\\$?\\d+(?:\\.\\d+)?|\\$\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?|\\d{1,3}(?:,\\d{3})+\\.\\d+|\\d{1,3}(?:,\\d{3}){2,}(?:\\.\\d+)?';

export function helpers(q: Dialect): ScalarDefinition[] {
  const { float, text, date } = q;
  const fillers = FILLER.map((w) => q.str(w)).join(', ');
  const wordsKey =
    q.id === 'duckdb'
      ? `coalesce(array_to_string(list_filter(regexp_extract_all(lower(label), ${q.re(WORD)}), w -> NOT list_contains([${fillers}], w)), ''), '')`
      : `IFNULL((SELECT STRING_AGG(w, '' ORDER BY o) FROM UNNEST(REGEXP_EXTRACT_ALL(LOWER(label), ${q.re(WORD)})) AS w WITH OFFSET o WHERE w NOT IN (${fillers})), '')`;
  const outcomeCases = OUTCOME_CLASSES.map(
    ([label, cls]) => `    WHEN ${q.str(labelKey(label))} THEN ${q.str(cls)}`,
  ).join('\n');
  const periodList = PERIODS.join(', ');
  const trunc =
    q.id === 'duckdb'
      ? `date_trunc(unit, day)`
      : `CASE unit WHEN 'week' THEN DATE_TRUNC(day, ISOWEEK) WHEN 'month' THEN DATE_TRUNC(day, MONTH) WHEN 'quarter' THEN DATE_TRUNC(day, QUARTER) WHEN 'year' THEN DATE_TRUNC(day, YEAR) END`;
  const fmt = (f: string) =>
    q.id === 'duckdb' ? `strftime(start, '${f}')` : `FORMAT_DATE('${f}', start)`;
  const quarter =
    q.id === 'duckdb'
      ? `strftime(start, '%Y') || '-Q' || CAST(quarter(start) AS VARCHAR)`
      : `FORMAT_DATE('%Y', start) || '-Q' || CAST(EXTRACT(QUARTER FROM start) AS STRING)`;
  const collapsed = `TRIM(${q.regexReplaceAll('raw', SPACE, ' ')})`;
  const trimmed = `TRIM(${q.regexReplaceAll('amount', `^${SPACE}|${SPACE}$`, '')})`;
  const body = q.regexReplaceAll('amount', '[^0-9.,]', '');
  // The sheet reads no amount longer than 48 characters once trimmed.
  const short = `(LENGTH(amount) <= ${MAX_AMOUNT_TEXT} OR LENGTH(${trimmed}) <= ${MAX_AMOUNT_TEXT})`;
  const readable = `${short} AND ${q.regexFull('amount', AMOUNT)}
      AND NOT (STRPOS(amount, ',') > 0 AND STRPOS(amount, '.') = 0 AND ${q.regexFull('amount', ONE_GROUP)})`;
  const signed = (x: string) => `CASE WHEN STRPOS(amount, '-') > 0 THEN -(${x}) ELSE ${x} END`;
  const digits = signed(`CAST(${q.regexReplaceAll('amount', '[^0-9.]', '')} AS ${float})`);
  // A reading in a message; one that is no number at all shows as NaN, as the sheet shows it.
  const num = (x: string) => ({
    sql: `COALESCE(${q.showNumber(signed(q.tryCast(x, float)))}, 'NaN')`,
  });
  const quoted: (x: string) => { sql: string } = (x) => ({ sql: x });

  return [
    {
      name: 'funnel_finite',
      comment: 'A result as the sheet gives it: never NaN or ±Infinity.',
      params: [
        { name: 'x', type: float },
        { name: 'fn', type: text },
      ],
      returns: float,
      body: `CASE WHEN x IS NULL OR ${q.isFinite('x')} THEN x ELSE ${q.error(q.message([quoted('fn'), ': the result is too large to show, check the inputs']))} END`,
    },
    {
      name: 'funnel_ceil_forgiving',
      comment: `Rounds up to a whole unit, except that a whole number plus float noise (relative ${NOISE}) is that whole number: 21 / 0.35 is 60, not 61.`,
      params: [{ name: 'x', type: float }],
      returns: float,
      body: `CASE WHEN ABS(x - ROUND(x)) <= ABS(x) * ${NOISE.toExponential()} THEN ROUND(x) ELSE CEIL(x) END`,
    },
    {
      name: 'funnel_label_key',
      comment:
        'The spelling-insensitive key of a label: lower case, words only, filler words dropped ("Not qualified – role" → notqualifiedrole).',
      params: [{ name: 'label', type: text }],
      returns: text,
      body: wordsKey,
    },
    {
      name: 'funnel_outcome',
      comment: `What a meeting outcome label means: qualified, not_qualified, no_show or pending; NULL for a label that matches none. Accepted: ${OUTCOME_LABELS.join(', ')}.`,
      params: [{ name: 'label', type: text }],
      returns: text,
      body: `CASE ${q.call('funnel_label_key', ['label'])}\n${outcomeCases}\n  END`,
    },
    {
      name: 'funnel_period_unit',
      comment: `The report period: NULL or '' for none, else one of ${periodList} (any case); anything else is an error.`,
      params: [{ name: 'period', type: text }],
      returns: text,
      body: `CASE WHEN period IS NULL OR TRIM(period) = '' THEN NULL
    WHEN LOWER(TRIM(period)) IN (${PERIODS.map((p) => q.str(p)).join(', ')}) THEN LOWER(TRIM(period))
    ELSE ${q.error(q.message(['cpqm_report: period "', quoted('period'), `" is not a period; use one of: ${periodList}, or NULL for none`]))} END`,
    },
    {
      name: 'funnel_period_start',
      comment:
        'The first day of the period holding day (ISO weeks start on Monday). In DuckDB a TIMESTAMP: grouping on it is faster than on its DATE.',
      params: [
        { name: 'unit', type: text },
        { name: 'day', type: date },
      ],
      returns: q.id === 'duckdb' ? 'TIMESTAMP' : date,
      body: trunc,
    },
    {
      name: 'funnel_period_label',
      comment: 'The label of the period starting on start: 2026-W02, 2026-01, 2026-Q1, 2026.',
      params: [
        { name: 'unit', type: text },
        { name: 'start', type: q.id === 'duckdb' ? 'TIMESTAMP' : date },
      ],
      returns: text,
      body: `CASE unit WHEN 'week' THEN ${fmt('%G-W%V')} WHEN 'month' THEN ${fmt('%Y-%m')} WHEN 'quarter' THEN ${quarter} WHEN 'year' THEN ${fmt('%Y')} END`,
    },
    {
      name: 'funnel_channel_name',
      comment:
        'A channel as the report shows it: surrounding spaces dropped, runs of spaces made one.',
      params: [{ name: 'raw', type: text }],
      returns: text,
      body: collapsed,
    },
    {
      name: 'funnel_channel_key',
      comment: 'Channels match ignoring case and surrounding or doubled spaces.',
      params: [{ name: 'raw', type: text }],
      returns: text,
      body: `LOWER(${collapsed})`,
    },
    {
      name: 'funnel_is_totals',
      comment:
        "Whether a spend row's channel reads like an export's totals row: Total, Total:, Totals, Total: All campaigns, Grand total.",
      params: [{ name: 'raw', type: text }],
      returns: 'BOOLEAN',
      body: q.regexFull(`LOWER(${collapsed})`, '(?:grand\\s+)?totals?(?:\\s*[:\\-–—].*)?'),
    },
    {
      name: 'funnel_amount_ok',
      comment:
        'Whether funnel_amount reads the text without a problem (NULL and empty count as readable: they are blank).',
      params: [{ name: 'amount', type: text }],
      returns: 'BOOLEAN',
      body: `amount IS NULL OR amount = '' OR (${readable})`,
    },
    {
      name: 'funnel_amount',
      comment: [
        'Money text as exports write it, read the way the sheet reads it: a plain decimal (1204.5),',
        'or an amount with a currency symbol or code and comma-grouped thousands ($1,204.50, £950, USD 1,204.50, 1,204,000).',
        'Text with two readings ("1,204" could be 1204 or 1.204; "1.204,50") and any other text is an error that',
        'quotes it, after what (e.g. "ads.csv row 12, Cost"); NULL or empty is NULL. The sign is kept, so a negative',
        'amount reaches the rule that money is 0 or more.',
      ].join('\n'),
      params: [
        { name: 'amount', type: text },
        { name: 'what', type: text },
      ],
      returns: float,
      // The common forms first, then everything else the sheet reads: one full match, one replace.
      // `what` should be a constant (a column's name): an expression built per row would be built
      // for every row, as DuckDB computes an expression that appears more than once (here in each
      // message) ahead of the CASE.
      body: `CASE WHEN amount IS NULL OR amount = '' THEN NULL
    WHEN LENGTH(amount) <= ${MAX_AMOUNT_TEXT} AND ${q.regexFull('amount', COMMON_AMOUNT)} THEN CAST(REPLACE(REPLACE(amount, '$', ''), ',', '') AS ${float})
    WHEN ${readable} THEN ${digits}
    WHEN ${short} AND ${q.regexFull('amount', ONE_GROUP)} THEN ${q.error(
      q.message([
        quoted('what'),
        ' "',
        quoted('amount'),
        '" could be ',
        num(q.regexReplaceAll(body, ',', '')),
        ' or ',
        num(q.regexReplaceAll(body, ',', '.')),
        ', the comma may group thousands or mark decimals: enter ',
        num(q.regexReplaceAll(body, ',', '')),
        ' or ',
        num(q.regexReplaceAll(body, ',', '.')),
        ' as a plain number',
      ]),
    )}
    WHEN ${short} AND ${q.regexFull('amount', DECIMAL_COMMA)} AND STRPOS(amount, '.') = 0 THEN ${q.error(
      q.message([
        quoted('what'),
        ' "',
        quoted('amount'),
        '" is not a number, for ',
        quoted(q.regexReplaceAll(body, ',', '.')),
        ', write a point for decimals',
      ]),
    )}
    WHEN ${short} AND ${q.regexFull('amount', DECIMAL_COMMA)} AND ${q.regexContains('amount', '\\..*\\.')} THEN ${q.error(
      // "1.204.000,5": no dotted reading, so one reading only, a European-only amount.
      q.message([
        quoted('what'),
        ' "',
        quoted('amount'),
        '" is not a number, for ',
        num(q.regexReplaceAll(q.regexReplaceAll(body, '\\.', ''), ',', '.')),
        ', enter ',
        num(q.regexReplaceAll(q.regexReplaceAll(body, '\\.', ''), ',', '.')),
      ]),
    )}
    WHEN ${short} AND ${q.regexFull('amount', DECIMAL_COMMA)} THEN ${q.error(
      q.message([
        quoted('what'),
        ' "',
        quoted('amount'),
        '" could be ',
        num(q.regexReplaceAll(q.regexReplaceAll(body, '\\.', ''), ',', '.')),
        ' or ',
        num(q.regexReplaceAll(body, ',', '')),
        ', the dot may group thousands or mark decimals: enter ',
        num(q.regexReplaceAll(q.regexReplaceAll(body, '\\.', ''), ',', '.')),
        ' or ',
        num(q.regexReplaceAll(body, ',', '')),
        ' as a plain number',
      ]),
    )}
    ELSE ${q.error(
      q.message([
        quoted('what'),
        ' "',
        quoted('amount'),
        '" is not a number, enter a number such as 1200, 1,204.50 or $950',
      ]),
    )} END`,
    },
  ];
}
