/**
 * The CRM side of the report from CSV files: the views funnel_records over a
 * contacts export (one row per record, a date column per stage, with
 * funnel_report generated for those stages) and funnel_deals over a deals
 * export, columns found by the headers the wizard recognises
 * (src/workbook/export-headers.ts) or as named. Rows
 * are numbered by their line in the file, so problems name it and channels
 * come in order of first appearance, as in the sheet.
 */
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { stageName } from '../metrics/funnel-stages';
import { messageOf } from '../sheets/format';
import { labelKey } from '../sheets/labels';
import { CONTACT_FIELDS, CONTACTS_TABLE, DEALS_TABLE } from '../workbook/export-headers';
import { pickColumns } from './csv-columns';
import {
  type Column,
  CSV_OPTIONS,
  checkDates,
  checkFile,
  type Sniffed,
  sqlIdent,
  sqlStr,
} from './csv-file';
import { ReportError, type ReportOptions } from './csv-options';
import { dayFrom, layoutOf, sniffed, type TextColumn } from './csv-views';
import { duckdb } from './dialect';
import { funnelFunction, stageColumns } from './funnel';

/** The stage-date fields of a contacts export, in funnel order. */
const STAGE_FIELDS = CONTACT_FIELDS.filter((f) => f !== 'channel');

/** What a contacts file without a recognised stage column is told the command looked for. */
const STAGE_HEADERS =
  '"Create Date" or "Created Date", "Became a Lead Date" and the other "Became a … Date" columns, Date entered "… (Lifecycle Stage Pipeline)", or "Converted Date"';

/** A line of the file: the header is line 1, as a spreadsheet shows the file. */
const LINE = 'CAST(ordinality + 1 AS BIGINT) AS source_row';

function readCsv(path: string, text: readonly Column[]): string {
  const types = text.map((c) => `${sqlStr(c.name)}: 'VARCHAR'`).join(', ');
  return `read_csv(${sqlStr(path)}, ${CSV_OPTIONS}${types ? `, types = {${types}}` : ''}) WITH ORDINALITY`;
}

/**
 * Defines funnel_records over the contacts file, its stage columns in funnel order, and
 * funnel_report for those stages.
 */
export async function defineRecords(
  con: DuckDBConnection,
  options: ReportOptions & { contacts: string },
  textColumns: TextColumn[],
): Promise<void> {
  checkFile(options.contacts, 'contacts');
  const file = basename(options.contacts);
  const sniffedFile = await sniffed(con, options.contacts);
  const named = options.columns?.contacts;
  const { channel } = pickColumns(
    file,
    sniffedFile.columns,
    CONTACTS_TABLE,
    { channel: named?.channel },
    { ...flagsOf(STAGE_FIELDS, '--contacts-stages'), channel: '--contacts-channel' },
    ['channel'],
  );
  const list = sniffedFile.columns.map((c) => c.name).join(', ');
  let stages: Column[];
  if (named?.stages !== undefined) {
    stages = named.stages.map((name) => {
      const found =
        sniffedFile.columns.find((c) => c.name === name) ??
        sniffedFile.columns.find((c) => labelKey(c.name) === labelKey(name));
      if (!found) {
        throw new ReportError(
          `${file} has no column "${name}" (--contacts-stages); its columns are: ${list}`,
        );
      }
      return found;
    });
  } else {
    const found = pickColumns(
      file,
      sniffedFile.columns.filter((c) => c !== channel),
      CONTACTS_TABLE,
      {},
      flagsOf(CONTACT_FIELDS, '--contacts-stages'),
      [],
    );
    stages = STAGE_FIELDS.flatMap((f) => (found[f] ? [found[f]] : []));
  }
  if (stages.length === 0) {
    throw new ReportError(
      `${file} has no stage-date column the report recognises: it looked for ${STAGE_HEADERS}; its columns are: ${list}. Name them in funnel order with --contacts-stages 'Created,Lead date,…'`,
    );
  }
  const days = stages.map(dateReader(options, options.contacts, sniffedFile, textColumns));
  const text = [channel!, ...days.filter((d) => d.asText).map((d) => d.column)];
  const names = days.map((d) => stageName(d.column.name));
  let columns: string[];
  try {
    columns = stageColumns(names);
  } catch (e) {
    throw new ReportError(
      `${file}: ${messageOf(e)} (a stage is named by its column's header): list the stage columns to read with --contacts-stages`,
    );
  }
  await con.run(`CREATE OR REPLACE VIEW funnel_records AS
SELECT ${sqlIdent(channel!.name)} AS channel, ${days.map((d, k) => `${d.sql} AS ${columns[k]}`).join(', ')}, ${LINE}
FROM ${readCsv(options.contacts, text)}`);
  await con.run(duckdb.tableFunction(funnelFunction(duckdb, names)));
}

/**
 * Defines funnel_deals over the deals file. Where the export has a currency column, each amount is
 * read with its currency before it ("EUR 1200"), as the sheet's template composes them, so two
 * currencies are refused rather than added.
 */
export async function defineDeals(
  con: DuckDBConnection,
  options: ReportOptions & { deals: string },
  textColumns: TextColumn[],
): Promise<void> {
  checkFile(options.deals, 'deals');
  const file = basename(options.deals);
  const sniffedFile = await sniffed(con, options.deals);
  const named = options.columns?.deals ?? {};
  const columns = pickColumns(
    file,
    sniffedFile.columns,
    DEALS_TABLE,
    named,
    flagsOf(DEALS_TABLE.fields, '--deals'),
    ['channel', 'amount', 'created', 'closed', 'status'],
  );
  const day = dateReader(options, options.deals, sniffedFile, textColumns);
  const created = day(columns.created!);
  const closed = day(columns.closed!);
  const amount = sqlIdent(columns.amount!.name);
  const currency = columns.currency && sqlIdent(columns.currency.name);
  const text = [
    columns.channel!,
    columns.amount!,
    columns.status!,
    ...(columns.currency ? [columns.currency] : []),
    ...[created, closed].filter((d) => d.asText).map((d) => d.column),
  ];
  await con.run(`CREATE OR REPLACE VIEW funnel_deals AS
SELECT ${sqlIdent(columns.channel!.name)} AS channel,
  ${currency ? `CASE WHEN ${amount} IS NULL OR ${amount} = '' THEN ${amount} ELSE coalesce(${currency}, '') || ' ' || ${amount} END` : amount} AS amount,
  ${created.sql} AS created, ${closed.sql} AS closed, ${sqlIdent(columns.status!.name)} AS status, ${LINE}
FROM ${readCsv(options.deals, text)}`);
}

/** Reads a date column of the file as a DATE, its layout checked unless --date-format names it. */
function dateReader(
  options: ReportOptions,
  path: string,
  sniffedFile: Sniffed,
  textColumns: TextColumn[],
): (d: Column) => { column: Column; sql: string; asText: boolean } {
  const file = basename(path);
  return (d) => {
    if (!options.dateFormat) checkDates(file, sniffedFile, d, options);
    const reading = {
      dateFormat: layoutOf(options, sniffedFile, d),
      asText: options.readAs === 'text',
    };
    return { column: d, ...dayFrom(d, reading, path, file, textColumns) };
  };
}

/** The command-line flag naming each field's column. */
function flagsOf<F extends string>(fields: readonly F[], prefix: string): Record<F, string> {
  return Object.fromEntries(
    fields.map((f) => [f, prefix.endsWith('-stages') ? prefix : `${prefix}-${f}`]),
  ) as Record<F, string>;
}
