/**
 * The parts the SQL reports share, as metrics/grouping.ts is the sheet's
 * one grouping: the spend view read, grouped and checked; channel spellings
 * keyed through the mapping table; channels ranked in order of first
 * appearance; the first problem in row order raised with the sheet's
 * message. Each piece is SQL text over CTEs with fixed names, spliced into
 * a report's WITH clause.
 *
 * Every report's `problems` CTE has the columns (src, problem_row, kind,
 * raw, detail): src -1 is the mapping table, 0 the spend view, 1 and up the
 * report's own views; the first row by (src, problem_row, kind) is raised.
 */

/**
 * Added to a problem's kind when its detail is the whole message, told without "row N of …"
 * (two currencies name a row of each); it still ranks by its row and kind.
 */
export const UNPLACED = 1000;

import { NEVER_ADDED, twoCurrenciesWords } from '../metrics/currency';
import { VIEWS } from '../metrics/funnel-report';
import { ALL_CHANNELS, ALL_PERIODS, NO_CHANNEL } from '../metrics/grouping';
import { PERIODS } from '../metrics/period';
import { listed } from '../sheets/words';
import type { Dialect, Part } from './dialect';
import { periodStartType } from './helpers';
import { firstMatch } from './mapping';

/** The columns of the spend view every report reads, besides the optional `source_row`. */
/** The period argument, as each report's comment describes it. */
export const PERIOD_ARGUMENT = `period: NULL or empty for none, ${listed([...PERIODS]).replace(/ and (\w+)$/, ' or $1')}.`;

/** The view argument of the funnel and deals reports, as their comments describe it. */
export const VIEW_ARGUMENT = `view: ${VIEWS[0]} (NULL) or ${VIEWS.slice(1).join(' or ')}.`;

export const SPEND_VIEW = ['channel', 'spend', 'day'] as const;

const sql = (x: string) => ({ sql: x });

/** An export's totals row in a column, refused as metrics/totals-row.ts refuses it. */
export function totalsRow(q: Dialect, column: string, value: string): string {
  return q.message([
    `${column} "`,
    sql(value),
    `" is an export's totals row, end the data above it or delete the row, so its figures are not counted twice`,
  ]);
}

/** A report with a period needs every row's date, as the sheet's grouping says. */
export function blankDay(q: Dialect, column: string, unit: string): string {
  return q.message([`${column} is blank, a `, sql(unit), ' report needs the date of every row']);
}

/** Where a problem is: "row 12 of funnel_spend", or the row's channel when there is no source_row. */
export function where(q: Dialect, view: string, row = 'problem_row', raw = 'raw'): string {
  const msg = (parts: Part[]) => q.message(parts);
  return `CASE WHEN ${row} IS NOT NULL THEN ${msg(['row ', sql(row), ` of ${view}`])} WHEN ${raw} IS NULL THEN ${msg(
    [`a ${view} row without a channel`],
  )} ELSE ${msg([`a ${view} row of channel "`, sql(raw), '"'])} END`;
}

/**
 * The CTEs `spend_rows` (each row, its period start and what the sheet would say about it),
 * `spend_groups` (rows grouped by channel spelling, period start and currency, with the first
 * problem) and `spend_currency` (the currency the first row naming one names, if any).
 */
export function spendCtes(q: Dialect, unit: string): string {
  const view = q.viewRows(q.object('funnel_spend'), SPEND_VIEW, 'source_row', q.int, {
    currency: q.text,
  });
  return `spend_rows AS (
  SELECT raw, amount, source_row, currency, ${q.call('funnel_period_start', [unit, 'day'])} AS start,
    -- What the sheet would say about the row, in its order: 0 fine (or a blank row), 1 spend without
    -- a channel, 2 a channel without spend, 5 spend not a finite amount ≥ 0 (3 totals rows and 4 missing
    -- days are found per channel and period below).
    CASE WHEN raw <> '' AND amount >= 0 AND ${q.isFinite('amount')} THEN 0
      WHEN raw IS NULL OR raw = '' THEN CASE WHEN amount IS NULL THEN 0 ELSE 1 END
      WHEN amount IS NULL THEN 2
      ELSE 5 END AS problem
  FROM (
    SELECT CAST(channel AS ${q.text}) AS raw, CAST(spend AS ${q.float}) AS amount,
      CAST(day AS ${q.date}) AS day, CAST(source_row AS ${q.int}) AS source_row,
      CAST(currency AS ${q.text}) AS currency
    FROM ${view}
  ) AS v
),
spend_groups AS (
  SELECT raw, start, currency, spend, first_row,
    CASE WHEN first_row IS NULL THEN NULL ELSE ${q.intDiv('first_problem', '8')} END AS problem_row,
    ${q.mod('first_problem', '8')} AS problem_kind, problem_amount
  FROM (
    SELECT raw, start, currency,
      SUM(amount) AS spend,
      MIN(source_row) AS first_row,
      -- The first problem row and its kind in one aggregate: row * 8 + kind.
      MIN(CASE WHEN problem > 0 THEN COALESCE(source_row, 0) * 8 + problem END) AS first_problem,
      ${q.firstIf('amount', 'problem > 0', 'source_row')} AS problem_amount
    FROM spend_rows
    -- A group per currency, nearly always one, so the first row of each currency is known.
    GROUP BY raw, start, currency
  ) AS a
),
spend_currency AS (
  SELECT currency, first_row, raw FROM spend_groups WHERE currency IS NOT NULL
  ORDER BY first_row NULLS LAST, raw, currency LIMIT 1
),`;
}

/**
 * The spend view's problems as rows of the `problems` CTE (src 0), in the order the sheet checks a
 * row: 1 no channel, 2 no spend, 3 totals row, 4 no day, 5 bad amount, 6 a second currency.
 * Reads `raws`.
 */
export function spendProblems(q: Dialect, unit: string): string {
  const msg = (parts: Part[]) => q.message(parts);
  return `SELECT 0 AS src, problem_row, problem_kind AS kind, raw,
    CASE problem_kind
      WHEN 1 THEN ${msg(['channel is blank beside spend ', { anyNum: 'problem_amount' }, ', fill in its channel, or clear the row'])}
      WHEN 2 THEN ${msg(['spend is blank for channel "', sql('raw'), '", fill in its spend (0 if none), or clear the row'])}
      ELSE CASE WHEN ${q.isFinite('problem_amount')} THEN ${msg(['spend ', { num: 'problem_amount' }, ' is negative, enter 0 or more'])}
        ELSE ${msg(['spend is ', { anyNum: 'problem_amount' }, ', enter a finite number'])} END
    END AS detail
  FROM spend_groups WHERE problem_kind IS NOT NULL
  UNION ALL
  SELECT 0, g.first_row, 3, g.raw, ${totalsRow(q, 'channel', 'g.raw')}
  FROM spend_groups AS g JOIN raws AS r ON r.raw = g.raw WHERE r.is_totals
  UNION ALL
  SELECT 0, first_row, 4, raw, ${blankDay(q, 'day', unit)}
  FROM spend_groups WHERE raw <> '' AND ${unit} IS NOT NULL AND start IS NULL
  UNION ALL
  SELECT 0, g.first_row, ${UNPLACED + 6}, g.raw,
    ${msg(twoCurrenciesWords('spend is', sql(where(q, 'funnel_spend', 'c.first_row', 'c.raw')), sql('c.currency'), sql(where(q, 'funnel_spend', 'g.first_row', 'g.raw')), sql('g.currency'), NEVER_ADDED))}
  FROM spend_groups AS g CROSS JOIN spend_currency AS c WHERE g.currency <> c.currency`;
}

/**
 * The CTEs `spellings_met` (the spend channels and those of `others`, a query of non-blank `raw`)
 * and `raws`: per distinct spelling, not per row, as keys, names and totals rows need string work.
 * A channel is what its first matching mapping row names, else its own spelling; totals rows are
 * told by the spelling itself.
 */
export function rawsCtes(q: Dialect, others: string): string {
  const f = (name: string, ...args: string[]) => q.call(name, args);
  return `spellings_met AS (
  SELECT raw FROM spend_groups WHERE raw <> '' UNION DISTINCT ${others}
),
raws AS (
  SELECT d.raw, ${f('funnel_channel_key', 'COALESCE(m.means, d.raw)')} AS key,
    ${f('funnel_channel_name', 'COALESCE(m.means, d.raw)')} AS name, ${f('funnel_is_totals', 'd.raw')} AS is_totals
  FROM spellings_met AS d
  LEFT JOIN (${firstMatch(q, 'channel', `SELECT raw AS item, ${f('funnel_channel_key', 'raw')} AS key FROM spellings_met`)}) AS m
    ON m.item = d.raw
),`;
}

/**
 * The CTEs `spellings` and `channels` over `pieces` (key, name, src, first_row): the first spelling
 * met names the channel; channels come in order of first appearance, spend rows before the
 * report's own rows; without row numbers, alphabetically within each source.
 */
export const CHANNEL_CTES = `spellings AS (
  SELECT key, name, src, MIN(first_row) AS first_row
  FROM pieces
  GROUP BY key, name, src
),
channels AS (
  SELECT key, name, ROW_NUMBER() OVER (ORDER BY src, first_row NULLS LAST, key) AS channel_rank
  FROM (
    SELECT key, name, src, first_row,
      ROW_NUMBER() OVER (PARTITION BY key ORDER BY src, first_row NULLS LAST, name) AS k
    FROM spellings
  ) AS s
  WHERE k = 1
),`;

/**
 * The CTEs `first_problem` (the problem the sheet meets first, with its place "fn: where" and
 * its message "fn: where: detail") and `checked` (one row, TRUE, or the query stops with that message). `views` names the
 * report's own views by src, from 1. `raise`, when given, is a CASE branch (`WHEN … THEN …`)
 * tried before the message is raised, for a problem whose message another function raises.
 */
export function checkedCtes(q: Dialect, fn: string, views: readonly string[], raise = ''): string {
  const msg = (parts: Part[]) => q.message(parts);
  const mappingWhere = `CASE WHEN problem_row IS NOT NULL THEN ${msg(['row ', sql('problem_row'), ' of funnel_mapping'])} ELSE ${msg(
    ['a funnel_mapping row of field "', sql('raw'), '"'],
  )} END`;
  const located = [
    `WHEN src = -1 THEN ${mappingWhere}`,
    `WHEN src = 0 THEN ${where(q, 'funnel_spend')}`,
    ...views.map((v, k) => `WHEN src = ${k + 1} THEN ${where(q, v)}`),
  ].join(' ');
  return `first_problem AS (
  SELECT src, problem_row, kind, raw, detail, place, ${msg([sql('place'), ': ', sql('detail')])} AS message
  FROM (
    SELECT *, CASE WHEN kind >= ${UNPLACED} THEN ${q.str(fn)} ELSE ${msg([`${fn}: `, sql(`CASE ${located} END`)])} END AS place
    FROM problems
  ) AS p
  ORDER BY src, problem_row NULLS LAST, ${q.mod('kind', String(UNPLACED))}, raw NULLS FIRST
  LIMIT 1
),
checked AS (
  SELECT CASE WHEN COUNT(*) = 0 THEN TRUE${raise ? ` ${raise}` : ''} ELSE ${q.error('MAX(message)')} END AS ok FROM first_problem
),`;
}

/**
 * The CTE `totals`: the rows of `by_channel` (key, start, …by, …measures) per channel, then with a
 * period the All channels rows per period, then All channels overall, each with a `section` (1,
 * 2, 3) and the channel's rank; every measure summed, so ratios taken from them are Σ ÷ Σ.
 * Grouped further `by` (a funnel's stage), or else the overall row only when there are rows.
 */
export function totalsCte(
  q: Dialect,
  unit: string,
  measures: readonly string[],
  by: readonly string[] = [],
): string {
  const cols = [...by, ...measures];
  const sums = [...by, ...measures.map((m) => `SUM(${m})`)].join(', ');
  return `totals AS (
  SELECT 1 AS section, c.channel_rank, c.name, b.start, ${cols.map((m) => `b.${m}`).join(', ')}
  FROM by_channel AS b JOIN channels AS c ON c.key = b.key
  UNION ALL
  SELECT 2, 0, ${q.str(ALL_CHANNELS)}, start, ${sums}
  FROM by_channel WHERE ${unit} IS NOT NULL
  GROUP BY ${['start', ...by].join(', ')}
  UNION ALL
  SELECT 3, 0, ${q.str(ALL_CHANNELS)}, CAST(NULL AS ${periodStartType(q)}), ${sums}
  FROM by_channel
  ${by.length > 0 ? `GROUP BY ${by.join(', ')}` : 'HAVING COUNT(*) > 0'}
)`;
}

/** A totals row's period: its label, All for the overall row, NULL throughout without a period. */
export function periodOf(q: Dialect, unit: string): string {
  return `CASE WHEN section = 3 THEN CASE WHEN ${unit} IS NULL THEN NULL ELSE ${q.str(ALL_PERIODS)} END ELSE ${q.call('funnel_period_label', [unit, 'start'])} END`;
}

/**
 * The CTE `pieces`: the spend groups (src 0) with `spend` their measures, then the report's own
 * groups (src 1, `groups` a CTE or subquery with raw, start, first_row) with `own` theirs; each
 * with its channel's key and name, a blank channel in the report's own rows being (no channel).
 * Both lists give every measure column, in the same order, reading `g.` for the group. Read twice
 * (spellings, by_channel) but not held: it is as many rows as the groups together.
 */
export function piecesCte(q: Dialect, spend: string, groups: string, own: string): string {
  const noChannel = (column: 'key' | 'name') =>
    `CASE WHEN g.raw IS NULL OR g.raw = '' THEN ${q.str(NO_CHANNEL)} ELSE r.${column} END`;
  return `pieces AS ${q.inlined}(
  SELECT 0 AS src, g.raw, COALESCE(r.key, '') AS key, COALESCE(r.name, '') AS name, g.start, g.first_row,
    ${spend}
  FROM spend_groups AS g LEFT JOIN raws AS r ON r.raw = g.raw
  WHERE g.raw <> '' OR g.problem_kind IS NOT NULL
  UNION ALL
  SELECT 1, g.raw, ${noChannel('key')}, ${noChannel('name')}, g.start, g.first_row,
    ${own}
  FROM ${groups} AS g LEFT JOIN raws AS r ON r.raw = g.raw
),`;
}
