/**
 * Views over literal rows in DuckDB, for the report tests: each column cast to
 * its type, an empty view still typed.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { MappingRow, SpendRow } from './report-tables';

export type Literal = string | number | null | undefined;

export function literal(v: Literal): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'string') return `'${v.replace(/'/g, "''")}'`;
  if (Number.isNaN(v)) return "'NaN'::DOUBLE";
  if (!Number.isFinite(v)) return `'${v > 0 ? '' : '-'}Infinity'::DOUBLE`;
  return `${v}::DOUBLE`;
}

/** CREATE OR REPLACE VIEW name over `rows`, columns given as [name, DuckDB type]. */
export async function defineView<R>(
  con: DuckDBConnection,
  name: string,
  columns: readonly (readonly [keyof R & string, string])[],
  rows: readonly R[],
): Promise<void> {
  const typed = (c: string, type: string) => `CAST(${c} AS ${type}) AS ${c}`;
  const select =
    rows.length === 0
      ? `SELECT ${columns.map(([c, t]) => `CAST(NULL AS ${t}) AS ${c}`).join(', ')} WHERE false`
      : `SELECT ${columns.map(([c, t]) => typed(c, t)).join(', ')} FROM (VALUES ${rows
          .map((r) => `(${columns.map(([c]) => literal(r[c] as Literal)).join(', ')})`)
          .join(', ')}) AS t(${columns.map(([c]) => c).join(', ')})`;
  await con.run(`CREATE OR REPLACE VIEW ${name} AS ${select}`);
}

/** funnel_spend and funnel_mapping over literal rows, as every report reads them. */
export async function defineSpendAndMapping(
  con: DuckDBConnection,
  spend: readonly SpendRow[],
  mapping: readonly MappingRow[],
): Promise<void> {
  await defineView(
    con,
    'funnel_spend',
    [
      ['channel', 'VARCHAR'],
      ['spend', 'DOUBLE'],
      ['day', 'DATE'],
      ['source_row', 'BIGINT'],
    ],
    spend,
  );
  await defineView(
    con,
    'funnel_mapping',
    [
      ['field', 'VARCHAR'],
      ['value', 'VARCHAR'],
      ['means', 'VARCHAR'],
      ['source_row', 'BIGINT'],
    ],
    mapping,
  );
}
