/** A DuckDB connection with the generated functions loaded. */
import { type DuckDBConnection, DuckDBInstance, type DuckDBResultReader } from '@duckdb/node-api';
import { duckdb } from './dialect';
import { generate, type TableFunctionName } from './generate';

/** With `tables`, only those table functions and what they need (generate). */
export async function connect(
  options: Record<string, string> = {},
  tables?: readonly TableFunctionName[],
): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', options);
  const con = await instance.connect();
  await con.run(generate(duckdb, tables));
  return con;
}

/** The rows of a query as plain objects (numbers as numbers, BIGINT as number, dates as ISO text). */
export async function rows(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return plainRows(await con.runAndReadAll(sql));
}

/** A result's rows as plain objects, BIGINT as number. */
export function plainRows(reader: DuckDBResultReader): Record<string, unknown>[] {
  return reader
    .getRowObjectsJS()
    .map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]),
      ),
    );
}
