/** Cost and efficiency: what a meeting, lead or opportunity costs, and what it may cost. */
import { divByZero } from '../sheets/problem';
import type { FunctionSpec } from './spec';

/** Blank in any required argument gives blank, as the custom functions do. */
export function blankGuard(refs: string[], formula: string): string {
  return `IF(OR(${refs.map((r) => `${r}=""`).join(',')}),"",${formula})`;
}

/** An optional rate that defaults to 100% when omitted or blank. */
function rateOr100(ref: string | undefined): string {
  return ref === undefined ? '1' : `IF(${ref}="",1,${ref})`;
}

export const CPQM: FunctionSpec = {
  name: 'CPQM',
  family: 'Cost and efficiency',
  mode: 'elementwise',
  summary:
    'Cost per qualified meeting: spend / (booked meetings × show rate × qualification rate).',
  params: [
    { name: 'spend', kind: 'money', doc: 'Total spend for the period or channel.' },
    { name: 'meetings', kind: 'count', doc: 'Booked meetings.' },
    {
      name: 'qualRate',
      kind: 'rate',
      doc: 'Share of held meetings that were qualified, as 60% or 0.6.',
    },
    {
      name: 'showRate',
      kind: 'rate',
      doc: 'Optional. Share of booked meetings that were held, as 80% or 0.8; default 100%.',
      optional: true,
      default: 1,
    },
  ],
  resultType: 'number',
  returns: 'The cost of one qualified meeting, in the currency of spend.',
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
      `${spend}/(${meetings}*${rateOr100(showRate)}*${qualRate})`,
    ),
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
};

export const MAX_CPQM: FunctionSpec = {
  name: 'MAX_CPQM',
  family: 'Cost and efficiency',
  mode: 'elementwise',
  summary:
    'The most one qualified meeting may cost at a target ROAS: deal size × close rate / target ROAS.',
  params: [
    { name: 'deal', kind: 'money', doc: 'Average deal size (revenue per won deal).' },
    {
      name: 'close',
      kind: 'rate',
      doc: 'Close rate from qualified meeting to won deal, as 10% or 0.1.',
    },
    {
      name: 'roas',
      kind: 'factor',
      doc: 'Target return on ad spend as a multiple: 3 means £3 of revenue per £1 spent.',
    },
  ],
  resultType: 'number',
  returns: 'The break-even cost of one qualified meeting at that return.',
  kernel(deal: number, close: number, roas: number) {
    if (roas === 0) throw divByZero('roas', 'so any spend is affordable; enter a target such as 3');
    return (deal * close) / roas;
  },
  native: ([deal, close, roas]) => blankGuard([deal!, close!, roas!], `${deal}*${close}/${roas}`),
  examples: [
    {
      args: [20000, 0.1, 3],
      formula: '=MAX_CPQM(20000, 10%, 3)',
      result: 666.666666667,
      digits: 6,
      note: 'Seed 000: £2,000 of revenue per meeting at a 3× target ROAS allows £667.',
    },
  ],
};
