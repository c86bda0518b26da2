/**
 * Charts through AppsScriptWorkbook, against the recording fake: the chart
 * type asked for, and the header row stated to the builder
 * (EmbeddedChartBuilder.setNumHeaders) rather than left for Sheets to guess.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildPlans } from '../../src/addon/templates';
import { parseSettings } from '../../src/addon/validate';
import { AppsScriptWorkbook } from '../../src/workbook/apps-script';
import { type ChartSpec, isFormula } from '../../src/workbook/plan';
import { writePlans } from '../../src/workbook/write';
import { type FakeSpreadsheet, fakeSpreadsheet } from '../fakes/spreadsheet';
import { settingsWith } from './helpers';

let fake: FakeSpreadsheet;
beforeEach(() => {
  fake = fakeSpreadsheet([{ name: 'Notes', headers: ['Quarter plan'], dataRows: 1 }]);
  vi.stubGlobal('SpreadsheetApp', fake.app);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** The chart builder's calls but addRange (its argument is a Range), in order, as `method(args)`. */
function builderCalls(): string[] {
  return fake.rec.calls
    .filter((c) => c.path.startsWith('EmbeddedChartBuilder.') && !c.path.endsWith('.addRange'))
    .map((c) => `${c.path.slice('EmbeddedChartBuilder.'.length)}(${c.args.join(',')})`);
}

const CHART: ChartSpec = {
  kind: 'bar',
  title: 'Volume needed per stage',
  ranges: [
    { row: 9, col: 0, rows: 5, cols: 1 },
    { row: 9, col: 2, rows: 5, cols: 1 },
  ],
  row: 9,
  col: 5,
};

function addChart(chart: ChartSpec): void {
  const workbook = new AppsScriptWorkbook(fake.spreadsheet);
  workbook.addSheet('Plan', 1000, 26);
  workbook.addChart('Plan', chart);
}

describe('charts on SpreadsheetApp', () => {
  it('a bar chart states its one header row', () => {
    addChart(CHART);
    expect(builderCalls()).toEqual([
      'asBarChart()',
      'setTitle(Volume needed per stage)',
      'setNumHeaders(1)',
      'setPosition(10,6,0,0)',
      'build()',
    ]);
    expect(fake.rec.count('EmbeddedChartBuilder.addRange')).toBe(2);
    expect(fake.rec.count('Sheet.insertChart')).toBe(1);
  });

  it('a line chart is built as one', () => {
    // ChartSpec's kind is 'bar' only until the CPQM-per-period chart arrives.
    addChart({ ...CHART, kind: 'line' as ChartSpec['kind'] });
    const calls = builderCalls();
    expect(calls[0]).toBe('asLineChart()');
    expect(calls).not.toContain('asBarChart()');
    expect(calls).toContain('setNumHeaders(1)');
  });

  it('ranges without a header row say so', () => {
    addChart({ ...CHART, headerRows: 0 });
    expect(builderCalls()).toContain('setNumHeaders(0)');
  });

  it('the funnel plan’s chart ranges start at its header row', () => {
    const workbook = new AppsScriptWorkbook(fake.spreadsheet);
    const parsed = parseSettings({ ...settingsWith(), templates: ['funnelPlan'] }, []);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const [plan] = buildPlans({ settings: parsed.value, sheets: workbook.sheets() });
    const [chart] = plan!.charts;
    expect(chart!.headerRows ?? 1).toBe(1);
    for (const range of chart!.ranges) {
      const cell = plan!.blocks
        .map((b) => b.cells[range.row - b.row]?.[range.col - b.col])
        .find((c) => c !== undefined);
      // A header: literal text, where the rows below hold the numbers and labels charted.
      expect(typeof cell === 'string' && !isFormula(cell!), JSON.stringify(cell)).toBe(true);
    }
    writePlans(workbook, [plan!]);
    expect(builderCalls()).toContain('setNumHeaders(1)');
  });
});
