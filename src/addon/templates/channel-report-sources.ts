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
  const dated = raw.period !== 'none';
  const column = (sheet: string, header: string) => sourceColumn(ctx.sheets, sheet, header);
  return {
    spendChannel: column(raw.spend.sheet, raw.spend.columns.channel),
    spend: column(raw.spend.sheet, raw.spend.columns.spend),
    spendDate: dated ? column(raw.spend.sheet, raw.spend.columns.date) : undefined,
    meetingChannel: column(raw.meetings.sheet, raw.meetings.columns.channel),
    outcome: column(raw.meetings.sheet, raw.meetings.columns.outcome),
    meetingDate: dated ? column(raw.meetings.sheet, raw.meetings.columns.date) : undefined,
  };
}
