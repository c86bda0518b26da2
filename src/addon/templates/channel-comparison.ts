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
import { cellA1, columnLetter, rect, sheetRef } from '../../workbook/a1';
import { columnsHeaded } from '../../workbook/headers';
import { emptyPlan, formula, type PlanCell } from '../../workbook/plan';
import type { ChannelField } from '../settings';
import { TEMPLATE_TITLES } from '../settings';
import { type BuildContext, formats, type TemplatePlan } from './common';
import { call } from './formulas';

export const VERDICT_OK = 'economical';
export const VERDICT_BAD = 'uneconomical';

/** Mapped tables leave this many empty rows for channels the user adds later. */
export const MAPPED_SPARE_ROWS = 100;

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
  const rows = Math.max(1, Math.min(info.rows - 1, info.dataRows + MAPPED_SPARE_ROWS));
  return { sheet: info.name, cols, rows };
}

export function buildChannelComparison(ctx: BuildContext): TemplatePlan {
  const { settings } = ctx;
  const { economics: e, formulaStyle: style, channels } = settings;
  const f = formats(e.currency);
  const plan = emptyPlan('channelComparison', TEMPLATE_TITLES.channelComparison);
  const source = mappedSource(ctx);
  const count = channels.mode === 'typed' ? channels.rows.length : source!.rows;

  const I = CHANNEL_LAYOUT.inputsRow;
  const [deal, close, roas, maxRef] = [0, 1, 2, 3].map((k) => cellA1(I + k, 1, true)) as string[];
  plan.blocks.push({
    row: 0,
    col: 0,
    cells: [
      ['Channel comparison', null],
      [
        'Blended CPQM is total spend ÷ total qualified meetings over every channel (BLENDED_CPQM), never an average of the rows.',
        null,
      ],
      [null, null],
      ['Average deal size', e.dealSize],
      [`Close rate from ${settings.meetingStage} to won deal`, e.closeRate],
      ['Target ROAS', e.targetRoas],
      ['Max CPQM at target ROAS', formula(call(style, 'MAX_CPQM', [deal, close, roas]))],
    ],
  });

  const H = CHANNEL_LAYOUT.headerRow;
  const B = CHANNEL_LAYOUT.blendedRow;
  const F = CHANNEL_LAYOUT.firstChannelRow;
  const L = F + count - 1;
  const at = (row: number, field: ChannelField) => cellA1(row, COL[field]);

  /**
   * The computed columns F–J of one row whose inputs are in columns A–E.
   * Mapped rows past the user's channels stay blank, not a column of Max CPQM.
   */
  function computed(row: number, cpqm: string, named = false): PlanCell[] {
    const c = (k: number) => cellA1(row, k);
    return [
      call(style, 'COST_PER_MEETING', [c(1), c(2)]),
      cpqm,
      `=${maxRef}`,
      call(style, 'HEADROOM', [c(6), c(7)]),
      `=IF(ISNUMBER(${c(8)}),IF(${c(8)}>=0,"${VERDICT_OK}","${VERDICT_BAD}"),"")`,
    ].map((f) => formula(named ? `=IF(${c(0)}="","",${f.slice(1)})` : f));
  }

  const rows: PlanCell[][] = [];
  for (let k = 0; k < count; k++) {
    const row = F + k;
    let inputs: PlanCell[];
    if (channels.mode === 'typed') {
      const t = channels.rows[k]!;
      inputs = [t.name, t.spend, t.meetings, t.showRate, t.qualRate];
    } else {
      // A bare =Data!D3 shows 0 for an empty cell in Sheets: a blank show rate would read as 0%, not 100%.
      inputs = (Object.keys(COL) as ChannelField[]).map((field) => {
        const ref = `${sheetRef(source!.sheet)}!${cellA1(k + 1, source!.cols[field])}`;
        return formula(`=IF(ISBLANK(${ref}),"",${ref})`);
      });
    }
    const cpqm = call(style, 'CPQM', [
      at(row, 'spend'),
      at(row, 'meetings'),
      at(row, 'qualRate'),
      at(row, 'showRate'),
    ]);
    rows.push([...inputs, ...computed(row, cpqm, !!source)]);
  }

  // The blended row reads the table's rows, so its spend, meetings and CPQM count the same channels.
  const column = (field: ChannelField): string =>
    `${cellA1(F, COL[field])}:${cellA1(L, COL[field])}`;
  const blendedCpqm = call(style, 'BLENDED_CPQM', [
    column('spend'),
    column('meetings'),
    column('qualRate'),
    column('showRate'),
  ]);
  // A mapped sheet may hold a Total row (spend and meetings, no rates). BLENDED_CPQM reports
  // it rather than count its spend twice; the totals beside it count only complete rows.
  const total = (field: ChannelField): PlanCell =>
    formula(
      source
        ? `=SUMPRODUCT(${completeRowsNative(column('spend'), column('meetings'), column('qualRate'))},${column(field)})`
        : `=SUM(${column(field)})`,
    );
  const blended: PlanCell[] = [
    'All channels (blended)',
    total('spend'),
    total('meetings'),
    null,
    null,
    ...computed(B, blendedCpqm),
  ];
  // Beside the blended row, one more column: for a mapped sheet, why the blended CPQM is an
  // error when a row is half filled (a Total row the user keeps). One block either way, so the
  // write takes the same calls typed or mapped.
  const note: PlanCell = source
    ? formula(
        `=IF(${halfFilledRowsNative(column('spend'), column('meetings'), column('qualRate'))}>0,"${HALF_FILLED_NOTE}","")`,
      )
    : null;
  plan.blocks.push({
    row: H,
    col: 0,
    cells: [[...CHANNEL_HEADERS, null], [...blended, note], ...rows.map((row) => [...row, null])],
  });

  plan.rows = Math.max(plan.rows, L + 1);
  const table = (col: number) => rect(B, col, count + 1, 1);
  plan.formats.push(
    { pattern: f.money, ranges: [rect(I, 1), table(1)] },
    { pattern: f.cents, ranges: [rect(I + 3, 1), rect(B, 5, count + 1, 3)] },
    { pattern: f.percent, ranges: [rect(I + 1, 1), rect(B, 3, count + 1, 2), table(8)] },
    { pattern: f.multiple, ranges: [rect(I + 2, 1)] },
    { pattern: f.count, ranges: [table(2)] },
  );
  plan.bold.push(
    rect(0, 0),
    rect(H, 0, 1, CHANNEL_HEADERS.length),
    rect(B, 0, 1, CHANNEL_HEADERS.length),
  );
  plan.conditional.push(
    { range: table(9), text: VERDICT_BAD, background: '#f4c7c3', fontColor: '#a50e0e' },
    { range: table(9), text: VERDICT_OK, background: '#b7e1cd', fontColor: '#0d652d' },
  );
  plan.summary.push(
    channels.mode === 'typed'
      ? `${count} channel${count === 1 ? '' : 's'} typed in: ${channels.rows.map((r) => r.name).join(', ')}.`
      : `Channels from sheet "${source!.sheet}" by formula (columns ${(
          Object.keys(COL) as ChannelField[]
        )
          .map((fld) => columnLetter(source!.cols[fld]))
          .join(', ')}), rows 2–${source!.rows + 1}, so changes there flow through.`,
    'Cost per meeting, CPQM, Max CPQM, headroom and an economical / uneconomical verdict per channel.',
    'A blended row computed with BLENDED_CPQM: total spend over total qualified meetings.',
  );
  return plan;
}
