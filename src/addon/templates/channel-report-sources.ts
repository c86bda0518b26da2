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
 */
import type { RawData } from '../settings';
import type { BuildContext } from './common';
import { mappingRange } from './definitions-mapping';
import { openColumn, type SourceColumn, sourceColumn } from './source-column';

/** One ad export: its spend (and date) column, and its channel column or one channel for all of it. */
export interface SpendSource {
  sheet: string;
  /** The sheet's rows, header included: where its open columns end. */
  rows: number;
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
      return {
        sheet: ads.sheet,
        rows: ctx.sheets.find((s) => s.name === ads.sheet)?.rows ?? 0,
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

/** Text as a formula's string literal: quotes doubled. */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A fixed channel as a column beside its sheet's spend: the name where a spend is, blank elsewhere. */
function fixedChannelColumn(s: SpendSource): string {
  return `ARRAYFORMULA(IF(LEN(${openColumn(s.spend)}),${textLiteral(s.fixedChannel)},""))`;
}

/** One spend-side argument of CPQM_REPORT: the sheets' columns stacked, in the sheets' order. */
export function spendArgument(sources: readonly SpendSource[], part: 'channel' | 'spend' | 'date') {
  const parts = sources.map((s) => {
    if (part === 'channel') return s.channel ? openColumn(s.channel) : fixedChannelColumn(s);
    const col = part === 'spend' ? s.spend : s.date;
    if (!col) throw new Error(`The ad export "${s.sheet}" has no ${part} column.`);
    return openColumn(col);
  });
  return parts.length === 1 ? parts[0]! : `VSTACK(${parts.join(',')})`;
}
