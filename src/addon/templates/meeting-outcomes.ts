/**
 * Meeting outcomes & qualification: the seed-001 SQM checklist with its
 * decision (SQM_DECISION), and a meeting log whose outcome column offers the
 * six CRM outcome labels of seed 000, summarised by channel (OUTCOME_SUMMARY).
 *
 * In the native style both are built-in formulas that read the exact labels
 * the tab's dropdowns allow, so those dropdowns refuse anything else; the
 * add-on functions also read forgiving spellings ("no-show"), so there the
 * outcome dropdown only warns.
 */
import { OUTCOME_LABELS, SUMMARY_HEADER } from '../../metrics/outcomes';
import { REQUIRED_LABELS, STATUS_LABELS } from '../../metrics/qualification';
import { cellA1, openColumnA1, rect, sheetRef } from '../../workbook/a1';
import { emptyPlan, formula, type PlanCell } from '../../workbook/plan';
import { TEMPLATE_TITLES } from '../settings';
import { mappedSource } from './channel-comparison';
import { type BuildContext, formats, type TemplatePlan } from './common';
import { call } from './formulas';

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

/** SQM_DECISION's text from built-in functions, for a checklist of `n` rows in these ranges. */
function nativeDecision(n: number, names: string, required: string, status: string): string {
  const need = `${required},"Required"`;
  const all = `COUNTIF(${need})`;
  const missed = `COUNTIFS(${need},${status},"<>Met",${status},"<>Partial")`;
  const partial = `COUNTIFS(${need},${status},"Partial")`;
  const missing = `TEXTJOIN(", ",TRUE(),FILTER(IF(${names}="","criterion "&SEQUENCE(${n}),${names}),(${required}="Required")*(${status}<>"Met")*(${status}<>"Partial")))`;
  return (
    `=IF(COUNTA(${names},${required},${status})=0,"",IF(${missed}>0,` +
    `"DO NOT SCHEDULE ("&(${all}-${missed})&"/"&${all}&" required criteria met; missing: "&${missing}&")",` +
    `"SCHEDULE SQM ("&${all}&"/"&${all}&" required criteria met, "&MID("ABC",MIN(${partial},2)+1,1)&"-Quality)"))`
  );
}

/**
 * OUTCOME_SUMMARY's row for the channel named in `name`, from built-in
 * functions. SUMPRODUCT compares names exactly; COUNTIFS would read a
 * channel called "Events*" or ">5k" as a pattern or a comparison.
 */
function nativeSummaryRow(
  row: number,
  col: number,
  outcomes: string,
  channels: string,
): PlanCell[] {
  const name = cellA1(row, col);
  const c = (k: number) => cellA1(row, col + k);
  const count = (test: string) => `SUMPRODUCT((${channels}=${name})*(${test}))`;
  return [
    `=${c(2)}+${c(3)}`,
    `=${c(4)}+${count(`LEFT(${outcomes},13)="Not qualified"`)}`,
    `=${count(`${outcomes}="No show"`)}`,
    `=${count(`${outcomes}="Qualified"`)}`,
    `=IF(${c(1)}=0,"",${c(2)}/${c(1)})`,
    `=IF(${c(2)}=0,"",${c(4)}/${c(2)})`,
  ].map((f) => formula(`=IF(${name}="","",${f.slice(1)})`));
}

export function buildMeetingOutcomes(ctx: BuildContext): TemplatePlan {
  const { settings } = ctx;
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
      formula(
        style === 'native'
          ? nativeDecision(n, column(0), column(2), column(3))
          : call(style, 'SQM_DECISION', [column(3), column(2), column(0)]),
      ),
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
  const native = style === 'native';
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
          ...(native
            ? [...SUMMARY_HEADER]
            : [formula(call(style, 'OUTCOME_SUMMARY', [outcomes, channels]))]),
        ],
      ],
    },
  );

  // Natively, one summary row per channel of the settings: typed names, or the mapped name column.
  let summaryRows = 0;
  if (native) {
    const ch = settings.channels;
    const source = mappedSource(ctx);
    const names: PlanCell[] =
      ch.mode === 'typed'
        ? ch.rows.map((r) => r.name)
        : Array.from({ length: source!.rows }, (_, k) => {
            const ref = `${sheetRef(source!.sheet)}!${cellA1(k + 1, source!.cols.name)}`;
            return formula(`=IF(ISBLANK(${ref}),"",${ref})`);
          });
    summaryRows = names.length;
    plan.blocks.push({
      row: first,
      col: SC,
      cells: names.map((name, k) => [name, ...nativeSummaryRow(first + k, SC, outcomes, channels)]),
    });
  }

  const tall = Math.max(LOG_ROWS, summaryRows);
  plan.rows = Math.max(plan.rows, first + tall);
  plan.validations.push(
    { range: rect(C1, 2, n, 1), values: [...REQUIRED_LABELS] },
    { range: rect(C1, 3, n, 1), values: [...STATUS_LABELS] },
    { range: rect(first, 2, LOG_ROWS, 1), values: [...OUTCOME_LABELS], allowInvalid: !native },
  );
  plan.formats.push(
    { pattern: f.date, ranges: [rect(first, 0, LOG_ROWS, 1)] },
    { pattern: f.percent, ranges: [rect(first, SC + 5, tall, 2)] },
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
    native
      ? `The seed's SQM checklist (${n} criteria) with SQM_DECISION's decision in built-in formulas.`
      : `The seed's SQM checklist (${n} criteria) with its decision from SQM_DECISION.`,
    native
      ? `A meeting log of ${LOG_ROWS} rows whose dropdown takes only the ${OUTCOME_LABELS.length} outcome labels, summarised for each of your channels in built-in formulas.`
      : `A meeting log of ${LOG_ROWS} rows with a dropdown of the ${OUTCOME_LABELS.length} outcome labels, summarised by channel with OUTCOME_SUMMARY.`,
  );
  return plan;
}
