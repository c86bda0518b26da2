/** How the playground reads a template's chart from its cells, as Sheets reads an embedded chart's ranges. */
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/playground/chart-data';

/** A sheet of cells from rows, the text of a number being its own digits. */
function cellsOf(rows: unknown[][]) {
  return {
    value: (row: number, col: number) => rows[row]?.[col],
    text: (row: number, col: number) => {
      const v = rows[row]?.[col];
      return v === null || v === undefined ? '' : String(v);
    },
  };
}

describe('a chart read from its cells', () => {
  it('takes labels from the first column, a series from each other, names from the header rows', () => {
    const rows = [
      ['', 'CPQM', 'CPQM'],
      ['Month', 'All channels', 'Search'],
      ['2026-01', 250, '#N/A'],
      ['2026-02', 300, 310],
      // An open range runs on past the data.
      [null, null, null],
      ['', '', ''],
    ];
    const data = chartData(
      {
        kind: 'line',
        title: 'Trend',
        ranges: [{ row: 0, col: 0, rows: 6, cols: 3 }],
        headerRows: 2,
        row: 0,
        col: 5,
      },
      cellsOf(rows),
    );
    expect(data.categoryTitle).toBe('Month');
    expect(data.categories).toEqual(['2026-01', '2026-02']);
    expect(data.series).toEqual([
      { name: 'CPQM All channels', row: 2, col: 1, values: [250, 300] },
      { name: 'CPQM Search', row: 2, col: 2, values: [null, 310] },
    ]);
  });

  it('joins one-column ranges side by side, each from its own first row', () => {
    const rows = [
      ['Stage', 'skip', null],
      ['Lead', null, 'Volume'],
      ['MQL', null, 120],
      [null, null, 40],
    ];
    const data = chartData(
      {
        kind: 'bar',
        title: 'Volumes',
        ranges: [
          { row: 0, col: 0, rows: 3, cols: 1 },
          { row: 1, col: 2, rows: 3, cols: 1 },
        ],
        row: 0,
        col: 4,
      },
      cellsOf(rows),
    );
    expect(data.categories).toEqual(['Lead', 'MQL']);
    expect(data.series).toEqual([{ name: 'Volume', row: 2, col: 2, values: [120, 40] }]);
  });
});
