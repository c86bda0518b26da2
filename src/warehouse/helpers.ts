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

import { ROUNDING_SLACK } from '../metrics/numbers';
import { OUTCOME_LABELS, OUTCOME_MEANINGS } from '../metrics/outcomes';
import { PERIOD_SQL, PERIODS } from '../metrics/period';
import { FILLER, labelKey, TOTALS_ROW } from '../sheets/labels';
import { amountFunctions, WS } from './amount';
import type { Dialect, ScalarDefinition } from './dialect';
import { sqlName } from './scalar';

/** A word of a label: runs of anything but whitespace, punctuation (incl. the en dash), symbols and emoji variation marks. */
const WORD = '[^\\s\\p{P}\\p{S}\\x{FE0F}]+';
const SPACE = `${WS}+`;
/** The totals-row pattern of the sheet (sheets/labels.ts), case forgiven as there. */
const TOTALS = `${TOTALS_ROW.flags.includes('i') ? '(?i)' : ''}${TOTALS_ROW.source}`;

/** The type of a period's first day: in DuckDB a TIMESTAMP, as grouping on it is faster than on its DATE. */
export function periodStartType(q: Dialect): string {
  return q.id === 'duckdb' ? 'TIMESTAMP' : q.date;
}

export function helpers(q: Dialect): ScalarDefinition[] {
  const { float, text, date } = q;
  const fillers = [...FILLER].map((w) => q.str(w)).join(', ');
  const wordsKey =
    q.id === 'duckdb'
      ? `coalesce(array_to_string(list_filter(regexp_extract_all(lower(label), ${q.re(WORD)}), w -> NOT list_contains([${fillers}], w)), ''), '')`
      : `IFNULL((SELECT STRING_AGG(w, '' ORDER BY o) FROM UNNEST(REGEXP_EXTRACT_ALL(LOWER(label), ${q.re(WORD)})) AS w WITH OFFSET o WHERE w NOT IN (${fillers})), '')`;
  const outcomeCases = OUTCOME_MEANINGS.map(
    ([label, meaning]) => `    WHEN ${q.str(labelKey(label))} THEN ${q.str(sqlName(meaning))}`,
  ).join('\n');
  const periodList = PERIODS.join(', ');
  const trunc =
    q.id === 'duckdb'
      ? `date_trunc(unit, day)`
      : `CASE unit ${PERIODS.map((p) => `WHEN '${p}' THEN DATE_TRUNC(day, ${PERIOD_SQL[p].bigQueryUnit})`).join(' ')} END`;
  const fmt = (f: string) =>
    q.id === 'duckdb' ? `strftime(start, '${f}')` : `FORMAT_DATE('${f}', start)`;
  const quarter =
    q.id === 'duckdb'
      ? `strftime(start, '%Y') || '-Q' || CAST(quarter(start) AS VARCHAR)`
      : `FORMAT_DATE('%Y', start) || '-Q' || CAST(EXTRACT(QUARTER FROM start) AS STRING)`;
  const collapsed = `TRIM(${q.regexReplaceAll('raw', SPACE, ' ')})`;
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
      comment:
        'Rounds up to a whole unit, except that a whole number plus float noise (at most 16 units in the last place) is that whole number: 21 / 0.35 is 60, not 61.',
      params: [{ name: 'x', type: float }],
      returns: float,
      body: `CASE WHEN x - FLOOR(x) <= ABS(x) * ${ROUNDING_SLACK} THEN FLOOR(x) ELSE CEIL(x) END`,
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
      comment: `The period of report fn: NULL or '' for none, else one of ${periodList} (any case); anything else is an error.`,
      params: [
        { name: 'period', type: text },
        { name: 'fn', type: text },
      ],
      returns: text,
      body: `CASE WHEN period IS NULL OR TRIM(period) = '' THEN NULL
    WHEN LOWER(TRIM(period)) IN (${PERIODS.map((p) => q.str(p)).join(', ')}) THEN LOWER(TRIM(period))
    ELSE ${q.error(q.message([quoted('fn'), ': period "', quoted('period'), `" is not a period; use one of: ${periodList}, or NULL for none`]))} END`,
    },
    {
      name: 'funnel_period_start',
      comment:
        'The first day of the period holding day (ISO weeks start on Monday). In DuckDB a TIMESTAMP: grouping on it is faster than on its DATE.',
      params: [
        { name: 'unit', type: text },
        { name: 'day', type: date },
      ],
      returns: periodStartType(q),
      body: trunc,
    },
    {
      name: 'funnel_period_label',
      comment: 'The label of the period starting on start: 2026-W02, 2026-01, 2026-Q1, 2026.',
      params: [
        { name: 'unit', type: text },
        { name: 'start', type: periodStartType(q) },
      ],
      returns: text,
      body: `CASE unit ${PERIODS.map((p) => {
        const pattern = PERIOD_SQL[p].labelFormat;
        return `WHEN '${p}' THEN ${pattern === undefined ? quarter : fmt(pattern)}`;
      }).join(' ')} END`,
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
      body: q.regexFull(collapsed, TOTALS),
    },
    ...amountFunctions(q),
  ];
}
