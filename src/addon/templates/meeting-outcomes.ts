/**
 * Meeting outcomes & qualification: the SQM qualification checklist with its
 * decision (SQM_DECISION), and a meeting log whose outcome column offers the
 * six CRM outcome labels, summarised by channel (OUTCOME_SUMMARY).
 *
 * In the native style both are built-in formulas that read the exact labels
 * the tab's dropdowns allow, so those dropdowns refuse anything else; the
 * add-on functions also read forgiving spellings ("no-show"), so there the
 * outcome dropdown only warns.
 */
import { blankGuard } from '../../metrics/native';
import { OUTCOME_LABELS, SUMMARY_HEADER } from '../../metrics/outcomes';
import { REQUIRED_LABELS, STATUS_LABELS } from '../../metrics/qualification';
import { channelName } from '../../sheets/labels';
import { cellA1, columnLetter, openColumnA1, rect, sheetRef } from '../../workbook/a1';
import { columnsHeaded } from '../../workbook/headers';
import { emptyPlan, formula, type PlanCell } from '../../workbook/plan';
import { type MeetingField, type SheetColumns, TEMPLATE_TITLES } from '../settings';
import { mappedSource } from './channel-comparison';
import { type BuildContext, formats, type TemplatePlan } from './common';
import { call } from './formulas';

/**
 * The SQM qualification checklist: criterion, question to ask, required or
 * optional, status and notes, filled in as an example to overwrite.
 */
export const QUALIFICATION_CHECKLIST: readonly (readonly [
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
    'Budget approved for Q1',
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

/**
 * SQM_DECISION's text from built-in functions, for a checklist in these
 * ranges of the same size. An unnamed criterion is called by its place in
 * the list, counted over the range itself, so rows the user inserts count too.
 */
function nativeDecision(names: string, required: string, status: string): string {
  const need = `${required},"Required"`;
  const all = `COUNTIF(${need})`;
  const missed = `COUNTIFS(${need},${status},"<>Met",${status},"<>Partial")`;
  const partial = `COUNTIFS(${need},${status},"Partial")`;
  const missing = `TEXTJOIN(", ",TRUE(),FILTER(IF(${names}="","criterion "&SEQUENCE(ROWS(${names})),${names}),(${required}="Required")*(${status}<>"Met")*(${status}<>"Partial")))`;
  return (
    `=IF(COUNTA(${names},${required},${status})=0,"",IF(${missed}>0,` +
    `"DO NOT SCHEDULE ("&(${all}-${missed})&"/"&${all}&" required criteria met; missing: "&${missing}&")",` +
    `"SCHEDULE SQM ("&${all}&"/"&${all}&" required criteria met, "&MID("ABC",MIN(${partial},2)+1,1)&"-Quality)"))`
  );
}

/**
 * A log's channel cells as both styles read them: as text, trimmed, so
 * " Outbound " is Outbound, 42 is "42" and TRUE is "TRUE", in the add-on's
 * summary and the native rows alike. Case is kept, as OUTCOME_SUMMARY keeps it.
 */
function channelTexts(channels: string): string {
  return `TRIM(${channels}&"")`;
}

/** The same reading at build time, for the names the native rows list: TRIM(v&"") of a cell. */
function channelText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return channelName(typeof value === 'string' ? value : value == null ? '' : String(value));
}

/** The add-on summary's row for meetings without a channel. */
const BLANK_CHANNEL = '(blank)';

/**
 * OUTCOME_SUMMARY's row for the channel named in `name`, from built-in
 * functions. SUMPRODUCT with EXACT compares names exactly; COUNTIFS would
 * read a channel called "Events*" or ">5k" as a pattern or a comparison.
 *
 * Without a name the row is blank. The counts come from the log; the booked
 * total and the rates add and divide the row's own counts only where both
 * are filled in, so no formula does arithmetic on a blank ("") cell, which
 * Excel and LibreOffice refuse.
 */
function nativeSummaryRow(
  row: number,
  col: number,
  outcomes: string,
  channels: string,
  blankChannel: boolean,
): PlanCell[] {
  const name = cellA1(row, col);
  const matches = blankChannel
    ? `(${channelTexts(channels)}="")`
    : `EXACT(${channelTexts(channels)},${name})`;
  const [booked, held, noShows, qualified] = [1, 2, 3, 4].map((k) => cellA1(row, col + k)) as [
    string,
    string,
    string,
    string,
  ];
  const count = (test: string) => `IF(${name}="","",SUMPRODUCT(${matches}*(${test})))`;
  const rate = (part: string, whole: string) =>
    blankGuard([part, whole], `IF(${whole}=0,"",${part}/${whole})`);
  const [qualifiedLabel, , , , noShowLabel, pendingLabel] = OUTCOME_LABELS;
  const isQualified = `${outcomes}="${qualifiedLabel}"`;
  const isHeld = `(${isQualified})+(LEFT(${outcomes},13)="Not qualified")`;
  const isNoShow = `${outcomes}="${noShowLabel}"`;
  const isPending = `${outcomes}="${pendingLabel}"`;
  return [
    blankGuard([held, noShows], `${held}+${noShows}`),
    count(isHeld),
    count(isNoShow),
    count(isQualified),
    rate(held, booked),
    rate(qualified, held),
    count(isPending),
    // Natively only the six labels are read: any other outcome is counted here, never dropped.
    count(`(TRIM(${outcomes}&"")<>"")*((${isHeld}+(${isNoShow})+(${isPending}))=0)`),
  ].map(formula);
}

export function buildMeetingOutcomes(ctx: BuildContext): TemplatePlan {
  const { settings } = ctx;
  const style = settings.formulaStyle;
  const numberFormats = formats(settings.economics.currency);
  const plan = emptyPlan('meetingOutcomes', TEMPLATE_TITLES.meetingOutcomes);
  const { checklistHeaderRow, firstCriterionRow, logHeaderRow, summaryCol } = OUTCOMES_LAYOUT;
  const n = QUALIFICATION_CHECKLIST.length;
  const lastCriterionRow = firstCriterionRow + n - 1;
  const column = (col: number) =>
    `${cellA1(firstCriterionRow, col)}:${cellA1(lastCriterionRow, col)}`;

  const checklist: PlanCell[][] = [
    ['Qualification checklist', null, null, null, null],
    ['Criterion', 'Question to ask', 'Required?', 'Status', 'Notes'],
    ...QUALIFICATION_CHECKLIST.map((row) => [...row]),
    [null, null, null, null, null],
    [
      'Qualification decision',
      formula(
        style === 'native'
          ? nativeDecision(column(0), column(2), column(3))
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
    { row: checklistHeaderRow - 1, col: 0, cells: checklist },
  );

  const first = logHeaderRow + 1;
  const native = style === 'native';
  // An existing meeting log is read where it is, by formula, so new meetings flow in;
  // otherwise the tab holds a new, empty log of its own.
  const log = settings.meetingLog;
  const logSource = log ? mappedLog(ctx, log) : undefined;
  const outcomes = logSource ? logSource.outcome : openColumnA1(first, 2);
  const channels = logSource ? logSource.channel : openColumnA1(first, 1);
  plan.blocks.push(
    {
      row: logHeaderRow - 1,
      col: 0,
      cells: [
        [
          'Meeting log',
          null,
          null,
          null,
          logSource
            ? 'Outcomes by channel, from the meeting log'
            : 'Outcomes by channel (fills in as meetings are logged)',
        ],
      ],
    },
    {
      row: logHeaderRow,
      col: 0,
      cells: [
        [
          ...(logSource ? logSource.header : ['Date', 'Channel', 'Outcome']),
          null,
          ...(native
            ? [...SUMMARY_HEADER]
            : [
                formula(
                  call(style, 'OUTCOME_SUMMARY', [
                    outcomes,
                    `ARRAYFORMULA(${channelTexts(channels)})`,
                  ]),
                ),
              ]),
        ],
      ],
    },
  );

  // Natively, one summary row per channel: those of the mapped log as it is now, else
  // the settings' typed names or mapped name column.
  let summaryRows = 0;
  if (native) {
    const ch = settings.channels;
    const source = mappedSource(ctx);
    const names: PlanCell[] = logSource
      ? logSource.channelsNow
      : ch.mode === 'typed'
        ? ch.rows.map((r) => r.name)
        : Array.from({ length: source!.rows }, (_, k) => {
            const ref = `${sheetRef(source!.sheet)}!${cellA1(k + 1, source!.cols.name)}`;
            return formula(`=IF(ISBLANK(${ref}),"",${ref})`);
          });
    summaryRows = names.length;
    plan.blocks.push({
      row: first,
      col: summaryCol,
      cells: names.map((name, k) => [
        name,
        ...nativeSummaryRow(
          first + k,
          summaryCol,
          outcomes,
          channels,
          logSource !== undefined && name === BLANK_CHANNEL,
        ),
      ]),
    });
  }

  const tall = Math.max(LOG_ROWS, summaryRows);
  plan.rows = Math.max(plan.rows, first + tall);
  plan.validations.push(
    { range: rect(firstCriterionRow, 2, n, 1), values: [...REQUIRED_LABELS] },
    { range: rect(firstCriterionRow, 3, n, 1), values: [...STATUS_LABELS] },
    ...(logSource
      ? []
      : [
          {
            range: rect(first, 2, LOG_ROWS, 1),
            values: [...OUTCOME_LABELS],
            allowInvalid: !native,
          },
        ]),
  );
  plan.formats.push(
    ...(logSource ? [] : [{ pattern: numberFormats.date, ranges: [rect(first, 0, LOG_ROWS, 1)] }]),
    { pattern: numberFormats.percent, ranges: [rect(first, summaryCol + 5, tall, 2)] },
  );
  plan.bold.push(
    rect(0, 0),
    rect(checklistHeaderRow - 1, 0),
    rect(checklistHeaderRow, 0, 1, 5),
    rect(lastCriterionRow + 2, 0, 1, 2),
    rect(logHeaderRow - 1, 0, 1, 5),
    rect(logHeaderRow, 0, 1, summaryCol + 7),
  );
  plan.summary.push(
    native
      ? `The SQM qualification checklist (${n} criteria) with SQM_DECISION's decision in built-in formulas.`
      : `The SQM qualification checklist (${n} criteria) with its decision from SQM_DECISION.`,
    logSource
      ? native
        ? `Your meeting log on sheet "${log!.sheet}", summarised for the ${summaryRows} channels logged there now in built-in formulas.`
        : `Your meeting log on sheet "${log!.sheet}", summarised by channel with OUTCOME_SUMMARY as meetings are added.`
      : native
        ? `A meeting log of ${LOG_ROWS} rows whose dropdown takes only the ${OUTCOME_LABELS.length} outcome labels, summarised for each of your channels in built-in formulas.`
        : `A meeting log of ${LOG_ROWS} rows with a dropdown of the ${OUTCOME_LABELS.length} outcome labels, summarised by channel with OUTCOME_SUMMARY.`,
  );
  return plan;
}

/**
 * An existing meeting log: its channel and outcome columns as open ranges,
 * a line saying where it is, and the channels of its meetings with an
 * outcome now, as OUTCOME_SUMMARY lists them (in order of first appearance,
 * meetings without a channel as "(blank)"), for the native rows.
 */
function mappedLog(ctx: BuildContext, log: SheetColumns<MeetingField>) {
  const info = ctx.sheets.find((s) => s.name === log.sheet);
  if (!info) throw new Error(`There is no sheet named "${log.sheet}".`);
  const colOf = (header: string) => {
    const col = columnsHeaded(info.headers, header)[0];
    if (col === undefined) throw new Error(`No column headed "${header}" on sheet "${log.sheet}".`);
    return col;
  };
  const channelCol = colOf(log.columns.channel);
  const outcomeCol = colOf(log.columns.outcome);
  const ref = (col: number) => `${sheetRef(log.sheet)}!${openColumnA1(1, col)}`;
  const outcomesNow = ctx.read?.(log.sheet, outcomeCol) ?? [];
  const seen = new Set<string>();
  (ctx.read?.(log.sheet, channelCol) ?? []).forEach((v, k) => {
    const outcome = outcomesNow[k];
    if (outcome === undefined || outcome === null || String(outcome).trim() === '') return;
    const name = channelText(v);
    seen.add(name === '' ? BLANK_CHANNEL : name);
  });
  return {
    channel: ref(channelCol),
    outcome: ref(outcomeCol),
    // Short cells, one per column, so none runs into the summary beside them.
    header: [
      `From sheet "${log.sheet}"`,
      `Channel: column ${columnLetter(channelCol)}`,
      `Outcome: column ${columnLetter(outcomeCol)}`,
    ] as PlanCell[],
    channelsNow: [...seen.values()] as PlanCell[],
  };
}
