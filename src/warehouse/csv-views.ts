/**
 * The views the report reads, funnel_spend (every spend file, one after the
 * other) and funnel_meetings, defined over read_csv: each column read as the
 * sheet reads it (money text by funnel_amount, dates in their one layout),
 * with or without row numbers.
 */

import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { MEETING_TABLE, SPEND_TABLE } from '../workbook/export-headers';
import { pickColumns } from './csv-columns';
import {
  type Column,
  CSV_OPTIONS,
  checkDates,
  checkFile,
  type Sniffed,
  sniffCsv,
  sqlIdent,
  sqlStr,
  YEAR_FIRST,
} from './csv-file';
import { defineMapping } from './csv-mapping';
import { ReportError, type ReportOptions } from './csv-options';

const NUMERIC =
  /^(DOUBLE|FLOAT|REAL|BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|DECIMAL.*)$/;

/**
 * A text column read the sheet's way: when its reading fails somewhere, the message says what the
 * text was but not where (the scan is parallel); this finds the first such row in file order.
 */
export interface TextColumn {
  path: string;
  file: string;
  column: string;
  /** Money read by funnel_amount, or days read in a layout. */
  holds: 'amount' | 'day';
  /** SQL that is true where the column's text reads without a problem. */
  ok: (col: string) => string;
}

/** How a view reads its file. */
export interface ViewReading {
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

/**
 * Rows of the k-th spend file are numbered k × SPEND_FILE_ROWS + their line, so one source_row
 * orders the files as given and each file's rows within it (as the sheet stacks its ad sheets),
 * and a problem's row says which file it is in (spendRowName).
 */
const SPEND_FILE_ROWS = 1_000_000_000_000;

/** Where a spend view's source_row is: the file (by its index in the options) and its line. */
export function spendRowName(sourceRow: number): { file: number; line: number } {
  return { file: Math.floor(sourceRow / SPEND_FILE_ROWS), line: sourceRow % SPEND_FILE_ROWS };
}

/**
 * A date column read as a DATE: as DuckDB's sniffer typed it (dates, timestamps as their day), or
 * as text in its one layout (ISO unless --date-format names another), a text that is no date an
 * error naming the column. A column read as text is listed in `textColumns`, to find the row of
 * such an error.
 */
export function dayFrom(
  d: Column,
  { dateFormat, asText }: Pick<ViewReading, 'dateFormat' | 'asText'>,
  path: string,
  file: string,
  textColumns: TextColumn[],
): { sql: string; asText: boolean } {
  const col = sqlIdent(d.name);
  if (d.type === 'DATE' && !asText && !dateFormat) return { sql: col, asText: false };
  if (d.type.startsWith('TIMESTAMP') && !asText && !dateFormat) {
    return { sql: `CAST(${col} AS DATE)`, asText: false };
  }
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
    holds: 'day',
    ok: (c) =>
      `${c} IS NULL OR TRIM(${c}) = '' OR ${format === '%Y-%m-%d' ? `TRY_CAST(TRIM(${c}) AS DATE)` : `try_strptime(TRIM(${c}), ${sqlStr(format)})`} IS NOT NULL`,
  });
  return {
    sql: `CASE WHEN ${col} IS NULL OR TRIM(${col}) = '' THEN NULL WHEN ${parsed} IS NOT NULL THEN ${parsed} ELSE error(${sqlStr(`${d.name} "`)} || ${col} || ${sqlStr(`" is not a date written as ${format}: name the layout with --date-format`)}) END`,
    asText: true,
  };
}

/** The layout a date column is read in: --date-format is for the file whose dates need it; year-first dates always read as they are. */
export function layoutOf(
  options: ReportOptions,
  sniffed: Sniffed,
  day: Column | undefined,
): string | undefined {
  return day &&
    (day.type === 'DATE' || day.type.startsWith('TIMESTAMP')) &&
    YEAR_FIRST.test((day.type === 'DATE' ? sniffed.dateFormat : sniffed.timestampFormat) ?? '')
    ? undefined
    : options.dateFormat;
}

/** The SELECT of one view over a CSV file. */
function selectSql(
  path: string,
  file: string,
  parts: {
    /** The channel column, or the one channel of every row with a value. */
    channel: Column | { fixed: string };
    value: Column;
    /** Read the value column as text (else as DuckDB's sniffer typed it). */
    valueAsText: boolean;
    valueSql: (col: string, where: string) => string;
    /** The value is money text read by funnel_amount. */
    valueIsAmount: boolean;
    day?: Column;
  },
  { withDays, dateFormat, asText, numbered }: ViewReading,
  firstRow: number,
  textColumns: TextColumn[],
): string {
  const types: Record<string, string> = {};
  if ('name' in parts.channel) types[parts.channel.name] = 'VARCHAR';
  let day = 'CAST(NULL AS DATE)';
  if (withDays && parts.day) {
    const read = dayFrom(parts.day, { dateFormat, asText }, path, file, textColumns);
    if (read.asText) types[parts.day.name] = 'VARCHAR';
    day = read.sql;
  }
  const value = sqlIdent(parts.value.name);
  const valueSql = parts.valueSql(value, sqlStr(parts.value.name));
  if (parts.valueAsText) types[parts.value.name] = 'VARCHAR';
  if (parts.valueIsAmount) {
    textColumns.push({
      path,
      file,
      column: parts.value.name,
      holds: 'amount',
      ok: (c) => `funnel_amount_ok(${c})`,
    });
  }
  // A one-channel file's row without a value is a blank row, as the sheet stacks such a sheet.
  const channel =
    'name' in parts.channel
      ? sqlIdent(parts.channel.name)
      : `CASE WHEN ${value} IS NULL OR TRIM(CAST(${value} AS VARCHAR)) = '' THEN NULL ELSE ${sqlStr(parts.channel.fixed)} END`;
  const typeList = Object.entries(types)
    .map(([k, v]) => `${sqlStr(k)}: ${sqlStr(v)}`)
    .join(', ');
  const row = numbered ? `, CAST(ordinality + ${firstRow + 1} AS BIGINT) AS source_row` : '';
  return `SELECT ${channel} AS channel, ${valueSql}, ${day} AS day${row}
FROM read_csv(${sqlStr(path)}, ${CSV_OPTIONS}${typeList ? `, types = {${typeList}}` : ''})${numbered ? ' WITH ORDINALITY' : ''}`;
}

/** A file sniffed, or the error that says it is not CSV. */
export async function sniffed(con: DuckDBConnection, path: string): Promise<Sniffed> {
  return sniffCsv(con, path).catch((e) => {
    throw new ReportError(`${path} could not be read as CSV: ${(e as Error).message}`);
  });
}

/** Defines funnel_spend over the spend files (one UNION ALL), funnel_meetings (with a meetings file) and funnel_mapping. */
export async function defineViews(
  con: DuckDBConnection,
  options: ReportOptions,
  numbered: boolean,
): Promise<TextColumn[]> {
  const textColumns: TextColumn[] = [];
  const asText = (options.readAs ?? 'auto') === 'text';
  if (options.spend.length === 0) throw new ReportError('no spend file: give one with --spend');
  for (const s of options.spend) checkFile(s.path, 'spend');
  if (options.meetings !== undefined) checkFile(options.meetings, 'meetings');
  const withDays = options.period !== undefined && options.period.trim() !== '';
  const reading = { withDays, asText, numbered };
  const layout = (sniffed: Sniffed, day: Column | undefined) => layoutOf(options, sniffed, day);

  const spendSelects: string[] = [];
  for (const [k, s] of options.spend.entries()) {
    const file = basename(s.path);
    const fixed = s.fixedChannel?.trim();
    if (fixed === '') {
      throw new ReportError(
        `--spend-fixed-channel for ${file} is blank: name the channel of every row, or leave the flag out to read the file's channel column`,
      );
    }
    if (fixed !== undefined && s.columns?.channel !== undefined) {
      throw new ReportError(
        `${file} has both --spend-channel and --spend-fixed-channel: give one, the column of its channels or the one channel of the whole file`,
      );
    }
    const sniffedFile = await sniffed(con, s.path);
    const columns = pickColumns(
      file,
      sniffedFile.columns,
      SPEND_TABLE,
      { channel: s.columns?.channel, spend: s.columns?.spend, date: s.columns?.day },
      { channel: '--spend-channel', spend: '--spend-amount', date: '--spend-day' },
      [
        ...(fixed === undefined ? ['channel' as const] : []),
        'spend',
        ...(withDays ? ['date' as const] : []),
      ],
    );
    const value = columns.spend!;
    if (withDays) checkDates(file, sniffedFile, columns.date, options);
    const valueAsText = asText || !NUMERIC.test(value.type);
    spendSelects.push(
      selectSql(
        s.path,
        file,
        {
          channel: fixed === undefined ? columns.channel! : { fixed },
          value,
          day: columns.date,
          valueAsText,
          valueIsAmount: valueAsText,
          valueSql: (col, where) =>
            valueAsText
              ? `funnel_amount(${col}, ${where}) AS spend, funnel_currency(${col}) AS currency`
              : `CAST(${col} AS DOUBLE) AS spend, CAST(NULL AS VARCHAR) AS currency`,
        },
        { withDays, dateFormat: layout(sniffedFile, columns.date), asText, numbered },
        k * SPEND_FILE_ROWS,
        textColumns,
      ),
    );
  }
  await con.run(`CREATE OR REPLACE VIEW funnel_spend AS\n${spendSelects.join('\nUNION ALL\n')}`);

  if (options.meetings !== undefined) {
    await defineMeetings(con, { ...options, meetings: options.meetings }, reading, textColumns);
  }
  await defineMapping(con, options.mapping);
  return textColumns;
}

/** Defines funnel_meetings over the meetings file. */
async function defineMeetings(
  con: DuckDBConnection,
  options: ReportOptions & { meetings: string },
  reading: Omit<ViewReading, 'dateFormat'>,
  textColumns: TextColumn[],
): Promise<void> {
  const meetingsFile = basename(options.meetings);
  const meetingsSniffed = await sniffed(con, options.meetings);
  const named = options.columns?.meetings;
  const meetingColumns = pickColumns(
    meetingsFile,
    meetingsSniffed.columns,
    MEETING_TABLE,
    { channel: named?.channel, outcome: named?.outcome, date: named?.day },
    { channel: '--meetings-channel', outcome: '--meetings-outcome', date: '--meetings-day' },
    reading.withDays ? ['channel', 'outcome', 'date'] : ['channel', 'outcome'],
  );
  if (reading.withDays) checkDates(meetingsFile, meetingsSniffed, meetingColumns.date, options);
  const meetingsSql = selectSql(
    options.meetings,
    meetingsFile,
    {
      channel: meetingColumns.channel!,
      value: meetingColumns.outcome!,
      day: meetingColumns.date,
      valueAsText: true,
      valueIsAmount: false,
      valueSql: (col) => `${col} AS outcome`,
    },
    { ...reading, dateFormat: layoutOf(options, meetingsSniffed, meetingColumns.date) },
    0,
    textColumns,
  );
  await con.run(`CREATE OR REPLACE VIEW funnel_meetings AS\n${meetingsSql}`);
}
