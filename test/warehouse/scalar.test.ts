/**
 * The element-wise SQL functions against the sheet functions themselves:
 * the catalogue's worked examples, then generated arguments (blanks,
 * negatives, zeros, rates above 100%, NaN, ±Infinity) where every call must
 * agree: the same number to the bit, NULL where the sheet is blank or shows
 * #DIV/0!, and an error naming the same argument where the sheet has one.
 */
import assert from 'node:assert/strict';
import type { DuckDBConnection, DuckDBPreparedStatement } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll as after, beforeAll as before, describe, it } from 'vitest';
import { CATALOGUE, FUNCTIONS } from '../../src/metrics/catalogue';
import { connect } from '../../src/warehouse/duckdb';
import { sqlEntries, sqlName } from '../../src/warehouse/scalar';
import { argumentValue, expected, type Outcome } from './sheet-calls';

let con: DuckDBConnection;
before(async () => {
  con = await connect();
});
after(() => con.closeSync());

async function callSql(stmt: DuckDBPreparedStatement, args: (number | null)[]): Promise<Outcome> {
  args.forEach((a, k) => {
    if (a === null) stmt.bindNull(k + 1);
    else stmt.bindDouble(k + 1, a);
  });
  try {
    const reader = await stmt.runAndReadAll();
    const v = reader.getRows()[0]![0];
    return v === null ? { kind: 'null' } : { kind: 'number', value: Number(v) };
  } catch (e) {
    return { kind: 'error', message: (e as Error).message.replace(/^Invalid Input Error: /, '') };
  }
}

describe('element-wise SQL functions', () => {
  it('cover exactly the element-wise entries with a closed form', () => {
    assert.deepEqual(
      sqlEntries().map((e) => e.name.toLowerCase()),
      [
        'cpqm',
        'cost_per_meeting',
        'max_cpqm',
        'headroom',
        'cpm',
        'cpc',
        'ctr',
        'cpl',
        'cost_per_opp',
        'cac',
        'roas',
        'conversion',
        'sqms_needed',
        'sdrs_needed',
      ],
    );
  });

  for (const entry of sqlEntries()) {
    const fn = entry.name.toLowerCase();
    const spec = CATALOGUE.find((c) => c.name === entry.name)!;

    it(`${fn}: the worked examples`, async () => {
      for (const ex of spec.examples) {
        if (ex.args.some((a) => typeof a !== 'number')) continue;
        const sql = `SELECT ${fn}(${ex.args.join(', ')})`;
        const got = Number((await con.runAndReadAll(sql)).getRows()[0]![0]);
        const want = ex.result as number;
        if (ex.digits !== undefined)
          assert.ok(Math.abs(got - want) < 10 ** -ex.digits, `${sql} = ${got}, not ${want}`);
        else assert.equal(got, want, sql);
      }
    });

    it(`${fn}: agrees with the sheet function on generated arguments`, async () => {
      const stmt = await con.prepare(
        `SELECT ${fn}(${entry.params.map((_, k) => `$${k + 1}`).join(', ')})`,
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(argumentValue, {
            minLength: entry.params.length,
            maxLength: entry.params.length,
          }),
          async (args) => {
            const want = expected(entry.name, args);
            const got = await callSql(stmt, args);
            const call = `${fn}(${args.join(', ')})`;
            if (want.kind === 'sheet-error') {
              assert.equal(
                got.kind,
                'error',
                `${call}: the sheet has an error about ${want.arg}, SQL gave ${JSON.stringify(got)}`,
              );
              const named = (got as { message: string }).message;
              const arg = entry.params.some((p) => p.name === want.arg)
                ? sqlName(want.arg)
                : want.arg;
              assert.ok(
                named.startsWith(`${fn}: ${arg}`),
                `${call}: "${named}" should name ${arg}`,
              );
            } else {
              assert.deepEqual(got, want, call);
            }
          },
        ),
        { numRuns: 120 },
      );
      stmt.destroySync();
    });
  }

  it('a NULL required argument gives NULL whatever the others hold', async () => {
    const r = (
      await con.runAndReadAll(`SELECT cpqm(NULL, -5, 60), ctr(NULL, 0), sdrs_needed(3, NULL)`)
    ).getRows()[0];
    assert.deepEqual(r, [null, null, null]);
  });

  it('an omitted or NULL optional argument takes its default', async () => {
    const r = (
      await con.runAndReadAll(
        `SELECT cpqm(1000, 10, 0.6), cpqm(1000, 10, 0.6, NULL), cpqm(1000, 10, 1, 0.8)`,
      )
    ).getRows()[0];
    assert.deepEqual(r, [FUNCTIONS.CPQM!(1000, 10, 0.6), FUNCTIONS.CPQM!(1000, 10, 0.6), 125]);
  });

  it('messages say what to do, as the sheet does', async () => {
    const message = async (sql: string) =>
      con.runAndReadAll(sql).then(
        () => '',
        (e: Error) => e.message,
      );
    assert.match(
      await message('SELECT cpqm(950, 10, 60)'),
      /cpqm: qual_rate 60 is above 100%: enter 0\.6$/,
    );
    assert.match(
      await message('SELECT cpqm(-5, 10, 0.5)'),
      /cpqm: spend -5 is negative, enter 0 or more$/,
    );
    assert.match(
      await message('SELECT ctr(5, 3)'),
      /ctr: clicks 5 is more than impressions 3, check that the columns are not swapped$/,
    );
    assert.match(await message("SELECT cpm('abc', 3)"), /Binder Error/);
  });

  it('rounds SDRs up without float noise: 21 / 35% is 60', async () => {
    const r = (
      await con.runAndReadAll(
        `SELECT sdrs_needed(21, 0.35), sdrs_needed(18, 12), sdrs_needed(25, 12)`,
      )
    ).getRows()[0];
    assert.deepEqual(r.map(Number), [60, 2, 3]);
  });
});
