/**
 * The raw columns the Channel report reads: one or more ad exports (one per
 * platform) and the meeting log, found by header, and how they reach
 * CPQM_REPORT.
 *
 * Several ad exports reach it stacked, one spend-side argument at a time:
 * `VSTACK('Google Ads'!E2:E,'LinkedIn'!C2:C)` (VSTACK, not an array literal
 * `{…;…}`: Google documents both, and the engine the tests and the
 * playground run on recomputes VSTACK when a cell it reads changes, but not
 * an array literal). Every column of one sheet starts at row 2 and runs to
 * the sheet's end, so row k of the channel, the spend and the date stacks is
 * the same sheet row. A sheet that is one channel throughout ("this sheet is
 * LinkedIn") contributes `ARRAYFORMULA(IF(LEN(<its spend column>),"LinkedIn",""))`
 * to the channel stack: the channel on every row that has a spend, blank
 * where the spend is.
 *
 * An export that closes with a totals row ("Total: All campaigns") is read
 * to the row above it, so the total is never counted beside the rows it
 * sums (the tab says so, and that rows pasted below it are not read).
 */
import type { Period } from '../../metrics/period';
import { isTotalsRow } from '../../sheets/labels';
import { columnLetter, sheetRef } from '../../workbook/a1';
import type { RawData, SpendSheet } from '../settings';
import type { BuildContext } from './common';
import { mappingRange } from './definitions-mapping';
import { openColumn, type SourceColumn, sourceColumn } from './source-column';

/** One ad export: its spend (and date) column, and its channel column or one channel for all of it. */
export interface SpendSource {
  sheet: string;
  /** The last sheet row read: the sheet's end, or the row above a closing totals row. */
  rows: number;
  /** Read to the row above a closing totals row, not to the sheet's end. */
  closed: boolean;
  /** Absent where the whole sheet is `fixedChannel`. */
  channel: SourceColumn | undefined;
  fixedChannel: string;
  spend: SourceColumn;
  date: SourceColumn | undefined;
}

export interface Sources {
  spend: SpendSource[];
  meetingChannel: SourceColumn;
  outcome: SourceColumn;
  meetingDate: SourceColumn | undefined;
  /** The mapping table on the Definitions tab, as a range argument, where the report reads one. */
  mapping: string | undefined;
}

export function reportSources(ctx: BuildContext, raw: RawData): Sources {
  const dated = raw.period !== null;
  const column = (sheet: string, header: string) => sourceColumn(ctx.sheets, sheet, header);
  return {
    spend: raw.spend.map((ads) => {
      const fixed = ads.fixedChannel.trim() !== '';
      const spend = column(ads.sheet, ads.columns.spend);
      const totals = closingTotalsRow(ctx, ads);
      return {
        sheet: ads.sheet,
        rows:
          totals === undefined
            ? (ctx.sheets.find((s) => s.name === ads.sheet)?.rows ?? 0)
            : totals - 1,
        closed: totals !== undefined,
        channel: fixed ? undefined : column(ads.sheet, ads.columns.channel),
        fixedChannel: fixed ? ads.fixedChannel.trim() : '',
        spend,
        date: dated ? column(ads.sheet, ads.columns.date) : undefined,
      };
    }),
    meetingChannel: column(raw.meetings.sheet, raw.meetings.columns.channel),
    outcome: column(raw.meetings.sheet, raw.meetings.columns.outcome),
    meetingDate: dated ? column(raw.meetings.sheet, raw.meetings.columns.date) : undefined,
    mapping: mappingRange(ctx),
  };
}

/**
 * The sheet row (1-based) of an export's closing totals row: the last row
 * with content in the mapped columns and the first column, where any of them
 * reads like a totals row. The first column too, because exports write the
 * totals label there ("Total: All campaigns" in Google Ads' Day column), and
 * a one-channel sheet without a period maps only its spend column, whose
 * total is a number like any other. Undefined when the sheet ends with data,
 * or its cells cannot be read.
 */
function closingTotalsRow(ctx: BuildContext, ads: SpendSheet): number | undefined {
  if (!ctx.read) return undefined;
  const mapped = Object.values(ads.columns)
    .filter((header) => header !== '')
    .map((header) => sourceColumn(ctx.sheets, ads.sheet, header).col);
  const columns = [...new Set([0, ...mapped])].map((col) => ctx.read!(ads.sheet, col));
  const blank = (v: unknown) => v === '' || v === null || v === undefined;
  for (let r = Math.max(0, ...columns.map((c) => c.length)) - 1; r >= 0; r--) {
    const cells = columns.map((c) => c[r]);
    if (cells.every(blank)) continue;
    return cells.some(isTotalsRow) ? r + 2 : undefined;
  }
  return undefined;
}

/** A column of an ad export as read: to the sheet's end, or to the row above its totals row. */
export function spendColumn(s: SpendSource, col: SourceColumn): string {
  return s.closed
    ? `${sheetRef(col.sheet)}!${columnLetter(col.col)}2:${columnLetter(col.col)}${s.rows}`
    : openColumn(col);
}

/** Text as a formula's string literal: quotes doubled. */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A fixed channel as a column beside its sheet's spend: the name where a spend is, blank elsewhere. */
function fixedChannelColumn(s: SpendSource): string {
  return `ARRAYFORMULA(IF(LEN(${spendColumn(s, s.spend)}),${textLiteral(s.fixedChannel)},""))`;
}

/** One spend-side argument of CPQM_REPORT: the sheets' columns stacked, in the sheets' order. */
export function spendArgument(sources: readonly SpendSource[], part: 'channel' | 'spend' | 'date') {
  const parts = sources.map((s) => {
    if (part === 'channel') return s.channel ? spendColumn(s, s.channel) : fixedChannelColumn(s);
    const col = part === 'spend' ? s.spend : s.date;
    if (!col) throw new Error(`The ad export "${s.sheet}" has no ${part} column.`);
    return spendColumn(s, col);
  });
  return parts.length === 1 ? parts[0]! : `VSTACK(${parts.join(',')})`;
}

/**
 * CPQM_REPORT's and CPQM_TREND's arguments over the sources: the stacked
 * spend columns, the meeting columns, with a period the dates and the
 * period, and the mapping table last (blank dates and period before it
 * where there is no period).
 */
export function reportArguments(src: Sources, period: Period | null): string[] {
  const args = [
    spendArgument(src.spend, 'channel'),
    spendArgument(src.spend, 'spend'),
    openColumn(src.meetingChannel),
    openColumn(src.outcome),
  ];
  if (period !== null)
    args.push(spendArgument(src.spend, 'date'), openColumn(src.meetingDate!), `"${period}"`);
  else if (src.mapping) args.push('""', '""', '""');
  if (src.mapping) args.push(src.mapping);
  return args;
}
