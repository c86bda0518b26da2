/**
 * funnel_report in DuckDB: a worked example in both views, its problems, and
 * generated tables checked against the sheet's own FUNNEL_REPORT on the same
 * rows, every period and view, with and without mapping tables.
 */
import assert from 'node:assert/strict';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll as after, beforeAll as before, describe, it } from 'vitest';
import { duckdb } from '../../src/warehouse/dialect';
import { connect, rows } from '../../src/warehouse/duckdb';
import { funnelFunction, SQL_FUNNEL_COLUMNS, stageColumns } from '../../src/warehouse/funnel';
import { defineSpendAndMapping, defineView, literal } from './duckdb-views';
import {
  type FunnelEngine,
  type FunnelRow,
  funnelAgrees,
  type RecordRow,
  recordRows,
} from './funnel-tables';
import { type MappingRow, S, type SpendRow } from './report-tables';

let con: DuckDBConnection;
before(async () => {
  con = await connect();
});
after(() => con.closeSync());

/** The views over these rows, and funnel_report generated for these stages. */
async function load(
  spend: SpendRow[],
  stages: readonly string[],
  records: RecordRow[],
  mapping: MappingRow[] = [],
) {
  await defineSpendAndMapping(con, spend, mapping);
  await defineView(
    con,
    'funnel_records',
    [
      ['channel', 'VARCHAR'],
      ...stageColumns(stages).map((c) => [c, 'DATE'] as const),
      ['source_row', 'BIGINT'],
    ],
    records,
  );
  await con.run(duckdb.tableFunction(funnelFunction(duckdb, stages)));
}

async function report(period: string | null, view: string | null): Promise<FunnelRow[]> {
  return (await rows(
    con,
    `SELECT ${SQL_FUNNEL_COLUMNS.join(', ')} FROM funnel_report(${literal(period)}, ${literal(view)})`,
  )) as unknown as FunnelRow[];
}

const failure = (period: string | null, view: string | null) =>
  report(period, view).then(
    (r) => `no error but ${JSON.stringify(r)}`,
    (e: Error) => e.message.replace(/^[A-Za-z ]+Error: /, ''),
  );

const engine: FunnelEngine = async (spend, stages, records, period, view, mapping) => {
  await load(spend, stages, records, mapping);
  return report(period, view).catch((e: Error) => e.message.replace(/^[A-Za-z ]+Error: /, ''));
};

const STAGES = ['Lead', 'MQL', 'Customer'];
const SPEND = [S('Search', 100, '2026-01-05', 1), S('LinkedIn', 50, '2026-02-05', 2)];
const RECORDS = recordRows(STAGES, [
  // Skipped MQL: reached it on the day it became a customer.
  { channel: 'Search', days: ['2026-01-06', null, '2026-03-01'] },
  { channel: 'Webinar', days: ['2026-01-07', null, null] },
  { channel: null, days: ['2026-02-10', '2026-02-11', null] },
  // No date at all: counted nowhere, its totals-row channel never read.
  { channel: 'Total', days: [null, null, null] },
]);

const line = (r: FunnelRow) =>
  [r.channel, r.period, r.stage, r.spend, r.records, r.cost_per_record, r.from_previous].join('|');

describe('funnel_report', () => {
  it('counts a skipped stage as reached, without a period', async () => {
    await load(SPEND, STAGES, RECORDS);
    assert.deepEqual((await report(null, null)).map(line), [
      'Search||Lead|100|1|100|',
      'Search||MQL|100|1|100|1',
      'Search||Customer|100|1|100|1',
      'LinkedIn||Lead|50|0||',
      'LinkedIn||MQL|50|0||',
      'LinkedIn||Customer|50|0||',
      'Webinar||Lead|0|1|0|',
      'Webinar||MQL|0|0||0',
      'Webinar||Customer|0|0||',
      '(no channel)||Lead|0|1|0|',
      '(no channel)||MQL|0|1|0|1',
      '(no channel)||Customer|0|0||0',
      'All channels||Lead|150|3|50|',
      'All channels||MQL|150|2|75|0.6666666666666666',
      'All channels||Customer|150|1|150|0.5',
    ]);
    // Without a period both views count everything once, and agree.
    assert.deepEqual((await report('', 'cohort')).map(line), (await report(null, null)).map(line));
  });

  it('activity counts each stage in its own month, cohort in the month the record entered', async () => {
    await load(SPEND, STAGES, RECORDS);
    const search = (rs: FunnelRow[]) =>
      rs.filter((r) => r.channel === 'Search').map((r) => `${r.period} ${r.stage} ${r.records}`);
    assert.deepEqual(search(await report('month', 'activity')), [
      '2026-01 Lead 1',
      '2026-01 MQL 0',
      '2026-01 Customer 0',
      '2026-03 Lead 0',
      '2026-03 MQL 1',
      '2026-03 Customer 1',
    ]);
    assert.deepEqual(search(await report('month', 'COHORT')), [
      '2026-01 Lead 1',
      '2026-01 MQL 1',
      '2026-01 Customer 1',
    ]);
    const totals = (await report('month', 'cohort')).filter((r) => r.channel === 'All channels');
    assert.deepEqual(
      totals.map((r) => `${r.period} ${r.stage} ${r.spend} ${r.records}`),
      [
        '2026-01 Lead 100 2',
        '2026-01 MQL 100 1',
        '2026-01 Customer 100 1',
        '2026-02 Lead 50 1',
        '2026-02 MQL 50 1',
        '2026-02 Customer 50 0',
        'All Lead 150 3',
        'All MQL 150 2',
        'All Customer 150 1',
      ],
    );
  });

  it('refuses what the sheet refuses, naming the function, the view and the row', async () => {
    await load(SPEND, STAGES, RECORDS);
    assert.equal(
      await failure('fortnight', null),
      'funnel_report: period "fortnight" is not a period; use one of: week, month, quarter, year, or NULL for none',
    );
    assert.equal(
      await failure(null, 'cohorts'),
      'funnel_report: view "cohorts" is not a view; use activity or cohort, or NULL for activity',
    );
    await load(SPEND, STAGES, [
      ...RECORDS,
      ...recordRows(STAGES, [{ channel: 'Grand total', days: ['2026-01-01', null, null] }]).map(
        (r) => ({ ...r, source_row: 9 }),
      ),
    ]);
    assert.equal(
      await failure('month', null),
      'funnel_report: row 9 of funnel_records: channel "Grand total" is an export\'s totals row, end the data above it or delete the row, so its figures are not counted twice',
    );
    // Without source_row (a warehouse table has no row order) the problem names the channel.
    await con.run(
      "CREATE OR REPLACE VIEW funnel_records AS SELECT 'Total' AS channel, DATE '2026-01-06' AS lead, NULL::DATE AS mql, NULL::DATE AS customer",
    );
    assert.equal(
      await failure(null, null),
      'funnel_report: a funnel_records row of channel "Total": channel "Total" is an export\'s totals row, end the data above it or delete the row, so its figures are not counted twice',
    );
  });

  it('is generated for the stages given, refusing stages it could not tell apart', () => {
    assert.deepEqual(stageColumns(['Created', 'Marketing Qualified Lead', '2nd call']), [
      'created',
      'marketing_qualified_lead',
      'stage_2nd_call',
    ]);
    assert.throws(
      () => funnelFunction(duckdb, ['Lead', 'MQL', 'mql']),
      /^Error: stages "MQL" and "mql" would both be column mql of funnel_records: name them apart$/,
    );
    assert.throws(() => funnelFunction(duckdb, []), /give the funnel at least one stage/);
    assert.throws(() => funnelFunction(duckdb, ['Lead', ' ']), /stage 2 is blank/);
    assert.throws(
      () => funnelFunction(duckdb, ['Channel', 'Lead']),
      /stage "Channel" would be column channel, which funnel_records holds already/,
    );
  });

  it('agrees with the sheet on generated tables, every period and view', async () => {
    await funnelAgrees(engine, { bad: false, maxLength: 12, numRuns: 40 });
  }, 120_000);

  it('raises the problem the sheet raises, naming the same row, on generated tables', async () => {
    await funnelAgrees(engine, { bad: true, maxLength: 8, numRuns: 40, atLeast: 10 });
  }, 120_000);
});
