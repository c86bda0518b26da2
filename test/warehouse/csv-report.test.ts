/**
 * The report straight from CSV exports: header suggestions, money text read
 * the sheet's way, problems naming the file and row, and the command itself.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll as after, beforeAll as before, describe, it } from 'vitest';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import {
  type ReportOptions,
  SPEND_FILE_FLAGS,
  spendFilesFrom,
} from '../../src/warehouse/csv-options';
import { runReport } from '../../src/warehouse/csv-report';
import { duckdb } from '../../src/warehouse/dialect';
import { connect, rows } from '../../src/warehouse/duckdb';
import type { Economics } from '../../src/warehouse/economics';
import { agreesWithSheetReading, moneyText } from './money-text';

const dir = mkdtempSync(join(tmpdir(), 'funnel-csv-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

let con: DuckDBConnection;
before(async () => {
  con = await connect();
});
after(() => con.closeSync());

const run = (o: ReportOptions) => runReport(con, o);
const judge = (o: ReportOptions & { economics: Economics }) => runReport(con, o);
const fails = (o: ReportOptions) =>
  runReport(con, o).then(
    () => '',
    (e: Error) => e.message,
  );

const CRM = file(
  'crm.csv',
  'Date,Source,Meeting outcome\n2026-01-06,LinkedIn ABM,Qualified\n2026-01-07,Search – Brand,No show\n2026-01-13,SEARCH – BRAND,Not qualified – role\n2026-02-03,,Qualified\n2026-02-05,LinkedIn ABM,\n',
);

describe('funnel_amount: money text as the sheet reads it', () => {
  const read = (text: string) =>
    rows(con, `SELECT funnel_amount(${duckdb.str(text)}, 'spend') AS v`).then(
      (r) => ({ value: r[0]!.v as number | null }),
      (e: Error) => ({ error: e.message.replace(/^Invalid Input Error: /, '') }),
    );
  const agreesWithSheet = async (t: string) => agreesWithSheetReading(t, await read(t));

  it('reads what the sheet reads, and refuses what it refuses, with both readings', async () => {
    await fc.assert(fc.asyncProperty(moneyText, agreesWithSheet), { numRuns: 200 });
  });

  it('reads the forms exports write (and their over-long cousins) exactly as the sheet does', async () => {
    // Digits, grouped or not, with or without a dollar sign and decimals: the common forms
    // funnel_amount reads by a shortcut, and the same shapes beyond the sheet's 48 characters.
    const digitRun = fc
      .integer({ min: 0, max: 52 })
      .chain((n) =>
        fc.tuple(
          fc.constantFrom(...'123456789'),
          fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }),
        ),
      )
      .map(([first, rest]) => first + rest.join(''));
    const grouped = (d: string) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const text = fc
      .tuple(
        fc.constantFrom('', '$'),
        digitRun,
        fc.boolean(),
        fc.constantFrom('', '.5', '.50', '.125'),
      )
      .map(([sign, d, group, decimals]) => `${sign}${group ? grouped(d) : d}${decimals}`);
    await fc.assert(fc.asyncProperty(text, agreesWithSheet), { numRuns: 300 });
  });

  it('examples', async () => {
    assert.deepEqual(await read('$1,204.50'), { value: 1204.5 });
    assert.deepEqual(await read('USD 1,204.50'), { value: 1204.5 });
    assert.deepEqual(await read('£950'), { value: 950 });
    assert.deepEqual(await read('1,204,000'), { value: 1204000 });
    assert.deepEqual(await read('-$5.00'), { value: -5 });
    assert.deepEqual(await read('1,204'), {
      error:
        'spend "1,204" could be 1204 or 1.204, the comma may group thousands or mark decimals: enter 1204 or 1.204 as a plain number',
    });
    // Rule 4 reads European amounts and currency after the amount (docs/ARGUMENT-RULES.md).
    assert.deepEqual(await read('12,5'), { value: 12.5 });
    assert.deepEqual(await read('1.204.000,5'), { value: 1204000.5 });
    assert.deepEqual(await read('1.204,50 €'), { value: 1204.5 });
    assert.deepEqual(await read('EUR 1.204,50'), { value: 1204.5 });
    assert.deepEqual(await read('1 204,50'), { value: 1204.5 });
    assert.deepEqual(await read('1204,50'), { value: 1204.5 });
    assert.deepEqual(await read('1.204.000'), { value: 1204000 });
    assert.deepEqual(await read('1.204'), {
      error:
        'spend "1.204" could be 1.204 or 1204, the dot may group thousands or mark decimals: enter 1.204 or 1204 as a plain number',
    });
    // With a currency, a dot before three digits groups thousands.
    assert.deepEqual(await read('€1.204'), { value: 1204 });
    assert.deepEqual(await read('$1.204'), { value: 1204 });
    assert.deepEqual(await read('1,2,3'), {
      error: 'spend "1,2,3" is not a number, enter a number such as 1200, 1,204.50 or $950',
    });
  });
});

describe('the report from CSV files', () => {
  it('recognises Google Ads headers and reads "$1,204.50" text', async () => {
    const ads = file(
      'google.csv',
      'Day,Campaign,Impr.,Clicks,Cost\n2026-01-05,Search – Brand,1200,40,"$172.45"\n2026-01-05,LinkedIn ABM,800,12,"$1,204.50"\n2026-01-12,search – brand ,900,30,$95.00\n',
    );
    const r = await run({ spend: [{ path: ads }], meetings: CRM });
    // Read without row numbers: channels with spend alphabetically, then the rest.
    assert.deepEqual(
      r.map((x) => [x.channel, x.spend, x.booked, x.qualified]),
      [
        ['LinkedIn ABM', 1204.5, 1, 1],
        ['Search – Brand', 267.45, 2, 0],
        ['(no channel)', 0, 1, 1],
        ['All channels', 1471.95, 4, 2],
      ],
    );
  });

  it('applies a mapping file, and names the line of a row it refuses', async () => {
    const ads = file(
      'mapped-ads.csv',
      'Day,Campaign,Cost\n2026-01-05,Search – Brand,172.45\n2026-01-05,LinkedIn ABM,1204.5\n2026-01-12,search – brand ,95\n',
    );
    const mapping = file(
      'mapping.csv',
      'Field,Value,Means\nchannel,search*,Paid search\noutcome,not qualified*,Ignore\n',
    );
    const r = await run({ spend: [{ path: ads }], meetings: CRM, mapping });
    assert.deepEqual(
      r.map((x) => [x.channel, x.spend, x.booked, x.qualified]),
      [
        ['LinkedIn ABM', 1204.5, 1, 1],
        ['Paid search', 267.45, 1, 0],
        ['(no channel)', 0, 1, 1],
        ['All channels', 1471.95, 3, 2],
      ],
    );
    const refused = file('map-bad.csv', 'Field,Value,Means\nchannel,a,b\nSource,x,y\n');
    assert.equal(
      await fails({ spend: [{ path: ads }], meetings: CRM, mapping: refused }),
      'cpqm_report: row 3 of map-bad.csv: field "Source" is not a field; use channel, outcome or deal status',
    );
    const headless = file('map-headless.csv', 'Field,Value\nchannel,a\n');
    assert.match(
      await fails({ spend: [{ path: ads }], meetings: CRM, mapping: headless }),
      /^map-headless\.csv has no means column: a mapping file has the headers Field, Value, Means/,
    );
  });

  it('recognises Meta, LinkedIn and Microsoft headers', async () => {
    for (const [name, header] of [
      ['meta.csv', 'Reporting starts,Campaign name,Amount spent (GBP),Impressions'],
      ['linkedin.csv', 'Start Date (in UTC),Campaign Name,Total Spent,Impressions,Clicks'],
      ['microsoft.csv', 'TimePeriod,CampaignName,Spend,Impressions,Clicks'],
    ] as const) {
      const cols = header.split(',').length;
      const pad = ',1'.repeat(cols - 3);
      const ads = file(
        name,
        `${header}\n2026-01-05,LinkedIn ABM,10${pad}\n2026-02-05,LinkedIn ABM,20${pad}\n`,
      );
      const r = await run({ spend: [{ path: ads }], meetings: CRM, period: 'month' });
      assert.deepEqual(
        r.filter((x) => x.channel === 'LinkedIn ABM').map((x) => [x.period, x.spend]),
        [
          ['2026-01', 10],
          ['2026-02', 20],
        ],
        name,
      );
    }
  });

  it('reads several spend files as one table, a one-channel file by its fixed channel', async () => {
    const google = file(
      'multi-google.csv',
      'Day,Campaign,Cost\n2026-01-05,Search – Brand,"$172.45"\n2026-01-12,LinkedIn ABM,10\n',
    );
    // A LinkedIn export without a channel column; its blank row is skipped, as the sheet skips it.
    const linkedin = file(
      'multi-linkedin.csv',
      'Start Date (in UTC),Total Spent,Clicks\n2026-01-06,100.5,3\n2026-01-07,,4\n2026-02-02,"1,000.25",5\n',
    );
    const meta = file('multi-meta.csv', 'When,Where,Money\n2026-01-08,Search – Brand,7.55\n');
    const spend = [
      { path: google },
      { path: linkedin, fixedChannel: 'LinkedIn ABM' },
      { path: meta, columns: { day: 'When', channel: 'Where', spend: 'Money' } },
    ];
    // 10 + 100.5 + 1000.25 = 1110.75; 172.45 + 7.55 = 180.
    assert.deepEqual(
      (await run({ spend, meetings: CRM })).map((x) => [x.channel, x.spend, x.booked]),
      [
        ['LinkedIn ABM', 1110.75, 1],
        ['Search – Brand', 180, 2],
        ['(no channel)', 0, 1],
        ['All channels', 1290.75, 4],
      ],
    );
    const monthly = await run({ spend, meetings: CRM, period: 'month' });
    assert.deepEqual(
      monthly.filter((x) => x.channel === 'LinkedIn ABM').map((x) => [x.period, x.spend]),
      [
        ['2026-01', 110.5],
        ['2026-02', 1000.25],
      ],
    );
  });

  it('--trend gives the CPQM trend: every month and channel, NULL where the sheet shows #N/A', async () => {
    const ads = file(
      'trend-ads.csv',
      'Day,Campaign,Cost\n2026-01-05,LinkedIn ABM,300\n2026-01-20,Search – Brand,50\n2026-02-02,LinkedIn ABM,120\n',
    );
    const r = await run({ spend: [{ path: ads }], meetings: CRM, period: 'month', trend: true });
    // January: LinkedIn 300 / 1 qualified, Search 50 / none, all 350 / 1; February: 120 spent
    // with no qualified meeting of LinkedIn; (no channel)'s qualified meeting has no spend.
    assert.deepEqual(
      r.map((x) => [x.period, x.channel, x.cpqm]),
      [
        ['2026-01', 'All channels', 350],
        ['2026-01', 'LinkedIn ABM', 300],
        ['2026-01', 'Search – Brand', null],
        ['2026-01', '(no channel)', null],
        ['2026-02', 'All channels', 120],
        ['2026-02', 'LinkedIn ABM', null],
        ['2026-02', 'Search – Brand', null],
        ['2026-02', '(no channel)', null],
      ],
    );
    assert.match(
      await fails({ spend: [{ path: ads }], meetings: CRM, trend: true }),
      /^--trend needs --period: one of week, month, quarter, year$/,
    );
  });

  it('--deal --close --roas add Max CPQM, headroom and the verdict, by the sheet and the one rule', async () => {
    const ads = file(
      'judged-ads.csv',
      'Day,Campaign,Cost\n2026-01-05,Search,300\n2026-01-05,LinkedIn,1000\n2026-01-05,Events,50\n2026-01-05,Webinar,0\n2026-01-05,Referral,10\n',
    );
    const crm = file(
      'judged-crm.csv',
      'Date,Source,Meeting outcome\n2026-01-06,Search,Qualified\n2026-01-06,Search,Qualified\n2026-01-06,LinkedIn,Qualified\n2026-01-06,Events,No show\n2026-01-06,Webinar,Qualified\n2026-01-06,Referral,Qualified\n2026-01-06,Referral,Maybe later\n',
    );
    const economics = { deal: '$2,000', close: '25%', roas: '1' };
    const r = await judge({ spend: [{ path: ads }], meetings: crm, economics });
    // Max CPQM 2000 × 25% ÷ 1 = 500; headroom 1 − CPQM ÷ 500: Search 1 − 150/500 = 0.7,
    // LinkedIn 1 − 1000/500 = −1, Webinar 1 − 0/500 = 1, Referral 1 − 10/500 = 0.98,
    // all channels 1 − 1360/5 ÷ 500 = 0.456.
    assert.deepEqual(
      r.map((x) => [x.channel, x.max_cpqm, x.headroom, x.verdict]),
      [
        ['Events', 500, null, 'uneconomical'],
        ['LinkedIn', 500, -1, 'uneconomical'],
        ['Referral', 500, 0.98, 'check data'],
        ['Search', 500, 0.7, 'economical'],
        ['Webinar', 500, 1, 'no spend recorded'],
        ['All channels', 500, 1 - 272 / 500, 'check data'],
      ],
    );
    // The same figures as the sheet's own functions on the report's numbers.
    assert.equal(r[0]!.max_cpqm, FUNCTIONS.MAX_CPQM!(2000, 0.25, 1));
    for (const row of r.filter((x) => typeof x.cpqm === 'number')) {
      assert.equal(row.headroom, FUNCTIONS.HEADROOM!(row.cpqm, 500), String(row.channel));
    }
    // Max CPQM 0 (nothing is affordable): headroom is the sheet's #DIV/0!, NULL here, and a row
    // with qualified meetings has nothing to judge yet.
    const none = await judge({
      spend: [{ path: ads }],
      meetings: crm,
      economics: { ...economics, close: '0' },
    });
    assert.deepEqual(
      none.filter((x) => x.channel === 'Search').map((x) => [x.max_cpqm, x.headroom, x.verdict]),
      [[0, null, '']],
    );
    const out = join(dir, 'judged.csv');
    await run({ spend: [{ path: ads }], meetings: crm, economics, out });
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    assert.equal(
      lines[0],
      'channel,period,spend,booked,held,no_shows,qualified,show_rate,qual_rate,cost_per_meeting,cpqm,pending,unrecognised,max_cpqm,headroom,verdict',
    );
    assert.equal(lines[4], 'Search,,300.0,2,2,0,2,1.0,1.0,150.0,150.0,0,0,500.0,0.7,economical');
  });

  it('refuses economics the sheet refuses, naming the flag, before reading any file', async () => {
    const nowhere = { spend: [{ path: join(dir, 'nope.csv') }], meetings: CRM };
    const refusal = (economics: { deal: string; close: string; roas: string }) =>
      fails({ ...nowhere, economics });
    assert.equal(
      await refusal({ deal: '65000', close: '60', roas: '3' }),
      '--close 60 is above 100%: enter 60% or 0.6',
    );
    assert.equal(
      await refusal({ deal: '65000', close: '0.25', roas: '0' }),
      '--roas is 0, so any spend is affordable; enter a target such as 3',
    );
    assert.match(await refusal({ deal: '-5', close: '0.25', roas: '3' }), /^--deal -5 is negative/);
    assert.match(
      await refusal({ deal: 'lots', close: '0.25', roas: '3' }),
      /^--deal "lots" is not a number/,
    );
    assert.match(
      await fails({
        ...nowhere,
        period: 'month',
        trend: true,
        economics: { deal: '1', close: '1', roas: '1' },
      }),
      /judge the report: leave out --trend/,
    );
  });

  it('names the file and row of a problem in any of several spend files', async () => {
    const good = file('several-a.csv', 'Day,Campaign,Cost\n2026-01-05,Search,1\n');
    const totals = file(
      'several-b.csv',
      'Day,Campaign,Cost\n2026-01-05,Search,2\n2026-01-06,Search,3\n,Total,5\n',
    );
    assert.match(
      await fails({ spend: [{ path: good }, { path: totals }], meetings: CRM }),
      /^cpqm_report: row 4 of several-b\.csv: channel "Total" is an export's totals row/,
    );
    const amb = file('several-c.csv', 'Day,Campaign,Cost\n2026-01-05,Search,"1,204"\n');
    assert.match(
      await fails({
        spend: [{ path: good }, { path: amb, fixedChannel: 'Search' }],
        meetings: CRM,
      }),
      /^row 2 of several-c\.csv: Cost "1,204" could be 1204 or 1\.204/,
    );
    assert.match(
      await fails({
        spend: [{ path: good }, { path: amb, fixedChannel: 'X', columns: { channel: 'Campaign' } }],
        meetings: CRM,
      }),
      /several-c\.csv has both --spend-channel and --spend-fixed-channel/,
    );
    assert.match(
      await fails({ spend: [{ path: good, fixedChannel: '  ' }], meetings: CRM }),
      /--spend-fixed-channel for several-a\.csv is blank/,
    );
  });

  it('takes each --spend-… flag for the --spend it follows', () => {
    const tokens = (...args: string[]) =>
      parseArgs({
        args,
        tokens: true,
        options: Object.fromEntries(
          ['spend', ...Object.keys(SPEND_FILE_FLAGS)].map((n) => [
            n,
            { type: 'string', multiple: true } as const,
          ]),
        ),
      }).tokens;
    assert.deepEqual(
      spendFilesFrom(
        tokens(
          '--spend',
          'a.csv',
          '--spend-amount',
          'Cost',
          '--spend',
          'b.csv',
          '--spend-fixed-channel',
          'Paid Social',
          '--spend-day',
          'Date',
        ),
      ),
      [
        { path: 'a.csv', columns: { spend: 'Cost' } },
        { path: 'b.csv', fixedChannel: 'Paid Social', columns: { day: 'Date' } },
      ],
    );
    // One file: the flags may come first, as before several files were taken.
    assert.deepEqual(spendFilesFrom(tokens('--spend-channel', 'Where', '--spend', 'a.csv')), [
      { path: 'a.csv', columns: { channel: 'Where' } },
    ]);
    assert.throws(
      () => spendFilesFrom(tokens('--spend-day', 'D', '--spend', 'a.csv', '--spend', 'b.csv')),
      /--spend-day comes before any --spend/,
    );
    assert.throws(
      () =>
        spendFilesFrom(
          tokens('--spend', 'a.csv', '--spend-day', 'D', '--spend-day', 'E', '--spend', 'b.csv'),
        ),
      /--spend-day is given twice for a\.csv/,
    );
  });

  it('names columns it cannot find, and takes them from flags', async () => {
    const ads = file('odd.csv', 'When,Where,Money\n2026-01-05,Search,1\n');
    assert.equal(
      await fails({ spend: [{ path: ads }], meetings: CRM }),
      'odd.csv has no column the report recognises as its channel; its columns are: When, Where, Money. Name it with --spend-channel',
    );
    assert.match(
      await fails({
        spend: [{ path: ads, columns: { channel: 'Where', spend: 'Cash' } }],
        meetings: CRM,
      }),
      /odd\.csv has no column "Cash" \(--spend-amount\)/,
    );
    const r = await run({
      spend: [{ path: ads, columns: { channel: 'where', spend: 'Money' } }],
      meetings: CRM,
    });
    assert.equal(r[0]!.channel, 'Search');
  });

  it('refuses a missing file, a bad period, ambiguous money and totals rows, naming the row', async () => {
    assert.match(
      await fails({ spend: [{ path: join(dir, 'nope.csv') }], meetings: CRM }),
      /spend file .*nope\.csv does not exist/,
    );
    assert.match(
      await fails({ spend: [{ path: CRM }], meetings: CRM, period: 'fortnight' }),
      /--period "fortnight" is not one of week, month, quarter, year/,
    );
    const amb = file(
      'amb.csv',
      'Day,Campaign,Cost\n2026-01-05,Search,"$172.45"\n2026-01-06,Search,"1,204"\n',
    );
    assert.equal(
      await fails({ spend: [{ path: amb }], meetings: CRM }),
      'row 3 of amb.csv: Cost "1,204" could be 1204 or 1.204, the comma may group thousands or mark decimals: enter 1204 or 1.204 as a plain number',
    );
    const totals = file(
      'totals.csv',
      'Day,Campaign,Cost\n2026-01-05,Search,172.45\n2026-01-06,Search,12\n,Total: All campaigns,184.45\n',
    );
    assert.match(
      await fails({ spend: [{ path: totals }], meetings: CRM }),
      /^cpqm_report: row 4 of totals\.csv: channel "Total: All campaigns" is an export's totals row/,
    );
    const badDay = file(
      'badday.csv',
      'Day,Campaign,Cost\n2026-01-05,Search,1\n05/01/2026,Search,2\n',
    );
    assert.match(
      await fails({
        spend: [{ path: badDay }],
        meetings: CRM,
        period: 'week',
        dateFormat: '%Y-%m-%d',
      }),
      /row 3 of badday\.csv: Day "05\/01\/2026" is not a date written as %Y-%m-%d: name the layout with --date-format/,
    );
    const dayFirst = file(
      'dayfirst.csv',
      'Day,Campaign,Cost\n05/01/2026,Search,1\n12/01/2026,Search,2\n',
    );
    assert.match(
      await fails({ spend: [{ path: dayFirst }], meetings: CRM, period: 'week' }),
      /dayfirst\.csv writes its Day dates as %d\/%m\/%Y .* name the layout with --date-format/,
    );
    const r = await run({
      spend: [{ path: dayFirst }],
      meetings: CRM,
      period: 'week',
      dateFormat: '%d/%m/%Y',
    });
    assert.deepEqual(
      r.filter((x) => x.channel === 'Search').map((x) => [x.period, x.spend]),
      [
        ['2026-W02', 1],
        ['2026-W03', 2],
      ],
    );
  });

  it('reads a column that looks numeric in the sniffer sample as text when text comes later', async () => {
    const lines = ['Day,Campaign,Cost'];
    for (let i = 0; i < 30000; i++) lines.push(`2026-01-05,Search,1.25`);
    lines.push('2026-01-06,Search,"$1,000.00"');
    const late = file('late.csv', `${lines.join('\n')}\n`);
    const r = await run({ spend: [{ path: late }], meetings: CRM });
    assert.equal(r[0]!.spend, 30000 * 1.25 + 1000);
  });

  it('names the first bad row in file order, however the parallel scan meets them', async () => {
    const lines = ['Day,Campaign,Cost'];
    for (let i = 1; i <= 200000; i++)
      lines.push(
        `2026-01-05,Search,"${i === 150000 ? '1,204' : i === 120000 ? 'n/a' : '$1,000.00'}"`,
      );
    const big = file('big.csv', `${lines.join('\n')}\n`);
    assert.equal(
      await fails({ spend: [{ path: big }], meetings: CRM }),
      'row 120001 of big.csv: Cost "n/a" is not a number, enter a number such as 1200, 1,204.50 or $950',
    );
  });

  it('the command prints a table or writes CSV, and exits 1 on a problem', () => {
    const ads = file('cmd.csv', 'Day,Campaign,Cost\n2026-01-05,Search,"$172.45"\n');
    const out = join(dir, 'report.csv');
    const cmd = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/report.ts', ...args], {
        encoding: 'utf8',
      });
    const table = cmd(['--spend', ads, '--meetings', CRM]);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /^channel +spend +booked/);
    assert.match(table.stdout, /All channels +172\.45/);
    const csv = cmd(['--spend', ads, '--meetings', CRM, '--period', 'month', '--out', out]);
    assert.equal(csv.status, 0, csv.stderr);
    assert.equal(
      readFileSync(out, 'utf8').split('\n')[0],
      'channel,period,spend,booked,held,no_shows,qualified,show_rate,qual_rate,cost_per_meeting,cpqm,pending,unrecognised',
    );
    const social = file('cmd-social.csv', 'Day,Cost\n2026-01-05,27.55\n');
    const two = cmd([
      '--spend',
      ads,
      '--spend',
      social,
      '--spend-fixed-channel',
      'Paid Social',
      '--meetings',
      CRM,
    ]);
    assert.equal(two.status, 0, two.stderr);
    assert.match(two.stdout, /^Paid Social +27\.55 /m);
    assert.match(two.stdout, /All channels +200\.00/);
    const trend = cmd(['--spend', ads, '--meetings', CRM, '--trend', '--period', 'month']);
    assert.equal(trend.status, 0, trend.stderr);
    assert.match(trend.stdout, /^period +channel +cpqm$/m);
    assert.match(trend.stdout, /^2026-01 +All channels +172\.45$/m);
    assert.match(trend.stdout, /^2026-01 +Search +—$/m);
    const bad = cmd(['--spend', join(dir, 'nope.csv'), '--meetings', CRM]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /does not exist/);
    const judged = cmd([
      '--spend',
      ads,
      '--meetings',
      CRM,
      '--deal',
      '1000',
      '--close',
      '0.5',
      '--roas',
      '2',
    ]);
    assert.equal(judged.status, 0, judged.stderr);
    assert.match(judged.stdout, /^channel .* max_cpqm +headroom +verdict$/m);
    assert.match(judged.stdout, /^Search +172\.45 .* 250\.00 +— +uneconomical$/m);
    const half = cmd(['--spend', ads, '--meetings', CRM, '--deal', '1000']);
    assert.equal(half.status, 2);
    assert.match(half.stderr, /--deal, --close and --roas go together/);
    const usage = cmd(['--spend', ads]);
    assert.equal(usage.status, 2);
  });

  it('--help lists every option', () => {
    const help = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/report.ts', '--help'], {
      encoding: 'utf8',
    });
    assert.equal(help.status, 0, help.stderr);
    const listed = [...help.stdout.matchAll(/^ {2}--([a-z-]+)/gm)].map((m) => m[1]);
    assert.deepEqual(listed, [
      'spend',
      'meetings',
      'contacts',
      'deals',
      'mapping',
      'period',
      'view',
      'trend',
      'deal',
      'close',
      'roas',
      'out',
      'spend-fixed-channel',
      'spend-channel',
      'spend-amount',
      'spend-day',
      'meetings-channel',
      'meetings-outcome',
      'meetings-day',
      'contacts-channel',
      'contacts-stages',
      'deals-channel',
      'deals-amount',
      'deals-created',
      'deals-closed',
      'deals-status',
      'deals-currency',
      'date-format',
      'read-as',
      'quiet',
      'help',
    ]);
    assert.match(help.stdout, /--period <week\|month\|quarter\|year>/);
  });

  it('a failed run leaves no output file, and an older one as it was', async () => {
    const out = join(dir, 'kept.csv');
    writeFileSync(out, 'older report\n');
    const ads = file('bad-ads.csv', 'Day,Campaign,Cost\n2026-01-05,Search,"1,204"\n');
    assert.match(
      await fails({ spend: [{ path: ads }], meetings: CRM, out }),
      /could be 1204 or 1\.204/,
    );
    assert.equal(readFileSync(out, 'utf8'), 'older report\n');
    const fresh = join(dir, 'never.csv');
    assert.match(await fails({ spend: [{ path: ads }], meetings: CRM, out: fresh }), /could be/);
    assert.equal(existsSync(fresh), false);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.partial')),
      [],
    );
  });

  it('writes numbers with at most 15 significant digits', async () => {
    // 0.1 + 0.2 sums to 0.30000000000000004 in floating point.
    const ads = file(
      'noise.csv',
      'Day,Campaign,Cost\n2026-01-05,Search,0.1\n2026-01-06,Search,0.2\n',
    );
    assert.equal(String(0.1 + 0.2), '0.30000000000000004');
    const out = join(dir, 'digits.csv');
    await run({ spend: [{ path: ads }], meetings: CRM, out });
    const search = readFileSync(out, 'utf8')
      .split('\n')
      .find((line) => line.startsWith('Search,'));
    assert.equal(search?.split(',')[2], '0.3');
  });
});
