/**
 * The columns the Full funnel reads, found by header, and the references its
 * formulas use: the ad spend and meeting columns from row 2 as the Channel
 * report reads them; the contacts' source and stage columns from the header
 * row, because FUNNEL_REPORT names the stages from it; the deals from row 2.
 */
import { openColumnA1, sheetRef } from '../../workbook/a1';
import { DEAL_FIELDS, type DealField, type FunnelData, type RawData } from '../settings';
import type { BuildContext } from './common';
import { openColumn, type SourceColumn, sourceColumn } from './source-column';

export interface FunnelSources {
  spendChannel: SourceColumn;
  spend: SourceColumn;
  spendDate: SourceColumn | undefined;
  meetingChannel: SourceColumn;
  outcome: SourceColumn;
  contactsChannel: SourceColumn;
  /** In funnel order, first stage first. */
  stages: SourceColumn[];
  deals: Record<DealField, SourceColumn>;
}

export function funnelSources(ctx: BuildContext, raw: RawData, funnel: FunnelData): FunnelSources {
  const column = (sheet: string, header: string) => sourceColumn(ctx.sheets, sheet, header);
  const { contacts, deals } = funnel;
  return {
    spendChannel: column(raw.spend.sheet, raw.spend.columns.channel),
    spend: column(raw.spend.sheet, raw.spend.columns.spend),
    spendDate: raw.period === 'none' ? undefined : column(raw.spend.sheet, raw.spend.columns.date),
    meetingChannel: column(raw.meetings.sheet, raw.meetings.columns.channel),
    outcome: column(raw.meetings.sheet, raw.meetings.columns.outcome),
    contactsChannel: column(contacts.sheet, contacts.channel),
    stages: contacts.stages.map((header) => column(contacts.sheet, header)),
    deals: Object.fromEntries(
      DEAL_FIELDS.map((f) => [f, column(deals.sheet, deals.columns[f])]),
    ) as Record<DealField, SourceColumn>,
  };
}

/** The column from its header row down, so the report reads the stage names: 'Contacts'!F1:F. */
function withHeader(s: SourceColumn): string {
  return `${sheetRef(s.sheet)}!${openColumnA1(0, s.col)}`;
}

/**
 * The formulas' references: the records' source column and their stage
 * columns side by side in funnel order (`{'Contacts'!F1:F,'Contacts'!C1:C}`
 * where the export has them apart or in another order), both from the
 * header row; everything else below it.
 */
export function funnelRefs(src: FunnelSources) {
  const stages = src.stages.map(withHeader);
  return {
    spendChannel: openColumn(src.spendChannel),
    spend: openColumn(src.spend),
    spendDate: src.spendDate && openColumn(src.spendDate),
    meetingChannel: openColumn(src.meetingChannel),
    outcome: openColumn(src.outcome),
    channels: withHeader(src.contactsChannel),
    stages: stages.length === 1 ? stages[0]! : `{${stages.join(',')}}`,
    deals: DEAL_FIELDS.map((f) => openColumn(src.deals[f])),
  };
}
