/**
 * The baseline of the warehouse benchmark, in its own process: DuckDB's own plain GROUP BY over
 * the same CSV files a report reads (spend summed per campaign, and the other file counted per
 * source: meetings per outcome, contacts per stage reached, deals with their amounts won; per
 * period when one is given), each result written to a CSV file as the report is. For the text
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
const counted = {
  meetings: `SELECT "Source", "Meeting outcome"${bucket('Date')}, count(*) FROM read_csv('${other}') GROUP BY ALL`,
  contacts: `SELECT "Original Source", stage${bucket('day')}, count(*) FROM (
    UNPIVOT read_csv('${other}') ON COLUMNS(* EXCLUDE ("Record ID", "Original Source")) INTO NAME stage VALUE day
  ) GROUP BY ALL`,
  deals: `SELECT "Original Traffic Source"${bucket('Create Date')}, count(*), sum("Amount"),
    count(*) FILTER (WHERE "Deal Stage" = 'Closed Won'), sum("Amount") FILTER (WHERE "Deal Stage" = 'Closed Won')
    FROM read_csv('${other}') GROUP BY ALL`,
}[what];
if (counted === undefined) throw new Error(`no baseline for ${what}: meetings, contacts or deals`);
await con.run(`COPY (${counted}) TO '${join(out, `baseline-${what}.csv`)}' (HEADER)`);
con.closeSync();
