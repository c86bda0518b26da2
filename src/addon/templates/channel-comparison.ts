/**
 * Channel comparison: one row per channel with cost per meeting, CPQM,
 * MAX_CPQM, HEADROOM and a verdict, under a blended row computed with
 * BLENDED_CPQM over the channel rows (total spend ÷ total qualified
 * meetings), never an average of the rows.
 *
 * Typed channels are written as input values. Mapped channels refer to the
 * user's own cells by formula, so later changes flow through; the blended
 * row reads the table's own rows in both cases, so it counts exactly the
 * channels the table shows.
 */

import { completeRowsNative, halfFilledRowsNative } from '../../metrics/catalogue';
import { VERDICTS } from '../../metrics/verdict';
import { cellA1, columnLetter, openColumnA1, rect, sheetRef } from '../../workbook/a1';
import { columnsHeaded } from '../../workbook/headers';
import { emptyPlan, formula, type PlanCell } from '../../workbook/plan';
import type { ChannelField } from '../settings';
import { TEMPLATE_TITLES } from '../settings';
import { type BuildContext, formats, type TemplatePlan } from './common';
import { call } from './formulas';
import { VERDICT_COLOURS, verdictFormula } from './verdict';

/**
 * Empty rows below the channels, typed or mapped, whose formulas wait for a
 * channel the user adds later: each column and the blended row take it in.
 */
export const SPARE_ROWS = 100;

export const CHANNEL_LAYOUT = {
  inputsRow: 3,
  headerRow: 8,
  blendedRow: 9,
  firstChannelRow: 10,
};

/** Beside the blended row of a mapped table that has a half-filled row. */
export const HALF_FILLED_NOTE =
  'A row has some of spend, meetings and qual rate but not all (a Total row?): fill it in, or move it off the sheet, for a blended CPQM.';

export const CHANNEL_HEADERS = [
  'Channel',
  'Spend',
  'Booked meetings',
  'Show rate',
  'Qual rate',
  'Cost per meeting',
  'CPQM',
  'Max CPQM',
  'Headroom',
  'Verdict',
] as const;

/** Columns of the table by field. */
const COL: Record<ChannelField, number> = {
  name: 0,
  spend: 1,
  meetings: 2,
  showRate: 3,
  qualRate: 4,
};

/** The computed columns beside the inputs, F to J. */
export const COMPUTED = {
  costPerMeeting: 5,
  cpqm: 6,
  maxCpqm: 7,
  headroom: 8,
  verdict: 9,
} as const;

/** Where each mapped field is on the user's sheet, and how many rows the table covers. */
export function mappedSource(
  ctx: BuildContext,
): { sheet: string; cols: Record<ChannelField, number>; rows: number } | undefined {
  const ch = ctx.settings.channels;
  if (ch.mode !== 'mapped') return undefined;
  const info = ctx.sheets.find((s) => s.name === ch.sheet);
  if (!info) throw new Error(`There is no sheet named "${ch.sheet}".`);
  const cols = {} as Record<ChannelField, number>;
  for (const field of Object.keys(COL) as ChannelField[]) {
    const k = columnsHeaded(info.headers, ch.columns[field])[0] ?? -1;
    if (k < 0) throw new Error(`No column headed "${ch.columns[field]}" on sheet "${ch.sheet}".`);
    cols[field] = k;
  }
  // Row 1 holds the headers; the table follows the sheet down to its end, with room to add channels.
  const rows = Math.max(1, Math.min(info.rows - 1, info.dataRows + SPARE_ROWS));
  return { sheet: info.name, cols, rows };
}

/** The table's numeric inputs, each a column the verdict checks for what the formulas cannot count. */
const NUMERIC_FIELDS: readonly ChannelField[] = ['spend', 'meetings', 'showRate', 'qualRate'];

export function buildChannelComparison(ctx: BuildContext): TemplatePlan {
  const { settings } = ctx;
  const { economics: e, formulaStyle: style, channels } = settings;
  const numberFormats = formats(e.currency);
  const plan = emptyPlan('channelComparison', TEMPLATE_TITLES.channelComparison);
  const source = mappedSource(ctx);
  const count = channels.mode === 'typed' ? channels.rows.length + SPARE_ROWS : source!.rows;
  const addon = style === 'addon';

  const { inputsRow, headerRow, blendedRow, firstChannelRow: firstRow } = CHANNEL_LAYOUT;
  const lastRow = firstRow + count - 1;
  const [deal, close, roas, maxRef] = [0, 1, 2, 3].map((k) =>
    cellA1(inputsRow + k, 1, true),
  ) as string[];
  plan.blocks.push({
    row: 0,
    col: 0,
    cells: [
      ['Channel comparison', null],
      [
        'Blended CPQM is total spend ÷ total qualified meetings over every channel (BLENDED_CPQM), never an average of the rows. Type a new channel into the next empty row: every column and the blended row take it in.',
        null,
      ],
      [null, null],
      ['Average deal size', e.dealSize],
      [`Close rate from ${settings.meetingStage} to won deal`, e.closeRate],
      ['Target ROAS', e.targetRoas],
      ['Max CPQM at target ROAS', formula(call(style, 'MAX_CPQM', [deal, close, roas]))],
    ],
  });

  const at = (row: number, col: number) => cellA1(row, col);
  const input = (row: number, field: ChannelField) => at(row, COL[field]);
  // Open ranges (B10:B): a channel typed below the last row still counts.
  const down = (col: number, from: number) => openColumnA1(from, col);
  const column = (field: ChannelField): string => down(COL[field], firstRow);
  /*
   * Whether Sheets hands a custom function an error cell's text or never
   * calls it is not documented, so no error reaches one: the add-on calls
   * read an error cell as blank, and the verdict says "check data".
   */
  const withoutErrors = (range: string) => `ARRAYFORMULA(IFERROR(${range},""))`;

  /*
   * With the add-on, each function column is one call over the whole table,
   * and its results fill the cells below it: in Sheets every cell holding a
   * custom function is a server call of its own. Cost per meeting and headroom
   * start at the blended row; CPQM starts at the first channel, as the blended
   * row's is BLENDED_CPQM. The cells the results fill stay empty in the plan.
   * Natively every row has its own built-in formulas, which are not server calls.
   * In both styles headroom is blank where CPQM is not a number: the CPQM
   * cell already says why.
   */
  const cpqmColumn = down(COMPUTED.cpqm, blendedRow);
  const wholeColumn = {
    costPerMeeting: call('addon', 'COST_PER_MEETING', [
      withoutErrors(down(1, blendedRow)),
      withoutErrors(down(2, blendedRow)),
    ]),
    cpqm: call('addon', 'CPQM', [
      withoutErrors(column('spend')),
      withoutErrors(column('meetings')),
      withoutErrors(column('qualRate')),
      withoutErrors(column('showRate')),
    ]),
    headroom: call('addon', 'HEADROOM', [
      `ARRAYFORMULA(IF(ISNUMBER(${cpqmColumn}),${cpqmColumn},""))`,
      withoutErrors(down(COMPUTED.maxCpqm, blendedRow)),
    ]),
  };

  /** Where a cell holds what the formulas of this style cannot count. */
  const uncounted = (cell: string) =>
    addon
      ? `ISERROR(${cell})`
      : // Natively text counts as 0 in the blended sums: only numbers and blanks are counted.
        `(IFERROR(ISNUMBER(${cell})+(${cell}=""),0)=0)`;
  /** Where a filled-in count or rate of the row is 0, so no qualified meeting came back. */
  const noneQualified = (meetings: string, showRate: string, qualRate: string) =>
    [meetings, showRate, qualRate].map((c) => `(${c}<>"")*(${c}=0)`).join('+');

  /**
   * Columns F–J of one row; `cpqm` is its CPQM formula (the blended row's
   * BLENDED_CPQM; with the add-on, the channel rows' one call). A channel
   * row's own formulas stay blank while its channel name is, so spare rows
   * show nothing; the column-wide calls leave rows without figures blank.
   */
  function computed(row: number, cpqm: string, verdict: string): PlanCell[] {
    const own = (text: string): PlanCell =>
      formula(row === blendedRow ? text : `=IF(${at(row, 0)}="","",${text.slice(1)})`);
    const starts = (text: string, from: number): PlanCell => (row === from ? formula(text) : null);
    return [
      addon
        ? starts(wholeColumn.costPerMeeting, blendedRow)
        : own(call(style, 'COST_PER_MEETING', [input(row, 'spend'), input(row, 'meetings')])),
      addon && row !== blendedRow ? starts(cpqm, firstRow) : own(cpqm),
      own(`=${maxRef}`),
      addon
        ? starts(wholeColumn.headroom, blendedRow)
        : own(
            call(style, 'HEADROOM', [
              `IF(ISNUMBER(${at(row, COMPUTED.cpqm)}),${at(row, COMPUTED.cpqm)},"")`,
              at(row, COMPUTED.maxCpqm),
            ]),
          ),
      formula(`=${verdict}`),
    ];
  }

  const rows: PlanCell[][] = [];
  for (let k = 0; k < count; k++) {
    const row = firstRow + k;
    let inputs: PlanCell[];
    if (channels.mode === 'typed') {
      const typed = channels.rows[k];
      inputs = typed
        ? [typed.name, typed.spend, typed.meetings, typed.showRate, typed.qualRate]
        : [null, null, null, null, null];
    } else {
      // A bare =Data!D3 shows 0 for an empty cell in Sheets: a blank show rate would read as 0%, not 100%.
      inputs = (Object.keys(COL) as ChannelField[]).map((field) => {
        const ref = `${sheetRef(source!.sheet)}!${cellA1(k + 1, source!.cols[field])}`;
        return formula(`=IF(ISBLANK(${ref}),"",${ref})`);
      });
    }
    const cpqm = addon
      ? wholeColumn.cpqm
      : call(style, 'CPQM', [
          input(row, 'spend'),
          input(row, 'meetings'),
          input(row, 'qualRate'),
          input(row, 'showRate'),
        ]);
    const verdict = verdictFormula({
      present: `${at(row, 0)}<>""`,
      spend: input(row, 'spend'),
      headroom: at(row, COMPUTED.headroom),
      noneQualified: noneQualified(
        input(row, 'meetings'),
        input(row, 'showRate'),
        input(row, 'qualRate'),
      ),
      unchecked: NUMERIC_FIELDS.map((field) => uncounted(input(row, field))).join('+'),
    });
    rows.push([...inputs, ...computed(row, cpqm, verdict)]);
  }

  // The blended row reads the table's rows, so its spend, meetings and CPQM count the same
  // channels. A sheet may hold a Total row (spend and meetings, no rates): BLENDED_CPQM reports
  // it rather than count its spend twice, and the totals beside it count only complete rows.
  const blendedCpqm = call(style, 'BLENDED_CPQM', [
    column('spend'),
    column('meetings'),
    column('qualRate'),
    column('showRate'),
  ]);
  const complete = completeRowsNative(column('spend'), column('meetings'), column('qualRate'));
  const total = (field: ChannelField): PlanCell =>
    formula(`=SUMPRODUCT(${complete},${column(field)})`);
  const blendedVerdict = verdictFormula({
    present: `SUMPRODUCT(--(${down(0, firstRow)}<>""))>0`,
    spend: at(blendedRow, COL.spend),
    headroom: at(blendedRow, COMPUTED.headroom),
    // No complete row has a qualified meeting.
    noneQualified: `SUMPRODUCT(${complete},--((${noneQualified(column('meetings'), column('showRate'), column('qualRate'))})=0))=0`,
    unchecked: `COUNTIF(${down(COMPUTED.verdict, firstRow)},"${VERDICTS.checkData}")>0`,
  });
  const blended: PlanCell[] = [
    'All channels (blended)',
    total('spend'),
    total('meetings'),
    null,
    null,
    ...computed(blendedRow, blendedCpqm, blendedVerdict),
  ];
  // Beside the blended row: why the blended CPQM is an error when a row is half filled.
  const note: PlanCell = formula(
    `=IF(${halfFilledRowsNative(column('spend'), column('meetings'), column('qualRate'))}>0,"${HALF_FILLED_NOTE}","")`,
  );
  plan.blocks.push({
    row: headerRow,
    col: 0,
    cells: [[...CHANNEL_HEADERS, null], [...blended, note], ...rows.map((row) => [...row, null])],
  });

  plan.rows = Math.max(plan.rows, lastRow + 1);
  const table = (col: number) => rect(blendedRow, col, count + 1, 1);
  plan.formats.push(
    { pattern: numberFormats.money, ranges: [rect(inputsRow, 1), table(1)] },
    {
      pattern: numberFormats.cents,
      ranges: [rect(inputsRow + 3, 1), rect(blendedRow, COMPUTED.costPerMeeting, count + 1, 3)],
    },
    {
      pattern: numberFormats.percent,
      ranges: [rect(inputsRow + 1, 1), rect(blendedRow, 3, count + 1, 2), table(COMPUTED.headroom)],
    },
    { pattern: numberFormats.multiple, ranges: [rect(inputsRow + 2, 1)] },
    { pattern: numberFormats.count, ranges: [table(2)] },
  );
  plan.bold.push(
    rect(0, 0),
    rect(headerRow, 0, 1, CHANNEL_HEADERS.length),
    rect(blendedRow, 0, 1, CHANNEL_HEADERS.length),
  );
  plan.conditional.push(
    ...VERDICT_COLOURS.map((colours) => ({ range: table(COMPUTED.verdict), ...colours })),
  );
  const typedCount = channels.mode === 'typed' ? channels.rows.length : 0;
  plan.summary.push(
    channels.mode === 'typed'
      ? `${typedCount} channel${typedCount === 1 ? '' : 's'} typed in: ${channels.rows.map((r) => r.name).join(', ')}; one typed into the next empty row joins every column and the blended row.`
      : `Channels from sheet "${source!.sheet}" by formula (columns ${(
          Object.keys(COL) as ChannelField[]
        )
          .map((field) => columnLetter(source!.cols[field]))
          .join(', ')}), rows 2–${source!.rows + 1}, so changes there flow through.`,
    addon
      ? 'Cost per meeting, CPQM, Max CPQM, headroom and a verdict per channel, each function column one call over the whole table.'
      : 'Cost per meeting, CPQM, Max CPQM, headroom and a verdict per channel.',
    'A blended row computed with BLENDED_CPQM: total spend over total qualified meetings.',
  );
  return plan;
}
