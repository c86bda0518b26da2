/**
 * funnel_report(period, view): the sheet's FUNNEL_REPORT over the spend view
 * and a view of the CRM's records, wide as the export is: one row per record,
 *
 *   funnel_records(channel, <one date column per stage, in funnel order> [, source_row])
 *
 * A SQL function cannot take a variable number of columns, so the function
 * is generated for the user's stages (docs/WAREHOUSE.md, "The funnel and
 * deals reports"). The result is long: one row per channel × period × stage,
 * in funnel order, with the records that reached the stage, the cost per
 * record and the ratio to the stage before.
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
  VIEW_ARGUMENT,
} from './grouping';
import { mappingSql } from './mapping';

/**
 * The stages funnel_report is generated for when none are named: HubSpot's lifecycle stages, as
 * its contacts export names them ("Became a Marketing Qualified Lead Date" is Marketing Qualified
 * Lead, src/metrics/funnel-stages.ts).
 */
export const DEFAULT_STAGES = [
  'Created',
  'Lead',
  'Marketing Qualified Lead',
  'Sales Qualified Lead',
  'Opportunity',
  'Customer',
] as const;

/** A stage's date column in funnel_records: its name in lower case, words joined by `_`. */
export function stageColumn(stage: string): string {
  const column = stage
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(column) ? column : `stage_${column}`;
}

/**
 * The date columns of funnel_records for these stages, in funnel order. No stages, a blank one, or
 * two that would share a column are refused: the report could not tell them apart.
 */
export function stageColumns(stages: readonly string[]): string[] {
  if (stages.length === 0) throw new Error('give the funnel at least one stage');
  const blank = stages.findIndex((s) => s.trim() === '');
  if (blank >= 0) throw new Error(`stage ${blank + 1} is blank: give each stage its name`);
  const columns = stages.map(stageColumn);
  columns.forEach((c, k) => {
    const first = columns.indexOf(c);
    if (first < k) {
      throw new Error(
        `stages "${stages[first]}" and "${stages[k]}" would both be column ${c} of funnel_records: name them apart`,
      );
    }
    if (c === 'channel' || c === 'source_row') {
      throw new Error(
        `stage "${stages[k]}" would be column ${c}, which funnel_records holds already: name it otherwise`,
      );
    }
  });
  return columns;
}

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

export function funnelFunction(
  q: Dialect,
  stages: readonly string[] = DEFAULT_STAGES,
): TableDefinition {
  const f = (name: string, ...args: string[]) => q.call(name, args);
  const fn = q.str('funnel_report');
  const U = f('funnel_period_unit', 'period', fn);
  const V = f('funnel_view', 'view', fn);
  const mapping = mappingSql(q);
  const columns = stageColumns(stages);
  const positions = columns.map((_, k) => k + 1);
  const recordsView = q.viewRows(
    q.object('funnel_records'),
    ['channel', ...columns],
    'source_row',
    q.int,
  );
  const n = (pos: number) => `n_${pos}`;
  const reached = (pos: number) => `reached_${pos}`;
  /**
   * `column` of the stage `shift` places before s.pos (NULL before the first): a record's or a
   * line's stage columns read down the rows of `stages`.
   */
  const atStage = (column: (pos: number) => string, shift = 0) =>
    `CASE s.pos ${positions
      .map((pos) => `WHEN ${pos} THEN ${pos > shift ? column(pos - shift) : 'NULL'}`)
      .join(' ')} END`;

  const body = `WITH
${mapping.ctes}
${spendCtes(q, U)}
stages AS (
  -- The stages in funnel order, as the function was generated for them.
  ${stages.map((stage, k) => `SELECT ${k + 1} AS pos, ${q.str(stage)} AS stage`).join('\n  UNION ALL ')}
),
record_rows AS (
  -- Per record, the day it reached each stage: its own date there or, where it skipped the stage,
  -- the date of the next one it reached. The first is the day it entered, its cohort; a record with
  -- no date is counted nowhere.
  SELECT raw, source_row, ${positions.map(reached).join(', ')}
  FROM (
    SELECT CAST(channel AS ${q.text}) AS raw, CAST(source_row AS ${q.int}) AS source_row,
      ${positions
        .map(
          (pos) =>
            `COALESCE(${columns
              .slice(pos - 1)
              .map((c) => `CAST(${c} AS ${q.date})`)
              .join(', ')}) AS ${reached(pos)}`,
        )
        .join(',\n      ')}
    FROM ${recordsView} AS v
  ) AS r
  WHERE ${reached(1)} IS NOT NULL
),
record_groups AS (
  -- Records counted per channel spelling and period, a count per stage: each record and stage it
  -- reached is a row, in the period of that stage (activity) or of the record's entry (cohort).
  SELECT raw, start, MIN(source_row) AS first_row,
    ${positions.map((pos) => `${q.countIf(`pos = ${pos}`)} AS ${n(pos)}`).join(', ')}
  FROM (
    SELECT r.raw, r.source_row, s.pos,
      ${f('funnel_period_start', U, `CASE WHEN ${V} = 'cohort' THEN r.${reached(1)} ELSE ${atStage((pos) => `r.${reached(pos)}`)} END`)} AS start
    FROM record_rows AS r CROSS JOIN stages AS s
    WHERE ${atStage((pos) => `r.${reached(pos)}`)} IS NOT NULL
  ) AS c
  GROUP BY raw, start
),
${rawsCtes(q, "SELECT raw FROM record_groups WHERE raw <> ''")}
problems AS (
  -- Besides the mapping table's and the spend's: a totals row as a reached record's channel.
  SELECT -1 AS src, problem_row, kind, raw, detail FROM (
  ${mapping.problems}
  ) AS mp
  UNION ALL
  ${spendProblems(q, U)}
  UNION ALL
  SELECT 1, g.first_row, 3, g.raw, ${totalsRow(q, 'channel', 'g.raw')}
  FROM record_groups AS g JOIN raws AS r ON r.raw = g.raw WHERE r.is_totals
),
${checkedCtes(q, 'funnel_report', ['funnel_records'])}
${piecesCte(
  q,
  [
    `CAST(COALESCE(g.spend, 0) AS ${q.float}) AS spend`,
    ...positions.map((pos) => `CAST(0 AS ${q.int}) AS ${n(pos)}`),
  ].join(', '),
  'record_groups',
  [`CAST(0 AS ${q.float})`, ...positions.map((pos) => `g.${n(pos)}`)].join(', '),
)}
${CHANNEL_CTES}
by_channel AS (
  SELECT key, start, SUM(spend) AS spend, ${positions.map((pos) => `SUM(${n(pos)}) AS ${n(pos)}`).join(', ')}
  FROM pieces
  GROUP BY key, start
),
${totalsCte(q, U, ['spend', ...positions.map(n)])},
lines AS (
  SELECT section, channel_rank, name, COALESCE(${periodOf(q, U)}, '') AS label,
    spend, ${positions.map(n).join(', ')}
  FROM totals
  UNION ALL
  -- The All channels row overall is shown even with nothing to count, as the sheet shows it.
  SELECT 3, 0, ${q.str(ALL_CHANNELS)}, CASE WHEN ${U} IS NULL THEN '' ELSE ${q.str(ALL_PERIODS)} END,
    0, ${positions.map(() => '0').join(', ')}
  FROM (SELECT COUNT(*) AS overall FROM totals WHERE section = 3) AS t
  WHERE t.overall = 0
),
stage_lines AS (
  -- Each line once per stage, with the records of the stage and of the one before it.
  SELECT l.section, l.channel_rank, l.name, l.label, l.spend, s.pos, s.stage,
    CAST(${atStage((pos) => `l.${n(pos)}`)} AS ${q.float}) AS records,
    CAST(${atStage((pos) => `l.${n(pos)}`, 1)} AS ${q.float}) AS previous
  FROM lines AS l CROSS JOIN stages AS s
)
SELECT
  name AS channel,
  NULLIF(label, '') AS period,
  stage,
  CAST(spend AS ${q.float}) AS spend,
  CAST(records AS ${q.int}) AS records,
  ${q.div('spend', 'records')} AS cost_per_record,
  CASE WHEN pos = 1 THEN NULL ELSE ${q.div('records', 'previous')} END AS from_previous
FROM stage_lines
CROSS JOIN checked
WHERE checked.ok
ORDER BY section, channel_rank, label, pos`;

  return {
    name: 'funnel_report',
    comment: [
      'The funnel from CRM records: one row per channel (and period) and stage, in funnel order, then All channels',
      'per period, then All channels overall: records that reached the stage, cost per record, and the ratio to',
      `the stage before. Reads funnel_spend and funnel_records(channel, ${columns.join(', ')}, source_row),`,
      `one row per record, a date column per stage (${stages.join(', ')}), NULL where not reached.`,
      `${PERIOD_ARGUMENT} ${VIEW_ARGUMENT}`,
    ].join('\n'),
    params: [
      { name: 'period', type: q.text, optional: true },
      { name: 'view', type: q.text, optional: true },
    ],
    body: body.replace(/^/gm, '  '),
  };
}
