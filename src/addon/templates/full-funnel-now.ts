/**
 * The Full funnel's reports as FUNNEL_REPORT and DEALS_REPORT compute them
 * from the data when the tab is made: a bad row (a stage cell that is not a
 * date, a won deal without a close date, two currencies) stops the tab being
 * made with the function's own message, and the periods there are size the
 * chart of cost per opportunity.
 */
import { FUNCTIONS } from '../../metrics/catalogue';
import type { View } from '../../metrics/funnel-report';
import { ALL_CHANNELS, ALL_PERIODS } from '../../metrics/grouping';
import type { Period } from '../../metrics/period';
import { messageOf } from '../../sheets/format';
import type { FunnelData, RawData } from '../settings';
import { sheetRowsIn, stackedSpend } from './channel-report-now';
import type { Sources } from './channel-report-sources';
import type { BuildContext } from './common';
import { DEAL_ARGUMENTS, type DealsSources, type FunnelSources } from './full-funnel-sources';
import type { SourceColumn } from './source-column';

/** The function's message with the deals range's rows named as sheet rows (it starts below the header). */
function dealsRows(message: string, src: Sources & DealsSources): string {
  return sheetRowsIn(message, src).replace(
    /\brow (\d+) of the deals range\b/g,
    (_m, n) => `row ${Number(n) + 1} of sheet "${src.deals.amount.sheet}"`,
  );
}

/**
 * The function's message with its range rows named as sheet rows: the
 * records range starts at the contacts' header row, the deals range below
 * the deals' header, the ad exports as the Channel report says.
 */
function sheetRows(message: string, src: FunnelSources): string {
  return dealsRows(message, src).replace(
    /\brow (\d+) of the records range\b/g,
    (_m, n) => `row ${n} of sheet "${src.contactsChannel.sheet}"`,
  );
}

const column = (values: unknown[]) => (values.length > 0 ? values.map((v) => [v]) : [['']]);

/** The stacked spend side, and with a period its dates, period and view, as the tab's formulas pass them. */
function spendArguments(
  ctx: BuildContext,
  src: Sources,
  period: Period | null,
  view: View,
): { spendSide: unknown[]; when: unknown[] } {
  const spend = stackedSpend(ctx, src.spend);
  return {
    spendSide: [column(spend.channel), column(spend.spend)],
    when: period === null ? [] : [column(spend.date), period, view],
  };
}

/**
 * DEALS_REPORT over the deals as they are now: a bad row (a won deal without
 * a close date, two currencies) stops the tab being made with the
 * function's own message, its row named on its sheet. The Full funnel and
 * the Channel report's Max CPQM from results both read it.
 */
export function dealsNow(
  ctx: BuildContext,
  src: Sources & DealsSources,
  period: Period | null,
  view: View,
): unknown {
  const read = (s: SourceColumn) => ctx.read?.(s.sheet, s.col) ?? [];
  const { spendSide, when } = spendArguments(ctx, src, period, view);
  const amounts = read(src.deals.amount);
  const currencies = src.currency ? read(src.currency) : [];
  try {
    return FUNCTIONS.DEALS_REPORT!(
      ...spendSide,
      ...DEAL_ARGUMENTS.map((f) =>
        column(
          f === 'amount' && src.currency
            ? amounts.map((a, k) => (a === '' ? '' : `${currencies[k] ?? ''} ${a}`))
            : read(src.deals[f]),
        ),
      ),
      ...when,
    );
  } catch (e) {
    throw new Error(dealsRows(messageOf(e), src));
  }
}

/** The periods the deals report has rows for now, ascending; none without a period. */
export function funnelNow(
  ctx: BuildContext,
  raw: RawData,
  funnel: FunnelData,
  src: FunnelSources,
): string[] {
  const read = (s: SourceColumn) => ctx.read?.(s.sheet, s.col) ?? [];
  const headerOf = (s: SourceColumn) =>
    ctx.sheets.find((sheet) => sheet.name === s.sheet)?.headers[s.col] ?? '';
  // The records from their header row, as the tab's formula passes them.
  const withHeader = (s: SourceColumn) => [headerOf(s), ...read(s)];
  const stageColumns = src.stages.map(withHeader);
  const height = Math.max(...stageColumns.map((c) => c.length));
  const stages = Array.from({ length: height }, (_, r) => stageColumns.map((c) => c[r] ?? ''));
  const { spendSide, when } = spendArguments(ctx, src, raw.period, funnel.view);
  try {
    FUNCTIONS.FUNNEL_REPORT!(
      ...spendSide,
      column(withHeader(src.contactsChannel)),
      stages,
      ...when,
    );
  } catch (e) {
    throw new Error(sheetRows(messageOf(e), src));
  }
  const deals = dealsNow(ctx, src, raw.period, funnel.view);
  if (raw.period === null || !Array.isArray(deals)) return [];
  return deals
    .slice(1)
    .filter((r) => r[0] === ALL_CHANNELS && r[1] !== ALL_PERIODS)
    .map((r) => String(r[1]));
}
