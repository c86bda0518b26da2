/**
 * cpqm_trend(period): the sheet's CPQM_TREND over the same views as
 * cpqm_report, in long form: one row per period and channel (All channels
 * first, then the report's channels in its order), with that period's CPQM.
 *
 * Long, not the sheet's grid: a table function returns a fixed set of
 * columns, and the channels are only known from the data. A pivot for
 * channels named in advance would drop a new channel silently; in long form
 * a new channel or period is new rows, and a chart or pivot table in Sheets
 * (or PIVOT in SQL) lays it out as the sheet does (docs/WAREHOUSE.md).
 *
 * Every period × channel pair is a row, as every cell of the sheet's grid is
 * there; where the sheet shows the text #N/A (nothing spent, or no
 * qualified meeting) the cpqm is NULL.
 */
import { ALL_CHANNELS } from '../metrics/grouping';
import { PERIODS } from '../metrics/period';
import type { Dialect, TableDefinition } from './dialect';
import { channelTotals } from './report';

/** The trend's columns, in order. */
export const SQL_TREND_COLUMNS = ['period', 'channel', 'cpqm'] as const;

export function trendFunction(q: Dialect): TableDefinition {
  const f = (name: string, ...args: string[]) => q.call(name, args);
  const U = f('funnel_period_unit', 'period', q.str('cpqm_trend'));
  const blankPeriod = q.error(
    q.str(`cpqm_trend: period is blank; a trend needs one: ${PERIODS.join(', ')}`),
  );
  const body = `${channelTotals(q, 'cpqm_trend')},
trend_checked AS (
  -- Problems in the rows first, then the period, as the sheet checks them; no rows, no trend.
  SELECT CASE WHEN NOT (SELECT ok FROM checked) THEN FALSE
    WHEN ${U} IS NULL AND (SELECT COUNT(*) FROM totals) > 0 THEN ${blankPeriod}
    ELSE TRUE END AS ok
),
trend_periods AS (
  SELECT DISTINCT start FROM totals WHERE section = 2
),
trend_channels AS (
  SELECT 0 AS channel_rank, ${q.str(ALL_CHANNELS)} AS name
  UNION ALL
  SELECT channel_rank, name FROM channels
)
SELECT
  ${f('funnel_period_label', U, 'p.start')} AS period,
  c.name AS channel,
  CAST(CASE WHEN t.spend > 0 AND t.qualified > 0 THEN ${q.div('t.spend', 't.qualified')} END AS ${q.float}) AS cpqm
FROM trend_periods AS p
CROSS JOIN trend_channels AS c
LEFT JOIN totals AS t ON t.section < 3 AND t.start = p.start AND t.channel_rank = c.channel_rank
CROSS JOIN trend_checked
WHERE trend_checked.ok
ORDER BY p.start, c.channel_rank`;

  return {
    name: 'cpqm_trend',
    comment: [
      "The sheet's CPQM_TREND in long form: one row per period and channel (All channels first, then the",
      "report's channels), cpqm NULL where the sheet shows #N/A (nothing spent, or no qualified meeting).",
      'Reads the same views as cpqm_report. period: week, month, quarter or year.',
      'Rows come in trend order (DuckDB keeps it; in BigQuery add ORDER BY, see docs/WAREHOUSE.md).',
    ].join('\n'),
    params: [{ name: 'period', type: q.text, optional: true }],
    body: body.replace(/^/gm, '  '),
  };
}
