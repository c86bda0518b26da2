/**
 * deals_report(period, view): the sheet's DEALS_REPORT over the spend view
 * and a view of the CRM's deals:
 *
 *   funnel_deals(channel, amount, created, closed, status [, source_row])
 *
 * `amount` is money text read as the sheet reads it (funnel_amount, rule 4),
 * its currency named by a code or symbol; `status` the deal stage, read
 * through the mapping table's `deal status` rows, then the known closing
 * spellings (metrics/deal-status.ts); anything else is open.
 *
 * Same rules and messages as the sheet: a row's problems in the order the
 * sheet checks them, amounts in two currencies refused naming a row of each
 * (and revenue against spend in another currency),
 * activity counting a deal's creation and its close in their own periods,
 * cohort everything in the period it was created, Σ ÷ Σ, NULL where the
 * sheet shows #DIV/0!.
 */
import { NEVER_COMPARED, twoCurrenciesWords } from '../metrics/currency';
import { DEAL_STATUS_MEANINGS, type DealStatus } from '../metrics/deal-status';
import { DEAL_AMOUNTS_IN_ONE } from '../metrics/deals-report';
import { labelKey } from '../sheets/labels';
import type { Dialect, Part, ScalarDefinition, TableDefinition } from './dialect';
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
  UNPLACED,
  VIEW_ARGUMENT,
  where,
} from './grouping';
import { firstMatch, mappingSql } from './mapping';

/** The columns of the deals view, besides the optional `source_row`. */
export const DEALS_VIEW = ['channel', 'amount', 'created', 'closed', 'status'] as const;

/** DEALS_REPORT's columns (metrics/deals-report.ts DEALS_COLUMNS) in SQL. */
export const SQL_DEALS_COLUMNS = [
  'channel',
  'period',
  'spend',
  'opportunities',
  'pipeline',
  'cost_per_opportunity',
  'pipeline_per_spend',
  'won',
  'lost',
  'open',
  'revenue',
  'win_rate',
  'average_deal',
  'cac',
  'roas',
] as const;

/** The columns that hold fractional numbers (money, ratios); the others are text or counts. */
export const SQL_DEALS_NUMBERS: ReadonlySet<(typeof SQL_DEALS_COLUMNS)[number]> = new Set([
  'spend',
  'pipeline',
  'cost_per_opportunity',
  'pipeline_per_spend',
  'revenue',
  'win_rate',
  'average_deal',
  'cac',
  'roas',
] as const);

/** The kind of an amount the sheet cannot read: its message is funnel_amount_problem's. */
const UNREADABLE = 3;

export function dealHelpers(q: Dialect): ScalarDefinition[] {
  return [
    {
      name: 'funnel_deal_status',
      comment: `What a deal status means when it is one of the known spellings (${DEAL_STATUS_MEANINGS.map(([s]) => s).join(', ')}): won, lost or open; else NULL.`,
      params: [{ name: 'status', type: q.text }],
      returns: q.text,
      body: `CASE ${q.call('funnel_label_key', ['status'])}\n${DEAL_STATUS_MEANINGS.map(
        ([label, meaning]) => `    WHEN ${q.str(labelKey(label))} THEN ${q.str(meaning)}`,
      ).join('\n')}\n  END`,
    },
  ];
}

export function dealsFunction(q: Dialect): TableDefinition {
  const f = (name: string, ...args: string[]) => q.call(name, args);
  const fn = q.str('deals_report');
  const U = f('funnel_period_unit', 'period', fn);
  const V = f('funnel_view', 'view', fn);
  const msg = (parts: Part[]) => q.message(parts);
  const sql = (x: string) => ({ sql: x });
  const mapping = mappingSql(q);
  const dealsView = q.viewRows(q.object('funnel_deals'), DEALS_VIEW, 'source_row', q.int);
  const is = (status: DealStatus) => `meaning = ${q.str(status)}`;
  const blank = (x: string) => `(${x} IS NULL OR ${x} = '')`;
  // "row 7 of funnel_deals", or the row's channel when the view has no source_row.
  const rowName = (row: string, raw: string) =>
    `CASE WHEN ${row} IS NOT NULL THEN ${msg(['row ', sql(row), ' of funnel_deals'])} ELSE ${msg(['a funnel_deals row of channel "', sql(raw), '"'])} END`;

  const body = `WITH
${mapping.ctes}
${spendCtes(q, U)}
deal_rows AS (
  SELECT *
  FROM (
    SELECT CAST(channel AS ${q.text}) AS raw, CAST(amount AS ${q.text}) AS amount,
      CAST(created AS ${q.date}) AS created, CAST(closed AS ${q.date}) AS closed,
      CAST(status AS ${q.text}) AS status, CAST(source_row AS ${q.int}) AS source_row
    FROM ${dealsView}
  ) AS v
  -- A row with all five cells blank is skipped, as in the sheet.
  WHERE NOT (${blank('raw')} AND ${blank('amount')} AND created IS NULL AND closed IS NULL AND ${blank('status')})
),
statuses AS (
  -- Per distinct status: FALSE refused, blank open, then the mapping table's deal status rows,
  -- then the known spellings; anything else is open.
  SELECT d.status, ${f('funnel_is_totals', 'd.status')} AS is_totals,
    UPPER(TRIM(d.status)) = 'FALSE' AS is_false,
    CASE WHEN ${blank('d.status')} THEN 'open'
      ELSE COALESCE(${f('funnel_deal_status', 'm.means')}, ${f('funnel_deal_status', 'd.status')}, 'open') END AS meaning
  FROM (SELECT DISTINCT COALESCE(status, '') AS status FROM deal_rows) AS d
  LEFT JOIN (${firstMatch(q, 'deal status', `SELECT status AS item, ${f('funnel_channel_key', 'status')} AS key FROM (SELECT DISTINCT status FROM deal_rows WHERE status <> '') AS u`)}) AS m
    ON m.item = d.status
),
amounts AS (
  -- Per distinct amount text, not per row: reading it takes regular expressions, and exports
  -- repeat round amounts.
  -- A totals row is never a readable amount, so only the unreadable ones are asked whether they are one.
  SELECT amount, NOT readable AND ${f('funnel_is_totals', 'amount')} AS is_totals, readable,
    CASE WHEN readable THEN ${f('funnel_amount', 'amount', q.str('amount'))} END AS value,
    ${f('funnel_currency', 'amount')} AS currency
  FROM (
    SELECT amount, ${f('funnel_amount_ok', 'amount')} AS readable
    FROM (SELECT DISTINCT COALESCE(amount, '') AS amount FROM deal_rows) AS d
  ) AS r
),
deals AS (
  SELECT d.raw, d.amount, d.created, d.closed, d.status, d.source_row, a.currency, s.meaning, s.is_totals AS status_is_totals,
    s.is_false AS status_is_false, a.is_totals AS amount_is_totals, a.readable, a.value,
    ${f('funnel_period_start', U, 'd.created')} AS opened,
    ${f('funnel_period_start', U, `CASE WHEN ${V} = 'cohort' THEN d.created ELSE d.closed END`)} AS done
  FROM deal_rows AS d JOIN statuses AS s ON s.status = COALESCE(d.status, '')
  JOIN amounts AS a ON a.amount = COALESCE(d.amount, '')
),
deal_groups AS (
  SELECT raw, start, MIN(first_row) AS first_row, SUM(opportunities) AS opportunities, SUM(pipeline) AS pipeline,
    SUM(won) AS won, SUM(lost) AS lost, SUM(open) AS open, SUM(revenue) AS revenue
  FROM (
    -- A deal counts where it was created; its close where it closed (cohort: where it was created).
    SELECT raw, opened AS start, source_row AS first_row, 1 AS opportunities, value AS pipeline, 0 AS won, 0 AS lost,
      CASE WHEN ${is('open')} THEN 1 ELSE 0 END AS open, CAST(0 AS ${q.float}) AS revenue
    FROM deals
    UNION ALL
    SELECT raw, done, source_row, 0, 0, CASE WHEN ${is('won')} THEN 1 ELSE 0 END, CASE WHEN ${is('lost')} THEN 1 ELSE 0 END,
      0, CASE WHEN ${is('won')} THEN value ELSE 0 END
    FROM deals WHERE NOT ${is('open')}
  ) AS p
  GROUP BY raw, start
),
${rawsCtes(q, "SELECT raw FROM deal_groups WHERE raw <> ''")}
first_currency AS (
  SELECT currency, source_row, raw FROM deals WHERE currency IS NOT NULL
  ORDER BY source_row NULLS LAST, raw, currency LIMIT 1
),
problems AS (
  -- Kinds in the order the sheet checks a deal: 1 a totals row as amount, 2 no amount, 3 an amount
  -- it cannot read, 4 a negative one, 5 a second currency, 6 a totals row as status, 7 FALSE as
  -- status, 8 a closed deal without its close date, 9 a totals row as channel, 10 no created date.
  SELECT -1 AS src, problem_row, kind, raw, detail FROM (
  ${mapping.problems}
  ) AS mp
  UNION ALL
  ${spendProblems(q, U)}
  UNION ALL
  SELECT 1, source_row, kind, raw, detail FROM (
    SELECT source_row, raw,
      CASE WHEN amount_is_totals THEN 1 WHEN ${blank('amount')} THEN 2 WHEN NOT readable THEN ${UNREADABLE}
        WHEN NOT (value >= 0) THEN 4 WHEN status_is_totals THEN 6 WHEN status_is_false THEN 7
        WHEN NOT ${is('open')} AND closed IS NULL THEN 8 WHEN ${U} IS NOT NULL AND created IS NULL THEN 10 END AS kind,
      CASE WHEN amount_is_totals THEN ${totalsRow(q, 'amount', 'amount')}
        WHEN ${blank('amount')} THEN ${q.str('amount is blank, fill in the deal amount (0 if none), or clear the row')}
        -- The amount itself: funnel_amount_problem tells what is wrong with it.
        WHEN NOT readable THEN amount
        WHEN NOT (value >= 0) THEN ${msg(['amount ', { num: 'value' }, ' is negative, enter 0 or more'])}
        WHEN status_is_totals THEN ${totalsRow(q, 'status', 'status')}
        WHEN status_is_false THEN ${msg(['status "', sql('status'), '" cannot tell a lost deal from an open one, pass the deal stage column instead of a Won or Is Closed Won column'])}
        WHEN NOT ${is('open')} AND closed IS NULL THEN ${msg(['closed is blank for a ', sql('meaning'), ' deal, fill in its close date'])}
        ELSE ${blankDay(q, 'created', U)} END AS detail
    FROM deals
  ) AS d WHERE kind IS NOT NULL
  UNION ALL
  SELECT 1, d.source_row, ${UNPLACED + 5}, d.raw,
    ${msg(twoCurrenciesWords('amounts are', sql(rowName('c.source_row', 'c.raw')), sql('c.currency'), sql(rowName('d.source_row', 'd.raw')), sql('d.currency'), DEAL_AMOUNTS_IN_ONE))}
  FROM deals AS d CROSS JOIN first_currency AS c WHERE d.currency <> c.currency
  UNION ALL
  -- Revenue against spend in another currency, once every deal is read.
  SELECT 2, NULL, ${UNPLACED + 1}, NULL,
    ${msg(twoCurrenciesWords('spend and amounts are', sql(where(q, 'funnel_spend', 's.first_row', 's.raw')), sql('s.currency'), sql(rowName('c.source_row', 'c.raw')), sql('c.currency'), NEVER_COMPARED))}
  FROM spend_currency AS s CROSS JOIN first_currency AS c WHERE s.currency <> c.currency
  UNION ALL
  SELECT 1, g.first_row, 9, g.raw, ${totalsRow(q, 'channel', 'g.raw')}
  FROM deal_groups AS g JOIN raws AS r ON r.raw = g.raw WHERE r.is_totals
),
${checkedCtes(
  q,
  'deals_report',
  ['funnel_deals'],
  `WHEN MAX(src) = 1 AND MAX(kind) = ${UNREADABLE} THEN ${f('funnel_amount_problem', 'MAX(detail)', "MAX(place) || ': amount'")} IS NULL`,
)}
${piecesCte(
  q,
  `COALESCE(g.spend, 0) AS spend, 0 AS opportunities, CAST(0 AS ${q.float}) AS pipeline, 0 AS won, 0 AS lost, 0 AS open, CAST(0 AS ${q.float}) AS revenue`,
  'deal_groups',
  '0, g.opportunities, g.pipeline, g.won, g.lost, g.open, g.revenue',
)}
${CHANNEL_CTES}
by_channel AS (
  SELECT key, start, SUM(spend) AS spend, SUM(opportunities) AS opportunities, SUM(pipeline) AS pipeline,
    SUM(won) AS won, SUM(lost) AS lost, SUM(open) AS open, SUM(revenue) AS revenue
  FROM pieces
  GROUP BY key, start
),
${totalsCte(q, U, ['spend', 'opportunities', 'pipeline', 'won', 'lost', 'open', 'revenue'])}
SELECT
  name AS channel,
  ${periodOf(q, U)} AS period,
  CAST(spend AS ${q.float}) AS spend,
  CAST(opportunities AS ${q.int}) AS opportunities,
  CAST(pipeline AS ${q.float}) AS pipeline,
  ${q.div('spend', 'opportunities')} AS cost_per_opportunity,
  ${q.div('pipeline', 'spend')} AS pipeline_per_spend,
  CAST(won AS ${q.int}) AS won,
  CAST(lost AS ${q.int}) AS lost,
  CAST(open AS ${q.int}) AS open,
  CAST(revenue AS ${q.float}) AS revenue,
  ${q.div('won', 'won + lost')} AS win_rate,
  ${q.div('revenue', 'won')} AS average_deal,
  ${q.div('spend', 'won')} AS cac,
  ${q.div('revenue', 'spend')} AS roas
FROM totals CROSS JOIN checked
WHERE checked.ok
ORDER BY section, channel_rank, start`;

  return {
    name: 'deals_report',
    comment: [
      'What the spend brought back, from CRM deals: one row per channel (and period), then All channels per period,',
      'then All channels overall. Reads funnel_spend and funnel_deals(channel, amount, created, closed, status [, source_row]),',
      'amount as money text (one currency), status the deal stage. In BigQuery the views list source_row, NULL where rows have no order.',
      `${PERIOD_ARGUMENT} ${VIEW_ARGUMENT}`,
    ].join('\n'),
    params: [
      { name: 'period', type: q.text, optional: true },
      { name: 'view', type: q.text, optional: true },
    ],
    body: body.replace(/^/gm, '  '),
  };
}
