/**
 * Meeting outcomes & qualification: the seed-001 SQM checklist with its
 * decision (SQM_DECISION), and a meeting log whose outcome column offers the
 * six CRM outcome labels of seed 000, summarised by channel (OUTCOME_SUMMARY).
 */
import { OUTCOME_LABELS } from '../../metrics/outcomes';
import { REQUIRED_LABELS, STATUS_LABELS } from '../../metrics/qualification';
import { cellA1, openColumnA1, rect } from '../../workbook/a1';
import { TEMPLATE_TITLES } from '../settings';
import { type BuildContext, formats, NOTE_NATIVE_FALLBACK } from './common';
import { call, hasNative } from './formulas';
import { emptyPlan, formula, type Plan, type PlanCell } from './plan';

/** Seed 001's checklist, as its example filled it in. */
export const SEED_CHECKLIST: readonly (readonly [
  string,
  string,
  'Required' | 'Optional',
  'Met' | 'Partial' | 'Not met',
  string,
])[] = [
  ['ICP Company Size', 'How many employees at your company?', 'Required', 'Met', '~250 employees'],
  [
    'Budget Authority',
    'Have you allocated budget for this type of solution?',
    'Required',
    'Met',
    '$50K approved Q1',
  ],
  [
    'Decision Timeline',
    "What's your timeline for making a decision?",
    'Required',
    'Met',
    'Decision by Feb 15',
  ],
  [
    'Business Pain',
    'What problem are you looking to solve?',
    'Required',
    'Met',
    'Manual process taking 20hrs/week',
  ],
  [
    'Current Process',
    'How are you handling this today?',
    'Required',
    'Met',
    'Spreadsheets + 3 disconnected tools',
  ],
  [
    'Decision Makers',
    'Who else is involved in evaluating solutions?',
    'Required',
    'Partial',
    'VP Marketing + IT (need to confirm)',
  ],
  [
    'Competitive Set',
    'Are you evaluating other solutions?',
    'Optional',
    'Met',
    'Looking at HubSpot, Marketo',
  ],
  [
    'Success Criteria',
    'How will you measure success?',
    'Optional',
    'Met',
    '50% time reduction, better reporting',
  ],
];

export const OUTCOMES_LAYOUT = {
  checklistHeaderRow: 4,
  firstCriterionRow: 5,
  /** The log's header row; entries start below it. */
  logHeaderRow: 17,
  summaryCol: 4,
};

/** Rows of log with the outcome dropdown. */
export const LOG_ROWS = 500;

export function buildMeetingOutcomes({ settings }: BuildContext): Plan {
  const style = settings.formulaStyle;
  const f = formats(settings.economics.currency);
  const plan = emptyPlan('meetingOutcomes', TEMPLATE_TITLES.meetingOutcomes);
  const {
    checklistHeaderRow: CH,
    firstCriterionRow: C1,
    logHeaderRow: LH,
    summaryCol: SC,
  } = OUTCOMES_LAYOUT;
  const n = SEED_CHECKLIST.length;
  const CL = C1 + n - 1;
  const column = (col: number) => `${cellA1(C1, col)}:${cellA1(CL, col)}`;

  const checklist: PlanCell[][] = [
    ['Qualification checklist', null, null, null, null],
    ['Criterion', 'Question to ask', 'Required?', 'Status', 'Notes'],
    ...SEED_CHECKLIST.map((row) => [...row]),
    [null, null, null, null, null],
    [
      'Qualification decision',
      formula(call(style, 'SQM_DECISION', [column(3), column(2), column(0)])),
      null,
      null,
      null,
    ],
  ];
  plan.blocks.push(
    {
      row: 0,
      col: 0,
      cells: [
        ['Meeting outcomes & qualification'],
        [
          'Log each meeting with one outcome label; the summary and the checklist decision update as you go.',
        ],
      ],
    },
    { row: CH - 1, col: 0, cells: checklist },
  );

  const first = LH + 1;
  const outcomes = openColumnA1(first, 2);
  const channels = openColumnA1(first, 1);
  plan.blocks.push(
    {
      row: LH - 1,
      col: 0,
      cells: [
        ['Meeting log', null, null, null, 'Outcomes by channel (fills in as meetings are logged)'],
      ],
    },
    {
      row: LH,
      col: 0,
      cells: [
        [
          'Date',
          'Channel',
          'Outcome',
          null,
          formula(call(style, 'OUTCOME_SUMMARY', [outcomes, channels])),
        ],
      ],
    },
  );

  plan.rows = Math.max(plan.rows, first + LOG_ROWS);
  plan.validations.push(
    { range: rect(C1, 2, n, 1), values: [...REQUIRED_LABELS] },
    { range: rect(C1, 3, n, 1), values: [...STATUS_LABELS] },
    { range: rect(first, 2, LOG_ROWS, 1), values: [...OUTCOME_LABELS] },
  );
  plan.formats.push(
    { pattern: f.date, ranges: [rect(first, 0, LOG_ROWS, 1)] },
    { pattern: f.percent, ranges: [rect(first, SC + 5, LOG_ROWS, 2)] },
  );
  plan.bold.push(
    rect(0, 0),
    rect(CH - 1, 0),
    rect(CH, 0, 1, 5),
    rect(CL + 2, 0, 1, 2),
    rect(LH - 1, 0, 1, 5),
    rect(LH, 0, 1, SC + 7),
  );
  plan.summary.push(
    `The seed's SQM checklist (${n} criteria) with its decision from SQM_DECISION.`,
    `A meeting log of ${LOG_ROWS} rows with a dropdown of the ${OUTCOME_LABELS.length} outcome labels, summarised by channel with OUTCOME_SUMMARY.`,
  );
  if (style === 'native') {
    for (const name of ['SQM_DECISION', 'OUTCOME_SUMMARY']) {
      if (!hasNative(name)) plan.summary.push(`${name} ${NOTE_NATIVE_FALLBACK}.`);
    }
  }
  return plan;
}
