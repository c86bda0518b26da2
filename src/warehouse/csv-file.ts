/**
 * One CSV export as DuckDB reads it: the options every read uses, what the
 * sniffer finds in a sample (columns, types, date layouts), and the checks
 * made before reading (the file exists; its dates have one reading).
 */
import { existsSync, statSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ReportError, type ReportOptions } from './csv-options';
import { duckdb } from './dialect';

export interface Column {
  name: string;
  type: string;
}

/**
 * Exports quote with double quotes. Said outright: the sniffer decides the quote character
 * from a sample, and a sample without quotes would make a later "$1,204.50" four columns.
 */
export const CSV_OPTIONS = `header = true, quote = '"', escape = '"'`;

export const sqlIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const sqlStr = duckdb.str;

export interface Sniffed {
  columns: Column[];
  /** The date layout DuckDB's sniffer settled on from its sample, e.g. %d/%m/%Y. */
  dateFormat: string | null;
  timestampFormat: string | null;
}

export async function sniffCsv(con: DuckDBConnection, path: string): Promise<Sniffed> {
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
export const YEAR_FIRST = /^%Y-%m-%d/;

export function checkDates(
  file: string,
  sniffed: Sniffed,
  day: Column | undefined,
  options: ReportOptions,
): void {
  if (!day || options.dateFormat !== undefined) return;
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

export function checkFile(path: string, what: string): void {
  if (!existsSync(path)) throw new ReportError(`${what} file ${path} does not exist`);
  if (!statSync(path).isFile()) throw new ReportError(`${what} file ${path} is not a file`);
}
