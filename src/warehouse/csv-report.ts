/**
 * The channel report straight from CSV exports, with DuckDB: find the
 * columns by the headers real exports use (or as named), define the two
 * views over read_csv, run cpqm_report and return its rows.
 *
 * Reading follows the sheet: spend text such as "$1,204.50" is read by
 * funnel_amount (ambiguous text like "1,204" is refused, naming the row);
 * a column DuckDB's sniffer already reads as numbers is read as numbers. Row
 * numbers in messages are the file's rows counting the header as row 1, as a
 * spreadsheet shows the file.
 */
import { renameSync, rmSync } from 'node:fs';
import type { DuckDBConnection, DuckDBResultReader } from '@duckdb/node-api';
import { PERIODS } from '../metrics/period';
import { sqlStr } from './csv-file';
import { ReportError, type ReportOptions } from './csv-options';
import { CSV_CAST, inFiles, whereItWent } from './csv-problems';
import { defineViews, reportCall } from './csv-views';
import { plainRows } from './duckdb';
import { SQL_REPORT_COLUMNS, SQL_REPORT_NUMBERS } from './report';
import { SQL_TREND_COLUMNS } from './trend';

/** Runs a query, reporting progress while it runs. */
async function withProgress<T>(
  con: DuckDBConnection,
  work: Promise<T>,
  onProgress?: (percent: number, rows: number) => void,
): Promise<T> {
  if (!onProgress) return work;
  const timer = setInterval(() => {
    const p = con.progress;
    onProgress(p.percentage, Number(p.rows_processed));
  }, 500);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

export type ReportRow = Record<(typeof SQL_REPORT_COLUMNS)[number], string | number | null>;
export type TrendRow = Record<(typeof SQL_TREND_COLUMNS)[number], string | number | null>;

/** The report's rows, or with `trend` the trend's rows. */
export async function runReport(
  con: DuckDBConnection,
  options: ReportOptions & { trend: true },
): Promise<TrendRow[]>;
export async function runReport(
  con: DuckDBConnection,
  options: ReportOptions,
): Promise<ReportRow[]>;
export async function runReport(
  con: DuckDBConnection,
  options: ReportOptions,
): Promise<ReportRow[] | TrendRow[]> {
  if (
    options.period !== undefined &&
    options.period.trim() !== '' &&
    !(PERIODS as readonly string[]).includes(options.period.trim().toLowerCase())
  ) {
    throw new ReportError(
      `--period "${options.period}" is not one of ${PERIODS.join(', ')}; leave it out for one row per channel`,
    );
  }
  if (options.trend && (options.period === undefined || options.period.trim() === '')) {
    throw new ReportError(`--trend needs --period: one of ${PERIODS.join(', ')}`);
  }
  try {
    return await runOnce(con, options);
  } catch (e) {
    // A numeric-looking spend column with text further down: read it as text, the sheet's way.
    if (
      (options.readAs ?? 'auto') === 'auto' &&
      e instanceof ReportError &&
      CSV_CAST.test(e.message)
    ) {
      return runOnce(con, { ...options, readAs: 'text' });
    }
    throw e;
  }
}

/** Significant digits a number is written with: 1616.12, not 1616.1200000000001. */
const SIGNIFICANT_DIGITS = 15;

/** A column as the CSV file shows it: numbers without float noise. */
function withoutNoise(column: string): string {
  return (SQL_REPORT_NUMBERS as ReadonlySet<string>).has(column)
    ? `CAST(printf('%.${SIGNIFICANT_DIGITS}g', ${column}) AS DOUBLE) AS ${column}`
    : column;
}

async function runOnce(
  con: DuckDBConnection,
  options: ReportOptions,
): Promise<ReportRow[] | TrendRow[]> {
  const columns: readonly string[] = options.trend ? SQL_TREND_COLUMNS : SQL_REPORT_COLUMNS;
  const textColumns = await defineViews(con, options, false);
  if (options.onProgress) {
    await con.run('SET enable_progress_bar = true');
    await con.run('SET enable_progress_bar_print = false');
  }
  const select = `SELECT ${columns.join(', ')} FROM ${reportCall(options)}`;
  // With a CSV file to write, DuckDB writes it (no row passes through JavaScript), into a file
  // beside the output that takes its name only once complete: a failed run leaves no output
  // file, not an empty or half one, and an older file of that name stays as it was.
  const partial = options.out ? `${options.out}.${process.pid}.partial` : undefined;
  const sql = partial
    ? `COPY (SELECT ${columns.map(withoutNoise).join(', ')} FROM (${select})) TO ${sqlStr(partial)} (FORMAT csv, HEADER)`
    : select;
  let reader: DuckDBResultReader;
  try {
    reader = await withProgress(con, con.runAndReadAll(sql), options.onProgress);
  } catch (e) {
    if (partial) rmSync(partial, { force: true });
    throw new ReportError(
      await whereItWent(con, options, inFiles((e as Error).message, options), textColumns),
    );
  }
  if (partial && options.out) renameSync(partial, options.out);
  if (options.out || options.materializeOnly) return [];
  return plainRows(reader) as ReportRow[] | TrendRow[];
}
