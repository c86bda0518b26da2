/**
 * Channel report: CPQM by channel (and period) from the raw tables the user
 * already has — an ad-spend export and a CRM meeting log — with Max CPQM,
 * headroom and a verdict beside every row, and with a period a line chart of
 * CPQM per period for the blended figure and each channel. The add-on style's
 * table is channel-report-addon.ts, the native style's channel-report-native.ts.
 */
import { cellA1, columnLetter, rect, sheetRef } from '../../workbook/a1';
import { emptyPlan, formula, type PlanCell } from '../../workbook/plan';
import { type FormulaStyle, TEMPLATE_TITLES } from '../settings';
import { addonTable } from './channel-report-addon';
import { addonChart, nativeChart } from './channel-report-chart';
import { type Inputs, REPORT_LAYOUT, reportColumns } from './channel-report-layout';
import { nativeTable } from './channel-report-native';
import { reportNow } from './channel-report-now';
import { reportSources } from './channel-report-sources';
import { type BuildContext, formats, type TemplatePlan } from './common';
import { call } from './formulas';
import { resultsBesideReport } from './full-funnel-report-results';
import type { SourceColumn } from './source-column';
import { VERDICT_COLOURS } from './verdict';

export { REPORT_LAYOUT } from './channel-report-layout';

/** The letters of the columns given: "B, D, A". */
function letters(columns: readonly (SourceColumn | undefined)[]): string {
  return columns.flatMap((c) => (c ? [columnLetter(c.col)] : [])).join(', ');
}

/** The builder's reads, each column read once: in Sheets every read is a spreadsheet call. */
function readOnce(ctx: BuildContext): BuildContext {
  const { read } = ctx;
  if (!read) return ctx;
  const seen = new Map<string, unknown[]>();
  return {
    ...ctx,
    read: (sheet, col) => {
      const key = `${col}\n${sheet}`;
      if (!seen.has(key)) seen.set(key, read(sheet, col));
      return seen.get(key)!;
    },
  };
}

/**
 * Where each channel's Max CPQM from its own results is, or why the tab shows
 * only the assumed one: it needs the deals export, and DEALS_REPORT, which
 * built-in formulas cannot stand in for.
 */
function resultsNote(style: FormulaStyle, deals: boolean): string {
  if (style === 'native') {
    return ' The Max CPQM here is the assumed one, from the deal size and close rate: each channel’s Max CPQM from its own won deals needs add-on functions, which read the deals export.';
  }
  return deals
    ? ' Each channel’s Max CPQM from its own won deals stands right of the table, beside the assumed one.'
    : ' The Max CPQM here is the assumed one, from the deal size and close rate: pick the deals export (Set up a funnel → Channels) to see each channel’s Max CPQM from its own won deals beside it.';
}

export function buildChannelReport(built: BuildContext): TemplatePlan {
  const ctx = readOnce(built);
  const { settings } = ctx;
  const raw = settings.raw;
  if (!raw) throw new Error('The Channel report needs the raw ad-spend and meeting sheets.');
  const { economics: e, formulaStyle: style } = settings;
  const fmt = formats(e.currency);
  const plan = emptyPlan('channelReport', TEMPLATE_TITLES.channelReport);
  if (style === 'native' && settings.mapping.some((m) => m.field !== 'deal status')) {
    // Built-in formulas would be made from the mapping as it is now, and would not see a row changed later.
    throw new Error(
      'The portable native style cannot follow the mapping table (campaigns or outcomes spelled your own way): choose add-on functions for the Channel report, or clear the channel and outcome rows of the mapping.',
    );
  }
  const dated = raw.period !== null;
  const src = reportSources(ctx, raw);
  const col = reportColumns(dated);
  const { inputsRow, tableRow } = REPORT_LAYOUT;
  const firstRow = tableRow + 1;
  const per = dated ? ` and ${raw.period}` : '';

  const [deal, close, roas, max] = [0, 1, 2, 3].map((k) => cellA1(inputsRow + k, 1, true)) as [
    string,
    string,
    string,
    string,
  ];
  const inputs: Inputs = { deal, close, roas, max };
  plan.blocks.push({
    row: 0,
    col: 0,
    cells: [
      ['Channel report', null],
      [
        `CPQM by channel${per} from the raw rows of ${raw.spend.map((s) => sheetRef(s.sheet)).join(', ')} and ${sheetRef(raw.meetings.sheet)}: every total is Σ spend ÷ Σ qualified meetings over the rows it covers, never an average of rates.`,
        null,
      ],
      [
        `Spend and meetings are matched by channel${dated ? ` and by the ${raw.period} of their own dates` : ''}. No attribution window is applied${settings.attributionWindow ? ` (the one agreed: ${settings.attributionWindow})` : ' (none agreed yet: write one on the Definitions tab)'}.${src.spend.flatMap((s) => (s.closed ? [` Sheet "${s.sheet}" is read to row ${s.rows}, above its totals row: rows pasted below that row are not read, so make the tab again after pasting a new export.`] : [])).join('')}${resultsNote(style, raw.deals !== undefined)}`,
        null,
      ],
      [null, null],
      ['Average deal size', e.dealSize],
      [`Close rate from ${settings.meetingStage} to won deal`, e.closeRate],
      ['Target ROAS', e.targetRoas],
      ['Max CPQM at target ROAS', formula(call(style, 'MAX_CPQM', [deal, close, roas]))],
    ],
  });

  const now = reportNow(ctx, raw, src);
  const reportRows = now.rows;
  let rows: number;
  let notShown: PlanCell = null;
  if (style === 'addon') {
    rows = addonTable(plan, src, raw, col, firstRow, inputs);
  } else {
    const built = nativeTable(plan, src, raw, col, firstRow, inputs, now);
    rows = built.rows;
    notShown = built.notShown;
  }
  plan.blocks.push({
    row: tableRow - 1,
    col: 0,
    cells: [
      [
        style === 'addon'
          ? 'New rows, channels and periods in the raw sheets flow in by themselves.'
          : notShown,
      ],
    ],
  });

  // Formats for the table's rows, as far down as the report can reach.
  const span = (c: number, n = 1) => rect(firstRow, c, rows, n);
  plan.formats.push(
    { pattern: fmt.money, ranges: [rect(inputsRow, 1), span(col.spend)] },
    {
      pattern: fmt.percent,
      ranges: [rect(inputsRow + 1, 1), span(col.showRate, 2), span(col.headroom)],
    },
    { pattern: fmt.multiple, ranges: [rect(inputsRow + 2, 1)] },
    {
      pattern: fmt.cents,
      ranges: [rect(inputsRow + 3, 1), span(col.costPerMeeting, 2), span(col.maxCpqm)],
    },
    { pattern: fmt.count, ranges: [span(col.booked, 4), span(col.pending, 2)] },
  );
  plan.bold.push(rect(0, 0), rect(tableRow, 0, 1, col.width));
  plan.conditional.push(
    ...VERDICT_COLOURS.map((colours) => ({ range: span(col.verdict), ...colours })),
  );
  if (dated) {
    if (style === 'addon') addonChart(plan, raw, col, firstRow, src, reportRows);
    else nativeChart(plan, raw, col, firstRow, reportRows);
  }
  plan.rows = Math.max(plan.rows, firstRow + rows + 1);
  // Wide enough for every block and the chart beside the table (one column per channel).
  const widest = Math.max(
    ...plan.blocks.map((b) => b.col + Math.max(...b.cells.map((r) => r.length))),
    ...plan.charts.map((c) => c.col + 8),
  );
  plan.cols = Math.max(plan.cols, widest);
  // With a deals sheet mapped, each row's Max CPQM from its own results beside the assumed one (resultsNote).
  const deals = style === 'addon' ? raw.deals : undefined;
  if (deals) {
    const report = {
      firstRow,
      channel: 0,
      spend: col.spend,
      qualified: col.qualified,
      cpqm: col.cpqm,
    };
    plan.cols = resultsBesideReport(plan, ctx, {
      raw,
      deals,
      src,
      report: dated ? { ...report, period: col.period } : report,
      roas,
      left: widest + 1,
      fmt,
    });
  }
  plan.summary.push(
    `CPQM by channel${per} from ${src.spend.map((s) => `sheet "${s.sheet}" (${s.channel ? '' : `all of it ${s.fixedChannel}; `}columns ${letters([s.channel, s.spend, s.date])})`).join(', ')} and sheet "${raw.meetings.sheet}" (columns ${letters([src.meetingChannel, src.outcome, src.meetingDate])}).`,
    style === 'addon'
      ? `One CPQM_REPORT over open columns: ${reportRows.length} rows now, and new rows flow in. Max CPQM, headroom and a verdict beside every row.`
      : `${reportRows.length} rows of built-in SUMPRODUCT formulas for the channels and periods there are now; the tab counts rows it is not showing.`,
    dated ? `A line chart of CPQM per ${raw.period}: the blended figure and each channel.` : '',
    deals ? `Max CPQM from results beside it, from the won deals of sheet "${deals.sheet}".` : '',
  );
  plan.summary = plan.summary.filter((line) => line !== '');
  return plan;
}
