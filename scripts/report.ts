/**
 * npm run report: the channel report from CSV exports, with DuckDB. `--help` lists the options.
 */
import { parseArgs } from 'node:util';
import { PERIODS } from '../src/metrics/period';
import { ReportError, type SpendFile, spendFilesFrom } from '../src/warehouse/csv-options';
import { runReport } from '../src/warehouse/csv-report';
import { connect } from '../src/warehouse/duckdb';
import { toTable } from '../src/warehouse/report-text';

/** Every option the parser below takes, with what it takes and does, for --help. */
const OPTIONS = {
  spend: [
    'file',
    'an ads export: channel (campaign), spend and day columns (required; repeat for several files)',
  ],
  meetings: ['file', 'the meetings export: channel, outcome and day columns (required)'],
  mapping: ['file', 'the mapping table: Field, Value, Means columns (channel, outcome rows)'],
  period: [PERIODS.join('|'), 'one row per channel and period; left out, one row per channel'],
  out: ['file', 'write the report to this CSV file instead of printing it'],
  'spend-fixed-channel': [
    'channel',
    'every row of the --spend file before it is this channel; no channel column is read',
  ],
  'spend-channel': [
    'column',
    'the channel column of the --spend file before it, where its header is not recognised',
  ],
  'spend-amount': ['column', 'the spend column of the --spend file before it'],
  'spend-day': ['column', 'the day column of the --spend file before it'],
  'meetings-channel': ['column', "the meetings file's channel column"],
  'meetings-outcome': ['column', "the meetings file's outcome column"],
  'meetings-day': ['column', "the meetings file's day column"],
  'date-format': ['layout', "text dates not written year first, e.g. '%d/%m/%Y' or '%m/%d/%Y'"],
  'read-as': [
    'auto|text',
    "text reads spend and days as text the sheet's way even where DuckDB would type them",
  ],
  quiet: ['', 'no progress or timing on the terminal'],
  help: ['', 'this list'],
} as const;

const USAGE = [
  'usage: npm run report -- --spend ads.csv [--spend more.csv …] --meetings crm.csv [options]',
  '',
  'The --spend-… flags describe the --spend file they follow (with one --spend, they may come anywhere).',
  '',
  ...Object.entries(OPTIONS).map(
    ([name, [value, what]]) => `  ${`--${name}${value ? ` <${value}>` : ''}`.padEnd(38)}${what}`,
  ),
].join('\n');

function parse() {
  return parseArgs({
    tokens: true,
    options: {
      spend: { type: 'string', multiple: true },
      meetings: { type: 'string' },
      mapping: { type: 'string' },
      period: { type: 'string' },
      out: { type: 'string' },
      'spend-fixed-channel': { type: 'string', multiple: true },
      'spend-channel': { type: 'string', multiple: true },
      'spend-amount': { type: 'string', multiple: true },
      'spend-day': { type: 'string', multiple: true },
      'meetings-channel': { type: 'string' },
      'meetings-outcome': { type: 'string' },
      'meetings-day': { type: 'string' },
      'date-format': { type: 'string' },
      'read-as': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function main(): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  let spend: SpendFile[];
  try {
    const parsed = parse();
    values = parsed.values;
    spend = spendFilesFrom(parsed.tokens);
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
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
      spend,
      meetings: values.meetings,
      mapping: values.mapping,
      period: values.period,
      dateFormat: values['date-format'],
      readAs: values['read-as'] as 'auto' | 'text' | undefined,
      columns: {
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
