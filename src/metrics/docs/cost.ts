/**
 * What people read about the cost and efficiency functions: summaries, argument
 * help and worked examples, joined to the runtime entries in ../catalogue.ts.
 * Kept apart so the Apps Script bundle carries none of this prose.
 */
import type { Docs } from '../spec';

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
        note: '£95 per meeting with 30% outside the ICP is £136 per qualified meeting.',
      },
      {
        args: [1000, 10, 0.6],
        formula: '=CPQM(1000, 10, 60%)',
        result: 166.666666667,
        digits: 6,
        note: '40% unqualified makes a qualified meeting about 1.7× a booked one.',
      },
      {
        args: [1000, 10, 1, 0.8],
        formula: '=CPQM(1000, 10, 100%, 80%)',
        result: 125,
        note: 'A 20% no-show rate raises CPQM by 25%.',
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
        note: 'The outbound team’s £95 per meeting, before qualification.',
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
        note: '£2,000 of revenue per meeting at a 3× target ROAS allows £667.',
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
        note: 'A £500 CPQM against a £667 maximum leaves 25% headroom.',
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
      spend:
        'Spend per row (channel, campaign or month), in one currency: rows naming two are refused.',
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
        note: 'What the pipeline you contribute costs, opportunity by opportunity.',
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
