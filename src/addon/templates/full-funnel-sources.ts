/**
 * The columns the Full funnel reads, found by header, and the references its
 * formulas use: the ad spend and meeting columns from row 2, the ad exports
 * stacked into one column each, a sheet that is one channel giving that
 * channel on every row with spend; the contacts' source and stage columns from the header
 * row, because FUNNEL_REPORT names the stages from it; the deals from row 2.
 */
import { openColumnA1, sheetRef } from '../../workbook/a1';
import type { DealField, FunnelData, RawData } from '../settings';
import type { BuildContext } from './common';
import { openColumn, type SourceColumn, sourceColumn } from './source-column';

/** One ad export: its channel column, or the one channel the whole sheet is. */
export interface SpendSource {
  channel: SourceColumn | string;
  spend: SourceColumn;
  date: SourceColumn | undefined;
}

export interface FunnelSources {
  spend: SpendSource[];
  meetingChannel: SourceColumn;
  outcome: SourceColumn;
  contactsChannel: SourceColumn;
  /** In funnel order, first stage first. */
  stages: SourceColumn[];
  deals: Record<Exclude<DealField, 'currency'>, SourceColumn>;
  currency: SourceColumn | undefined;
}

/** The deal columns DEALS_REPORT takes, in its order. */
export const DEAL_ARGUMENTS = ['channel', 'amount', 'created', 'closed', 'status'] as const;

export function funnelSources(ctx: BuildContext, raw: RawData, funnel: FunnelData): FunnelSources {
  const column = (sheet: string, header: string) => sourceColumn(ctx.sheets, sheet, header);
  const { contacts, deals } = funnel;
  return {
    spend: raw.spend.map((s) => ({
      channel: s.fixedChannel.trim() !== '' ? s.fixedChannel : column(s.sheet, s.columns.channel),
      spend: column(s.sheet, s.columns.spend),
      date: raw.period === null ? undefined : column(s.sheet, s.columns.date),
    })),
    meetingChannel: column(raw.meetings.sheet, raw.meetings.columns.channel),
    outcome: column(raw.meetings.sheet, raw.meetings.columns.outcome),
    contactsChannel: column(contacts.sheet, contacts.channel),
    stages: contacts.stages.map((header) => column(contacts.sheet, header)),
    deals: Object.fromEntries(
      DEAL_ARGUMENTS.map((f) => [f, column(deals.sheet, deals.columns[f])]),
    ) as FunnelSources['deals'],
    currency:
      deals.columns.currency === '' ? undefined : column(deals.sheet, deals.columns.currency),
  };
}

/**
 * Several ad exports as one column, one sheet under the other
 * (`{'Google Ads'!E2:E;'LinkedIn'!C2:C}`); each sheet's columns run to that
 * sheet's end, so its channel, spend and date stay on the same rows.
 */
function stacked(parts: string[]): string {
  return parts.length === 1 ? parts[0]! : `{${parts.join(';')}}`;
}

/**
 * Each amount with its currency code after it ("1200 EUR"), which DEALS_REPORT
 * reads as that currency: two currencies in one report are refused, naming a
 * row of each, never added together.
 */
function withCurrency(amount: string, currency: string): string {
  return `ARRAYFORMULA(IF(LEN(${amount}),${amount}&" "&${currency},""))`;
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
    spendChannel: stacked(
      src.spend.map((s) =>
        typeof s.channel === 'string'
          ? `ARRAYFORMULA(IF(LEN(${openColumn(s.spend)}),"${s.channel.replace(/"/g, '""')}",""))`
          : openColumn(s.channel),
      ),
    ),
    spend: stacked(src.spend.map((s) => openColumn(s.spend))),
    spendDate: src.spend.every((s) => s.date)
      ? stacked(src.spend.map((s) => openColumn(s.date!)))
      : undefined,
    meetingChannel: openColumn(src.meetingChannel),
    outcome: openColumn(src.outcome),
    channels: withHeader(src.contactsChannel),
    stages: stages.length === 1 ? stages[0]! : `{${stages.join(',')}}`,
    deals: DEAL_ARGUMENTS.map((f) =>
      f === 'amount' && src.currency
        ? withCurrency(openColumn(src.deals.amount), openColumn(src.currency))
        : openColumn(src.deals[f]),
    ),
  };
}
