/**
 * The line chart of CPQM per period, for the blended figure and each
 * channel, and the small table beside the report it is drawn from: a row per
 * period, a column per series, `#N/A` where there is no CPQM, so the line
 * breaks instead of dropping to 0.
 */
import { ALL_CHANNELS, ALL_PERIODS } from '../../metrics/grouping';
import { cellA1, columnLetter, rect } from '../../workbook/a1';
import { formula, type PlanCell } from '../../workbook/plan';
import type { RawData } from '../settings';
import type { Columns } from './channel-report-layout';
import { textLiteral } from './channel-report-sources';
import type { TemplatePlan } from './common';

/**
 * Native style: the table's rows are fixed when the tab is made, so each
 * chart cell is the CPQM cell of its channel and period in the table.
 */
export function nativeChart(
  plan: TemplatePlan,
  raw: RawData,
  col: Columns,
  firstRow: number,
  reportRows: unknown[][],
) {
  const channels = [...new Set(reportRows.map((r) => String(r[0])))].filter(
    (c) => c !== ALL_CHANNELS,
  );
  const periods = [...new Set(reportRows.map((r) => String(r[1])))]
    .filter((p) => p !== ALL_PERIODS)
    .sort();
  const rowOf = new Map(reportRows.map((r, k) => [`${r[0]}\n${r[1]}`, firstRow + k]));
  const series = [ALL_CHANNELS, ...channels];
  const cells: PlanCell[][] = [
    [`CPQM per ${raw.period}`, ...series],
    ...periods.map((p) => [
      p,
      ...series.map((name) => {
        const row = rowOf.get(`${name}\n${p}`);
        if (row === undefined) return formula('=NA()');
        const cpqm = cellA1(row, col.cpqm);
        return formula(`=IF(ISNUMBER(${cpqm}),${cpqm},NA())`);
      }),
    ]),
  ];
  placeChart(plan, raw, col, firstRow, cells);
}

/** Puts the chart's table beside the report (three columns to the right) and the chart beside it. */
function placeChart(
  plan: TemplatePlan,
  raw: RawData,
  col: Columns,
  firstRow: number,
  cells: PlanCell[][],
) {
  const left = col.width + 3;
  const top = firstRow - 1;
  const width = cells[0]!.length;
  plan.blocks.push({ row: top, col: left, cells });
  plan.charts.push({
    kind: 'line',
    title: `CPQM per ${raw.period}: blended and by channel`,
    ranges: [rect(top, left, cells.length, width)],
    headerRows: 1,
    row: top,
    col: left + width + 1,
  });
}

/** Add-on style: each chart cell looks its channel and period up in the report's spill. */
export function addonChart(
  plan: TemplatePlan,
  raw: RawData,
  col: Columns,
  firstRow: number,
  reportRows: unknown[][],
) {
  const channels = [...new Set(reportRows.map((r) => String(r[0])))].filter(
    (c) => c !== ALL_CHANNELS,
  );
  const periods = [...new Set(reportRows.map((r) => String(r[1])))]
    .filter((p) => p !== ALL_PERIODS)
    .sort();
  const whole = (c: number) => `$${columnLetter(c)}$${firstRow + 1}:$${columnLetter(c)}`;
  const series = [ALL_CHANNELS, ...channels];
  const left = col.width + 3;
  const cells: PlanCell[][] = [
    [`CPQM per ${raw.period}`, ...series],
    ...periods.map((p, k) => [
      p,
      ...series.map((name) => {
        const label = `$${columnLetter(left)}${firstRow + k + 1}`;
        const rows = `(${whole(0)}=${textLiteral(name)})*(${whole(col.period)}=${label})*ISNUMBER(${whole(col.cpqm)})`;
        return formula(`=IF(SUMPRODUCT(${rows})=1,SUMPRODUCT(${rows},${whole(col.cpqm)}),NA())`);
      }),
    ]),
  ];
  placeChart(plan, raw, col, firstRow, cells);
}
