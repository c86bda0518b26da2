/**
 * The baseline of the warehouse benchmark, in its own process: DuckDB's own plain GROUP BY over
 * the same CSV files the report reads (spend summed per campaign, meetings counted per source and
 * outcome, per period when one is given), each result written to a CSV file as the report is.
 * For the text file ("$1,204.50") the cost is read with a bare regexp cast, none of the report's rules.
 *   tsx bench/warehouse-baseline.ts <spend.csv> <meetings.csv> <period|none> <out-dir> <numbers|text>
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [spend, meetings, period, out, kind] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const con = await (await DuckDBInstance.create(':memory:')).connect();
const bucket = (column: string) =>
  period === 'none' ? '' : `, date_trunc('${period}', "${column}")`;
const cost = kind === 'text' ? `CAST(regexp_replace("Cost", '[$,]', '', 'g') AS DOUBLE)` : '"Cost"';
await con.run(
  `COPY (SELECT "Campaign"${bucket('Day')}, sum(${cost}) FROM read_csv('${spend}') GROUP BY ALL) TO '${join(out, 'baseline-spend.csv')}' (HEADER)`,
);
await con.run(
  `COPY (SELECT "Source", "Meeting outcome"${bucket('Date')}, count(*) FROM read_csv('${meetings}') GROUP BY ALL) TO '${join(out, 'baseline-meetings.csv')}' (HEADER)`,
);
con.closeSync();
