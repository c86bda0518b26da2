/**
 * cpqm_report(period): the channel report of the sheet's CPQM_REPORT, over
 * two views the user defines on their own tables:
 *
 *   funnel_spend(channel, spend, day [, source_row] [, currency])
 *   funnel_meetings(channel, outcome, day [, source_row])
 *
 * `source_row` is optional in DuckDB; a BigQuery view lists it, NULL where
 * the table has no row order. It is the row's position in its source (a file's row
 * number, a load sequence). With it, channels come in order of first
 * appearance exactly as in the sheet, the first spelling met is shown, and
 * errors name the row. Without it (BigQuery tables have no row order), the
 * order is still deterministic: channels met in spend rows first, each by
 * its earliest day, then its name; errors name the row by its values.
 *
 * Same rules as the sheet: blank rows skipped, half-filled spend rows and
 * totals rows are errors, outcome labels matched as in OUTCOME_SUMMARY,
 * meetings without a channel under "(no channel)", Σ ÷ Σ everywhere, periods
 * labelled 2026-W02 / 2026-01 / 2026-Q1 / 2026. The one difference: a zero
 * denominator is NULL, not #DIV/0! text.
 *
 * Shape of the query, chosen for speed and memory on large inputs: rows are
 * grouped once by their raw channel spelling and period start with plain
 * aggregates, a meeting's outcome label read first through the view's few
 * distinct labels; everything that needs string work or a regular
 * expression (channel keys, totals rows, outcome labels) runs on those few
 * groups or distinct values, not on every row. Problems are found in the
 * same pass (counts and first row numbers per group), and the first one in
 * row order is raised.
 */
import type { Outcome } from '../metrics/outcomes';
import type { Dialect, TableDefinition } from './dialect';
import {
  blankDay,
  CHANNEL_CTES,
  checkedCtes,
  PERIOD_ARGUMENT,
  periodOf,
  piecesCte,
  rawsCtes,
  spendCtes,
  spendProblems,
  totalsCte,
  totalsRow,
  wholeSum,
} from './grouping';
import { firstMatch, IGNORED, mappingSql, meansIgnore } from './mapping';
import { sqlName } from './scalar';

/** The columns of the meetings view, besides the optional `source_row`. */
export const MEETINGS_VIEW = ['channel', 'outcome', 'day'] as const;

/** The report's columns in SQL (the sheet's headers are metrics/report.ts REPORT_COLUMNS). */
export const SQL_REPORT_COLUMNS = [
  'channel',
  'period',
  'spend',
  'booked',
  'held',
  'no_shows',
  'qualified',
  'show_rate',
  'qual_rate',
  'cost_per_meeting',
  'cpqm',
  'pending',
  'unrecognised',
] as const;

/** The columns that hold fractional numbers (money, rates); the others are text or counts. */
export const SQL_REPORT_NUMBERS: ReadonlySet<(typeof SQL_REPORT_COLUMNS)[number]> = new Set([
  'spend',
  'show_rate',
  'qual_rate',
  'cost_per_meeting',
  'cpqm',
] as const);

/**
 * The report's common part, as CTEs ending in `checked` (the first problem raised, named as the
 * function `fn` that reads the views) and `totals` (one row per channel and period, the All
 * channels rows per period and overall, with their sums), for cpqm_report and cpqm_trend.
 */
export function channelTotals(q: Dialect, fn: string): string {
  const f = (name: string, ...args: string[]) => q.call(name, args);
  const U = f('funnel_period_unit', 'period', q.str(fn));
  const meetingView = q.viewRows(q.object('funnel_meetings'), MEETINGS_VIEW, 'source_row', q.int);
  const mapping = mappingSql(q);
  // funnel_outcome's answers, the meanings of metrics/outcomes.ts in snake_case.
  const means = (...outcomes: Outcome[]) => outcomes.map((o) => q.str(sqlName(o))).join(', ');
  const counted = `(l.outcome IS NULL OR l.outcome <> ${q.str(IGNORED)})`;

  return `WITH
${mapping.ctes}
${spendCtes(q, U)}
meeting_rows AS (
  SELECT raw, label, source_row, ${f('funnel_period_start', U, 'day')} AS start
  FROM (
    SELECT CAST(channel AS ${q.text}) AS raw, CAST(outcome AS ${q.text}) AS label,
      CAST(day AS ${q.date}) AS day, CAST(source_row AS ${q.int}) AS source_row
    FROM ${meetingView}
  ) AS v
  WHERE label IS NOT NULL AND label <> ''
),
label_list AS (
  -- The view read once for its few labels, then again to be counted by them: its rows are never held.
  SELECT DISTINCT label FROM (SELECT CAST(outcome AS ${q.text}) AS label FROM ${meetingView}) AS v
  WHERE label <> ''
),
labels AS (
  -- The mapping table's outcome rows first, then the built-in labels.
  SELECT d.label, ${f('funnel_is_totals', 'd.label')} AS is_totals,
    CASE WHEN ${meansIgnore(q, 'm.means_key')} THEN ${q.str(IGNORED)}
      ELSE ${f('funnel_outcome', 'COALESCE(m.means, d.label)')} END AS outcome
  FROM label_list AS d
  LEFT JOIN (${firstMatch(q, 'outcome', `SELECT label AS item, ${f('funnel_channel_key', 'label')} AS key FROM label_list`)}) AS m
    ON m.item = d.label
),
meeting_groups AS (
  -- Per channel spelling and period, each row's label read through the few rows of labels before
  -- grouping. An outcome the mapping table ignores is counted nowhere and checked no further
  -- (counted = 0 where a group has nothing else); a totals-row label is refused whatever it means.
  SELECT m.raw, m.start, ${q.countIf(counted)} AS counted, ${q.minIf('m.source_row', counted)} AS first_row,
    ${q.countIf(`l.outcome IN (${means('qualified', 'notQualified', 'noShow')})`)} AS booked,
    ${q.countIf(`l.outcome IN (${means('qualified', 'notQualified')})`)} AS held,
    ${q.countIf(`l.outcome = ${means('noShow')}`)} AS no_shows,
    ${q.countIf(`l.outcome = ${means('qualified')}`)} AS qualified,
    ${q.countIf(`l.outcome = ${means('pending')}`)} AS pending,
    -- A label nobody knows is counted, not refused: one new CRM label must not stop the report.
    ${q.countIf('l.outcome IS NULL')} AS unrecognised,
    ${q.minIf('m.source_row', 'l.is_totals')} AS totals_row,
    ${q.firstIf('m.label', 'l.is_totals', 'm.source_row')} AS totals_label
  FROM meeting_rows AS m JOIN labels AS l ON l.label = m.label
  GROUP BY m.raw, m.start
),
${rawsCtes(q, "SELECT raw FROM meeting_groups WHERE raw <> ''")}
problems AS (
  -- Kinds in the order the sheet checks a row: for spend rows 1 no channel, 2 no spend, 3 totals,
  -- 4 no day, 5 bad amount; for meeting rows 1 totals-row outcome, 2 totals-row channel, 3 no day.
  -- The mapping table is read first, as the sheet reads it before the function runs.
  SELECT -1 AS src, problem_row, kind, raw, detail FROM (
  ${mapping.problems}
  ) AS mp
  UNION ALL
  ${spendProblems(q, U)}
  UNION ALL
  SELECT 1, totals_row, 1, raw, ${totalsRow(q, 'outcome', 'totals_label')}
  FROM meeting_groups WHERE totals_label IS NOT NULL
  UNION ALL
  SELECT 1, g.first_row, 2, g.raw, ${totalsRow(q, 'channel', 'g.raw')}
  FROM meeting_groups AS g JOIN raws AS r ON r.raw = g.raw WHERE g.counted > 0 AND r.is_totals
  UNION ALL
  SELECT 1, first_row, 3, raw, ${blankDay(q, 'day', U)}
  FROM meeting_groups WHERE counted > 0 AND ${U} IS NOT NULL AND start IS NULL
),
${checkedCtes(q, fn, ['funnel_meetings'])}
${piecesCte(
  q,
  'COALESCE(g.spend, 0) AS spend, 0 AS booked, 0 AS held, 0 AS no_shows, 0 AS qualified, 0 AS pending, 0 AS unrecognised',
  '(SELECT * FROM meeting_groups WHERE counted > 0)',
  '0, g.booked, g.held, g.no_shows, g.qualified, g.pending, g.unrecognised',
)}
${CHANNEL_CTES}
by_channel AS (
  SELECT key, start, SUM(spend) AS spend, ${['booked', 'held', 'no_shows', 'qualified', 'pending', 'unrecognised'].map((c) => wholeSum(q, c)).join(', ')}
  FROM pieces
  GROUP BY key, start
),
${totalsCte(q, U, ['spend', 'booked', 'held', 'no_shows', 'qualified', 'pending', 'unrecognised'])}`;
}

export function reportFunction(q: Dialect): TableDefinition {
  const U = q.call('funnel_period_unit', ['period', q.str('cpqm_report')]);
  const body = `${channelTotals(q, 'cpqm_report')}
SELECT
  name AS channel,
  ${periodOf(q, U)} AS period,
  CAST(spend AS ${q.float}) AS spend,
  CAST(booked AS ${q.int}) AS booked,
  CAST(held AS ${q.int}) AS held,
  CAST(no_shows AS ${q.int}) AS no_shows,
  CAST(qualified AS ${q.int}) AS qualified,
  ${q.div('held', 'booked')} AS show_rate,
  ${q.div('qualified', 'held')} AS qual_rate,
  ${q.div('spend', 'booked')} AS cost_per_meeting,
  ${q.div('spend', 'qualified')} AS cpqm,
  CAST(pending AS ${q.int}) AS pending,
  CAST(unrecognised AS ${q.int}) AS unrecognised
FROM totals CROSS JOIN checked
WHERE checked.ok
ORDER BY section, channel_rank, start`;

  return {
    name: 'cpqm_report',
    comment: [
      'The channel report from raw rows: one row per channel (and period), then All channels per period, then',
      'All channels overall. Reads the views funnel_spend(channel, spend, day [, source_row] [, currency]) and',
      'funnel_meetings(channel, outcome, day [, source_row]); in BigQuery the views list source_row, NULL where rows have no order,',
      'and funnel_spend lists currency, NULL where the spend names none; spend in two currencies is refused.',
      PERIOD_ARGUMENT,
      'Rows come in report order (DuckDB keeps it; BigQuery does not promise the order of a table function, see docs/WAREHOUSE.md).',
    ].join('\n'),
    params: [{ name: 'period', type: q.text, optional: true }],
    body: body.replace(/^/gm, '  '),
  };
}
