/** Cost and efficiency: what a meeting, lead or opportunity costs, and what it may cost. */
import { showNumber } from '../sheets/format';
import { divByZero, Problem } from '../sheets/problem';
import { eachRow } from '../sheets/ranges';
import { finite, type ParamKind } from '../sheets/run';
import { blankGuard, orDefault } from './native';
import { ratio } from './ratio';
import type { Docs, ElementwiseRuntime, WholeRangeRuntime } from './spec';

export const CPQM: ElementwiseRuntime = {
  name: 'CPQM',
  mode: 'elementwise',
  params: [
    { name: 'spend', kind: 'money' },
    { name: 'meetings', kind: 'count' },
    { name: 'qualRate', kind: 'rate' },
    { name: 'showRate', kind: 'rate', optional: true, default: 1 },
  ],
  kernel(spend: number, meetings: number, qualRate: number, showRate: number) {
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
};

export const COST_PER_MEETING = ratio({
  name: 'COST_PER_MEETING',
  numerator: { name: 'spend', kind: 'money' },
  denominator: { name: 'meetings', kind: 'count' },
  whenZero: 'so there is no meeting to divide spend by',
});

export const MAX_CPQM: ElementwiseRuntime = {
  name: 'MAX_CPQM',
  mode: 'elementwise',
  params: [
    { name: 'deal', kind: 'money' },
    { name: 'close', kind: 'rate' },
    { name: 'roas', kind: 'factor' },
  ],
  kernel(deal: number, close: number, roas: number) {
    if (roas === 0) throw divByZero('roas', 'so any spend is affordable; enter a target such as 3');
    return (deal * close) / roas;
  },
  native: ([deal, close, roas]) => blankGuard([deal!, close!, roas!], `${deal}*${close}/${roas}`),
};

export const HEADROOM: ElementwiseRuntime = {
  name: 'HEADROOM',
  mode: 'elementwise',
  params: [
    { name: 'cost', kind: 'money' },
    { name: 'maxCost', kind: 'money' },
  ],
  kernel(cost: number, maxCost: number) {
    if (maxCost === 0) throw divByZero('maxCost', 'so nothing is affordable');
    return 1 - cost / maxCost;
  },
  native: ([cost, maxCost]) => blankGuard([cost!, maxCost!], `1-${cost}/${maxCost}`),
};

const BLENDED_PARAMS: ParamKind[] = CPQM.params;

export const BLENDED_CPQM: WholeRangeRuntime = {
  name: 'BLENDED_CPQM',
  mode: 'whole',
  params: BLENDED_PARAMS,
  run(spend, meetings, qualRate, showRate) {
    let spent = 0;
    let qualified = 0;
    let rows = 0;
    eachRow(
      'BLENDED_CPQM',
      BLENDED_PARAMS,
      [spend, meetings, qualRate, showRate],
      (s: number, m: number, q: number, show: number) => {
        spent += s;
        qualified += m * show * q;
        rows++;
      },
    );
    if (rows === 0) return '';
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

/**
 * BLENDED_CPQM with built-in functions only, for the blended row of a
 * channel table: `blendedCpqmNative('B2:B6', 'C2:C6', 'E2:E6', 'D2:D6')`.
 * All arguments are ranges of the same size (SUMPRODUCT needs that; the
 * custom function also repeats single values). On valid tables it computes
 * what the custom function does: it skips rows whose spend, meetings and
 * qualRate are all blank, takes a blank showRate as 100%, is blank when every
 * row is skipped and #DIV/0! when no row has a qualified meeting.
 * A half-filled row (some of spend, meetings and qualRate blank) gives #N/A,
 * as the custom function gives an error naming the row: neither drops its
 * spend silently. Unlike the custom function it cannot say which row, and
 * text counts as 0.
 */
export function blendedCpqmNative(
  spend: string,
  meetings: string,
  qualRate: string,
  showRate?: string,
): string {
  const counted = `(${spend}<>"")*(${meetings}<>"")*(${qualRate}<>"")`;
  const halfFilled = `${halfFilledRowsNative(spend, meetings, qualRate)}>0`;
  const shown = showRate === undefined ? '' : `,(${showRate}="")+${showRate}`;
  return (
    `IF(${halfFilled},NA(),IF(SUMPRODUCT(${counted})=0,"",` +
    `SUMPRODUCT(${counted},${spend})/SUMPRODUCT(${counted},${meetings},${qualRate}${shown})))`
  );
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

const family = 'Cost and efficiency';

export const COST_DOCS: Record<string, Docs> = {
  CPQM: {
    family,
    summary:
      'Cost per qualified meeting: spend / (booked meetings × show rate × qualification rate).',
    params: {
      spend: 'Total spend for the period or channel.',
      meetings: 'Booked meetings.',
      qualRate: 'Share of held meetings that were qualified, as 60% or 0.6.',
      showRate: 'Optional. Share of booked meetings that were held, as 80% or 0.8; default 100%.',
    },
    resultType: 'number',
    returns: 'The cost of one qualified meeting, in the currency of spend.',
    examples: [
      {
        args: [950, 10, 0.7],
        formula: '=CPQM(950, 10, 70%)',
        result: 135.714285714,
        digits: 6,
        note: 'Seed 000: £95 per meeting with 30% outside the ICP is £136 per qualified meeting.',
      },
      {
        args: [1000, 10, 0.6],
        formula: '=CPQM(1000, 10, 60%)',
        result: 166.666666667,
        digits: 6,
        note: 'Seed 000: 40% unqualified makes a qualified meeting about 1.7× a booked one.',
      },
      {
        args: [1000, 10, 1, 0.8],
        formula: '=CPQM(1000, 10, 100%, 80%)',
        result: 125,
        note: 'Seed 000: a 20% no-show rate raises CPQM by 25%.',
      },
    ],
  },
  COST_PER_MEETING: {
    family,
    summary: 'Cost per booked meeting: spend / meetings.',
    params: { spend: 'Total spend for the period or channel.', meetings: 'Booked meetings.' },
    resultType: 'number',
    returns: 'The cost of one booked meeting, in the currency of spend.',
    examples: [
      {
        args: [950, 10],
        formula: '=COST_PER_MEETING(950, 10)',
        result: 95,
        note: 'Seed 000: the outbound team’s £95 per meeting, before qualification.',
      },
    ],
  },
  MAX_CPQM: {
    family,
    summary:
      'The most one qualified meeting may cost at a target ROAS: deal size × close rate / target ROAS.',
    params: {
      deal: 'Average deal size (revenue per won deal).',
      close: 'Close rate from qualified meeting to won deal, as 10% or 0.1.',
      roas: 'Target return on ad spend as a multiple: 3 means £3 of revenue per £1 spent.',
    },
    resultType: 'number',
    returns: 'The break-even cost of one qualified meeting at that return.',
    examples: [
      {
        args: [20000, 0.1, 3],
        formula: '=MAX_CPQM(20000, 10%, 3)',
        result: 666.666666667,
        digits: 6,
        note: 'Seed 000: £2,000 of revenue per meeting at a 3× target ROAS allows £667.',
      },
    ],
  },
  HEADROOM: {
    family,
    summary: 'Room under the most a result may cost: 1 − cost / maxCost; below 0 is uneconomical.',
    params: {
      cost: 'What one result costs now, such as CPQM.',
      maxCost: 'The most one result may cost, such as MAX_CPQM.',
    },
    resultType: 'number',
    returns: 'A fraction (format it as %): positive is room to spend more, negative is over.',
    examples: [
      {
        args: [500, 666.666666667],
        formula: '=HEADROOM(500, MAX_CPQM(20000, 10%, 3))',
        result: 0.25,
        digits: 9,
        note: 'A £500 CPQM against the seed’s £667 maximum leaves 25% headroom.',
      },
      {
        args: [1250, 1000],
        formula: '=HEADROOM(1250, 1000)',
        result: -0.25,
        note: 'Over the maximum: the channel is uneconomical.',
      },
    ],
  },
  BLENDED_CPQM: {
    family,
    summary:
      'Blended cost per qualified meeting over all rows: Σ spend / Σ (meetings × show rate × qual rate).',
    params: {
      spend: 'Spend per row (channel, campaign or month).',
      meetings: 'Booked meetings per row.',
      qualRate: 'Qualification rate per row, or one for all rows, as 60% or 0.6.',
      showRate: 'Optional. Show rate per row, or one for all rows, as 80% or 0.8; default 100%.',
    },
    resultType: 'number',
    returns:
      'One qualified meeting’s cost across all rows; blank rows are skipped, a half-filled row is an error naming it, spend on rows with 0 meetings counts.',
    examples: [
      {
        args: [
          [[1000], [500], [0]],
          [[10], [0], [5]],
          [[0.5], [0.5], [1]],
        ],
        formula: '=BLENDED_CPQM(B2:B4, C2:C4, D2:D4)',
        result: 150,
        note: '£1,500 over 5 + 0 + 5 qualified meetings: the £500 that booked nothing still counts.',
      },
    ],
  },
  CPM: {
    family,
    summary: 'Cost per thousand impressions: spend / impressions × 1000.',
    params: { spend: 'Media spend.', impressions: 'Ad impressions served.' },
    resultType: 'number',
    returns: 'The cost of 1,000 impressions, in the currency of spend.',
    examples: [{ args: [5000, 250000], formula: '=CPM(5000, 250000)', result: 20 }],
  },
  CPC: {
    family,
    summary: 'Cost per click: spend / clicks.',
    params: { spend: 'Media spend.', clicks: 'Clicks on the ads.' },
    resultType: 'number',
    returns: 'The cost of one click, in the currency of spend.',
    examples: [{ args: [1200, 400], formula: '=CPC(1200, 400)', result: 3 }],
  },
  CTR: {
    family,
    summary: 'Click-through rate: clicks / impressions.',
    params: {
      clicks: 'Clicks on the ads; no more than impressions.',
      impressions: 'Ad impressions served.',
    },
    resultType: 'number',
    returns: 'The share of impressions that were clicked, as a fraction (format it as %).',
    examples: [{ args: [400, 250000], formula: '=CTR(400, 250000)', result: 0.0016 }],
  },
  CPL: {
    family,
    summary: 'Cost per lead: spend / leads.',
    params: { spend: 'Spend for the period or channel.', leads: 'Leads generated.' },
    resultType: 'number',
    returns: 'The cost of one lead, in the currency of spend.',
    examples: [{ args: [4500, 150], formula: '=CPL(4500, 150)', result: 30 }],
  },
  COST_PER_OPP: {
    family,
    summary: 'Cost per opportunity: spend / opportunities.',
    params: {
      spend: 'Spend for the period or channel.',
      opportunities: 'Opportunities created.',
    },
    resultType: 'number',
    returns: 'The cost of one opportunity, in the currency of spend.',
    examples: [
      {
        args: [30000, 12],
        formula: '=COST_PER_OPP(30000, 12)',
        result: 2500,
        note: 'Seed 002: what the pipeline you contribute costs, opportunity by opportunity.',
      },
    ],
  },
  CAC: {
    family,
    summary: 'Customer acquisition cost: spend / new customers.',
    params: {
      spend: 'Sales and marketing spend for the period.',
      customers: 'New customers won in the period.',
    },
    resultType: 'number',
    returns: 'The cost of one new customer, in the currency of spend.',
    examples: [{ args: [60000, 4], formula: '=CAC(60000, 4)', result: 15000 }],
  },
  ROAS: {
    family,
    summary: 'Return on ad spend: revenue / spend.',
    params: { revenue: 'Revenue attributed to the spend.', spend: 'The spend that produced it.' },
    resultType: 'number',
    returns: 'Revenue per unit of spend as a multiple: 3 means £3 back for every £1.',
    examples: [{ args: [60000, 20000], formula: '=ROAS(60000, 20000)', result: 3 }],
  },
};
