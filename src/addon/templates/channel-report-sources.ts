/** The raw columns the Channel report reads: the ad export's and the meeting log's, found by header. */
import type { RawData } from '../settings';
import type { BuildContext } from './common';
import { type SourceColumn, sourceColumn } from './source-column';

export interface Sources {
  spendChannel: SourceColumn;
  spend: SourceColumn;
  spendDate: SourceColumn | undefined;
  meetingChannel: SourceColumn;
  outcome: SourceColumn;
  meetingDate: SourceColumn | undefined;
}

export function reportSources(ctx: BuildContext, raw: RawData): Sources {
  const dated = raw.period !== null;
  const column = (sheet: string, header: string) => sourceColumn(ctx.sheets, sheet, header);
  return {
    spendChannel: column(raw.spend[0].sheet, raw.spend[0].columns.channel),
    spend: column(raw.spend[0].sheet, raw.spend[0].columns.spend),
    spendDate: dated ? column(raw.spend[0].sheet, raw.spend[0].columns.date) : undefined,
    meetingChannel: column(raw.meetings.sheet, raw.meetings.columns.channel),
    outcome: column(raw.meetings.sheet, raw.meetings.columns.outcome),
    meetingDate: dated ? column(raw.meetings.sheet, raw.meetings.columns.date) : undefined,
  };
}
