/**
 * What people read about CPQM_REPORT, joined to its runtime entry in
 * ../catalogue.ts. Kept apart so the Apps Script bundle carries none of this prose.
 */
import type { Docs } from '../spec';
import { MAPPING_DOC } from './mapping';

const ADS = [['LinkedIn'], ['LinkedIn'], ['Events'], ['linkedin ']];
const COST = [['$1,200.00'], [800], [3000], [1000]];
const CRM = [['LinkedIn'], ['LinkedIn'], ['Events'], ['Events'], [''], ['LinkedIn']];
const OUTCOMES = [
  ['Qualified'],
  ['No show'],
  ['Qualified'],
  ['Not qualified – budget'],
  ['Qualified'],
  ['Qualified'],
];

export const REPORT_DOCS: Record<string, Docs> = {
  CPQM_REPORT: {
    family: 'Reports from raw data',
    summary:
      'CPQM by channel (and period) from raw ad-spend rows and CRM meeting rows: spend, booked, held, no-shows, qualified, show rate, qual rate, cost per meeting, CPQM, pending and unrecognised outcomes, every total Σ ÷ Σ.',
    params: {
      spendChannels:
        'The channel (or campaign, with a mapping table) of each spend row, as the ad export has it; a totals row is refused.',
      spend:
        'The spend of each row, same size as spendChannels; text amounts such as $1,204.50 are read, in one currency: rows naming two are refused.',
      meetingChannels:
        'The channel or source of each meeting, one row per booked meeting; blank counts as (no channel).',
      outcomes:
        'The outcome of each meeting (Qualified, Not qualified – company size, Not qualified – role, Not qualified – budget, No show, Rescheduled – pending), same size as meetingChannels; blank rows are skipped, other labels are counted as Unrecognised.',
      spendDates:
        'Optional. The day of each spend row (a date, or text such as 2026-01-15 10:32), same size as spend; needed with a period; default none.',
      meetingDates:
        'Optional. The day of each meeting, same size as outcomes; needed with a period; default none.',
      period:
        'Optional. week (ISO, Monday first), month, quarter or year; default none: one row per channel.',
      mapping: MAPPING_DOC,
    },
    resultType: 'table',
    returns:
      'A header row, one row per channel (and period) in order of first appearance, then All channels rows; a ratio with nothing to divide by shows #DIV/0! text.',
    examples: [
      {
        args: [ADS, COST, CRM, OUTCOMES],
        formula: '=CPQM_REPORT(Ads!B2:B5, Ads!C2:C5, CRM!B2:B7, CRM!C2:C7)',
        result: [
          [
            'Channel',
            'Spend',
            'Booked',
            'Held',
            'No-shows',
            'Qualified',
            'Show rate',
            'Qual rate',
            'Cost per meeting',
            'CPQM',
            'Pending',
            'Unrecognised',
          ],
          ['LinkedIn', 3000, 3, 2, 1, 2, 0.6666666666666666, 1, 1000, 1500, 0, 0],
          ['Events', 3000, 2, 2, 0, 1, 1, 0.5, 1500, 3000, 0, 0],
          ['(no channel)', 0, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0],
          ['All channels', 6000, 6, 5, 1, 4, 0.8333333333333334, 0.8, 1000, 1500, 0, 0],
        ],
        note: '"linkedin " is LinkedIn: channels match ignoring case and spaces. The meeting with no channel still counts in the total, which is Σ spend ÷ Σ qualified, not an average of the rows.',
      },
    ],
  },
  CPQM_TREND: {
    family: 'Reports from raw data',
    summary:
      'CPQM per period for all channels and each channel, from the same raw rows as CPQM_REPORT, laid out for a line chart: #N/A where there is no CPQM.',
    params: {
      spendChannels: 'The channel (or campaign, with a mapping table) of each spend row.',
      spend:
        'The spend of each row, same size as spendChannels; text amounts are read, in one currency: rows naming two are refused.',
      meetingChannels: 'The channel or source of each meeting; blank counts as (no channel).',
      outcomes:
        'The outcome of each meeting, same size as meetingChannels; blank rows are skipped.',
      spendDates:
        'The day of each spend row (a date, or text such as 2026-01-15), same size as spend.',
      meetingDates:
        'The day of each meeting (a date, or text such as 2026-01-15 10:32), same size as outcomes.',
      period: 'week (ISO, Monday first), month, quarter or year.',
      mapping: MAPPING_DOC,
    },
    resultType: 'table',
    returns:
      'A header row (Period, All channels, then each channel in report order) and one row per period, ascending; a period with nothing spent or no qualified meeting shows #N/A.',
    examples: [
      {
        args: [
          [['LinkedIn'], ['LinkedIn'], ['Events']],
          [[1000], [500], [3000]],
          [['LinkedIn'], ['LinkedIn'], ['Events'], ['LinkedIn']],
          [['Qualified'], ['Qualified'], ['Qualified'], ['No show']],
          [['2026-01-05'], ['2026-02-03'], ['2026-01-20']],
          [['2026-01-07 10:32'], ['2026-01-09'], ['2026-02-11'], ['2026-02-12']],
          'month',
        ],
        formula:
          '=CPQM_TREND(Ads!B2:B4, Ads!C2:C4, CRM!B2:B5, CRM!C2:C5, Ads!A2:A4, CRM!A2:A5, "month")',
        result: [
          ['Period', 'All channels', 'LinkedIn', 'Events'],
          ['2026-01', 2000, 500, '#N/A'],
          ['2026-02', 500, '#N/A', '#N/A'],
        ],
        note: 'January: 4,000 spent over 2 qualified meetings. Events had no qualified meeting in January and spent nothing in February, so neither month has a CPQM for it: the chart line breaks there.',
      },
    ],
  },
};
