/**
 * What the Definitions tab says about the Full funnel: its metrics, every
 * stage with the column it is read from and the view (the deal columns are
 * the raw data's, listed beside the ad exports), as rows of Metric/Field,
 * Formula/Source, Definition.
 */
import type { PlanCell } from '../../workbook/plan';
import type { FunnelData, RawData } from '../settings';
import { viewExplained, viewInWords } from './full-funnel-view';

export const FUNNEL_DEFINITIONS: readonly (readonly [string, string, string])[] = [
  [
    'Records at a stage',
    'records with a date in the stage’s column or in a later stage’s (FUNNEL_REPORT)',
    'A record that skipped a stage still passed it: it counts on the date of the next stage it reached. A record with no stage date counts nowhere.',
  ],
  [
    'Cost per stage',
    'spend ÷ records at the stage',
    'What one lead, MQL, opportunity or customer cost in ad spend, by channel.',
  ],
  [
    'Stage to stage',
    'records at a stage ÷ records at the stage before',
    'Grouped by when leads arrived, a true conversion rate, at most 100%. Counted by the date each stage was reached, a ratio of different records, which may pass 100%.',
  ],
  [
    'Opportunities and pipeline',
    'deals created; Σ their amounts (DEALS_REPORT)',
    'Every deal counts as an opportunity from its create date, whatever happened to it since.',
  ],
  ['Cost per opportunity', 'spend ÷ opportunities', 'What one deal in the pipeline cost.'],
  [
    'Win rate',
    'won ÷ (won + lost)',
    'Open deals count in neither: a deal still open has not been won or lost yet.',
  ],
  ['Average deal', 'won revenue ÷ won deals', 'The size of a deal actually won.'],
  ['CAC', 'spend ÷ won deals', 'What one new customer cost in ad spend.'],
  ['ROAS', 'won revenue ÷ spend', 'Revenue back for every unit of ad spend.'],
  [
    'Max CPQM from results',
    'Σ won revenue ÷ Σ qualified meetings ÷ target ROAS',
    'The most a qualified meeting may cost at the target ROAS, from what the channel’s meetings really brought in rather than the deal size and close rate typed in. Over every date in the sheets.',
  ],
];

/** Where each Full funnel column comes from, and the view, as Definitions' source rows. */
export function funnelSourceRows(funnel: FunnelData, period: RawData['period']): PlanCell[][] {
  const { contacts } = funnel;
  const from = (sheet: string, header: string) => `Sheet "${sheet}", column headed "${header}"`;
  const count = contacts.stages.length;
  return [
    ['Contacts: source', from(contacts.sheet, contacts.channel), ''],
    ...contacts.stages.map((header, k): PlanCell[] => [
      `Contacts: stage ${k + 1} of ${count}`,
      from(contacts.sheet, header),
      k === 0
        ? 'The first stage: a record enters the funnel on this date.'
        : k === count - 1
          ? 'The last stage.'
          : '',
    ]),
    ['Full funnel view', viewInWords(funnel.view, period), viewExplained(funnel.view, period)],
  ];
}
