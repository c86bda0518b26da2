/**
 * The line chart of CPQM per period, for the blended figure and each
 * channel, and the small table beside the report it is drawn from: a row per
 * period, a column per series, `#N/A` where there is no CPQM, so the line
 * breaks instead of dropping to 0.
 */
import { ALL_CHANNELS, ALL_PERIODS } from '../../metrics/grouping';
import { cellA1, rect } from '../../workbook/a1';
import { formula, type PlanCell } from '../../workbook/plan';
import type { RawData } from '../settings';
import type { Columns } from './channel-report-layout';
import { reportArguments, type Sources } from './channel-report-sources';
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
        // No CPQM where nothing was spent either, as CPQM_TREND draws it.
        const cpqm = cellA1(row, col.cpqm);
        return formula(`=IF(ISNUMBER(${cpqm})*(${cellA1(row, col.spend)}>0),${cpqm},NA())`);
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
  size = { rows: cells.length, cols: cells[0]!.length },
) {
  const left = col.width + 3;
  const top = firstRow - 1;
  const width = size.cols;
  plan.blocks.push({ row: top, col: left, cells });
  plan.charts.push({
    kind: 'line',
    title: `CPQM per ${raw.period}: blended and by channel`,
    ranges: [rect(top, left, size.rows, width)],
    headerRows: 1,
    row: top,
    col: left + width + 1,
  });
}

/** Room in the chart's range for channels that appear after the tab is made. */
const SPARE_SERIES = 8;

/**
 * Add-on style: the chart's table is one CPQM_TREND call over the same raw
 * columns, so channels and periods that appear later join the table, and the
 * chart, whose range runs to the tab's last row and past today's channels.
 */
export function addonChart(
  plan: TemplatePlan,
  raw: RawData,
  col: Columns,
  firstRow: number,
  src: Sources,
  reportRows: unknown[][],
) {
  const channels = new Set(reportRows.map((r) => String(r[0])));
  const size = { rows: plan.rows - (firstRow - 1), cols: 1 + channels.size + SPARE_SERIES };
  // Constrained to the chart's range: what the chart cannot show is not worked out.
  const trend = `CPQM_TREND(${reportArguments(src, raw.period).join(',')})`;
  const cells: PlanCell[][] = [[formula(`=ARRAY_CONSTRAIN(${trend},${size.rows},${size.cols})`)]];
  placeChart(plan, raw, col, firstRow, cells, size);
}
