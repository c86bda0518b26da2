/**
 * Spend in two currencies in DuckDB: cpqm_report, cpqm_trend, funnel_report
 * and deals_report refuse it with the sheet's words, naming a row of each;
 * deals_report refuses deal amounts in another currency than spend; and
 * `npm run report` names a line of each and writes no output file.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll as after, beforeAll as before, describe, it } from 'vitest';
import { currencyOf, readNumberText } from '../../src/sheets/number-text';
import { runReport } from '../../src/warehouse/csv-report';
import { connect, rows } from '../../src/warehouse/duckdb';
import {
  expectedSpend,
  type SpendCell,
  spendColumn,
  spendTotal,
  WHY,
} from '../metrics/currency-spend';
import { literal } from './duckdb-views';
import { moneyText } from './money-text';

let con: DuckDBConnection;
before(async () => {
  con = await connect({ threads: '1' });
});
after(() => con.closeSync());

const fails = (sql: string) =>
  con.run(sql).then(
    () => '',
    (e: Error) => e.message.replace(/^Invalid Input Error: /, ''),
  );

/**
 * funnel_spend over spend cells as text, read as the report reads a spend file: the amount by
 * funnel_amount, its currency by funnel_currency; one channel, rows numbered from 1.
 */
async function spendView(cells: readonly (number | string)[], days = false): Promise<void> {
  const values = cells.map((c, k) => `(${literal(String(c))}, ${k + 1})`).join(', ');
  await con.run(`CREATE OR REPLACE VIEW funnel_spend AS
    SELECT 'Ads' AS channel, funnel_amount(t, 'spend') AS spend, funnel_currency(t) AS currency,
      ${days ? "DATE '2026-01-05'" : 'CAST(NULL AS DATE)'} AS day, CAST(k AS BIGINT) AS source_row
    FROM (VALUES ${values}) AS v(t, k)`);
}

async function otherViews(dealAmount: string): Promise<void> {
  await con.run(`CREATE OR REPLACE VIEW funnel_meetings AS
    SELECT 'Ads' AS channel, 'Qualified' AS outcome, DATE '2026-01-05' AS day, CAST(1 AS BIGINT) AS source_row`);
  await con.run(`CREATE OR REPLACE VIEW funnel_records AS
    SELECT 'Ads' AS channel, DATE '2026-01-05' AS created, DATE '2026-01-05' AS lead,
      NULL::DATE AS marketing_qualified_lead, NULL::DATE AS sales_qualified_lead,
      NULL::DATE AS opportunity, NULL::DATE AS customer, CAST(1 AS BIGINT) AS source_row`);
  await con.run(`CREATE OR REPLACE VIEW funnel_deals AS
    SELECT 'Ads' AS channel, ${literal(dealAmount)} AS amount, DATE '2026-01-05' AS created,
      DATE '2026-01-20' AS closed, 'Won' AS status, CAST(1 AS BIGINT) AS source_row`);
}

describe('spend in two currencies, in DuckDB', () => {
  before(() => otherViews('900'));

  it('funnel_currency names the currency the sheet reads in money text', async () => {
    await fc.assert(
      fc.asyncProperty(moneyText, async (t) => {
        if (readNumberText(t, { currency: true, percent: false }).kind !== 'number') return;
        const [got] = await rows(con, `SELECT funnel_currency(${literal(t)}) AS c`);
        assert.equal(got!.c ?? undefined, currencyOf(t), JSON.stringify(t));
      }),
      { numRuns: 200 },
    );
  });

  it('every report that adds spend refuses it, naming the row of each', async () => {
    await spendView(['$100', 25, '€100'], true);
    const refusal = (fn: string) =>
      `${fn}: spend is in two currencies: row 1 of funnel_spend is in USD and row 3 of funnel_spend in EUR; ${WHY}`;
    assert.equal(await fails('SELECT * FROM cpqm_report(NULL)'), refusal('cpqm_report'));
    assert.equal(await fails("SELECT * FROM cpqm_trend('month')"), refusal('cpqm_trend'));
    assert.equal(await fails('SELECT * FROM funnel_report(NULL, NULL)'), refusal('funnel_report'));
    assert.equal(await fails("SELECT * FROM deals_report('month', NULL)"), refusal('deals_report'));
  });

  it('adds a symbol, its code and plain numbers as one currency', async () => {
    await spendView(['$100', 25, 'USD 1,000.50', '2.50 USD']);
    const [all] = await rows(
      con,
      "SELECT spend FROM cpqm_report(NULL) WHERE channel = 'All channels'",
    );
    assert.equal(all!.spend, 1128);
  });

  it('a view without a currency column names none', async () => {
    await con.run(`CREATE OR REPLACE VIEW funnel_spend AS
      SELECT 'Ads' AS channel, 10.0 AS spend, CAST(NULL AS DATE) AS day`);
    const [all] = await rows(
      con,
      "SELECT spend FROM cpqm_report(NULL) WHERE channel = 'All channels'",
    );
    assert.equal(all!.spend, 10);
  });

  it('deals_report refuses deal amounts in another currency than spend, once every deal is read', async () => {
    await spendView([40, '$60']);
    await otherViews('EUR 900');
    assert.equal(
      await fails('SELECT * FROM deals_report(NULL, NULL)'),
      'deals_report: spend and amounts are in two currencies: row 2 of funnel_spend is in USD and row 1 of funnel_deals in EUR; ROAS, CAC and pipeline per spend set deal amounts against spend, so pass both in one currency',
    );
    await otherViews('USD 900');
    const [ads] = await rows(
      con,
      "SELECT roas FROM deals_report(NULL, NULL) WHERE channel = 'Ads'",
    );
    assert.equal(ads!.roas, 9);
    await otherViews('900');
  });

  it('spend text with no, one or two currencies is refused exactly when two differ', async () => {
    await fc.assert(
      fc.asyncProperty(spendColumn, async (cells: SpendCell[]) => {
        await spendView(cells.map((c) => c.cell));
        const got = await con
          .runAndReadAll("SELECT spend FROM cpqm_report(NULL) WHERE channel = 'All channels'")
          .then(
            (r) => spendTotal(Number(r.getRowObjectsJS()[0]!.spend)),
            (e: Error) => e.message.replace(/^Invalid Input Error: /, ''),
          );
        assert.equal(
          got,
          expectedSpend(cells, 'cpqm_report', (k) => `row ${k + 1} of funnel_spend`),
        );
      }),
      { numRuns: 40 },
    );
  });
});

describe('npm run report with spend files in two currencies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'funnel-currency-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const crm = file('crm.csv', 'Date,Source,Meeting outcome\n2026-01-06,Search,Qualified\n');
  const dollars = file(
    'google.csv',
    'Day,Campaign,Cost\n2026-01-05,Search,$10.00\n2026-01-06,Search,12\n',
  );
  const euros = file(
    'meta.csv',
    'Day,Campaign,Cost\n2026-01-05,Social,5\n2026-01-06,Social,€7.50\n',
  );

  it('names a line of each file and writes no output file', async () => {
    const out = join(dir, 'report.csv');
    const message = await runReport(con, {
      spend: [{ path: dollars }, { path: euros }],
      meetings: crm,
      out,
    }).then(
      () => '',
      (e: Error) => e.message,
    );
    assert.equal(
      message,
      `cpqm_report: spend is in two currencies: row 2 of google.csv is in USD and row 3 of meta.csv in EUR; ${WHY}`,
    );
    assert.equal(existsSync(out), false);
  });

  it('reports files in one currency, named or not', async () => {
    const more = file('bing.csv', 'Day,Campaign,Cost\n2026-01-05,Bing,USD 3.00\n');
    const out = join(dir, 'one-currency.csv');
    await runReport(con, { spend: [{ path: dollars }, { path: more }], meetings: crm, out });
    assert.equal(existsSync(out), true);
  });
});
