/**
 * funnel_report(period, view): the sheet's FUNNEL_REPORT over the spend view
 * and a view of the CRM's records, long rather than wide, since SQL cannot
 * take a variable number of stage columns:
 *
 *   funnel_records(channel, stage, stage_position, day, source_row)
 *
 * one row per record and stage (day NULL where the record has not reached
 * it), source_row naming the record (its row in the export, or its ID). The
 * result is long too: one row per channel × period × stage, in funnel order,
 * with the records that reached the stage, the cost per record and the
 * ratio to the stage before (docs/WAREHOUSE.md, "The funnel and deals
 * reports").
 *
 * Same rules as the sheet: a record reached a stage when it has a date
 * there or at any later stage (a skipped stage counts on the date of the
 * next one reached); activity counts each stage in the period it was
 * reached, cohort every stage in the period the record entered; a record
 * with no date is counted nowhere; NULL where the sheet shows #DIV/0!.
 */
import { VIEWS } from '../metrics/funnel-report';
import { ALL_CHANNELS, ALL_PERIODS } from '../metrics/grouping';
import type { Dialect, ScalarDefinition, TableDefinition } from './dialect';
import {
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
  UNPLACED,
  VIEW_ARGUMENT,
} from './grouping';
import { mappingSql } from './mapping';

/** The columns of the records view; source_row is required, as it tells which rows are one record. */
export const RECORDS_VIEW = ['channel', 'stage', 'stage_position', 'day', 'source_row'] as const;

export const SQL_FUNNEL_COLUMNS = [
  'channel',
  'period',
  'stage',
  'spend',
  'records',
  'cost_per_record',
  'from_previous',
] as const;

/** The columns that hold fractional numbers (money, ratios); the others are text or counts. */
export const SQL_FUNNEL_NUMBERS: ReadonlySet<(typeof SQL_FUNNEL_COLUMNS)[number]> = new Set([
  'spend',
  'cost_per_record',
  'from_previous',
] as const);

/** funnel_view(view, fn): the `view` argument of funnel_report and deals_report, read as the sheet reads it. */
export function viewHelper(q: Dialect): ScalarDefinition {
  const [activity] = VIEWS;
  return {
    name: 'funnel_view',
    comment: `The view of report fn: NULL or '' for ${activity}, else one of ${VIEWS.join(', ')} (any case); anything else is an error.`,
    params: [
      { name: 'view', type: q.text },
      { name: 'fn', type: q.text },
    ],
    returns: q.text,
    body: `CASE WHEN view IS NULL OR TRIM(view) = '' THEN ${q.str(activity)}
    WHEN LOWER(TRIM(view)) IN (${VIEWS.map((v) => q.str(v)).join(', ')}) THEN LOWER(TRIM(view))
    ELSE ${q.error(q.message([{ sql: 'fn' }, ': view "', { sql: 'view' }, `" is not a view; use ${VIEWS.join(' or ')}, or NULL for ${activity}`]))} END`,
  };
}

export function funnelFunction(q: Dialect): TableDefinition {
  const f = (name: string, ...args: string[]) => q.call(name, args);
  const fn = q.str('funnel_report');
  const U = f('funnel_period_unit', 'period', fn);
  const V = f('funnel_view', 'view', fn);
  const mapping = mappingSql(q);
  const recordsView = q.viewRows(
    q.object('funnel_records'),
    RECORDS_VIEW.slice(0, -1),
    'source_row',
    q.int,
  );
  const lineOf = (alias: string) =>
    `${alias}.section = r.section AND ${alias}.channel_rank = r.channel_rank AND ${alias}.label = r.label`;
  const count = (alias: string) => `COALESCE(${alias}.amount, 0)`;

  const body = `WITH
${mapping.ctes}
${spendCtes(q, U)}
record_rows AS (
  SELECT CAST(channel AS ${q.text}) AS raw, CAST(stage AS ${q.text}) AS stage,
    CAST(stage_position AS ${q.int}) AS pos, CAST(day AS ${q.date}) AS day,
    CAST(source_row AS ${q.int}) AS source_row
  FROM ${recordsView} AS v
),
stages AS (
  -- The stages the view names, in funnel order, each with the one before it.
  SELECT pos, stage, names, LAG(pos) OVER (ORDER BY pos) AS previous_pos
  FROM (
    -- Distinct pairs first: a plain grouping of every row, where COUNT(DISTINCT) over them is slower.
    SELECT pos, MIN(stage) AS stage, COUNT(stage) AS names
    FROM (SELECT DISTINCT pos, stage FROM record_rows WHERE pos IS NOT NULL) AS named
    GROUP BY pos
  ) AS s
),
dated AS (
  -- A record's rows with a date, each counting its own stage and the stages the record skipped
  -- just before it (reached on this date); the first one's date is the record's entry, its cohort.
  SELECT raw, source_row, pos, day,
    LAG(pos) OVER (PARTITION BY source_row ORDER BY pos) AS reached_before,
    FIRST_VALUE(day) OVER (PARTITION BY source_row ORDER BY pos) AS entered
  FROM record_rows
  WHERE day IS NOT NULL AND pos IS NOT NULL AND source_row IS NOT NULL
),
dated_groups AS (
  -- Dated rows counted per channel, period and span of stages before stages are joined: a span
  -- is a few rows per channel and period, where a join per row would multiply every row.
  SELECT raw, start, reached_before, pos, COUNT(*) AS n, MIN(source_row) AS first_row
  FROM (
    SELECT raw, source_row, reached_before, pos,
      ${f('funnel_period_start', U, `CASE WHEN ${V} = 'cohort' THEN entered ELSE day END`)} AS start
    FROM dated
  ) AS c
  GROUP BY raw, start, reached_before, pos
),
record_groups AS (
  -- A record's spans are disjoint, so it is counted at most once per stage.
  SELECT d.raw, d.start, s.pos, SUM(d.n) AS n, MIN(d.first_row) AS first_row
  FROM dated_groups AS d JOIN stages AS s
    ON s.pos <= d.pos AND (d.reached_before IS NULL OR s.pos > d.reached_before)
  GROUP BY d.raw, d.start, s.pos
),
${rawsCtes(q, "SELECT raw FROM record_groups WHERE raw <> ''")}
problems AS (
  -- Record rows: 1 a row without its stage_position, 2 a stage without a name, 3 a totals row
  -- as a reached record's channel; and, told without a row, stages named twice and dated rows that
  -- name no record.
  SELECT -1 AS src, problem_row, kind, raw, detail FROM (
  ${mapping.problems}
  ) AS mp
  UNION ALL
  ${spendProblems(q, U)}
  UNION ALL
  SELECT 1, source_row, 1, raw, ${q.str('stage_position is blank, give each stage its place in the funnel (1 for the first)')}
  FROM record_rows WHERE pos IS NULL
  UNION ALL
  SELECT 1, source_row, 2, raw, ${q.str('stage is blank, give each stage its name')}
  FROM record_rows WHERE pos IS NOT NULL AND (stage IS NULL OR stage = '')
  UNION ALL
  SELECT 1, g.first_row, 3, g.raw, ${totalsRow(q, 'channel', 'g.raw')}
  FROM record_groups AS g JOIN raws AS r ON r.raw = g.raw WHERE r.is_totals
  UNION ALL
  SELECT 1, NULL, ${UNPLACED + 4}, CAST(NULL AS ${q.text}), ${q.message(['funnel_records names stage_position ', { sql: 'pos' }, ' in ', { sql: 'names' }, ' ways, give each stage one name'])}
  FROM stages WHERE names > 1
  UNION ALL
  SELECT 1, NULL, ${UNPLACED + 5}, CAST(NULL AS ${q.text}), ${q.str('funnel_records has a dated row without source_row, give each record its row number or ID so its stages are read together')}
  FROM (SELECT 1 AS x FROM record_rows WHERE day IS NOT NULL AND source_row IS NULL LIMIT 1) AS n
),
${checkedCtes(q, 'funnel_report', ['funnel_records'])}
${piecesCte(
  q,
  `CAST(NULL AS ${q.int}) AS pos, CAST(COALESCE(g.spend, 0) AS ${q.float}) AS amount`,
  'record_groups',
  `g.pos, CAST(g.n AS ${q.float})`,
)}
${CHANNEL_CTES}
by_channel AS (
  -- Spend at pos NULL, records at their stage's pos.
  SELECT key, start, pos, SUM(amount) AS amount
  FROM pieces
  GROUP BY key, start, pos
),
${totalsCte(q, U, ['amount'], ['pos'])},
lines AS (
  SELECT section, channel_rank, name, COALESCE(${periodOf(q, U)}, '') AS label, pos, amount
  FROM totals
),
report_rows AS (
  -- The All channels row overall is shown even with nothing to count, as the sheet shows it.
  SELECT DISTINCT section, channel_rank, name, label FROM lines
  UNION DISTINCT
  SELECT 3, 0, ${q.str(ALL_CHANNELS)}, CASE WHEN ${U} IS NULL THEN '' ELSE ${q.str(ALL_PERIODS)} END
)
SELECT
  r.name AS channel,
  NULLIF(r.label, '') AS period,
  s.stage,
  CAST(${count('sp')} AS ${q.float}) AS spend,
  CAST(${count('n')} AS ${q.int}) AS records,
  ${q.div(count('sp'), count('n'))} AS cost_per_record,
  CASE WHEN s.previous_pos IS NULL THEN NULL ELSE ${q.div(count('n'), count('p'))} END AS from_previous
FROM report_rows AS r
CROSS JOIN stages AS s
LEFT JOIN lines AS sp ON ${lineOf('sp')} AND sp.pos IS NULL
LEFT JOIN lines AS n ON ${lineOf('n')} AND n.pos = s.pos
LEFT JOIN lines AS p ON ${lineOf('p')} AND p.pos = s.previous_pos
CROSS JOIN checked
WHERE checked.ok
ORDER BY r.section, r.channel_rank, r.label, s.pos`;

  return {
    name: 'funnel_report',
    comment: [
      'The funnel from CRM records: one row per channel (and period) and stage, in funnel order, then All channels',
      'per period, then All channels overall: records that reached the stage, cost per record, and the ratio to',
      'the stage before. Reads funnel_spend and funnel_records(channel, stage, stage_position, day, source_row),',
      'one row per record and stage, day NULL where not reached.',
      `${PERIOD_ARGUMENT} ${VIEW_ARGUMENT}`,
    ].join('\n'),
    params: [
      { name: 'period', type: q.text, optional: true },
      { name: 'view', type: q.text, optional: true },
    ],
    body: body.replace(/^/gm, '  '),
  };
}
