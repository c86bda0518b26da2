/**
 * npm run report: the channel, funnel and deals reports from CSV exports, with DuckDB. `--help`
 * lists the options.
 */
import { parseArgs } from 'node:util';
import { VIEWS } from '../src/metrics/funnel-report';
import { PERIODS } from '../src/metrics/period';
import { ReportError, type SpendFile, spendFilesFrom } from '../src/warehouse/csv-options';
import { outFile, reportsAsked, runReports, tablesAtConnect } from '../src/warehouse/csv-report';
import { connect } from '../src/warehouse/duckdb';
import { toTable } from '../src/warehouse/report-text';

/** Every option the parser below takes, with what it takes and does, for --help. */
const OPTIONS = {
  spend: [
    'file',
    'an ads export: channel (campaign), spend and day columns (required; repeat for several files)',
  ],
  meetings: ['file', 'the meetings export: channel, outcome and day columns (the CPQM report)'],
  contacts: ['file', 'the CRM contacts export: source and stage-date columns (the funnel report)'],
  deals: [
    'file',
    'the CRM deals export: source, amount, create and close dates, stage (the deals report)',
  ],
  mapping: [
    'file',
    'the mapping table: Field, Value, Means columns (channel, outcome and deal status rows)',
  ],
  period: [PERIODS.join('|'), 'one row per channel and period; left out, one row per channel'],
  view: [
    VIEWS.join('|'),
    'funnel and deals: events in their own period (activity, the default) or by cohort',
  ],
  trend: ['', 'the CPQM trend instead of the CPQM report (needs --period): period, channel, cpqm'],
  deal: [
    'money',
    'average deal size: with --close and --roas, adds Max CPQM, headroom and verdict',
  ],
  close: ['rate', 'close rate from qualified meeting to won deal, 0.25 or 25%'],
  roas: ['ratio', 'target return on ad spend, e.g. 3'],
  out: [
    'file',
    'write the reports to CSV files instead of printing them: the CPQM report to this name, the others with -funnel and -deals before its extension',
  ],
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
  'contacts-channel': ['column', "the contacts file's source column"],
  'contacts-stages': [
    'columns',
    "the contacts file's stage-date columns in funnel order, comma-separated",
  ],
  'deals-channel': ['column', "the deals file's source column"],
  'deals-amount': ['column', "the deals file's amount column"],
  'deals-created': ['column', "the deals file's create date column"],
  'deals-closed': ['column', "the deals file's close date column"],
  'deals-status': ['column', "the deals file's deal stage or status column"],
  'deals-currency': ['column', "the deals file's currency column, read with each amount"],
  'date-format': ['layout', "text dates not written year first, e.g. '%d/%m/%Y' or '%m/%d/%Y'"],
  'read-as': [
    'auto|text',
    "text reads spend and days as text the sheet's way even where DuckDB would type them",
  ],
  quiet: ['', 'no progress or timing on the terminal'],
  help: ['', 'this list'],
} as const;

const USAGE = [
  'usage: npm run report -- --spend ads.csv [--spend more.csv …] [--meetings crm.csv] [--contacts contacts.csv] [--deals deals.csv] [options]',
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
      contacts: { type: 'string' },
      deals: { type: 'string' },
      mapping: { type: 'string' },
      period: { type: 'string' },
      view: { type: 'string' },
      trend: { type: 'boolean' },
      deal: { type: 'string' },
      close: { type: 'string' },
      roas: { type: 'string' },
      out: { type: 'string' },
      'spend-fixed-channel': { type: 'string', multiple: true },
      'spend-channel': { type: 'string', multiple: true },
      'spend-amount': { type: 'string', multiple: true },
      'spend-day': { type: 'string', multiple: true },
      'meetings-channel': { type: 'string' },
      'meetings-outcome': { type: 'string' },
      'meetings-day': { type: 'string' },
      'contacts-channel': { type: 'string' },
      'contacts-stages': { type: 'string' },
      'deals-channel': { type: 'string' },
      'deals-amount': { type: 'string' },
      'deals-created': { type: 'string' },
      'deals-closed': { type: 'string' },
      'deals-status': { type: 'string' },
      'deals-currency': { type: 'string' },
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
  if (!values.spend || !(values.meetings || values.contacts || values.deals)) {
    console.error(USAGE);
    return 2;
  }
  if (values['read-as'] !== undefined && !['auto', 'text'].includes(values['read-as'])) {
    console.error('--read-as is auto or text');
    return 2;
  }
  const economic = [values.deal, values.close, values.roas];
  if (economic.some((v) => v !== undefined) && economic.some((v) => v === undefined)) {
    console.error('--deal, --close and --roas go together: give all three for the verdict');
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
  const options = {
    spend,
    meetings: values.meetings,
    contacts: values.contacts,
    deals: values.deals,
    mapping: values.mapping,
    period: values.period,
    view: values.view,
    dateFormat: values['date-format'],
    readAs: values['read-as'] as 'auto' | 'text' | undefined,
    columns: {
      meetings: {
        channel: values['meetings-channel'],
        outcome: values['meetings-outcome'],
        day: values['meetings-day'],
      },
      contacts: {
        channel: values['contacts-channel'],
        stages: values['contacts-stages']?.split(',').map((c) => c.trim()),
      },
      deals: {
        channel: values['deals-channel'],
        amount: values['deals-amount'],
        created: values['deals-created'],
        closed: values['deals-closed'],
        status: values['deals-status'],
        currency: values['deals-currency'],
      },
    },
    out: values.out,
    onProgress,
    trend: values.trend,
    economics:
      values.deal !== undefined && values.close !== undefined && values.roas !== undefined
        ? { deal: values.deal, close: values.close, roas: values.roas }
        : undefined,
  };
  // Only the table functions this run calls: DuckDB binds each table macro as it is created.
  const con = await connect({}, tablesAtConnect(options));
  try {
    const reports = await runReports(con, options);
    if (shown) process.stderr.write('\r\x1b[K');
    const asked = reportsAsked(options);
    if (values.out) {
      const out = values.out;
      if (!values.quiet)
        console.error(
          `wrote ${asked.map((r) => outFile(out, r.key)).join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
    } else {
      const withPeriod = values.period !== undefined && values.period.trim() !== '';
      const tables = asked.map((r) => toTable(reports[r.key] ?? [], r, withPeriod));
      console.log(
        asked.length === 1
          ? tables[0]
          : asked.map((r, k) => `${r.title}\n${tables[k]}`).join('\n\n'),
      );
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
