/**
 * Where a failed report went wrong, said in the files' terms: the view names
 * become file names, and a value that does not read is found by scanning its
 * column in file order (the report's own scan is parallel and cannot say
 * which row came first).
 */
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { CSV_OPTIONS, sqlIdent, sqlStr } from './csv-file';
import type { ReportOptions } from './csv-options';
import { defineViews, spendRowName, type TextColumn } from './csv-views';

/** The first row of a text column whose text does not read, with the problem as funnel_amount or the day reading says it. */
async function firstBadRow(
  con: DuckDBConnection,
  message: string,
  columns: TextColumn[],
): Promise<string | undefined> {
  for (const c of columns) {
    if (!message.startsWith(`${c.column} "`)) continue;
    const col = sqlIdent(c.column);
    const reader = await con.runAndReadAll(
      `SELECT CAST(ordinality + 1 AS BIGINT) AS row, ${col} AS v FROM read_csv(${sqlStr(c.path)}, ${CSV_OPTIONS}, all_varchar = true) WITH ORDINALITY WHERE NOT (${c.ok(col)}) ORDER BY row LIMIT 1`,
    );
    const found = reader.getRowObjectsJS()[0];
    if (!found) continue;
    const text =
      c.holds === 'amount'
        ? await con
            .runAndReadAll(`SELECT funnel_amount(${sqlStr(String(found.v))}, ${sqlStr(c.column)})`)
            .then(
              () => message,
              (e: Error) => e.message.replace(/^Invalid Input Error: /, ''),
            )
        : message.replace(/"[^"]*"/, JSON.stringify(String(found.v)));
    return `row ${found.row} of ${c.file}: ${text}`;
  }
  return undefined;
}

/** Rewrites the view names in a report problem into the files' names. */
export function inFiles(message: string, options: ReportOptions): string {
  return message
    .replace(/^Invalid Input Error: /, '')
    .replace(/row (\d+) of funnel_spend\b/g, (_, row: string) => {
      const { file, line } = spendRowName(Number(row));
      return `row ${line} of ${basename(options.spend[file]!.path)}`;
    })
    .replace(/of funnel_meetings\b/g, `of ${basename(options.meetings ?? 'funnel_meetings')}`)
    .replace(/of funnel_records\b/g, `of ${basename(options.contacts ?? 'funnel_records')}`)
    .replace(/of funnel_deals\b/g, `of ${basename(options.deals ?? 'funnel_deals')}`)
    .replace(/of funnel_mapping\b/g, `of ${basename(options.mapping ?? 'funnel_mapping')}`);
}

/** DuckDB's CSV reader met a value its sniffed type cannot hold (text after a numeric sample). */
export const CSV_CAST = /Could not convert string|CSV Error on Line|Conversion Error/i;

/**
 * A report that failed, said with the row: a value that does not read is found by scanning its
 * column in file order; any other problem by running the report again over numbered rows.
 */
export async function whereItWent(
  con: DuckDBConnection,
  options: ReportOptions,
  message: string,
  textColumns: TextColumn[],
  /** The report that failed, as a table function call. */
  call: string,
): Promise<string> {
  if (CSV_CAST.test(message)) return message;
  const bad = await firstBadRow(con, message, textColumns);
  if (bad) return bad;
  await defineViews(con, options, true);
  return con.run(`SELECT count(*) FROM ${call}`).then(
    () => message,
    (e: Error) => inFiles(e.message, options),
  );
}
