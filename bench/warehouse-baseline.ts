/**
 * The baseline of the warehouse benchmark, in its own process: DuckDB's own plain GROUP BY over
 * the same CSV files a report reads (spend summed per campaign, and the other file counted per
 * source: meetings per outcome, contacts per stage reached (a skipped stage reached on the date of
 * the next one, as the report counts it), deals created with their amounts and open ones, closes
 * won and lost with the amounts won, each in its own period as the report's activity view counts
 * them; per period when one is given), each result written to a CSV file as the report is. For the text
 * file ("$1,204.50") the cost is read with a bare regexp cast, none of the report's rules.
 *   tsx bench/warehouse-baseline.ts <spend.csv> <other.csv> <period|none> <out-dir> <numbers|text> [meetings|contacts|deals]
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [spend, other, period, out, kind, what = 'meetings'] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string?,
];
const con = await (await DuckDBInstance.create(':memory:')).connect();
const bucket = (column: string) =>
  period === 'none' ? '' : `, date_trunc('${period}', "${column}")`;
const cost = kind === 'text' ? `CAST(regexp_replace("Cost", '[$,]', '', 'g') AS DOUBLE)` : '"Cost"';
await con.run(
  `COPY (SELECT "Campaign"${bucket('Day')}, sum(${cost}) FROM read_csv('${spend}') GROUP BY ALL) TO '${join(out, 'baseline-spend.csv')}' (HEADER)`,
);
// A contact reached a stage when it has a date there or at a later stage, on the first of those
// dates (the report's rule for a skipped stage): a COALESCE per stage, the stage columns being
// every column but the ID and the source, in funnel order.
const stageColumns =
  what === 'contacts'
    ? (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_csv('${other}')`))
        .getRowObjectsJS()
        .map((row) => String(row.column_name))
        .filter((c) => c !== 'Record ID' && c !== 'Original Source')
    : [];
const reached = stageColumns
  .map(
    (c, k) =>
      `coalesce(${stageColumns
        .slice(k)
        .map((d) => `"${d}"`)
        .join(', ')}) AS "${c}"`,
  )
  .join(', ');
const counted = {
  meetings: `SELECT "Source", "Meeting outcome"${bucket('Date')}, count(*) FROM read_csv('${other}') GROUP BY ALL`,
  contacts: `SELECT "Original Source", stage${bucket('day')}, count(*) FROM (
    UNPIVOT (SELECT "Original Source", ${reached} FROM read_csv('${other}'))
    ON COLUMNS(* EXCLUDE ("Original Source")) INTO NAME stage VALUE day
  ) GROUP BY ALL`,
  // As the report's activity view counts them: a deal where it was created (open ones apart), its
  // close where it closed, won and lost apart.
  deals: `WITH deals AS (
      SELECT "Original Traffic Source", "Deal Stage", "Amount", "Create Date", "Close Date" FROM read_csv('${other}')
    )
    SELECT "Original Traffic Source"${bucket('day')}, sum(created), sum(pipeline), sum(open), sum(won), sum(lost), sum(revenue)
    FROM (
      SELECT "Original Traffic Source", "Create Date" AS day, 1 AS created, "Amount" AS pipeline,
        CAST("Deal Stage" NOT IN ('Closed Won', 'Closed Lost') AS INTEGER) AS open, 0 AS won, 0 AS lost, 0 AS revenue
      FROM deals
      UNION ALL
      SELECT "Original Traffic Source", "Close Date", 0, 0, 0, CAST("Deal Stage" = 'Closed Won' AS INTEGER),
        CAST("Deal Stage" = 'Closed Lost' AS INTEGER), CASE WHEN "Deal Stage" = 'Closed Won' THEN "Amount" ELSE 0 END
      FROM deals WHERE "Deal Stage" IN ('Closed Won', 'Closed Lost')
    ) GROUP BY ALL`,
}[what];
if (counted === undefined) throw new Error(`no baseline for ${what}: meetings, contacts or deals`);
await con.run(`COPY (${counted}) TO '${join(out, `baseline-${what}.csv`)}' (HEADER)`);
con.closeSync();
