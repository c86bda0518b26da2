/**
 * npm run report with --contacts and --deals on the playground's sample
 * exported as CSV (HubSpot contacts and deals, a Google Ads export): the
 * funnel and deals reports it prints and writes equal the sheet's
 * FUNNEL_REPORT and DEALS_REPORT on the same rows; headers recognised from
 * the wizard's table; the problems it names; no output file when it fails.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll as after, beforeAll as before, describe, it } from 'vitest';
import {
  CONTACTS_HEADERS,
  contactsExport,
  DEALS_HEADERS,
  dealsExport,
  GOOGLE_ADS_HEADERS,
  GOOGLE_ADS_TOTAL,
  googleAdsExport,
} from '../../src/playground/raw-sample';
import type { Cell } from '../../src/playground/sample';
import { dayText, serialDay } from '../../src/sheets/dates';
import type { ReportOptions } from '../../src/warehouse/csv-options';
import { outFile, runReports } from '../../src/warehouse/csv-report';
import { SQL_DEALS_COLUMNS } from '../../src/warehouse/deals';
import { connect } from '../../src/warehouse/duckdb';
import { SQL_FUNNEL_COLUMNS } from '../../src/warehouse/funnel';
import {
  assertSameRows,
  type CrmRecord,
  type DealRow,
  type FunnelRow,
  sheetDeals,
  sheetFunnel,
} from './funnel-tables';
import type { SpendRow } from './report-tables';

const dir = mkdtempSync(join(tmpdir(), 'funnel-crm-csv-'));

function csv(rows: Cell[][]): string {
  const field = (c: Cell) => {
    const t = c === null ? '' : String(c);
    return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return `${rows.map((r) => r.map(field).join(',')).join('\n')}\n`;
}
function write(name: string, rows: Cell[][]): string {
  const path = join(dir, name);
  writeFileSync(path, csv(rows));
  return path;
}

// The Google Ads export as it downloads: days as ISO dates, its totals row left out (the sheet's
// range ends above it too).
const [, ...adRows] = googleAdsExport();
const ads = adRows
  .filter((r) => r[0] !== GOOGLE_ADS_TOTAL)
  .map((r) => [dayText(serialDay(r[0] as number)), ...r.slice(1)]);
const ADS = write('google-ads.csv', [[...GOOGLE_ADS_HEADERS], ...ads]);
const CONTACTS = write('contacts.csv', contactsExport());
const DEALS = write('deals.csv', dealsExport());
const col = (headers: readonly string[], name: string) => headers.indexOf(name);
// The same deals without their currency column: one currency, as the company-currency column is.
const DEALS_ONE_CURRENCY = write(
  'deals-usd.csv',
  dealsExport().map((r) => r.filter((_, k) => k !== col(DEALS_HEADERS, 'Currency'))),
);

/** The rows the sheet functions get: the same cells, read from the same exports. */
const spend: SpendRow[] = ads.map((r, i) => ({
  channel: r[1] as string,
  spend: r[4] as number,
  day: r[0] as string,
  source_row: i + 1,
}));
const FUNNEL_ORDER = [
  'Create Date',
  'Became a Lead Date',
  'Became a Marketing Qualified Lead Date',
  'Became a Sales Qualified Lead Date',
  'Became an Opportunity Date',
  'Became a Customer Date',
];
const STAGES = [
  'Created',
  'Lead',
  'Marketing Qualified Lead',
  'Sales Qualified Lead',
  'Opportunity',
  'Customer',
];
const [, ...contactRows] = contactsExport();
const records: CrmRecord[] = contactRows.map((r) => ({
  channel: r[col(CONTACTS_HEADERS, 'Original Source')] as string,
  days: FUNNEL_ORDER.map((h) => (r[col(CONTACTS_HEADERS, h as never)] as string) || null),
}));
const [, ...dealRows] = dealsExport();
const deals = (withCurrency: boolean): DealRow[] =>
  dealRows.map((r, i) => {
    const cell = (h: (typeof DEALS_HEADERS)[number]) => r[col(DEALS_HEADERS, h)];
    const amount = String(cell('Amount'));
    return {
      channel: cell('Original Traffic Source') as string,
      // As the sheet's template composes them: the currency code before each amount.
      amount: withCurrency ? `${cell('Currency')} ${amount}` : amount,
      created: cell('Create Date') as string,
      closed: cell('Close Date') as string,
      status: cell('Deal Stage') as string,
      source_row: i + 1,
    };
  });

let con: DuckDBConnection;
before(async () => {
  con = await connect();
});
after(() => con.closeSync());

const base: ReportOptions = { spend: [{ path: ADS }] };

/** npm run report with these arguments, as a terminal runs it. */
const command = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/report.ts', ...args, '--quiet'], {
    encoding: 'utf8',
  });

/**
 * Rows in one order: the command reads the ads file without row numbers, so its spend channels
 * come alphabetically where the sheet keeps their order of first appearance (docs/WAREHOUSE.md).
 */
function sorted<R extends Record<string, unknown>>(rows: R[] | string): R[] {
  assert.notEqual(typeof rows, 'string', String(rows));
  const key = (r: R) =>
    `${r.channel === 'All channels' ? 1 : 0}|${r.channel}|${r.period}|${String(STAGES.indexOf(r.stage as string)).padStart(2)}`;
  return [...(rows as R[])].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
const failure = (o: ReportOptions) =>
  runReports(con, o).then(
    () => 'no error',
    (e: Error) => e.message,
  );

describe('npm run report --contacts --deals on the playground sample', () => {
  it('the sample as exported: 590 contacts, 93 deals, some in EUR', () => {
    assert.equal(records.length, 590);
    assert.equal(dealRows.length, 93);
    assert.ok(dealRows.some((r) => r[col(DEALS_HEADERS, 'Currency')] === 'EUR'));
  });

  for (const [period, view] of [
    [undefined, undefined],
    ['week', 'activity'],
    ['quarter', 'cohort'],
  ] as const) {
    it(`funnel and deals reports equal the sheet's, period ${period ?? 'none'}, view ${view ?? 'activity'}`, async () => {
      const got = await runReports(con, {
        ...base,
        contacts: CONTACTS,
        deals: DEALS_ONE_CURRENCY,
        period,
        view,
      });
      const wantFunnel = sorted(sheetFunnel(spend, STAGES, records, period ?? null, view ?? null));
      assert.ok(wantFunnel.some((r) => (r.records as number) > 0));
      assertSameRows(sorted(got.funnel!), wantFunnel, SQL_FUNNEL_COLUMNS, 'funnel');
      const wantDeals = sorted(sheetDeals(spend, deals(false), period ?? null, view ?? null));
      assert.ok(wantDeals.some((r) => (r.won as number) > 0));
      assertSameRows(sorted(got.deals!), wantDeals, SQL_DEALS_COLUMNS, 'deals');
    });
  }

  it('refuses the deals in two currencies as the sheet does, naming a line of each', async () => {
    const want = sheetDeals(spend, deals(true), null, null);
    assert.equal(typeof want, 'string');
    // The sheet counts the deals range from its first deal, the file from its header line.
    const lines = (want as string)
      .replace(/^deals_report: /, '')
      .replace(/row (\d+) of funnel_deals/g, (_, n: string) => `row ${Number(n) + 1} of deals.csv`);
    assert.match(
      lines,
      /^amounts are in two currencies: row \d+ of deals\.csv is in USD and row \d+ of deals\.csv in EUR;/,
    );
    assert.equal(await failure({ ...base, deals: DEALS }), `deals_report: ${lines}`);
    // The funnel report written first, the deals report failing: neither file is left.
    const out = join(dir, 'two-currencies.csv');
    assert.equal(
      await failure({ ...base, contacts: CONTACTS, deals: DEALS, out }),
      `deals_report: ${lines}`,
    );
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.startsWith('two-currencies')),
      [],
    );
  });

  it('the command prints the three reports and writes one CSV file each, numbers as the sheet', () => {
    const out = join(dir, 'report.csv');
    const run = command(
      ...['--spend', ADS, '--contacts', CONTACTS, '--deals', DEALS_ONE_CURRENCY],
      ...['--period', 'month', '--view', 'cohort', '--out', out],
    );
    assert.equal(run.status, 0, run.stderr);
    assert.equal(existsSync(out), false, 'no meetings file: no channel report');
    const read = (path: string) => {
      const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
      const names = head!.split(',');
      return lines.map((l) =>
        Object.fromEntries(
          l
            .split(',')
            .map((v, k) => [names[k]!, v === '' ? null : Number.isNaN(Number(v)) ? v : Number(v)]),
        ),
      );
    };
    const funnel = read(outFile(out, 'funnel'));
    assert.equal(outFile(out, 'funnel'), join(dir, 'report-funnel.csv'));
    assertSameRows(
      sorted(funnel),
      sorted(sheetFunnel(spend, STAGES, records, 'month', 'cohort')),
      SQL_FUNNEL_COLUMNS,
      'funnel csv',
    );
    const dealsCsv = read(join(dir, 'report-deals.csv'));
    assertSameRows(
      sorted(dealsCsv),
      sorted(sheetDeals(spend, deals(false), 'month', 'cohort')),
      SQL_DEALS_COLUMNS,
      'deals csv',
    );

    const printed = command('--spend', ADS, '--contacts', CONTACTS, '--deals', DEALS_ONE_CURRENCY);
    assert.equal(printed.status, 0, printed.stderr);
    assert.match(
      printed.stdout,
      /^Funnel report\nchannel +stage +spend +records +cost_per_record +from_previous\n/,
    );
    assert.match(printed.stdout, /\n\nDeals report\nchannel +spend +opportunities/);
    const allCustomers = (sheetFunnel(spend, STAGES, records, null, null) as FunnelRow[]).find(
      (r) => r.channel === 'All channels' && r.stage === 'Customer',
    )!;
    assert.match(
      printed.stdout,
      new RegExp(`\\nAll channels +Customer +[\\d,.]+ +${allCustomers.records} `),
    );
  });

  it('a contacts file with no stage-date column says which headers it looked for; no output file', async () => {
    const bare = write('contacts-bare.csv', [
      ['Record ID', 'Original Source', 'Email'],
      [1, 'Organic Search', 'a@b.c'],
    ]);
    const out = join(dir, 'failed.csv');
    const message = await failure({ ...base, contacts: bare, deals: DEALS_ONE_CURRENCY, out });
    assert.match(
      message,
      /^contacts-bare\.csv has no stage-date column the report recognises: it looked for "Create Date" or "Created Date", "Became a Lead Date"/,
    );
    assert.match(message, /--contacts-stages/);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.startsWith('failed')),
      [],
    );
  });

  it('columns named on the command line, and a bad --view', async () => {
    const got = await runReports(con, {
      ...base,
      contacts: CONTACTS,
      columns: {
        contacts: { channel: 'Original Source', stages: ['Create Date', 'Became a Customer Date'] },
      },
    });
    const want = sheetFunnel(
      spend,
      ['Created', 'Customer'],
      records.map((r) => ({ ...r, days: [r.days[0]!, r.days[5]!] })),
      null,
      null,
    );
    assertSameRows(sorted(got.funnel!), sorted(want), SQL_FUNNEL_COLUMNS, 'two stages');
    // Two columns naming one stage cannot both be a column of funnel_records.
    const twice = write('contacts-twice.csv', [
      ['Original Source', 'Create Date', 'Created Date'],
      ['Organic Search', '2026-01-05', '2026-01-06'],
    ]);
    assert.equal(
      await failure({
        ...base,
        contacts: twice,
        columns: {
          contacts: { channel: 'Original Source', stages: ['Create Date', 'Created Date'] },
        },
      }),
      'contacts-twice.csv: stages "Created" and "Created" would both be column created of funnel_records: name them apart (a stage is named by its column\'s header): list the stage columns to read with --contacts-stages',
    );
    assert.equal(
      await failure({ ...base, contacts: CONTACTS, view: 'cohorts' }),
      '--view "cohorts" is not one of activity, cohort; leave it out for activity',
    );
  });
});
