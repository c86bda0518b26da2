import { columnLetter, rect } from '../../workbook/a1';
import { formula, type PlanCell } from '../../workbook/plan';
import type { RawData } from '../settings';
import type { Columns } from './channel-report-layout';
import { exactly } from './channel-report-native';
import type { TemplatePlan } from './common';

/**
 * A line chart of CPQM per period: a small table beside the report with a
 * row per period and a column for the blended figure and each channel, each
 * cell looked up from the report (#N/A where there is no CPQM, so the line
 * breaks instead of dropping to 0).
 */
export function chart(
  plan: TemplatePlan,
  raw: RawData,
  col: Columns,
  firstRow: number,
  reportRows: unknown[][],
) {
  const channels = [...new Set(reportRows.map((r) => String(r[0])))].filter(
    (c) => c !== 'All channels',
  );
  const periods = [...new Set(reportRows.map((r) => String(r[1])))]
    .filter((p) => p !== 'All')
    .sort();
  const left = col.width + 3;
  const top = firstRow - 1;
  const whole = (c: number) => `$${columnLetter(c)}$${firstRow + 1}:$${columnLetter(c)}`;
  const series = ['All channels', ...channels];
  const cells: PlanCell[][] = [[`CPQM per ${raw.period}`, ...series]];
  periods.forEach((p, k) => {
    const row = top + 1 + k;
    const pRef = `$${columnLetter(left)}${row + 1}`;
    cells.push([
      p,
      ...series.map((name) => {
        // The name itself, matched exactly: the header cell as a criterion would read
        // "Brand*" as a wildcard and "<5k" as a comparison.
        const match = `${whole(0)},${exactly(name)},${whole(col.period)},${pRef}`;
        return formula(
          `=IF(COUNTIFS(${match},${whole(col.cpqm)},">=0")=1,SUMIFS(${whole(col.cpqm)},${match}),NA())`,
        );
      }),
    ]);
  });
  plan.blocks.push({ row: top, col: left, cells });
  plan.charts.push({
    kind: 'line',
    title: `CPQM per ${raw.period}: blended and by channel`,
    ranges: [rect(top, left, periods.length + 1, series.length + 1)],
    headerRows: 1,
    row: top,
    col: left + series.length + 2,
  });
}
