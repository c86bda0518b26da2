/**
 * The Channel report in a real spreadsheet engine: both formula styles on the
 * same raw tables give CPQM_REPORT's numbers, new rows flow in, the native
 * style says what it is not showing, and a bad raw row stops the tab being
 * made with a message naming the row.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  type FormulaStyle,
  type RawData,
  type Settings,
} from '../../src/addon/settings';
import { REPORT_LAYOUT } from '../../src/addon/templates/channel-report';
import { FUNCTIONS, RUNTIME } from '../../src/metrics/catalogue';
import { type Input, MemoryWorkbook } from '../../src/workbook/memory';
import { create, createOk, tab } from './helpers';

const OUTCOMES = [
  'Qualified',
  'Not qualified – company size',
  'Not qualified – role',
  'No show',
  'Rescheduled – pending',
  'Qualified',
  'Not qualified – budget',
];

/** Raw tables with `channels` channels over three months: numbers only, so SUMIFS reads every cost. */
function rawTables(channels: number, extra: Input[][] = []): Record<string, Input[][]> {
  const ads: Input[][] = [['Day', 'Channel', 'Campaign', 'Cost']];
  const crm: Input[][] = [['Meeting date', 'Source', 'Meeting outcome']];
  for (let d = 0; d < 90; d += 3) {
    for (let c = 0; c < channels; c++) {
      if ((d + c) % 4 === 0) continue;
      ads.push([
        46_027 + d,
        c % 3 === 1 ? ` Channel ${c + 1} ` : `Channel ${c + 1}`,
        'Brand',
        100 + ((d * 7 + c * 13) % 90),
      ]);
    }
  }
  for (let k = 0; k < 40 + 4 * channels; k++) {
    const c = (k * 7) % (channels + 1);
    crm.push([
      46_027 + ((k * 11) % 90),
      c === channels ? '' : `channel ${c + 1}`,
      OUTCOMES[k % OUTCOMES.length]!,
    ]);
  }
  return { 'Ads export': [...ads, ...extra], 'CRM meetings': crm };
}

function reportSettings(style: FormulaStyle, period: RawData['period']): Settings {
  return {
    ...defaultSettings(),
    templates: ['channelReport'],
    formulaStyle: style,
    raw: {
      spend: [
        {
          sheet: 'Ads export',
          columns: { channel: 'Channel', spend: 'Cost', date: 'Day' },
          fixedChannel: '',
        },
      ],
      meetings: {
        sheet: 'CRM meetings',
        columns: { channel: 'Source', outcome: 'Meeting outcome', date: 'Meeting date' },
      },
      period,
    },
  };
}

function column(rows: Input[][], k: number): Input[][] {
  return rows.slice(1).map((r) => [r[k] ?? '']);
}

/** What CPQM_REPORT gives on the raw tables, without its header. */
function expected(sheets: Record<string, Input[][]>, period: RawData['period']): unknown[][] {
  const ads = sheets['Ads export']!;
  const crm = sheets['CRM meetings']!;
  const args: unknown[] = [column(ads, 1), column(ads, 3), column(crm, 1), column(crm, 2)];
  if (period !== null) args.push(column(ads, 0), column(crm, 0), period);
  return (FUNCTIONS.CPQM_REPORT!(...args) as unknown[][]).slice(1);
}

/** The report rows of the tab: from the first row under the header to the overall total. */
function tableRows(values: Input[][], width: number): Input[][] {
  const out: Input[][] = [];
  for (let r = REPORT_LAYOUT.tableRow + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row[0] === null || row[0] === '' || row[0] === undefined) break;
    out.push(row.slice(0, width));
  }
  return out;
}

function close(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  return a === b;
}

function expectRows(got: Input[][], want: unknown[][]): void {
  expect(got.length).toBe(want.length);
  got.forEach((row, i) => {
    row.forEach((cell, j) => {
      expect(close(cell, want[i]![j]), `row ${i} col ${j}: ${cell} vs ${want[i]![j]}`).toBe(true);
    });
  });
}

const CUSTOM = new RegExp(`\\b(${RUNTIME.map((e) => e.name).join('|')})\\(`);

describe('Channel report', () => {
  for (const period of [null, 'week', 'month', 'quarter'] as const) {
    it(`both styles give CPQM_REPORT's numbers by ${period ?? 'no period'}`, () => {
      const sheets = rawTables(4);
      const want = expected(sheets, period);
      const width = (want[0] ?? []).length;
      for (const style of ['addon', 'native'] as const) {
        const wb = MemoryWorkbook.fromSheets(sheets);
        createOk(wb, reportSettings(style, period));
        expectRows(tableRows(tab(wb, 'Channel report').values, width), want);
      }
    });
  }

  it('has as many custom-function cells at 30 channels as at 3, and none in the native style', () => {
    const count = (channels: number, style: FormulaStyle) => {
      const wb = MemoryWorkbook.fromSheets(rawTables(channels));
      createOk(wb, reportSettings(style, 'month'));
      return tab(wb, 'Channel report')
        .formulas.flat()
        .filter((f) => typeof f === 'string' && f.startsWith('=') && CUSTOM.test(f)).length;
    };
    expect(count(3, 'addon')).toBe(count(30, 'addon'));
    // CPQM_REPORT, Max CPQM twice (the input and the column), HEADROOM and the chart's CPQM_TREND.
    expect(count(3, 'addon')).toBeLessThanOrEqual(5);
    expect(count(3, 'native')).toBe(0);
  });

  it('add-on style: rows added to the raw sheets later flow in, new channels and periods too', () => {
    const sheets = rawTables(3);
    const wb = MemoryWorkbook.fromSheets(sheets);
    createOk(wb, reportSettings('addon', 'month'));
    const ads = sheets['Ads export']!;
    const added: Input[] = [46_150, 'Podcasts', 'Launch', 999];
    wb.setCell('Ads export', ads.length, 0, added[0]!);
    wb.setCell('Ads export', ads.length, 1, added[1]!);
    wb.setCell('Ads export', ads.length, 3, added[3]!);
    const want = expected({ ...sheets, 'Ads export': [...ads, added] }, 'month');
    expectRows(tableRows(tab(wb, 'Channel report').values, want[0]!.length), want);
    expect(want.some((r) => r[0] === 'Podcasts')).toBe(true);
  });

  it('native style: counts the rows of a channel added later, and keeps following known ones', () => {
    const sheets = rawTables(3);
    const wb = MemoryWorkbook.fromSheets(sheets);
    createOk(wb, reportSettings('native', 'month'));
    const ads = sheets['Ads export']!;
    const note = () => tab(wb, 'Channel report').values[REPORT_LAYOUT.tableRow - 1]![0];
    expect(note()).toBe('Every spend row and meeting of the raw sheets is in this table.');
    // A known channel and month: the table follows it.
    wb.setCell('Ads export', ads.length, 0, 46_030);
    wb.setCell('Ads export', ads.length, 1, 'Channel 1');
    wb.setCell('Ads export', ads.length, 3, 1000);
    const want = expected(
      { ...sheets, 'Ads export': [...ads, [46_030, 'Channel 1', '', 1000]] },
      'month',
    );
    expectRows(tableRows(tab(wb, 'Channel report').values, want[0]!.length), want);
    // A new channel: not shown, and counted.
    wb.setCell('Ads export', ads.length + 1, 0, 46_030);
    wb.setCell('Ads export', ads.length + 1, 1, 'Podcasts');
    wb.setCell('Ads export', ads.length + 1, 3, 50);
    expect(note()).toMatch(/^1 spend rows and 0 meetings are not in this table/);
  });

  it('native style: says how many costs are text it cannot add up; the add-on reads them', () => {
    const sheets = rawTables(3);
    // Text as a connector writes it: kept as text, not typed in.
    sheets['Ads export']!.push(
      [46_040, 'Channel 1', 'Brand', "'$1,204.50"],
      [46_041, 'Channel 2', 'Brand', "'$10.00"],
    );
    // The wizard refuses the native style over text costs, so the tab is made before they arrive.
    const wbNative = MemoryWorkbook.fromSheets(rawTables(3));
    createOk(wbNative, reportSettings('native', null));
    const rowsBefore = rawTables(3)['Ads export']!.length;
    wbNative.hf.batch(() => {
      sheets['Ads export']!.slice(rowsBefore).forEach((r, k) => {
        r.forEach((v, c) => {
          wbNative.setCell('Ads export', rowsBefore + k, c, v);
        });
      });
    });
    const nativeValues = tab(wbNative, 'Channel report').values;
    expect(nativeValues[REPORT_LAYOUT.tableRow - 1]![0]).toMatch(
      /2 spend cells hold text \(such as \$1,204\.50\), which built-in formulas cannot add up: their rows say check data/,
    );
    // The rows whose spend holds text say so instead of a verdict; the others are judged.
    const verdicts = new Map(tableRows(nativeValues, 15).map((r) => [r[0], r[14]] as const));
    expect(verdicts.get('Channel 1')).toBe('check data');
    expect(verdicts.get('Channel 2')).toBe('check data');
    expect(verdicts.get('Channel 3')).not.toBe('check data');
    expect(verdicts.get('All channels')).toBe('check data');
    const wbAddon = MemoryWorkbook.fromSheets(sheets);
    createOk(wbAddon, reportSettings('addon', null));
    const rows = tableRows(tab(wbAddon, 'Channel report').values, 10);
    const plain = expected(rawTables(3), null);
    const total = rows[rows.length - 1]!;
    expect(total[1]).toBeCloseTo((plain[plain.length - 1]![1] as number) + 1214.5, 6);
  });

  it('refuses an export with a totals row among its rows, naming the row, and makes no tab', () => {
    // Rows pasted below an earlier export's totals row: the total sits among the data.
    const sheets = rawTables(3, [
      [null, 'Total: All campaigns', null, 99_999],
      [46_100, 'Channel 1', 'Brand', 120],
    ]);
    const wb = MemoryWorkbook.fromSheets(sheets);
    for (const style of ['addon', 'native'] as const) {
      const result = create(wb, reportSettings(style, 'month'));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors[0]!.message).toMatch(
        new RegExp(
          // The sheet row the user can go to: the one above the last, its header being row 1.
          `row ${sheets['Ads export']!.length - 1} of sheet "Ads export": spendChannels "Total: All campaigns" is an export's totals row`,
        ),
      );
      expect(wb.sheetNames()).toEqual(['Ads export', 'CRM meetings']);
    }
  });

  it('reads an export that closes with its totals row to the row above it, and says so', () => {
    const plain = rawTables(3);
    const last = plain['Ads export']!.length;
    const sheets = rawTables(3, [['Total: All campaigns', null, null, 99_999]]);
    for (const style of ['addon', 'native'] as const) {
      const wb = MemoryWorkbook.fromSheets(sheets);
      createOk(wb, reportSettings(style, 'month'));
      const want = expected(plain, 'month');
      expectRows(tableRows(tab(wb, 'Channel report').values, want[0]!.length), want);
      const said = String(tab(wb, 'Channel report').values[2]![0]);
      expect(said).toContain(`Sheet "Ads export" is read to row ${last}, above its totals row`);
    }
  });

  it('with a period, charts CPQM per period for the blended figure and each channel', () => {
    const wb = MemoryWorkbook.fromSheets(rawTables(3));
    createOk(wb, reportSettings('addon', 'month'));
    const [chart] = wb.meta('Channel report').charts;
    expect(chart?.kind).toBe('line');
    const r = chart!.ranges[0]!;
    const values = tab(wb, 'Channel report').values;
    const header = values[r.row]!.slice(r.col, r.col + r.cols);
    const want = expected(rawTables(3), 'month');
    const channels = [...new Set(want.map((w) => w[0]))].filter((c) => c !== 'All channels');
    // In order of first appearance: the first spend row is Channel 2's.
    expect(channels).toEqual(['Channel 2', 'Channel 3', 'Channel 1', '(no channel)']);
    // CPQM_TREND's table, with room in the range for channels and periods to come.
    const blank = (v: unknown) => v === null || v === undefined || v === '';
    expect(header.filter((h) => !blank(h))).toEqual(['Period', 'All channels', ...channels]);
    const months = [...new Set(want.map((w) => w[1]))].filter((p) => p !== 'All');
    for (let i = 1; i < r.rows; i++) {
      const row = values[r.row + i]!;
      const label = row[r.col];
      if (blank(label)) {
        expect(i, 'a row per month').toBe(months.length + 1);
        break;
      }
      const blended = want.find((w) => w[0] === 'All channels' && w[1] === label);
      expect(blended, `month ${String(label)}`).toBeDefined();
      expect(row[r.col + 1]).toBeCloseTo(blended![10] as number, 9);
    }
    // A channel that spends later joins the chart's table by itself.
    const ads = rawTables(3)['Ads export']!;
    wb.hf.batch(() => {
      wb.setCell('Ads export', ads.length, 0, 46_150);
      wb.setCell('Ads export', ads.length, 1, 'Podcasts');
      wb.setCell('Ads export', ads.length, 3, 400);
    });
    const after = tab(wb, 'Channel report').values[r.row]!.slice(r.col, r.col + r.cols);
    // In order of first appearance: its spend row comes before the meetings without a channel.
    expect(after.filter((h) => !blank(h))).toEqual([
      'Period',
      'All channels',
      'Channel 2',
      'Channel 3',
      'Channel 1',
      'Podcasts',
      '(no channel)',
    ]);
    // Without a period there is nothing over time to chart.
    const flat = MemoryWorkbook.fromSheets(rawTables(3));
    createOk(flat, reportSettings('addon', null));
    expect(flat.meta('Channel report').charts).toEqual([]);
  });
});
