/** A DuckDB connection with the generated functions loaded. */
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { duckdb } from './dialect';
import { generate } from './generate';

export async function connect(options: Record<string, string> = {}): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', options);
  const con = await instance.connect();
  await con.run(generate(duckdb));
  return con;
}

/** The rows of a query as plain objects (numbers as numbers, BIGINT as number, dates as ISO text). */
export async function rows(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await con.runAndReadAll(sql);
  return reader
    .getRowObjectsJS()
    .map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]),
      ),
    );
}
