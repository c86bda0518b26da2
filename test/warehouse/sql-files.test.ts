/**
 * The generated files. BigQuery cannot be reached from here, so its file is
 * checked two ways: a golden copy (UPDATE_GOLDEN=1 rewrites it after a
 * deliberate change), and structurally: every BigQuery UDF is built from the
 * same catalogue expression as its DuckDB twin, through the same dialect
 * operations on the same operands.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SqlOps } from '../../src/metrics/spec';
import { bigquery, duckdb } from '../../src/warehouse/dialect';
import { generate, generateAll } from '../../src/warehouse/generate';
import { scalarFunction, sqlEntries, sqlName } from '../../src/warehouse/scalar';

const GOLDEN = join(__dirname, 'golden/bigquery.sql');

/**
 * The dialect operations an SQL form calls, in order, with their dialect-free operands: an
 * operand holding an earlier operation's result shows it as $k, the k-th operation.
 */
function traced(q: SqlOps): { ops: SqlOps; trace: unknown[] } {
  const trace: unknown[] = [];
  const results: string[] = [];
  const free = (operand: string) =>
    results.reduce((text, r, k) => (r === '' ? text : text.replaceAll(r, `$${k}`)), operand);
  const log = (entry: unknown[], result: string): string => {
    trace.push(entry.map((e) => (typeof e === 'string' ? free(e) : e)));
    results.push(result);
    return result;
  };
  const ops: SqlOps = {
    div: (n, d) => log(['div', n, d], q.div(n, d)),
    divByProduct: (n, fs) => log(['divByProduct', n, [...fs].map(free)], q.divByProduct(n, fs)),
    mul: (a, b) => log(['mul', a, b], q.mul(a, b)),
    error: (m) => log(['error'], q.error(m)),
    message: (parts) => log(['message', parts], q.message(parts)),
    call: (h, args) => log(['call', h], q.call(h, args)),
  };
  return { ops, trace };
}

/** The statements of a file, by the name they create. */
function statements(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(
    /CREATE OR REPLACE (?:MACRO|FUNCTION|TABLE FUNCTION) `?(?:[\w.-]+\.)?(\w+)`?\(([\s\S]*?)\n(?=\n|$)/g,
  )) {
    found.set(m[1]!, m[0]);
  }
  return found;
}

describe('the generated SQL files', () => {
  it('bigquery.sql matches its golden copy', () => {
    const text = generate(bigquery());
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('--dataset qualifies every function and view', () => {
    const { bigquery: text } = generateAll('acme-prod.marketing');
    expect(text).toContain('CREATE OR REPLACE FUNCTION `acme-prod.marketing.cpqm`(');
    expect(text).toContain(
      'CREATE OR REPLACE TABLE FUNCTION `acme-prod.marketing.cpqm_report`(period STRING)',
    );
    expect(text).toContain('`acme-prod.marketing.funnel_spend`');
    expect(text).not.toContain('funnel_math.');
  });

  it('both files define the same functions', () => {
    const duck = statements(generate(duckdb));
    const bq = statements(generate(bigquery()));
    expect([...bq.keys()]).toEqual([...duck.keys()]);
    for (const e of sqlEntries()) expect(duck.has(e.name.toLowerCase())).toBe(true);
    expect(duck.has('cpqm_report')).toBe(true);
  });

  it('each UDF comes from the same catalogue expression as its DuckDB macro', () => {
    const duck = statements(generate(duckdb));
    const bq = statements(generate(bigquery()));
    for (const entry of sqlEntries()) {
      const fn = entry.name.toLowerCase();
      const args = entry.params.map((p) =>
        p.optional && p.default !== undefined
          ? `COALESCE(${sqlName(p.name)}, ${p.default})`
          : sqlName(p.name),
      );
      const d = traced(duckdb);
      const b = traced(bigquery());
      const duckFormula = entry.sql!(args, d.ops);
      const bqFormula = entry.sql!(args, b.ops);
      // Same operations, same operands: only the dialect's spelling differs.
      expect(b.trace, fn).toEqual(d.trace);
      expect(d.trace.length, fn).toBeGreaterThan(0);
      // And that expression is what each file holds for the function.
      expect(duck.get(fn), fn).toContain(duckFormula);
      expect(bq.get(fn), fn).toContain(bqFormula);
      expect(scalarFunction(entry, bigquery()).params.map((p) => p.name)).toEqual(
        scalarFunction(entry, duckdb).params.map((p) => p.name),
      );
    }
  });

  it('raises errors with ERROR() in BigQuery and error() in DuckDB', () => {
    const bq = generate(bigquery());
    const duck = generate(duckdb);
    expect(bq).toContain("ERROR(('cpqm: spend '");
    expect(bq).not.toMatch(/[^_A-Z]error\(/);
    expect(duck).toContain("error(('cpqm: spend '");
  });
});
