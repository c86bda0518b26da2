/**
 * DEALS_REPORT: what the ad spend brought back, from a CRM's deals export (one
 * row per deal) by channel (and period): opportunities, pipeline, won, lost and
 * open deals, revenue, win rate, average deal, CAC and ROAS, Σ ÷ Σ.
 *
 * Activity counts a deal's creation in the period it was created and its
 * close in the period it closed; cohort counts everything about a deal in the
 * period it was created. Amounts in two currencies are never added.
 */
import { COERCE, isBlank } from '../sheets/coerce';
import { show } from '../sheets/format';
import type { Mapping } from '../sheets/mapping';
import { CallError, Problem } from '../sheets/problem';
import type { Scalar } from '../sheets/result';
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

/** The currency symbols an amount may carry, by the code they stand for. */
export const SYMBOL_CURRENCY: Record<string, string> = { '€': 'EUR', '£': 'GBP' };
const CODE = /^\s*[+-]?([A-Z]{3})\b|\b([A-Z]{3})\s*$/;
const SYMBOL = /[€£]/;

/** The currency an amount's text names (EUR 12,000; 12.000 €), or undefined for a bare number. */
export function currencyOf(amount: unknown): string | undefined {
  if (typeof amount !== 'string') return undefined;
  const code = CODE.exec(amount);
  if (code) return code[1] ?? code[2];
  const symbol = SYMBOL.exec(amount);
  return symbol ? SYMBOL_CURRENCY[symbol[0]] : undefined;
}

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
  addSpend(grouping, SPEND, spendChannels, spend, spendDates);
  const [names, values, createdDays, closedDays, statuses] = t.grids;
  const { cols } = t.shape;
  const money = COERCE.money;
  /** The first row naming each currency, to name a row of each when a second one appears. */
  let currency: { code: string; k: number } | undefined;
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
      const code = currencyOf(amount);
      if (code !== undefined) {
        if (!currency) currency = { code, k };
        else if (currency.code !== code) {
          throw new CallError(
            `amounts are in two currencies: ${lineName('deals', t.shape, currency.k)} is in ${currency.code} and ${lineName('deals', t.shape, k)} in ${code}; amounts in different currencies are never added, so pass them in one currency (the company-currency amount column the CRM exports)`,
          );
        }
      }
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
