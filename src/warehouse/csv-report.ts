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
import {
  ECONOMICS_COLUMNS,
  ECONOMICS_NUMBERS,
  type Economics,
  maxCpqmOf,
  type RowWithVerdict,
  withVerdicts,
} from './economics';
import { SQL_FUNNEL_COLUMNS, SQL_FUNNEL_NUMBERS } from './funnel';
import type { TableFunctionName } from './generate';
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

/** The reports the command can run, each from one file besides the spend files. */
export type ReportKey = 'cpqm' | 'trend' | 'funnel' | 'deals';

/** A report the command runs: its table function call, its columns, how it is shown and named. */
export interface CsvReport {
  key: ReportKey;
  title: string;
  /** The table function and its call. */
  fn: TableFunctionName;
  call: string;
  columns: readonly string[];
  /**
   * Columns computed here after the query's (the verdict: its rule is metrics/verdict.ts), from
   * the query's rows: `columns` are then the query's, and the rows come through JavaScript.
   * `numbers` are those of the added columns that hold fractional numbers.
   */
  added?: {
    columns: readonly string[];
    numbers: ReadonlySet<string>;
    to: (rows: CsvRow[]) => CsvRow[];
  };
  /** Fractional columns (money, rates), written without float noise. */
  numbers: ReadonlySet<string>;
  /** Shown as money and as percentages on the terminal. */
  money: ReadonlySet<string>;
  rates: ReadonlySet<string>;
}

/** A report's rows by column name. */
export type CsvRow = Record<string, string | number | null>;

/**
 * The table functions to create when connecting: those the run calls, but funnel_report, which
 * defineRecords (csv-crm.ts) creates for the contacts file's stages.
 */
export function tablesAtConnect(options: ReportOptions): TableFunctionName[] {
  return reportsAsked(options)
    .map((r) => r.fn)
    .filter((fn) => fn !== 'funnel_report');
}

/** The reports a command asks for, in the order they print: channels, funnel, deals. */
export function reportsAsked(options: ReportOptions): CsvReport[] {
  const arg = (x: string | undefined) => (x === undefined ? 'NULL' : sqlStr(x));
  const period = arg(options.period);
  const view = arg(options.view);
  const calling = (fn: TableFunctionName, ...args: string[]) => ({
    fn,
    call: `${fn}(${args.join(', ')})`,
  });
  const reports: CsvReport[] = [];
  const maxCpqm = options.economics && maxCpqmOf(options.economics);
  if (options.meetings !== undefined && options.trend) {
    reports.push({
      key: 'trend',
      title: 'CPQM trend',
      ...calling('cpqm_trend', period),
      columns: SQL_TREND_COLUMNS,
      numbers: new Set(['cpqm']),
      money: new Set(['cpqm']),
      rates: new Set(),
    });
  } else if (options.meetings !== undefined) {
    reports.push({
      key: 'cpqm',
      title: 'CPQM report',
      ...calling('cpqm_report', period),
      columns: SQL_REPORT_COLUMNS,
      numbers: SQL_REPORT_NUMBERS,
      money: new Set(['spend', 'cost_per_meeting', 'cpqm', 'max_cpqm']),
      rates: new Set(['show_rate', 'qual_rate', 'headroom']),
      added:
        maxCpqm === undefined
          ? undefined
          : {
              columns: ECONOMICS_COLUMNS,
              numbers: ECONOMICS_NUMBERS,
              to: (rows) => withVerdicts(rows as ReportRow[], maxCpqm),
            },
    });
  }
  if (options.contacts !== undefined) {
    reports.push({
      key: 'funnel',
      title: 'Funnel report',
      ...calling('funnel_report', period, view),
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
      ...calling('deals_report', period, view),
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
  if (key === 'cpqm' || key === 'trend') return out;
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

export type TrendRow = Record<(typeof SQL_TREND_COLUMNS)[number], string | number | null>;

/**
 * The channel report alone (the command without --contacts or --deals); with `trend` the trend;
 * with `economics` each row judged.
 */
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
export async function runReport(con: DuckDBConnection, options: ReportOptions): Promise<CsvRow[]> {
  const reports = await runReports(con, options);
  return (options.trend ? reports.trend : reports.cpqm) ?? [];
}

/** Every report asked, by key: rows, or none when written to files. */
export async function runReports(
  con: DuckDBConnection,
  options: ReportOptions,
): Promise<Partial<Record<ReportKey, CsvRow[]>>> {
  checkChoice('period', options.period, PERIODS, 'one row per channel');
  checkChoice('view', options.view, VIEWS, 'activity');
  if (options.trend && (options.period === undefined || options.period.trim() === '')) {
    throw new ReportError(`--trend needs --period: one of ${PERIODS.join(', ')}`);
  }
  if (options.trend && options.economics) {
    throw new ReportError('--deal, --close and --roas judge the report: leave out --trend');
  }
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
  return report.numbers.has(column) || report.added?.numbers.has(column)
    ? `CAST(printf('%.${SIGNIFICANT_DIGITS}g', ${column}) AS DOUBLE) AS ${column}`
    : column;
}

/**
 * Rows computed here as a table DuckDB can write, typed by column (so no rows is still a table):
 * the query's columns as the query typed them, the added ones as numbers or text.
 */
async function rowsTable(
  con: DuckDBConnection,
  report: CsvReport,
  rows: readonly CsvRow[],
): Promise<string> {
  const typed = await con.runAndReadAll(
    `SELECT ${report.columns.join(', ')} FROM ${report.call} LIMIT 0`,
  );
  const added = report.added?.columns ?? [];
  const types = [
    ...typed.columnTypes().map((t) => t.toString()),
    ...added.map((c) => (report.added?.numbers.has(c) ? 'DOUBLE' : 'VARCHAR')),
  ];
  const columns = [...report.columns, ...added];
  const value = (v: unknown) =>
    v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : sqlStr(String(v));
  const empty = `SELECT ${columns.map((c, k) => `CAST(NULL AS ${types[k]}) AS ${c}`).join(', ')} WHERE false`;
  return rows.length === 0
    ? empty
    : `${empty} UNION ALL VALUES ${rows.map((r) => `(${columns.map((c) => value(r[c])).join(', ')})`).join(', ')}`;
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
      const copy = (columns: readonly string[], from: string) =>
        `COPY (SELECT ${columns.map((c) => withoutNoise(report, c)).join(', ')} FROM (${from})) TO ${sqlStr(partial!)} (FORMAT csv, HEADER)`;
      const sql = partial && !report.added ? copy(report.columns, select) : select;
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
      const rows = report.added?.to(plainRows(reader) as CsvRow[]);
      if (partial && rows) {
        const columns = [...report.columns, ...report.added!.columns];
        await con.run(copy(columns, await rowsTable(con, report, rows)));
      }
      if (partial && final) written.push([partial, final]);
      else if (!options.materializeOnly) out[report.key] = rows ?? (plainRows(reader) as CsvRow[]);
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
