/**
 * What people read about the meeting outcomes functions: summaries, argument
 * help and worked examples, joined to the runtime entries in ../catalogue.ts.
 * Kept apart so the Apps Script bundle carries none of this prose.
 */
import type { Docs } from '../spec';
import { MAPPING_DOC } from './mapping';

const family = 'Meeting outcomes';

const HEADER = [
  'Segment',
  'Booked',
  'Held',
  'No-shows',
  'Qualified',
  'Show rate',
  'Qual rate',
  'Pending',
  'Unrecognised',
];

const OUTCOMES_DOC =
  'Meeting outcome labels, one per meeting: Qualified, Not qualified – company size, Not qualified – role, Not qualified – budget, No show, Rescheduled – pending, or a label the mapping table maps. Blank cells are ignored.';

const LOG = [
  ['Qualified'],
  ['No show'],
  ['Not qualified – role'],
  ['qualified'],
  ['Rescheduled – pending'],
  ['no-show'],
  ['Qualified'],
  ['NOT QUALIFIED BY BUDGET'],
];

export const OUTCOME_DOCS: Record<string, Docs> = {
  SHOW_RATE: {
    family,
    summary:
      'Show rate from meeting outcomes: held / (held + no-shows); rescheduled counts in neither.',
    params: { outcomes: OUTCOMES_DOC, mapping: MAPPING_DOC },
    resultType: 'number',
    returns: 'The share of booked meetings that were held, as a fraction (format it as %).',
    examples: [
      {
        args: [LOG],
        formula: '=SHOW_RATE(C2:C9)',
        result: 0.714285714,
        digits: 9,
        note: '5 held (3 qualified, 2 not) and 2 no-shows; the rescheduled one counts in neither.',
      },
    ],
  },
  QUAL_RATE: {
    family,
    summary: 'Qualification rate from meeting outcomes: qualified / held.',
    params: { outcomes: OUTCOMES_DOC, mapping: MAPPING_DOC },
    resultType: 'number',
    returns: 'The share of held meetings that were qualified, as a fraction (format it as %).',
    examples: [
      {
        args: [LOG],
        formula: '=QUAL_RATE(C2:C9)',
        result: 0.6,
        digits: 9,
        note: '3 qualified of 5 held.',
      },
    ],
  },
  OUTCOME_SUMMARY: {
    family,
    summary:
      'A table of booked, held, no-show and qualified meetings with show and qualification rates, per segment.',
    params: {
      outcomes: OUTCOMES_DOC,
      segments:
        'Optional. The segment of each meeting (channel, SDR, month), same size as outcomes; default one row, All.',
      mapping: MAPPING_DOC,
    },
    resultType: 'table',
    returns:
      'A header row (Segment, Booked, Held, No-shows, Qualified, Show rate, Qual rate, Pending, Unrecognised) and one row per segment in order of first appearance.',
    examples: [
      {
        args: [
          [['Qualified'], ['No show'], ['Not qualified – role'], ['qualified']],
          [['LinkedIn'], ['LinkedIn'], ['Events'], ['Events']],
        ],
        formula: '=OUTCOME_SUMMARY(C2:C5, B2:B5)',
        result: [
          HEADER,
          ['LinkedIn', 2, 1, 1, 1, 0.5, 1, 0, 0],
          ['Events', 2, 2, 0, 1, 1, 0.5, 0, 0],
        ],
      },
      {
        args: [
          [['Completed'], ['Canceled'], ['No show'], ['Showed – good fit'], ['Rescheduled']],
          '',
          [
            ['Field', 'Value', 'Means'],
            ['outcome', 'Completed', 'Qualified'],
            ['outcome', 'Canceled', 'Ignore'],
          ],
        ],
        formula: '=OUTCOME_SUMMARY(C2:C6, , Definitions!A2:C4)',
        result: [HEADER, ['All', 2, 1, 1, 1, 0.5, 1, 1, 1]],
        note: 'Completed is mapped to Qualified and Canceled is ignored; "Showed – good fit" matches no label or mapping row, so it is counted as Unrecognised and nowhere else.',
      },
    ],
  },
};
