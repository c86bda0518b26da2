/**
 * The mapping table from a CSV file (npm run report --mapping): the view
 * funnel_mapping over its Field, Value and Means columns, each row numbered
 * by its line in the file, so the first matching row is the first in the
 * file and a refused row is named by its line.
 */
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { CSV_OPTIONS, checkFile, sniffCsv, sqlIdent, sqlStr } from './csv-file';
import { ReportError } from './csv-options';
import { duckdb } from './dialect';
import { MAPPING_VIEW, noMappingColumns } from './mapping';

/** Defines funnel_mapping over the file, or as no rows without one. */
export async function defineMapping(
  con: DuckDBConnection,
  path: string | undefined,
): Promise<void> {
  if (path === undefined) {
    await con.run(
      `CREATE OR REPLACE VIEW funnel_mapping AS SELECT ${noMappingColumns(duckdb)} WHERE false`,
    );
    return;
  }
  checkFile(path, 'mapping');
  const file = basename(path);
  const sniffed = await sniffCsv(con, path).catch((e) => {
    throw new ReportError(`${path} could not be read as CSV: ${(e as Error).message}`);
  });
  const byName = new Map(sniffed.columns.map((c) => [c.name.trim().toLowerCase(), c.name]));
  const missing = MAPPING_VIEW.filter((c) => !byName.has(c));
  if (missing.length > 0) {
    throw new ReportError(
      `${file} has no ${missing.join(', ')} column: a mapping file has the headers Field, Value, Means (it has ${sniffed.columns.map((c) => c.name).join(', ')})`,
    );
  }
  const columns = MAPPING_VIEW.map((c) => `${sqlIdent(byName.get(c)!)} AS ${c}`).join(', ');
  await con.run(
    `CREATE OR REPLACE VIEW funnel_mapping AS SELECT ${columns}, CAST(ordinality + 1 AS BIGINT) AS source_row FROM read_csv(${sqlStr(path)}, ${CSV_OPTIONS}, all_varchar = true) WITH ORDINALITY`,
  );
}
