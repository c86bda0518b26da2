/**
 * The reports straight from CSV exports, with DuckDB: find the columns by
 * the headers real exports use (or as named), define the views over
 * read_csv, run cpqm_report, funnel_report and deals_report as their files
 * are given, and return their rows or write them to CSV files.
 *
 * Reading follows the sheet: spend text such as "$1,204.50" is read by
 * funnel_amount (ambiguous text like "1,204" is refused, naming the row);
 * a column DuckDB's sniffer already reads as numbers is read as numbers. Row
 * numbers in messages are the file's rows counting the header as row 1, as a
 * spreadsheet shows the file.
 */
import { renameSync, rmSync } from 'node:fs';
import type { DuckDBConnection, DuckDBResultReader } from '@duckdb/node-api';
import { VIEWS } from '../metrics/funnel-report';
import { PERIODS } from '../metrics/period';
import { defineDeals, defineRecords } from './csv-crm';
import { sqlStr } from './csv-file';
import { ReportError, type ReportOptions } from './csv-options';
import { CSV_CAST, inFiles, whereItWent } from './csv-problems';
import { defineViews } from './csv-views';
import { SQL_DEALS_COLUMNS, SQL_DEALS_NUMBERS } from './deals';
import { plainRows } from './duckdb';
import { SQL_FUNNEL_COLUMNS, SQL_FUNNEL_NUMBERS } from './funnel';
import { SQL_REPORT_COLUMNS, SQL_REPORT_NUMBERS } from './report';

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

/** The reports the command can run, each from one file besides the spend files. */
export type ReportKey = 'cpqm' | 'funnel' | 'deals';

/** A report the command runs: its table function call, its columns, how it is shown and named. */
export interface CsvReport {
  key: ReportKey;
  title: string;
  call: string;
  columns: readonly string[];
  /** Fractional columns (money, rates), written without float noise. */
  numbers: ReadonlySet<string>;
  /** Shown as money and as percentages on the terminal. */
  money: ReadonlySet<string>;
  rates: ReadonlySet<string>;
}

/** A report's rows by column name. */
export type CsvRow = Record<string, string | number | null>;

/** The reports a command asks for, in the order they print: channels, funnel, deals. */
export function reportsAsked(options: ReportOptions): CsvReport[] {
  const arg = (x: string | undefined) => (x === undefined ? 'NULL' : sqlStr(x));
  const period = arg(options.period);
  const view = arg(options.view);
  const reports: CsvReport[] = [];
  if (options.meetings !== undefined) {
    reports.push({
      key: 'cpqm',
      title: 'CPQM report',
      call: `cpqm_report(${period})`,
      columns: SQL_REPORT_COLUMNS,
      numbers: SQL_REPORT_NUMBERS,
      money: new Set(['spend', 'cost_per_meeting', 'cpqm']),
      rates: new Set(['show_rate', 'qual_rate']),
    });
  }
  if (options.contacts !== undefined) {
    reports.push({
      key: 'funnel',
      title: 'Funnel report',
      call: `funnel_report(${period}, ${view})`,
      columns: SQL_FUNNEL_COLUMNS,
      numbers: SQL_FUNNEL_NUMBERS,
      money: new Set(['spend', 'cost_per_record']),
      rates: new Set(['from_previous']),
    });
  }
  if (options.deals !== undefined) {
    reports.push({
      key: 'deals',
      title: 'Deals report',
      call: `deals_report(${period}, ${view})`,
      columns: SQL_DEALS_COLUMNS,
      numbers: SQL_DEALS_NUMBERS,
      money: new Set([
        'spend',
        'pipeline',
        'cost_per_opportunity',
        'revenue',
        'average_deal',
        'cac',
      ]),
      rates: new Set(['win_rate']),
    });
  }
  return reports;
}

/**
 * The CSV file a report is written to with --out: the channel report to the name given, the
 * funnel and deals reports beside it with -funnel and -deals before the extension
 * (report.csv, report-funnel.csv, report-deals.csv).
 */
export function outFile(out: string, key: ReportKey): string {
  if (key === 'cpqm') return out;
  const dot = out.lastIndexOf('.');
  const slash = Math.max(out.lastIndexOf('/'), out.lastIndexOf('\\'));
  return dot > slash + 1 ? `${out.slice(0, dot)}-${key}${out.slice(dot)}` : `${out}-${key}`;
}

/** A flag that takes one of a few words (any case), or is left out for `otherwise`. */
function checkChoice(
  flag: string,
  value: string | undefined,
  choices: readonly string[],
  otherwise: string,
): void {
  if (value === undefined || value.trim() === '') return;
  if (!choices.includes(value.trim().toLowerCase())) {
    throw new ReportError(
      `--${flag} "${value}" is not one of ${choices.join(', ')}; leave it out for ${otherwise}`,
    );
  }
}

/** The channel report alone (the command without --contacts or --deals). */
export async function runReport(
  con: DuckDBConnection,
  options: ReportOptions,
): Promise<ReportRow[]> {
  return ((await runReports(con, options)).cpqm ?? []) as ReportRow[];
}

/** Every report asked, by key: rows, or none when written to files. */
export async function runReports(
  con: DuckDBConnection,
  options: ReportOptions,
): Promise<Partial<Record<ReportKey, CsvRow[]>>> {
  checkChoice('period', options.period, PERIODS, 'one row per channel');
  checkChoice('view', options.view, VIEWS, 'activity');
  if (reportsAsked(options).length === 0) {
    throw new ReportError(
      'no report asked: give a meetings file (--meetings), a contacts file (--contacts) or a deals file (--deals)',
    );
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

/** A report column as the CSV file shows it: numbers without float noise. */
function withoutNoise(report: CsvReport, column: string): string {
  return report.numbers.has(column)
    ? `CAST(printf('%.${SIGNIFICANT_DIGITS}g', ${column}) AS DOUBLE) AS ${column}`
    : column;
}

async function runOnce(
  con: DuckDBConnection,
  options: ReportOptions,
): Promise<Partial<Record<ReportKey, CsvRow[]>>> {
  const textColumns = await defineViews(con, options, false);
  if (options.contacts !== undefined) {
    await defineRecords(con, { ...options, contacts: options.contacts }, textColumns);
  }
  if (options.deals !== undefined) {
    await defineDeals(con, { ...options, deals: options.deals }, textColumns);
  }
  if (options.onProgress) {
    await con.run('SET enable_progress_bar = true');
    await con.run('SET enable_progress_bar_print = false');
  }
  const out: Partial<Record<ReportKey, CsvRow[]>> = {};
  // With CSV files to write, DuckDB writes them (no row passes through JavaScript), each into a
  // file beside its output that takes its name only once every report is complete: a failed run
  // leaves no output file, not an empty or half one, and older files of those names stay as they were.
  const written: [partial: string, final: string][] = [];
  try {
    for (const report of reportsAsked(options)) {
      const select = `SELECT ${report.columns.join(', ')} FROM ${report.call}`;
      const final = options.out && outFile(options.out, report.key);
      const partial = final ? `${final}.${process.pid}.partial` : undefined;
      const sql = partial
        ? `COPY (SELECT ${report.columns.map((c) => withoutNoise(report, c)).join(', ')} FROM (${select})) TO ${sqlStr(partial)} (FORMAT csv, HEADER)`
        : select;
      let reader: DuckDBResultReader;
      try {
        reader = await withProgress(con, con.runAndReadAll(sql), options.onProgress);
      } catch (e) {
        throw new ReportError(
          await whereItWent(
            con,
            options,
            inFiles((e as Error).message, options),
            textColumns,
            report.call,
          ),
        );
      }
      if (partial && final) written.push([partial, final]);
      else if (!options.materializeOnly) out[report.key] = plainRows(reader) as CsvRow[];
    }
  } catch (e) {
    if (options.out) {
      for (const r of reportsAsked(options)) {
        rmSync(`${outFile(options.out, r.key)}.${process.pid}.partial`, { force: true });
      }
    }
    throw e;
  }
  for (const [partial, final] of written) renameSync(partial, final);
  return out;
}
