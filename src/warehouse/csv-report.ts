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
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { DuckDBConnection, DuckDBResultReader } from '@duckdb/node-api';
import { PERIODS } from '../metrics/period';
import { labelKey } from '../sheets/labels';
import {
  MEETING_TABLE,
  type MeetingField,
  SPEND_TABLE,
  type SpendField,
  suggestTable,
  type TableKind,
} from '../workbook/export-headers';
import { duckdb } from './dialect';
import { plainRows } from './duckdb';
import { REPORT_COLUMNS } from './report';

export interface ReportOptions {
  spend: string;
  meetings: string;
  period?: string;
  /** Column names given on the command line, by file and role. */
  columns?: {
    spend?: Partial<Record<'spend' | 'day' | 'channel', string>>;
    meetings?: Partial<Record<'outcome' | 'day' | 'channel', string>>;
  };
  /** strptime format for text dates the sniffer does not recognise, e.g. %d/%m/%Y. */
  dateFormat?: string;
  /**
   * How to read spend and days: 'auto' reads a column DuckDB's sniffer typed (numbers, dates) as
   * typed, which is fast, and anything else as text the sheet's way (funnel_amount, ISO dates);
   * 'text' always reads text. A typed read that meets text further down is retried as 'text'.
   */
  readAs?: 'auto' | 'text';
  /** Write the report to this CSV file with DuckDB's COPY instead of returning rows. */
  out?: string;
  /** Run the report but return no rows (benchmarks: leave the result in DuckDB, as a plain query does). */
  materializeOnly?: boolean;
  /**
   * Called about twice a second while a long query runs, with DuckDB's progress: a percentage
   * (-1 when it has none: the report's materialized CTEs report 0 throughout) and rows processed.
   */
  onProgress?: (percent: number, rows: number) => void;
}

export class ReportError extends Error {}

interface Column {
  name: string;
  type: string;
}

/**
 * Exports quote with double quotes. Said outright: the sniffer decides the quote character
 * from a sample, and a sample without quotes would make a later "$1,204.50" four columns.
 */
const CSV_OPTIONS = `header = true, quote = '"', escape = '"'`;

const sqlIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const sqlStr = duckdb.str;

interface Sniffed {
  columns: Column[];
  /** The date layout DuckDB's sniffer settled on from its sample, e.g. %d/%m/%Y. */
  dateFormat: string | null;
  timestampFormat: string | null;
}

async function describe(con: DuckDBConnection, path: string): Promise<Sniffed> {
  const reader = await con.runAndReadAll(
    `SELECT Columns, DateFormat, TimestampFormat FROM sniff_csv(${sqlStr(path)}, ${CSV_OPTIONS})`,
  );
  const r = reader.getRowObjectsJson()[0] as {
    Columns: { name: string; type: string }[];
    DateFormat: string | null;
    TimestampFormat: string | null;
  };
  return {
    columns: r.Columns.map((c) => ({ name: c.name, type: c.type })),
    dateFormat: r.DateFormat,
    timestampFormat: r.TimestampFormat,
  };
}

/** A layout with the year first is unambiguous; 05/01/2026 could be 5 January or 1 May. */
const YEAR_FIRST = /^%Y-%m-%d/;

function checkDates(
  file: string,
  sniffed: Sniffed,
  day: Column | undefined,
  o: ReportOptions,
): void {
  if (!day || o.dateFormat !== undefined) return;
  const format =
    day.type === 'DATE'
      ? sniffed.dateFormat
      : day.type.startsWith('TIMESTAMP')
        ? sniffed.timestampFormat
        : null;
  if (format && !YEAR_FIRST.test(format)) {
    throw new ReportError(
      `${file} writes its ${day.name} dates as ${format} by DuckDB's reading of a sample, and such dates can be read day first or month first: name the layout with --date-format (e.g. '%d/%m/%Y' or '%m/%d/%Y')`,
    );
  }
}

/**
 * The columns of one file for its three roles: those named by flags, the rest as the wizard
 * suggests them from the headers (src/workbook/export-headers.ts). A required role with no column is an error naming the flag.
 */
export function pickColumns<F extends SpendField | MeetingField>(
  file: string,
  columns: Column[],
  kind: TableKind<F>,
  named: Partial<Record<F, string>>,
  flags: Record<F, string>,
  required: readonly F[],
): Partial<Record<F, Column>> {
  const list = columns.map((c) => c.name).join(', ');
  const out: Partial<Record<F, Column>> = {};
  for (const field of kind.fields) {
    const name = named[field];
    if (name === undefined) continue;
    const found =
      columns.find((c) => c.name === name) ??
      columns.find((c) => labelKey(c.name) === labelKey(name));
    if (!found) {
      throw new ReportError(
        `${file} has no column "${name}" (${flags[field]}); its columns are: ${list}`,
      );
    }
    out[field] = found;
  }
  const taken = new Set(Object.values(out).map((c) => (c as Column).name));
  const suggested = suggestTable(
    columns.map((c) => c.name).filter((n) => !taken.has(n)),
    kind,
  ).columns;
  for (const field of kind.fields) {
    if (out[field] || suggested[field] === '') continue;
    out[field] = columns.find((c) => c.name === suggested[field]);
  }
  for (const field of required) {
    if (!out[field]) {
      const role = field === 'date' ? 'day' : field;
      throw new ReportError(
        `${file} has no column the report recognises as its ${role}; its columns are: ${list}. Name it with ${flags[field]}`,
      );
    }
  }
  return out;
}

const NUMERIC =
  /^(DOUBLE|FLOAT|REAL|BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|DECIMAL.*)$/;

/**
 * A text column read the sheet's way: when its reading fails somewhere, the message says what the
 * text was but not where (the scan is parallel); this finds the first such row in file order.
 */
interface TextColumn {
  path: string;
  file: string;
  column: string;
  /** SQL that is true where the column's text reads without a problem. */
  ok: (col: string) => string;
}

/** How a view reads its file. */
interface Reading {
  withDays: boolean;
  dateFormat: string | undefined;
  asText: boolean;
  /**
   * With source_row, the file's row numbers: problems name their row and channels come in order
   * of first appearance. Numbering the rows makes DuckDB scan the file on one thread, so the
   * report reads without them, and again with them only to say where a problem is.
   */
  numbered: boolean;
}

/** The SQL of one view over a CSV file. */
function viewSql(
  view: string,
  path: string,
  file: string,
  parts: {
    channel: Column;
    value: Column;
    /** Read the value column as text (else as DuckDB's sniffer typed it). */
    valueAsText: boolean;
    valueSql: (col: string, where: string) => string;
    day?: Column;
  },
  { withDays, dateFormat, asText, numbered }: Reading,
  textColumns: TextColumn[],
): string {
  const types: Record<string, string> = { [parts.channel.name]: 'VARCHAR' };
  let day = 'CAST(NULL AS DATE)';
  if (withDays && parts.day) {
    const d = parts.day;
    const col = sqlIdent(d.name);
    if (d.type === 'DATE' && !asText && !dateFormat) day = col;
    else if (d.type.startsWith('TIMESTAMP') && !asText && !dateFormat) day = `CAST(${col} AS DATE)`;
    else {
      types[d.name] = 'VARCHAR';
      const format = dateFormat ?? '%Y-%m-%d';
      // ISO dates cast directly, many times faster than try_strptime.
      const parsed =
        format === '%Y-%m-%d'
          ? `TRY_CAST(TRIM(${col}) AS DATE)`
          : `CAST(try_strptime(TRIM(${col}), ${sqlStr(format)}) AS DATE)`;
      textColumns.push({
        path,
        file,
        column: d.name,
        ok: (c) =>
          `${c} IS NULL OR TRIM(${c}) = '' OR ${format === '%Y-%m-%d' ? `TRY_CAST(TRIM(${c}) AS DATE)` : `try_strptime(TRIM(${c}), ${sqlStr(format)})`} IS NOT NULL`,
      });
      day = `CASE WHEN ${col} IS NULL OR TRIM(${col}) = '' THEN NULL WHEN ${parsed} IS NOT NULL THEN ${parsed} ELSE error(${sqlStr(`${d.name} "`)} || ${col} || ${sqlStr(`" is not a date written as ${format}: name the layout with --date-format`)}) END`;
    }
  }
  const valueSql = parts.valueSql(sqlIdent(parts.value.name), sqlStr(parts.value.name));
  if (parts.valueAsText) types[parts.value.name] = 'VARCHAR';
  if (parts.valueAsText && parts.valueSql('x', "''").includes('funnel_amount')) {
    textColumns.push({ path, file, column: parts.value.name, ok: (c) => `funnel_amount_ok(${c})` });
  }
  const typeList = Object.entries(types)
    .map(([k, v]) => `${sqlStr(k)}: ${sqlStr(v)}`)
    .join(', ');
  const row = numbered ? ', CAST(ordinality + 1 AS BIGINT) AS source_row' : '';
  return `CREATE OR REPLACE VIEW ${view} AS
SELECT ${sqlIdent(parts.channel.name)} AS channel, ${valueSql}, ${day} AS day${row}
FROM read_csv(${sqlStr(path)}, ${CSV_OPTIONS}, types = {${typeList}})${numbered ? ' WITH ORDINALITY' : ''}`;
}

function checkFile(path: string, what: string): void {
  if (!existsSync(path)) throw new ReportError(`${what} file ${path} does not exist`);
  if (!statSync(path).isFile()) throw new ReportError(`${what} file ${path} is not a file`);
}

/** Defines funnel_spend and funnel_meetings over the two files. */
async function defineViews(
  con: DuckDBConnection,
  o: ReportOptions,
  numbered: boolean,
): Promise<TextColumn[]> {
  const textColumns: TextColumn[] = [];
  const asText = (o.readAs ?? 'auto') === 'text';
  checkFile(o.spend, 'spend');
  checkFile(o.meetings, 'meetings');
  const withDays = o.period !== undefined && o.period.trim() !== '';
  const spendFile = basename(o.spend);
  const meetingsFile = basename(o.meetings);
  const ss = await describe(con, o.spend).catch((e) => {
    throw new ReportError(`${o.spend} could not be read as CSV: ${(e as Error).message}`);
  });
  const ms = await describe(con, o.meetings).catch((e) => {
    throw new ReportError(`${o.meetings} could not be read as CSV: ${(e as Error).message}`);
  });
  const named = o.columns ?? {};
  const sp = pickColumns(
    spendFile,
    ss.columns,
    SPEND_TABLE,
    { channel: named.spend?.channel, spend: named.spend?.spend, date: named.spend?.day },
    { channel: '--spend-channel', spend: '--spend-amount', date: '--spend-day' },
    withDays ? ['channel', 'spend', 'date'] : ['channel', 'spend'],
  );
  const mp = pickColumns(
    meetingsFile,
    ms.columns,
    MEETING_TABLE,
    {
      channel: named.meetings?.channel,
      outcome: named.meetings?.outcome,
      date: named.meetings?.day,
    },
    { channel: '--meetings-channel', outcome: '--meetings-outcome', date: '--meetings-day' },
    withDays ? ['channel', 'outcome', 'date'] : ['channel', 'outcome'],
  );
  const s = { channel: sp.channel!, value: sp.spend!, day: sp.date };
  const m = { channel: mp.channel!, value: mp.outcome!, day: mp.date };
  if (withDays) {
    checkDates(spendFile, ss, s.day, o);
    checkDates(meetingsFile, ms, m.day, o);
  }
  // --date-format is for the file whose dates need it; year-first dates always read as they are.
  const layout = (sniffed: Sniffed, day: Column | undefined) =>
    day &&
    (day.type === 'DATE' || day.type.startsWith('TIMESTAMP')) &&
    YEAR_FIRST.test((day.type === 'DATE' ? sniffed.dateFormat : sniffed.timestampFormat) ?? '')
      ? undefined
      : o.dateFormat;
  await con.run(
    viewSql(
      'funnel_spend',
      o.spend,
      spendFile,
      {
        ...s,
        valueAsText: asText || !NUMERIC.test(s.value.type),
        valueSql: (col, where) =>
          asText || !NUMERIC.test(s.value.type)
            ? `funnel_amount(${col}, ${where}) AS spend`
            : `CAST(${col} AS DOUBLE) AS spend`,
      },
      { withDays, dateFormat: layout(ss, s.day), asText, numbered },
      textColumns,
    ),
  );
  await con.run(
    viewSql(
      'funnel_meetings',
      o.meetings,
      meetingsFile,
      { ...m, valueAsText: true, valueSql: (col) => `${col} AS outcome` },
      { withDays, dateFormat: layout(ms, m.day), asText, numbered },
      textColumns,
    ),
  );
  return textColumns;
}

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
    const detail = await con
      .runAndReadAll(`SELECT funnel_amount(${sqlStr(String(found.v))}, ${sqlStr(c.column)})`)
      .then(
        () => message,
        (e: Error) => e.message.replace(/^Invalid Input Error: /, ''),
      );
    const text = c.ok(col).includes('funnel_amount')
      ? detail
      : message.replace(/"[^"]*"/, JSON.stringify(String(found.v)));
    return `${c.file} row ${found.row}: ${text}`;
  }
  return undefined;
}

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

export type ReportRow = Record<(typeof REPORT_COLUMNS)[number], string | number | null>;

/** Rewrites the view names in a report problem into the files' names. */
function inFiles(message: string, o: ReportOptions): string {
  return message
    .replace(/^Invalid Input Error: /, '')
    .replace(/funnel_spend row/g, `${basename(o.spend)} row`)
    .replace(/funnel_meetings row/g, `${basename(o.meetings)} row`);
}

/** DuckDB's CSV reader met a value its sniffed type cannot hold (text after a numeric sample). */
const CSV_CAST = /Could not convert string|CSV Error on Line|Conversion Error/i;

export async function runReport(con: DuckDBConnection, o: ReportOptions): Promise<ReportRow[]> {
  if (
    o.period !== undefined &&
    o.period.trim() !== '' &&
    !(PERIODS as readonly string[]).includes(o.period.trim().toLowerCase())
  ) {
    throw new ReportError(
      `--period "${o.period}" is not one of ${PERIODS.join(', ')}; leave it out for one row per channel`,
    );
  }
  try {
    return await runOnce(con, o);
  } catch (e) {
    // A numeric-looking spend column with text further down: read it as text, the sheet's way.
    if ((o.readAs ?? 'auto') === 'auto' && e instanceof ReportError && CSV_CAST.test(e.message)) {
      return runOnce(con, { ...o, readAs: 'text' });
    }
    throw e;
  }
}

const reportCall = (o: ReportOptions) =>
  `cpqm_report(${o.period === undefined ? 'NULL' : sqlStr(o.period)})`;

async function runOnce(con: DuckDBConnection, o: ReportOptions): Promise<ReportRow[]> {
  const textColumns = await defineViews(con, o, false);
  if (o.onProgress) {
    await con.run('SET enable_progress_bar = true');
    await con.run('SET enable_progress_bar_print = false');
  }
  const select = `SELECT ${REPORT_COLUMNS.join(', ')} FROM ${reportCall(o)}`;
  // With a CSV file to write, DuckDB writes it: no row passes through JavaScript.
  const sql = o.out ? `COPY (${select}) TO ${sqlStr(o.out)} (FORMAT csv, HEADER)` : select;
  let reader: DuckDBResultReader;
  try {
    reader = await withProgress(con, con.runAndReadAll(sql), o.onProgress);
  } catch (e) {
    throw new ReportError(await whereItWent(con, o, inFiles((e as Error).message, o), textColumns));
  }
  if (o.out || o.materializeOnly) return [];
  return plainRows(reader) as ReportRow[];
}

/**
 * A report that failed, said with the row: a value that does not read is found by scanning its
 * column in file order; any other problem by running the report again over numbered rows.
 */
async function whereItWent(
  con: DuckDBConnection,
  o: ReportOptions,
  message: string,
  textColumns: TextColumn[],
): Promise<string> {
  if (CSV_CAST.test(message)) return message;
  const bad = await firstBadRow(con, message, textColumns);
  if (bad) return bad;
  await defineViews(con, o, true);
  return con.run(`SELECT count(*) FROM ${reportCall(o)}`).then(
    () => message,
    (e: Error) => inFiles(e.message, o),
  );
}

/** The report as an aligned text table for a terminal: money to 2 decimals, rates as %. */
export function toTable(rows: ReportRow[], withPeriod: boolean): string {
  const cols = REPORT_COLUMNS.filter((c) => withPeriod || c !== 'period');
  const money = new Set(['spend', 'cost_per_meeting', 'cpqm']);
  const rate = new Set(['show_rate', 'qual_rate']);
  const show = (c: string, v: unknown) => {
    if (v === null || v === undefined) return c === 'period' ? '' : '—';
    if (typeof v !== 'number') return String(v);
    if (money.has(c))
      return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    if (rate.has(c)) return `${(v * 100).toFixed(1)}%`;
    return v.toLocaleString('en-US');
  };
  const grid = [cols as readonly string[], ...rows.map((r) => cols.map((c) => show(c, r[c])))];
  const widths = cols.map((_, k) => Math.max(...grid.map((line) => line[k]!.length)));
  return grid
    .map((line) =>
      line
        .map((v, k) => (k <= (withPeriod ? 1 : 0) ? v.padEnd(widths[k]!) : v.padStart(widths[k]!)))
        .join('  '),
    )
    .join('\n');
}
