/**
 * The columns the Full funnel reads, found by header, and the references its
 * formulas use: the ad exports and the meeting log as the Channel report
 * reads them (channel-report-sources.ts: several exports stacked, a
 * one-channel sheet giving its channel on every row with spend); the
 * contacts' source and stage columns from the header row, because
 * FUNNEL_REPORT names the stages from it; the deals from row 2.
 */
import { openColumnA1, sheetRef } from '../../workbook/a1';
import type { DealField, FunnelData, RawData, SheetColumns } from '../settings';
import { reportSources, type Sources, spendArgument } from './channel-report-sources';
import type { BuildContext } from './common';
import { openColumn, type SourceColumn, sourceColumn } from './source-column';

/** The deal columns DEALS_REPORT takes, in its order. */
export const DEAL_ARGUMENTS = ['channel', 'amount', 'created', 'closed', 'status'] as const;

/** The deals export's columns, and its currency column where one is mapped. */
export interface DealsSources {
  deals: Record<Exclude<DealField, 'currency'>, SourceColumn>;
  currency: SourceColumn | undefined;
}

export interface FunnelSources extends Sources, DealsSources {
  contactsChannel: SourceColumn;
  /** In funnel order, first stage first. */
  stages: SourceColumn[];
}

export function dealsSources(ctx: BuildContext, deals: SheetColumns<DealField>): DealsSources {
  const column = (header: string) => sourceColumn(ctx.sheets, deals.sheet, header);
  return {
    deals: Object.fromEntries(
      DEAL_ARGUMENTS.map((f) => [f, column(deals.columns[f])]),
    ) as DealsSources['deals'],
    currency: deals.columns.currency === '' ? undefined : column(deals.columns.currency),
  };
}

export function funnelSources(
  ctx: BuildContext,
  raw: RawData,
  deals: SheetColumns<DealField>,
  funnel: FunnelData,
): FunnelSources {
  const { contacts } = funnel;
  const column = (header: string) => sourceColumn(ctx.sheets, contacts.sheet, header);
  return {
    ...reportSources(ctx, raw),
    ...dealsSources(ctx, deals),
    contactsChannel: column(contacts.channel),
    stages: contacts.stages.map(column),
  };
}

/** DEALS_REPORT's deal arguments, the amounts with their currency where one is mapped. */
export function dealsRefs(src: DealsSources): string[] {
  return DEAL_ARGUMENTS.map((f) =>
    f === 'amount' && src.currency
      ? withCurrency(openColumn(src.deals.amount), openColumn(src.currency))
      : openColumn(src.deals[f]),
  );
}

/**
 * Each amount with its currency code before it ("EUR 1200"), which
 * DEALS_REPORT reads as that currency: two currencies in one report are
 * refused, naming a row of each, never added together.
 */
function withCurrency(amount: string, currency: string): string {
  return `ARRAYFORMULA(IF(LEN(${amount}),${currency}&" "&${amount},""))`;
}

/** The column from its header row down, so the report reads the stage names: 'Contacts'!F1:F. */
function withHeader(s: SourceColumn): string {
  return `${sheetRef(s.sheet)}!${openColumnA1(0, s.col)}`;
}

/**
 * The formulas' references: the records' source column and their stage
 * columns side by side in funnel order, both from the header row, where the
 * export has them apart or in another order composed with HSTACK
 * (`HSTACK('Contacts'!F1:F,'Contacts'!C1:C)`, which the engine behind the
 * tests and the playground recomputes when a cell changes, as it does not an
 * array literal holding ranges); everything else below the header row.
 */
export function funnelRefs(src: FunnelSources, dated: boolean) {
  const stages = src.stages.map(withHeader);
  return {
    spendChannel: spendArgument(src.spend, 'channel'),
    spend: spendArgument(src.spend, 'spend'),
    spendDate: dated ? spendArgument(src.spend, 'date') : undefined,
    meetingChannel: openColumn(src.meetingChannel),
    outcome: openColumn(src.outcome),
    channels: withHeader(src.contactsChannel),
    stages: stages.length === 1 ? stages[0]! : `HSTACK(${stages.join(',')})`,
    deals: dealsRefs(src),
  };
}
