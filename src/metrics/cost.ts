/** Cost and efficiency: what a meeting, lead or opportunity costs, and what it may cost. */
import { showNumber } from '../sheets/format';
import { divByZero, Problem } from '../sheets/problem';
import { eachRow, position } from '../sheets/ranges';
import { finite } from '../sheets/result';
import { isRange, shapeOf } from '../sheets/shapes';
import { OneCurrency } from './currency';
import { blankGuard, orDefault } from './native';
import { ratio } from './ratio';
import { elementwiseEntry, type WholeRangeRuntime } from './spec';

export const CPQM = elementwiseEntry({
  name: 'CPQM',
  params: [
    { name: 'spend', kind: 'money' },
    { name: 'meetings', kind: 'count' },
    { name: 'qualRate', kind: 'rate' },
    { name: 'showRate', kind: 'rate', optional: true, default: 1 },
  ],
  kernel(spend, meetings, qualRate, showRate) {
    if (meetings === 0) {
      throw divByZero('meetings', 'so there is no qualified meeting to divide spend by');
    }
    if (showRate === 0) throw divByZero('showRate', 'so no booked meeting is held');
    if (qualRate === 0) throw divByZero('qualRate', 'so no held meeting is qualified');
    return spend / (meetings * showRate * qualRate);
  },
  native: ([spend, meetings, qualRate, showRate]) =>
    blankGuard(
      [spend!, meetings!, qualRate!],
      `${spend}/(${meetings}*${orDefault(showRate, '1')}*${qualRate})`,
    ),
  sql: ([spend, meetings, qualRate, showRate], q) =>
    q.divByProduct(spend!, [meetings!, showRate!, qualRate!]),
});

export const COST_PER_MEETING = ratio({
  name: 'COST_PER_MEETING',
  numerator: { name: 'spend', kind: 'money' },
  denominator: { name: 'meetings', kind: 'count' },
  whenZero: 'so there is no meeting to divide spend by',
});

export const MAX_CPQM = elementwiseEntry({
  name: 'MAX_CPQM',
  params: [
    { name: 'deal', kind: 'money' },
    { name: 'close', kind: 'rate' },
    { name: 'roas', kind: 'factor' },
  ],
  kernel(deal, close, roas) {
    if (roas === 0) throw divByZero('roas', 'so any spend is affordable; enter a target such as 3');
    return (deal * close) / roas;
  },
  native: ([deal, close, roas]) => blankGuard([deal!, close!, roas!], `${deal}*${close}/${roas}`),
  sql: ([deal, close, roas], q) => q.div(q.mul(deal!, close!), roas!),
});

export const HEADROOM = elementwiseEntry({
  name: 'HEADROOM',
  params: [
    { name: 'cost', kind: 'money' },
    { name: 'maxCost', kind: 'money' },
  ],
  kernel(cost, maxCost) {
    if (maxCost === 0) throw divByZero('maxCost', 'so nothing is affordable');
    return 1 - cost / maxCost;
  },
  native: ([cost, maxCost]) => blankGuard([cost!, maxCost!], `1-${cost}/${maxCost}`),
  sql: ([cost, maxCost], q) => `1 - ${q.div(cost!, maxCost!)}`,
});

const BLENDED_PARAMS = CPQM.params;

export const BLENDED_CPQM: WholeRangeRuntime = {
  name: 'BLENDED_CPQM',
  mode: 'whole',
  params: BLENDED_PARAMS,
  native: (refs) => blendedCpqmNative(refs),
  run(spend, meetings, qualRate, showRate) {
    let spent = 0;
    let qualified = 0;
    let counted = false;
    eachRow(
      'BLENDED_CPQM',
      BLENDED_PARAMS,
      [spend, meetings, qualRate, showRate],
      (s: number, m: number, q: number, show: number) => {
        spent += s;
        qualified += m * show * q;
        counted = true;
      },
    );
    if (!counted) return '';
    oneCurrency(spend);
    if (qualified === 0) {
      throw new Problem(
        '#DIV/0!',
        'meetings × showRate × qualRate is 0 on every row',
        'so there is no qualified meeting to divide spend by',
      );
    }
    return finite(spent / qualified);
  },
};

/** Refuses a spend range whose text names two currencies, once every row has read. */
function oneCurrency(spend: unknown): void {
  if (!isRange(spend)) return;
  const shape = shapeOf(spend);
  const currency = new OneCurrency('spend is', (k) =>
    position(shape, Math.floor(k / shape.cols), k % shape.cols),
  );
  for (let i = 0; i < shape.rows; i++) {
    const row = spend[i]!;
    for (let j = 0; j < shape.cols; j++) currency.note(row[j], i * shape.cols + j);
  }
}

/**
 * The rows of a channel table BLENDED_CPQM counts, with built-in functions:
 * 1 where spend, meetings and qualRate are all filled in, else 0, as an
 * array over ranges of the same size. The one spelling of "a complete row",
 * for the blended figure and for the totals beside it.
 */
export function completeRowsNative(spend: string, meetings: string, qualRate: string): string {
  return `(${spend}<>"")*(${meetings}<>"")*(${qualRate}<>"")`;
}

/**
 * How many rows of a channel table BLENDED_CPQM would report as half filled
 * (some but not all of spend, meetings and qualRate blank), with built-in
 * functions only: `halfFilledRowsNative('B2:B6', 'C2:C6', 'E2:E6')`.
 */
export function halfFilledRowsNative(spend: string, meetings: string, qualRate: string): string {
  const filled = `((${spend}<>"")+(${meetings}<>"")+(${qualRate}<>""))`;
  return `SUMPRODUCT((${filled}>0)*(${filled}<3))`;
}

/**
 * BLENDED_CPQM with built-in functions only, over ranges of the same size
 * (SUMPRODUCT needs that; the custom function also repeats single values).
 * On valid tables it computes what the custom function does: it skips rows
 * whose spend, meetings and qualRate are all blank, takes a blank showRate as
 * 100%, is blank when every row is skipped and #DIV/0! when no row has a
 * qualified meeting. A half-filled row gives #N/A, as the custom function
 * gives an error naming the row: neither drops its spend silently. Unlike the
 * custom function it cannot say which row, and text counts as 0.
 *
 * No arithmetic touches a blank cell: Excel and LibreOffice refuse ""+1
 * where Sheets reads 0, so a blank show rate is counted by a separate
 * SUMPRODUCT (whose separate arrays treat text as 0 everywhere).
 */
function blendedCpqmNative([spend, meetings, qualRate, showRate]: readonly (
  | string
  | undefined
)[]): string {
  const counted = completeRowsNative(spend!, meetings!, qualRate!);
  const halfFilled = `${halfFilledRowsNative(spend!, meetings!, qualRate!)}>0`;
  const qualified =
    showRate === undefined
      ? `SUMPRODUCT(${counted},${meetings},${qualRate})`
      : `(SUMPRODUCT(${counted}*(${showRate}=""),${meetings},${qualRate})+SUMPRODUCT(${counted},${meetings},${qualRate},${showRate}))`;
  return (
    `IF(${halfFilled},NA(),IF(SUMPRODUCT(${counted})=0,"",` +
    `SUMPRODUCT(${counted},${spend})/${qualified}))`
  );
}

export const CPM = ratio({
  name: 'CPM',
  numerator: { name: 'spend', kind: 'money' },
  denominator: { name: 'impressions', kind: 'count' },
  whenZero: 'so there is nothing to price',
  scale: 1000,
});

export const CPC = ratio({
  name: 'CPC',
  numerator: { name: 'spend', kind: 'money' },
  denominator: { name: 'clicks', kind: 'count' },
  whenZero: 'so there is no click to divide spend by',
});

export const CTR = ratio({
  name: 'CTR',
  numerator: { name: 'clicks', kind: 'count' },
  denominator: { name: 'impressions', kind: 'count' },
  whenZero: 'so no ad was seen',
  check(clicks, impressions) {
    if (clicks > impressions) {
      throw new Problem(
        '#NUM!',
        `clicks ${showNumber(clicks)} is more than impressions ${showNumber(impressions)}`,
        'check that the columns are not swapped',
      );
    }
  },
  sqlCheck: (clicks, impressions, q) => [
    `${clicks} > ${impressions}`,
    q.error(
      q.message([
        'ctr: clicks ',
        { num: clicks },
        ' is more than impressions ',
        { num: impressions },
        ', check that the columns are not swapped',
      ]),
    ),
  ],
});

export const CPL = ratio({
  name: 'CPL',
  numerator: { name: 'spend', kind: 'money' },
  denominator: { name: 'leads', kind: 'count' },
  whenZero: 'so there is no lead to divide spend by',
});

export const COST_PER_OPP = ratio({
  name: 'COST_PER_OPP',
  numerator: { name: 'spend', kind: 'money' },
  denominator: { name: 'opportunities', kind: 'count' },
  whenZero: 'so there is no opportunity to divide spend by',
});

export const CAC = ratio({
  name: 'CAC',
  numerator: { name: 'spend', kind: 'money' },
  denominator: { name: 'customers', kind: 'count' },
  whenZero: 'so there is no customer to divide spend by',
});

export const ROAS = ratio({
  name: 'ROAS',
  numerator: { name: 'revenue', kind: 'money' },
  denominator: { name: 'spend', kind: 'money' },
  whenZero: 'so there is no return to measure',
});
