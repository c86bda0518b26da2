/**
 * Funnel plan: from the revenue target and the stage-to-stage rates, the
 * volume every stage needs (REVERSE_FUNNEL), the budget's cost per unit at
 * each stage, and the planned CPQM against MAX_CPQM with its HEADROOM.
 */
import { cellA1, rect } from '../../workbook/a1';
import { emptyPlan, formula, type PlanCell } from '../../workbook/plan';
import { TEMPLATE_TITLES } from '../settings';
import { type BuildContext, formats, type TemplatePlan } from './common';
import { call, reverseStep } from './formulas';
import { plural } from './plural';

/** Where things are, for tests and for the other templates' descriptions. */
export const FUNNEL_LAYOUT = {
  inputsRow: 4,
  stagesHeaderRow: 11,
  firstStageRow: 12,
};

/** The row of "Economics at <meeting stage>", below the `stageCount` stage rows and a blank one. */
export function economicsRow(stageCount: number): number {
  return FUNNEL_LAYOUT.firstStageRow + stageCount + 1;
}

export function buildFunnelPlan({ settings }: BuildContext): TemplatePlan {
  const { stages, economics: e, formulaStyle: style } = settings;
  const numberFormats = formats(e.currency);
  const plan = emptyPlan('funnelPlan', TEMPLATE_TITLES.funnelPlan);
  const n = stages.length;
  const last = stages[n - 1]!.name;
  const meetingIndex = Math.max(
    0,
    stages.findIndex((s) => s.name === settings.meetingStage),
  );

  // Inputs: column B, rows 5–10 in A1 terms.
  const { inputsRow, stagesHeaderRow: headerRow, firstStageRow: firstRow } = FUNNEL_LAYOUT;
  const lastRow = firstRow + n - 1;
  const input = (k: number) => cellA1(inputsRow + k, 1, true);
  const [revenue, deal, close, roas, budget, target] = [0, 1, 2, 3, 4, 5].map(input) as string[];
  plan.blocks.push({
    row: 0,
    col: 0,
    cells: [
      ['Funnel plan', null],
      [
        `What each stage needs to reach the revenue target. Change the inputs and rates; the rest follows.`,
        null,
      ],
      [null, null],
      ['Inputs', null],
      ['Revenue target', e.revenueTarget],
      ['Average deal size', e.dealSize],
      [`Close rate from ${settings.meetingStage} to won deal`, e.closeRate],
      ['Target ROAS', e.targetRoas],
      ['Budget', e.budget],
      [
        `${plural(last)} needed (revenue target ÷ deal size, rounded up)`,
        formula(`=ROUNDUP(${revenue}/${deal},0)`),
      ],
    ],
  });

  // Stages: name, rate to the next stage, volume needed, cost per unit. With the add-on, each
  // function column is one call whose results fill the cells below it (in Sheets every cell
  // holding a custom function is a server call of its own); natively, built-in formulas per row.
  const column = (col: number, to = lastRow) => `${cellA1(firstRow, col)}:${cellA1(to, col)}`;
  const rows: PlanCell[][] = [['Stage', 'Rate to next stage', 'Volume needed', 'Cost per unit']];
  stages.forEach((stage, k) => {
    const row = firstRow + k;
    let volume: PlanCell = null;
    let cost: PlanCell = null;
    if (style === 'addon') {
      if (k === 0) {
        // Top first, ending with the target.
        volume = formula(call(style, 'REVERSE_FUNNEL', [target, column(1, lastRow - 1)]));
        cost = formula(call(style, 'CPL', [budget, column(2)]));
      }
    } else {
      volume =
        k === n - 1
          ? formula(`=${target}`)
          : formula(reverseStep(cellA1(row + 1, 2), cellA1(row, 1)));
      cost = formula(call(style, 'CPL', [budget, cellA1(row, 2)]));
    }
    rows.push([stage.name, stage.rate, volume, cost]);
  });
  plan.blocks.push({ row: headerRow, col: 0, cells: rows });

  // Economics at the meeting stage.
  const economics = economicsRow(n);
  const meetings = cellA1(economics + 1, 1);
  const planned = cellA1(economics + 2, 1);
  const max = cellA1(economics + 3, 1);
  plan.blocks.push({
    row: economics,
    col: 0,
    cells: [
      [`Economics at ${settings.meetingStage}`, null],
      [
        `Qualified meetings needed (${settings.meetingStage})`,
        formula(`=${cellA1(firstRow + meetingIndex, 2)}`),
      ],
      [
        'Planned CPQM (budget ÷ qualified meetings)',
        formula(call(style, 'CPQM', [budget, meetings, '1'])),
      ],
      ['Max CPQM at target ROAS', formula(call(style, 'MAX_CPQM', [deal, close, roas]))],
      ['Headroom (above 0: room to spend more)', formula(call(style, 'HEADROOM', [planned, max]))],
    ],
  });

  plan.formats.push(
    { pattern: numberFormats.money, ranges: [rect(inputsRow, 1, 2, 1), rect(inputsRow + 4, 1)] },
    // Top-of-funnel units cost pennies: whole pounds would show a £0.79 visitor as £1.
    {
      pattern: numberFormats.cents,
      ranges: [rect(firstRow, 3, n, 1), rect(economics + 2, 1, 2, 1)],
    },
    {
      pattern: numberFormats.percent,
      ranges: [rect(inputsRow + 2, 1), rect(firstRow, 1, n, 1), rect(economics + 4, 1)],
    },
    { pattern: numberFormats.multiple, ranges: [rect(inputsRow + 3, 1)] },
    {
      pattern: numberFormats.count,
      ranges: [rect(inputsRow + 5, 1), rect(firstRow, 2, n, 1), rect(economics + 1, 1)],
    },
  );
  plan.bold.push(rect(0, 0), rect(3, 0), rect(headerRow, 0, 1, 4), rect(economics, 0));
  plan.charts.push({
    kind: 'bar',
    title: 'Volume needed per stage',
    ranges: [rect(headerRow, 0, n + 1, 1), rect(headerRow, 2, n + 1, 1)],
    row: headerRow,
    col: 5,
  });
  plan.summary.push(
    `${n} stages, ${stages[0]!.name} → ${last}: the volume each needs for a revenue target of ${e.currency}${e.revenueTarget.toLocaleString('en-GB')}.`,
    `Cost per unit at each stage from a budget of ${e.currency}${e.budget.toLocaleString('en-GB')}.`,
    `Planned CPQM at ${settings.meetingStage} against MAX_CPQM, with the headroom, and a bar chart of volumes.`,
  );
  return plan;
}
