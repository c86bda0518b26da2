/**
 * The generated BigQuery file run in ZetaSQL, BigQuery's own SQL front end and
 * reference evaluator: every statement resolves in order, each element-wise
 * function equals the sheet function on generated arguments, and the report
 * equals the sheet's CPQM_REPORT on generated tables for every period. What
 * the reference engine cannot run is named in docs/WAREHOUSE.md.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { afterAll as after, beforeAll as before, describe, it } from 'vitest';
import { bigquery } from '../../src/warehouse/dialect';
import { generate } from '../../src/warehouse/generate';
import { helpers } from '../../src/warehouse/helpers';
import { reportFunction } from '../../src/warehouse/report';
import { sqlEntries, sqlName } from '../../src/warehouse/scalar';
import { agreesWithSheetReading, moneyText, type Reading } from './money-text';
import {
  agreesOnProblems,
  agreesOnTables,
  type MappingRow,
  type MeetingRow,
  type ReportRow,
  type SpendRow,
} from './report-tables';
import { argumentValue, expected, type Outcome } from './sheet-calls';
import {
  type AnalyzedFile,
  abortingEntries,
  analyzeFile,
  bigQueryOptions,
} from './zetasql/bigquery-file';
import { type Message, ZetaSql } from './zetasql/service';
import { cell, float64, reason, resultRows } from './zetasql/values';

const q = bigquery();
let z: ZetaSql;
let options: Message;
let file: AnalyzedFile;

before(async () => {
  z = await ZetaSql.start();
  options = await bigQueryOptions(z);
  file = await analyzeFile(z, options, generate(q));
}, 60_000);
after(() => z?.stop());

/** The sheet's "the result is too large to show" names no argument: its first word is "the". */
const TOO_LARGE = 'the';
/**
 * The one difference from the sheet: BigQuery stops at a product beyond FLOAT64's range inside a
 * formula (quota × coverage, a rate × 1000) with its own error, before the result is checked.
 */
const PRODUCT_OVERFLOW = /^double overflow: \S+ \* \S+$/;

async function query(sql: string, tableContent: Message = {}): Promise<Message> {
  return z.evaluateQuery({ sql, options, simpleCatalog: file.catalog, tableContent });
}

describe('the BigQuery file in ZetaSQL', () => {
  it('every statement resolves, each function before the statements that call it', () => {
    assert.equal(file.failure, undefined, JSON.stringify(file.failure, null, 2));
    const qualified = (name: string) => `funnel_math.${name}`;
    assert.deepEqual(
      file.statements.map((s) => s.name),
      [
        ...helpers(q).map((h) => qualified(h.name)),
        ...sqlEntries().map((e) => qualified(e.name.toLowerCase())),
        qualified('funnel_spend'),
        qualified('funnel_meetings'),
        qualified('funnel_mapping'),
        qualified(reportFunction(q).name),
      ],
    );
    assert.deepEqual(
      [...new Set(file.statements.map((s) => s.kind))],
      ['function', 'view', 'table function'],
    );
  });

  for (const entry of sqlEntries()) {
    const fn = entry.name.toLowerCase();
    const call = (args: string[]) => q.call(fn, args);

    it(`${fn} equals the sheet function on generated arguments`, async () => {
      const argumentSets = fc.array(
        fc.array(argumentValue, { minLength: entry.params.length, maxLength: entry.params.length }),
        { minLength: 24, maxLength: 24 },
      );
      await fc.assert(
        fc.asyncProperty(argumentSets, async (sets) => {
          const wants = sets.map((args) => expected(entry.name, args));
          // Calls the sheet answers with a value go in one query; an error stops a query, so each
          // call the sheet refuses is a query of its own.
          const answered = sets.flatMap((_, k) => (wants[k]!.kind === 'sheet-error' ? [] : [k]));
          if (answered.length > 0) {
            const structs = answered.map(
              (k) =>
                `STRUCT(${k} AS k, ${sets[k]!.map((a, i) => `${float64(a)} AS a${i}`).join(', ')})`,
            );
            const got = resultRows(
              await query(
                `SELECT k, ${call(entry.params.map((_, i) => `a${i}`))} AS r FROM UNNEST([${structs.join(', ')}]) ORDER BY k`,
              ),
            );
            assert.deepEqual(
              got.map((row) => row.k),
              answered,
            );
            for (const row of got) {
              const k = row.k as number;
              const outcome: Outcome =
                row.r === null ? { kind: 'null' } : { kind: 'number', value: row.r as number };
              assert.deepEqual(outcome, wants[k], `${fn}(${sets[k]!.join(', ')})`);
            }
          }
          for (const [k, want] of wants.entries()) {
            if (want.kind !== 'sheet-error') continue;
            const args = sets[k]!;
            const message = await query(`SELECT ${call(args.map(float64))} AS r`).then(
              (r) => `no error but ${JSON.stringify(resultRows(r))}`,
              reason,
            );
            const arg = entry.params.some((p) => p.name === want.arg)
              ? sqlName(want.arg)
              : want.arg;
            assert.ok(
              message.startsWith(`${fn}: ${arg}`) ||
                (want.arg === TOO_LARGE && PRODUCT_OVERFLOW.test(message)),
              `${fn}(${args.join(', ')}): "${message}" should name ${arg}`,
            );
          }
        }),
        { numRuns: 4 },
      );
    });
  }
});

describe('funnel_amount in ZetaSQL', () => {
  it('reads money text as the sheet reads it, and refuses what it refuses, with both readings', async () => {
    const read = (text: string): Promise<Reading> =>
      query(`SELECT ${q.call('funnel_amount', [q.str(text), q.str('spend')])} AS v`).then(
        (r) => ({ value: resultRows(r)[0]!.v as number | null }),
        (e) => ({ error: reason(e) }),
      );
    await fc.assert(
      fc.asyncProperty(moneyText, async (t) => agreesWithSheetReading(t, await read(t))),
      { numRuns: 120 },
    );
  });
});

describe('where BigQuery differs', () => {
  it('a product beyond FLOAT64 stops with its overflow error, where the sheet says the result is too large', async () => {
    for (const [fn, args] of [
      ['SQMS_NEEDED', [1e308, 1e308, 1, 1]],
      ['CPM', [1e306, 1]],
    ] as const) {
      assert.deepEqual(expected(fn, [...args]), { kind: 'sheet-error', arg: TOO_LARGE });
      const message = await query(
        `SELECT ${q.call(fn.toLowerCase(), args.map(float64))} AS r`,
      ).then(() => 'no error', reason);
      assert.match(message, PRODUCT_OVERFLOW);
    }
  });
});

describe('cpqm_report in ZetaSQL', () => {
  const SPEND = 'funnel_math.funnel_spend';
  const MEETINGS = 'funnel_math.funnel_meetings';
  const MAPPING = 'funnel_math.funnel_mapping';

  /**
   * The table function's body as a query, its argument a literal: the reference engine does
   * not run a table function whose WITH clause reads its argument ("not implemented").
   */
  function reportQuery(period: string | null): string {
    const { body } = reportFunction(q);
    const name = q.str('cpqm_report');
    const argument = q.call('funnel_period_unit', ['period', name]);
    assert.ok(body.includes(argument), 'the report reads its period through funnel_period_unit');
    const literal = period === null ? 'CAST(NULL AS STRING)' : q.str(period);
    return body.replaceAll(argument, q.call('funnel_period_unit', [literal, name]));
  }

  function tables(spend: SpendRow[], meetings: MeetingRow[], mapping: MappingRow[]): Message {
    const content = <T>(rows: T[], cells: (r: T) => Message[]) => ({
      tableData: { row: rows.map((r) => ({ cell: cells(r) })) },
    });
    return {
      [SPEND]: content(spend, (r) => [
        cell(r.channel, 'TYPE_STRING'),
        cell(r.spend, 'TYPE_DOUBLE'),
        cell(r.day, 'TYPE_DATE'),
        cell(r.source_row, 'TYPE_INT64'),
      ]),
      [MEETINGS]: content(meetings, (r) => [
        cell(r.channel, 'TYPE_STRING'),
        cell(r.outcome, 'TYPE_STRING'),
        cell(r.day, 'TYPE_DATE'),
        cell(r.source_row, 'TYPE_INT64'),
      ]),
      [MAPPING]: content(mapping, (r) => [
        cell(r.field, 'TYPE_STRING'),
        cell(r.value, 'TYPE_STRING'),
        cell(r.means, 'TYPE_STRING'),
        cell(r.source_row, 'TYPE_INT64'),
      ]),
    };
  }

  async function report(
    spend: SpendRow[],
    meetings: MeetingRow[],
    period: string | null,
    mapping: MappingRow[],
  ): Promise<ReportRow[] | string> {
    return query(reportQuery(period), tables(spend, meetings, mapping)).then(
      (r) => resultRows(r) as unknown as ReportRow[],
      reason,
    );
  }

  it('reads the views the file declares, with the columns the report names', () => {
    const columns = (name: string) =>
      file.catalog.table.find((t: Message) => t.name === name)?.column.map((c: Message) => c.name);
    assert.deepEqual(columns(SPEND), ['channel', 'spend', 'day', 'source_row']);
    assert.deepEqual(columns(MEETINGS), ['channel', 'outcome', 'day', 'source_row']);
    assert.deepEqual(columns(MAPPING), ['field', 'value', 'means', 'source_row']);
  });

  it('equals the sheet on generated tables, for every period', async () => {
    await agreesOnTables(report, { maxLength: 20, numRuns: 40 });
  });

  it('raises the problem the sheet raises, naming the same row, on generated tables', async () => {
    await agreesOnProblems(report, { maxLength: 10, numRuns: 40, atLeast: 11 });
  });
});

describe('a malformed catalogue', () => {
  it('aborts the server; it is restarted and the entry named', async () => {
    const broken = structuredClone(file.catalog);
    broken.customFunction[3].namePath = [];
    const found = await abortingEntries(z, options, broken);
    assert.deepEqual(found, [
      `customFunction 4 (name [], body "${file.catalog.customFunction[3].parseResumeLocation.input.slice(0, 40)}…")`,
    ]);
    // The restarted server answers with the whole, well-formed catalogue.
    assert.deepEqual(await abortingEntries(z, options, file.catalog), []);
    assert.deepEqual(
      resultRows(
        await query(
          `SELECT ${q.call('cpqm', ['1000', '10', '0.5', 'CAST(NULL AS FLOAT64)'])} AS r`,
        ),
      ),
      [{ r: 200 }],
    );
  });
});
