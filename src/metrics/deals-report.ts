/**
 * DEALS_REPORT: what the ad spend brought back, from a CRM's deals export (one
 * row per deal) by channel (and period): opportunities, pipeline, won, lost and
 * open deals, revenue, win rate, average deal, CAC and ROAS, Σ ÷ Σ.
 *
 * Activity counts a deal's creation in the period it was created and its
 * close in the period it closed; cohort counts everything about a deal in the
 * period it was created. Amounts in two currencies are never added, and
 * revenue is never set against spend in another currency.
 */
import { COERCE, isBlank } from '../sheets/coerce';
import { show } from '../sheets/format';
import type { Mapping } from '../sheets/mapping';
import { CallError, Problem } from '../sheets/problem';
import type { Scalar } from '../sheets/result';
import { NEVER_ADDED, NEVER_COMPARED, OneCurrency, refuseTwo } from './currency';
import { DEAL_STATUSES, type DealStatus } from './deal-status';
import { isDateCell, readView, VIEWS } from './funnel-report';
import { Grouping, NO_CHANNEL, ratioCell } from './grouping';
import { MAPPING_PARAM } from './outcomes';
import { PERIODS, readPeriod } from './period';
import { cellsOf } from './report';
import { addSpend, atLine, lineName, lineOf, noColumn, table } from './report-table';
import type { WholeRangeRuntime } from './spec';
import { refuseTotalsRow } from './totals-row';

export const DEALS_COLUMNS = [
  'Spend',
  'Opportunities',
  'Pipeline',
  'Cost per opportunity',
  'Pipeline per spend',
  'Won',
  'Lost',
  'Open',
  'Revenue',
  'Win rate',
  'Average deal',
  'CAC',
  'ROAS',
] as const;

const SPEND = 0;
const OPPORTUNITIES = 1;
const PIPELINE = 2;
const WON = 3;
const LOST = 4;
const OPEN = 5;
const REVENUE = 6;

function cells(t: number[]): Scalar[] {
  const spend = t[SPEND]!;
  const won = t[WON]!;
  return [
    spend,
    t[OPPORTUNITIES]!,
    t[PIPELINE]!,
    ratioCell(spend, t[OPPORTUNITIES]!, 'opportunities'),
    ratioCell(t[PIPELINE]!, spend, 'spend'),
    won,
    t[LOST]!,
    t[OPEN]!,
    t[REVENUE]!,
    ratioCell(won, won + t[LOST]!, 'won + lost'),
    ratioCell(t[REVENUE]!, won, 'won'),
    ratioCell(spend, won, 'won'),
    ratioCell(t[REVENUE]!, spend, 'spend'),
  ];
}

/** Why deal amounts in two currencies are refused, and where the CRM keeps them in one. */
export const DEAL_AMOUNTS_IN_ONE = `${NEVER_ADDED} (the company-currency amount column the CRM exports)`;

/** What a status cell means: the mapping table's deal status rows first; FALSE is refused. */
function statusOf(mapping: Mapping, raw: unknown): DealStatus {
  if (raw === false || (typeof raw === 'string' && raw.trim().toUpperCase() === 'FALSE')) {
    throw new Problem(
      '#VALUE!',
      `status ${show(raw)} cannot tell a lost deal from an open one`,
      'pass the deal stage column instead of a Won or Is Closed Won column',
    );
  }
  if (isBlank(raw)) return 'open';
  if (typeof raw === 'string' || typeof raw === 'number') {
    const means = mapping.dealStatus.lookup(String(raw));
    if (means !== undefined) return DEAL_STATUSES.find(means)!;
  }
  return DEAL_STATUSES.find(raw) ?? 'open';
}

function deals(...args: unknown[]): Scalar[][] | '' {
  const [spendChannels, spend, dealChannels, amounts, created, closed, status, spendDates] = args;
  const period = readPeriod(args[8]);
  const view = readView(args[9]);
  const mapping = args[10] as Mapping;
  if (period && noColumn(spendDates)) {
    throw new CallError(
      `a ${period} report needs spendDates: give the date column of the spend table`,
    );
  }
  const t = table(
    ['dealChannels', 'amounts', 'created', 'closed', 'status'],
    [dealChannels, amounts, created, closed, status],
  );
  const grouping = new Grouping(7, period, mapping);
  const spent = addSpend(grouping, SPEND, spendChannels, spend, spendDates);
  const [names, values, createdDays, closedDays, statuses] = t.grids;
  const { cols } = t.shape;
  const money = COERCE.money;
  const currency = new OneCurrency(
    'amounts are',
    (k) => lineName('deals', t.shape, k),
    DEAL_AMOUNTS_IN_ONE,
  );
  /** Status cells seen, to what they mean: an export repeats a handful of stages. */
  const statusFor = new Map<unknown, DealStatus>();
  const labelsClosed = period !== undefined && view === 'activity';
  for (let k = 0; k < t.size; k++) {
    const raw = lineOf(names, cols, k);
    const amount = lineOf(values, cols, k);
    const createdDay = lineOf(createdDays, cols, k);
    const closedDay = lineOf(closedDays, cols, k);
    const state = lineOf(statuses, cols, k);
    if (
      isBlank(raw) &&
      isBlank(amount) &&
      isBlank(createdDay) &&
      isBlank(closedDay) &&
      isBlank(state)
    ) {
      continue;
    }
    try {
      refuseTotalsRow('amounts', amount);
      refuseTotalsRow('created', createdDay);
      refuseTotalsRow('closed', closedDay);
      if (isBlank(amount)) {
        throw new Problem(
          '#VALUE!',
          'amounts is blank',
          'fill in the deal amount (0 if none), or clear the row',
        );
      }
      const value = money('amounts', amount) as number;
      currency.note(amount, k);
      let outcome = statusFor.get(state);
      if (outcome === undefined) {
        refuseTotalsRow('status', state);
        outcome = statusOf(mapping, state);
        if (statusFor.size < 10_000) statusFor.set(state, outcome);
      }
      if (outcome !== 'open' && isBlank(closedDay)) {
        throw new Problem(
          '#VALUE!',
          `closed is blank for a ${outcome} deal`,
          'fill in its close date',
        );
      }
      // With a period, the grouping reads the dates it labels; the rest are checked here.
      if (outcome !== 'open' && !labelsClosed && !isDateCell(closedDay)) {
        throw new Problem(
          '#VALUE!',
          `closed ${show(closedDay)} is not a date`,
          'enter the close date (2026-01-05)',
        );
      }
      if (!period && !isBlank(createdDay) && !isDateCell(createdDay)) {
        throw new Problem(
          '#VALUE!',
          `created ${show(createdDay)} is not a date`,
          'enter the date the deal was created (2026-01-05)',
        );
      }
      const group = isBlank(raw)
        ? grouping.named(NO_CHANNEL)
        : grouping.channel('dealChannels', raw);
      const opened = grouping.tally(group, grouping.label('created', createdDay));
      opened[OPPORTUNITIES]!++;
      opened[PIPELINE]! += value;
      if (outcome === 'open') {
        opened[OPEN]!++;
        continue;
      }
      const done =
        view === 'cohort' ? opened : grouping.tally(group, grouping.label('closed', closedDay));
      if (outcome === 'won') {
        done[WON]!++;
        done[REVENUE]! += value;
      } else done[LOST]!++;
    } catch (e) {
      throw e instanceof CallError ? e : atLine('deals', t.shape, k, e);
    }
  }
  refuseTwo('spend and amounts are', spent, currency.first, NEVER_COMPARED);
  if (grouping.isEmpty) return '';
  const header = period ? ['Channel', 'Period', ...DEALS_COLUMNS] : ['Channel', ...DEALS_COLUMNS];
  return grouping.table(header, cells);
}

export const DEALS_REPORT: WholeRangeRuntime = {
  name: 'DEALS_REPORT',
  mode: 'whole',
  params: [
    { name: 'spendChannels', kind: 'text' },
    { name: 'spend', kind: 'money' },
    { name: 'dealChannels', kind: 'text' },
    { name: 'amounts', kind: 'money' },
    { name: 'created', kind: 'date' },
    { name: 'closed', kind: 'date' },
    { name: 'status', kind: 'text' },
    { name: 'spendDates', kind: 'date', optional: true },
    { name: 'period', kind: 'text', optional: true, options: PERIODS },
    { name: 'view', kind: 'text', optional: true, options: VIEWS },
    MAPPING_PARAM,
  ],
  run: deals,
  resultSize: ([spendChannels, , dealChannels, , , , , , period]) => {
    const lines = cellsOf(spendChannels) + cellsOf(dealChannels);
    return {
      rows: 2 + (period ? 2 * lines : lines),
      cols: DEALS_COLUMNS.length + (period ? 2 : 1),
    };
  },
};
