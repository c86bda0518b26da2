/**
 * A chart a template asked for (plan.ts ChartSpec), read from the cells it
 * covers as Sheets reads an embedded chart's ranges: the first column gives
 * the labels, each further column a series, the header rows their names.
 * Only numbers are plotted; any other value (`#N/A`, text, blank) is a gap.
 */
import type { Rect } from '../workbook/a1';
import type { ChartSpec } from '../workbook/plan';

export interface Series {
  name: string;
  /** Where its first value is, so the grid can show the values in their cell format. */
  row: number;
  col: number;
  values: (number | null)[];
}

export interface ChartData {
  kind: ChartSpec['kind'];
  title: string;
  /** The label column's header: the category axis's title. */
  categoryTitle: string;
  categories: string[];
  series: Series[];
}

/** The cells of one sheet as the chart sees them: the value, and the text the grid shows. */
export interface ChartCells {
  value(row: number, col: number): unknown;
  text(row: number, col: number): string;
}

const columnsOf = (ranges: Rect[]) =>
  ranges.flatMap((r) =>
    Array.from({ length: r.cols }, (_, k) => ({ col: r.col + k, row: r.row, rows: r.rows })),
  );

const isBlank = (v: unknown) => v === null || v === undefined || v === '';

export function chartData(spec: ChartSpec, cells: ChartCells): ChartData {
  const headerRows = spec.headerRows ?? 1;
  const [labels, ...values] = columnsOf(spec.ranges);
  if (!labels) {
    return { kind: spec.kind, title: spec.title, categoryTitle: '', categories: [], series: [] };
  }
  const header = (c: { row: number; col: number }) =>
    Array.from({ length: headerRows }, (_, k) => cells.text(c.row + k, c.col))
      .filter((t) => t !== '')
      .join(' ');
  // An open range runs to the sheet's end: rows with no label and no value are not data.
  const at = (c: { row: number; col: number }, offset: number) =>
    cells.value(c.row + offset, c.col);
  const offsets: number[] = [];
  for (let k = headerRows; k < labels.rows; k++) {
    if ([labels, ...values].some((c) => !isBlank(at(c, k)))) offsets.push(k);
  }
  return {
    kind: spec.kind,
    title: spec.title,
    categoryTitle: header(labels),
    categories: offsets.map((k) => cells.text(labels.row + k, labels.col)),
    // A column with no header and no value yet (room a range keeps for series to come) draws nothing.
    series: values
      .filter((c) => header(c) !== '' || offsets.some((k) => !isBlank(at(c, k))))
      .map((c) => ({
        name: header(c),
        row: c.row + headerRows,
        col: c.col,
        values: offsets.map((k) => {
          const v = at(c, k);
          return typeof v === 'number' && Number.isFinite(v) ? v : null;
        }),
      })),
  };
}
