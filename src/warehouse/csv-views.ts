/**
 * The two views the report reads, funnel_spend and funnel_meetings, defined
 * over read_csv: each column read as the sheet reads it (money text by
 * funnel_amount, dates in their one layout), with or without row numbers.
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
interface ViewReading {
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
    /** The value is money text read by funnel_amount. */
    valueIsAmount: boolean;
    day?: Column;
  },
  { withDays, dateFormat, asText, numbered }: ViewReading,
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
        holds: 'day',
        ok: (c) =>
          `${c} IS NULL OR TRIM(${c}) = '' OR ${format === '%Y-%m-%d' ? `TRY_CAST(TRIM(${c}) AS DATE)` : `try_strptime(TRIM(${c}), ${sqlStr(format)})`} IS NOT NULL`,
      });
      day = `CASE WHEN ${col} IS NULL OR TRIM(${col}) = '' THEN NULL WHEN ${parsed} IS NOT NULL THEN ${parsed} ELSE error(${sqlStr(`${d.name} "`)} || ${col} || ${sqlStr(`" is not a date written as ${format}: name the layout with --date-format`)}) END`;
    }
  }
  const valueSql = parts.valueSql(sqlIdent(parts.value.name), sqlStr(parts.value.name));
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
  const typeList = Object.entries(types)
    .map(([k, v]) => `${sqlStr(k)}: ${sqlStr(v)}`)
    .join(', ');
  const row = numbered ? ', CAST(ordinality + 1 AS BIGINT) AS source_row' : '';
  return `CREATE OR REPLACE VIEW ${view} AS
SELECT ${sqlIdent(parts.channel.name)} AS channel, ${valueSql}, ${day} AS day${row}
FROM read_csv(${sqlStr(path)}, ${CSV_OPTIONS}, types = {${typeList}})${numbered ? ' WITH ORDINALITY' : ''}`;
}

/** Defines funnel_spend and funnel_meetings over the two files, and funnel_mapping. */
export async function defineViews(
  con: DuckDBConnection,
  options: ReportOptions,
  numbered: boolean,
): Promise<TextColumn[]> {
  const textColumns: TextColumn[] = [];
  const asText = (options.readAs ?? 'auto') === 'text';
  checkFile(options.spend, 'spend');
  checkFile(options.meetings, 'meetings');
  const withDays = options.period !== undefined && options.period.trim() !== '';
  const spendFile = basename(options.spend);
  const meetingsFile = basename(options.meetings);
  const spendSniffed = await sniffCsv(con, options.spend).catch((e) => {
    throw new ReportError(`${options.spend} could not be read as CSV: ${(e as Error).message}`);
  });
  const meetingsSniffed = await sniffCsv(con, options.meetings).catch((e) => {
    throw new ReportError(`${options.meetings} could not be read as CSV: ${(e as Error).message}`);
  });
  const named = options.columns ?? {};
  const spendColumns = pickColumns(
    spendFile,
    spendSniffed.columns,
    SPEND_TABLE,
    { channel: named.spend?.channel, spend: named.spend?.spend, date: named.spend?.day },
    { channel: '--spend-channel', spend: '--spend-amount', date: '--spend-day' },
    withDays ? ['channel', 'spend', 'date'] : ['channel', 'spend'],
  );
  const meetingColumns = pickColumns(
    meetingsFile,
    meetingsSniffed.columns,
    MEETING_TABLE,
    {
      channel: named.meetings?.channel,
      outcome: named.meetings?.outcome,
      date: named.meetings?.day,
    },
    { channel: '--meetings-channel', outcome: '--meetings-outcome', date: '--meetings-day' },
    withDays ? ['channel', 'outcome', 'date'] : ['channel', 'outcome'],
  );
  const spend = {
    channel: spendColumns.channel!,
    value: spendColumns.spend!,
    day: spendColumns.date,
  };
  const meetings = {
    channel: meetingColumns.channel!,
    value: meetingColumns.outcome!,
    day: meetingColumns.date,
  };
  if (withDays) {
    checkDates(spendFile, spendSniffed, spend.day, options);
    checkDates(meetingsFile, meetingsSniffed, meetings.day, options);
  }
  const spendAsText = asText || !NUMERIC.test(spend.value.type);
  // --date-format is for the file whose dates need it; year-first dates always read as they are.
  const layout = (sniffed: Sniffed, day: Column | undefined) =>
    day &&
    (day.type === 'DATE' || day.type.startsWith('TIMESTAMP')) &&
    YEAR_FIRST.test((day.type === 'DATE' ? sniffed.dateFormat : sniffed.timestampFormat) ?? '')
      ? undefined
      : options.dateFormat;
  await con.run(
    viewSql(
      'funnel_spend',
      options.spend,
      spendFile,
      {
        ...spend,
        valueAsText: spendAsText,
        valueIsAmount: spendAsText,
        valueSql: (col, where) =>
          spendAsText
            ? `funnel_amount(${col}, ${where}) AS spend`
            : `CAST(${col} AS DOUBLE) AS spend`,
      },
      { withDays, dateFormat: layout(spendSniffed, spend.day), asText, numbered },
      textColumns,
    ),
  );
  await con.run(
    viewSql(
      'funnel_meetings',
      options.meetings,
      meetingsFile,
      {
        ...meetings,
        valueAsText: true,
        valueIsAmount: false,
        valueSql: (col) => `${col} AS outcome`,
      },
      { withDays, dateFormat: layout(meetingsSniffed, meetings.day), asText, numbered },
      textColumns,
    ),
  );
  await defineMapping(con, options.mapping);
  return textColumns;
}

/** The report over the two views, for the period asked. */
export function reportCall(options: ReportOptions): string {
  return `cpqm_report(${options.period === undefined ? 'NULL' : sqlStr(options.period)})`;
}
