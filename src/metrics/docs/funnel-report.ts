/**
 * What people read about FUNNEL_REPORT and DEALS_REPORT, joined to their
 * runtime entries in ../catalogue.ts. Kept apart so the Apps Script bundle
 * carries none of this prose.
 */
import type { Docs } from '../spec';
import { MAPPING_DOC } from './mapping';

const family = 'Reports from raw data';

const SPEND_CHANNELS_DOC = 'The channel (or campaign, with a mapping table) of each ad-spend row.';
const SPEND_DOC =
  'The spend of each row, same size as spendChannels; text amounts are read, in one currency: rows naming two are refused.';
const PERIOD_DOC =
  'Optional. week (ISO, Monday first), month, quarter or year; default none: one row per channel.';
const VIEW_DOC =
  'Optional. activity (each event in the period it happened) or cohort (everything in the period the record or deal entered); default activity.';

export const FUNNEL_REPORT_DOCS: Record<string, Docs> = {
  FUNNEL_REPORT: {
    family,
    summary:
      'Records and cost per stage by channel (and period) from a CRM contacts export and the ad spend, with each stage’s ratio to the one before, Σ ÷ Σ.',
    params: {
      spendChannels: SPEND_CHANNELS_DOC,
      spend: SPEND_DOC,
      channels:
        'The source of each record (Original Source, Lead Source), one column starting at the export’s header row.',
      stages:
        'The date each record reached each stage, one column per stage in funnel order, starting at the header row, which names the stages (Became a Lead Date names Lead); a blank stage before a reached one counts as reached.',
      spendDates: 'Optional. The day of each spend row; needed with a period; default none.',
      period: PERIOD_DOC,
      view: VIEW_DOC,
      mapping: MAPPING_DOC,
    },
    resultType: 'table',
    returns:
      'A header row (Channel, Spend, then per stage its records, Cost per stage and the ratio to the stage before), one row per channel, then All channels; #DIV/0! text where a count is 0.',
    examples: [
      {
        args: [
          [['LinkedIn'], ['Events']],
          [[1000], [500]],
          [['Original Source'], ['LinkedIn'], ['linkedin'], ['Events'], ['LinkedIn']],
          [
            ['Create Date', 'Became a Lead Date', 'Became an Opportunity Date'],
            ['2026-01-05', '2026-01-06', ''],
            ['2026-01-07', '', '2026-02-01 09:30'],
            ['2026-01-10', '2026-01-11', '2026-01-20'],
            ['', '', ''],
          ],
        ],
        formula: '=FUNNEL_REPORT(Ads!B2:B3, Ads!C2:C3, Contacts!B1:B5, Contacts!C1:E5)',
        result: [
          [
            'Channel',
            'Spend',
            'Created',
            'Cost per Created',
            'Lead',
            'Cost per Lead',
            'Created → Lead',
            'Opportunity',
            'Cost per Opportunity',
            'Lead → Opportunity',
          ],
          ['LinkedIn', 1000, 2, 500, 2, 500, 1, 1, 1000, 0.5],
          ['Events', 500, 1, 500, 1, 500, 1, 1, 500, 1],
          ['All channels', 1500, 3, 500, 3, 500, 1, 2, 750, 0.6666666666666666],
        ],
        note: 'The second record skipped Lead on its way to Opportunity, so it counts as a lead too; the last record reached no stage and counts nowhere.',
      },
    ],
  },
  DEALS_REPORT: {
    family,
    summary:
      'Opportunities, pipeline, won and lost deals, revenue, win rate, CAC and ROAS by channel (and period) from a CRM deals export and the ad spend, Σ ÷ Σ.',
    params: {
      spendChannels: SPEND_CHANNELS_DOC,
      spend: SPEND_DOC,
      dealChannels: 'The source of each deal, one row per deal, from the first deal row.',
      amounts:
        'The amount of each deal, same size as dealChannels; amounts in two currencies, or in another currency than spend, are refused.',
      created: 'The date each deal was created, same size as dealChannels.',
      closed:
        'The date each deal was won or lost, same size as dealChannels; an open deal’s date is ignored.',
      status:
        'The stage or status of each deal: Won (Closed won, TRUE), Lost (Closed lost), anything else open; mapping rows name your own stages.',
      spendDates: 'Optional. The day of each spend row; needed with a period; default none.',
      period: PERIOD_DOC,
      view: VIEW_DOC,
      mapping: MAPPING_DOC,
    },
    resultType: 'table',
    returns:
      'A header row (Channel, Spend, Opportunities, Pipeline, Cost per opportunity, Pipeline per spend, Won, Lost, Open, Revenue, Win rate, Average deal, CAC, ROAS), one row per channel, then All channels.',
    examples: [
      {
        args: [
          [['LinkedIn'], ['Events']],
          [[1000], [500]],
          [['LinkedIn'], ['LinkedIn'], ['Events'], ['LinkedIn']],
          [[10000], ['$5,000'], [8000], [2000]],
          [['2026-01-05'], ['2026-01-10'], ['2026-01-12'], ['2026-02-01']],
          [['2026-02-10'], ['2026-02-15'], [''], ['2026-03-01']],
          [['Closed Won'], ['closedlost'], ['Appointment scheduled'], ['Signed']],
          '',
          '',
          '',
          [
            ['Field', 'Value', 'Means'],
            ['deal status', 'Signed', 'Won'],
          ],
        ],
        formula:
          '=DEALS_REPORT(Ads!B2:B3, Ads!C2:C3, Deals!B2:B5, Deals!C2:C5, Deals!D2:D5, Deals!E2:E5, Deals!F2:F5, , , , Definitions!A2:C3)',
        result: [
          [
            'Channel',
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
          ],
          [
            'LinkedIn',
            1000,
            3,
            17000,
            333.3333333333333,
            17,
            2,
            1,
            0,
            12000,
            0.6666666666666666,
            6000,
            500,
            12,
          ],
          [
            'Events',
            500,
            1,
            8000,
            500,
            16,
            0,
            0,
            1,
            0,
            '#DIV/0! won + lost is 0',
            '#DIV/0! won is 0',
            '#DIV/0! won is 0',
            0,
          ],
          [
            'All channels',
            1500,
            4,
            25000,
            375,
            16.666666666666668,
            2,
            1,
            1,
            12000,
            0.6666666666666666,
            6000,
            750,
            8,
          ],
        ],
        note: 'The mapping row counts the stage Signed as won. The open Events deal counts in pipeline but not in the win rate, which only counts closed deals.',
      },
    ],
  },
};
