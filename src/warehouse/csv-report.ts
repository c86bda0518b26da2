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
import {
  ECONOMICS_COLUMNS,
  type Economics,
  maxCpqmOf,
  type RowWithVerdict,
  withVerdicts,
} from './economics';
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

/** The report's rows; with `trend` the trend's rows; with `economics` each row judged. */
export async function runReport(
  con: DuckDBConnection,
  options: ReportOptions & { trend: true },
): Promise<TrendRow[]>;
export async function runReport(
  con: DuckDBConnection,
  options: ReportOptions & { economics: Economics },
): Promise<RowWithVerdict[]>;
export async function runReport(
  con: DuckDBConnection,
  options: ReportOptions,
): Promise<ReportRow[]>;
export async function runReport(
  con: DuckDBConnection,
  options: ReportOptions,
): Promise<ReportRow[] | TrendRow[] | RowWithVerdict[]> {
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
  if (options.trend && options.economics) {
    throw new ReportError('--deal, --close and --roas judge the report: leave out --trend');
  }
  const maxCpqm = options.economics && maxCpqmOf(options.economics);
  try {
    return await runOnce(con, options, maxCpqm);
  } catch (e) {
    // A numeric-looking spend column with text further down: read it as text, the sheet's way.
    if (
      (options.readAs ?? 'auto') === 'auto' &&
      e instanceof ReportError &&
      CSV_CAST.test(e.message)
    ) {
      return runOnce(con, { ...options, readAs: 'text' }, maxCpqm);
    }
    throw e;
  }
}

/** Significant digits a number is written with: 1616.12, not 1616.1200000000001. */
const SIGNIFICANT_DIGITS = 15;

/** The columns that hold fractional numbers (money, rates) and the counts, of every table written. */
const FRACTIONS: ReadonlySet<string> = new Set([...SQL_REPORT_NUMBERS, 'max_cpqm', 'headroom']);
const COUNTS: ReadonlySet<string> = new Set(
  SQL_REPORT_COLUMNS.filter((c) => c !== 'channel' && c !== 'period' && !FRACTIONS.has(c)),
);

/** A column as the CSV file shows it: numbers without float noise. */
function withoutNoise(column: string): string {
  return FRACTIONS.has(column)
    ? `CAST(printf('%.${SIGNIFICANT_DIGITS}g', ${column}) AS DOUBLE) AS ${column}`
    : column;
}

/** Rows computed here as a table DuckDB can write, typed by column (so no rows is still a table). */
function rowsTable(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const type = (c: string) => (FRACTIONS.has(c) ? 'DOUBLE' : COUNTS.has(c) ? 'BIGINT' : 'VARCHAR');
  const value = (v: unknown) =>
    v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : sqlStr(String(v));
  const typed = `SELECT ${columns.map((c) => `CAST(NULL AS ${type(c)}) AS ${c}`).join(', ')} WHERE false`;
  return rows.length === 0
    ? typed
    : `${typed} UNION ALL VALUES ${rows.map((r) => `(${columns.map((c) => value(r[c])).join(', ')})`).join(', ')}`;
}

async function runOnce(
  con: DuckDBConnection,
  options: ReportOptions,
  maxCpqm: number | undefined,
): Promise<ReportRow[] | TrendRow[] | RowWithVerdict[]> {
  const queried: readonly string[] = options.trend ? SQL_TREND_COLUMNS : SQL_REPORT_COLUMNS;
  const textColumns = await defineViews(con, options, false);
  if (options.onProgress) {
    await con.run('SET enable_progress_bar = true');
    await con.run('SET enable_progress_bar_print = false');
  }
  const select = `SELECT ${queried.join(', ')} FROM ${reportCall(options)}`;
  // With a CSV file to write, DuckDB writes it (no row passes through JavaScript), into a file
  // beside the output that takes its name only once complete: a failed run leaves no output
  // file, not an empty or half one, and an older file of that name stays as it was. The
  // verdict is the one rule's (metrics/verdict.ts), so those rows are judged here first.
  const partial = options.out ? `${options.out}.${process.pid}.partial` : undefined;
  const copy = (columns: readonly string[], from: string) =>
    `COPY (SELECT ${columns.map(withoutNoise).join(', ')} FROM (${from})) TO ${sqlStr(partial!)} (FORMAT csv, HEADER)`;
  let reader: DuckDBResultReader;
  try {
    reader = await withProgress(
      con,
      con.runAndReadAll(partial && maxCpqm === undefined ? copy(queried, select) : select),
      options.onProgress,
    );
  } catch (e) {
    if (partial) rmSync(partial, { force: true });
    throw new ReportError(
      await whereItWent(con, options, inFiles((e as Error).message, options), textColumns),
    );
  }
  const judged =
    maxCpqm === undefined ? undefined : withVerdicts(plainRows(reader) as ReportRow[], maxCpqm);
  if (partial && judged) {
    const columns = [...SQL_REPORT_COLUMNS, ...ECONOMICS_COLUMNS];
    await con.run(copy(columns, rowsTable(columns, judged))).catch((e: Error) => {
      rmSync(partial, { force: true });
      throw e;
    });
  }
  if (partial && options.out) renameSync(partial, options.out);
  if (options.out || options.materializeOnly) return [];
  return judged ?? (plainRows(reader) as ReportRow[] | TrendRow[]);
}
