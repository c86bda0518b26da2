/**
 * npm run report -- --spend ads.csv --meetings crm.csv [--period month] [--out report.csv]
 *
 * Column flags, when the headers are not ones the report recognises:
 *   --spend-channel, --spend-amount, --spend-day     (the ads file)
 *   --meetings-channel, --meetings-outcome, --meetings-day (the meetings file)
 *   --date-format '%d/%m/%Y'  for text dates in another layout
 *   --read-as text            read spend and days as text, the sheet's way, even where DuckDB would type them
 */
import { parseArgs } from 'node:util';
import { ReportError } from '../src/warehouse/csv-options';
import { runReport } from '../src/warehouse/csv-report';
import { connect } from '../src/warehouse/duckdb';
import { toTable } from '../src/warehouse/report-text';

const USAGE =
  'usage: npm run report -- --spend ads.csv --meetings crm.csv [--period week|month|quarter|year] [--out report.csv]';

function parse() {
  return parseArgs({
    options: {
      spend: { type: 'string' },
      meetings: { type: 'string' },
      period: { type: 'string' },
      out: { type: 'string' },
      'spend-channel': { type: 'string' },
      'spend-amount': { type: 'string' },
      'spend-day': { type: 'string' },
      'meetings-channel': { type: 'string' },
      'meetings-outcome': { type: 'string' },
      'meetings-day': { type: 'string' },
      'date-format': { type: 'string' },
      'read-as': { type: 'string' },
      quiet: { type: 'boolean' },
    },
  }).values;
}

async function main(): Promise<number> {
  let values: ReturnType<typeof parse>;
  try {
    values = parse();
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.spend || !values.meetings) {
    console.error(USAGE);
    return 2;
  }
  if (values['read-as'] !== undefined && !['auto', 'text'].includes(values['read-as'])) {
    console.error('--read-as is auto or text');
    return 2;
  }
  const started = Date.now();
  let shown = false;
  const onProgress =
    values.quiet || !process.stderr.isTTY
      ? undefined
      : (percent: number, rows: number) => {
          if (Date.now() - started < 1000 || rows <= 0) return;
          shown = true;
          const done = percent > 0 ? `, ${percent.toFixed(0)}%` : '';
          process.stderr.write(`\rreading… ${(rows / 1e6).toFixed(1)} million rows${done}   `);
        };
  const con = await connect();
  try {
    const rows = await runReport(con, {
      spend: values.spend,
      meetings: values.meetings,
      period: values.period,
      dateFormat: values['date-format'],
      readAs: values['read-as'] as 'auto' | 'text' | undefined,
      columns: {
        spend: {
          channel: values['spend-channel'],
          spend: values['spend-amount'],
          day: values['spend-day'],
        },
        meetings: {
          channel: values['meetings-channel'],
          outcome: values['meetings-outcome'],
          day: values['meetings-day'],
        },
      },
      out: values.out,
      onProgress,
    });
    if (shown) process.stderr.write('\r\x1b[K');
    if (values.out) {
      if (!values.quiet)
        console.error(`wrote ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else {
      const withPeriod = values.period !== undefined && values.period.trim() !== '';
      console.log(toTable(rows, withPeriod));
    }
    return 0;
  } catch (e) {
    if (shown) process.stderr.write('\r\x1b[K');
    if (e instanceof ReportError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    con.closeSync();
  }
}

process.exitCode = await main();
