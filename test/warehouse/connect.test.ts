/**
 * The command's connection creates only the table functions its run calls (the rest of the file
 * costs start-up time); what it creates must still run on its own.
 */
import { describe, expect, it } from 'vitest';
import { duckdb } from '../../src/warehouse/dialect';
import { connect, rows } from '../../src/warehouse/duckdb';
import { generate } from '../../src/warehouse/generate';

const created = (sql: string) =>
  [...sql.matchAll(/CREATE OR REPLACE MACRO (\w+)/g)].map((m) => m[1]);

describe('connect for some table functions', () => {
  it('creates the table functions named and no element-wise function', () => {
    const names = created(generate(duckdb, ['funnel_report', 'cpqm_trend']));
    expect(names).toContain('funnel_report');
    expect(names).toContain('cpqm_trend');
    expect(names).not.toContain('cpqm_report');
    expect(names).not.toContain('deals_report');
    expect(names).not.toContain('cpqm');
    expect(names).not.toContain('roas');
    const all = created(generate(duckdb));
    expect(all).toEqual(expect.arrayContaining(['cpqm_report', 'deals_report', 'cpqm', 'roas']));
  });

  it.each([
    ['cpqm_report', 'cpqm_report(NULL)'],
    ['cpqm_trend', "cpqm_trend('month')"],
    ['funnel_report', "funnel_report('week', 'cohort')"],
    ['deals_report', "deals_report('month', NULL)"],
  ] as const)('%s runs with only what it needs', async (name, call) => {
    const con = await connect({}, [name]);
    try {
      await con.run(
        "CREATE OR REPLACE VIEW funnel_spend AS SELECT 'Search' AS channel, 120.0 AS spend, DATE '2026-01-05' AS day",
      );
      await con.run(
        "CREATE OR REPLACE VIEW funnel_records AS SELECT 'Search' AS channel, DATE '2026-01-06' AS created, NULL::DATE AS lead, NULL::DATE AS marketing_qualified_lead, NULL::DATE AS sales_qualified_lead, NULL::DATE AS opportunity, NULL::DATE AS customer, 2 AS source_row",
      );
      const channels = (await rows(con, `SELECT * FROM ${call}`)).map((r) => r.channel);
      expect(channels).toContain('Search');
      await expect(rows(con, 'SELECT cpqm(1, 1, 1, 1)')).rejects.toThrow(/cpqm/);
    } finally {
      con.closeSync();
    }
  });
});
