/**
 * The Channel report on the playground's sample, whose costs are partly text
 * in the Google Ads export and all text in the LinkedIn export ("$332.37").
 * Each export is one channel throughout (every Google Ads campaign is Paid
 * Search, every LinkedIn one Paid Social), as a new user would say of it.
 *
 * The add-on style reads text amounts (the number rules) and shows every
 * figure. The native style cannot: a native tab made while the costs were
 * numbers, whose export a connector then rewrites as text, must not show a
 * spend, cost per meeting, CPQM or headroom that leaves those costs out. On
 * each row with costs as text, and on the All channels rows over it, those
 * cells say "costs are text" and the verdict is check data; rows without
 * text costs keep their numbers.
 */
import { describe, expect, it } from 'vitest';
import type { FormulaStyle, Settings } from '../../src/addon/settings';
import { REPORT_LAYOUT } from '../../src/addon/templates/channel-report';
import { COSTS_AS_TEXT } from '../../src/addon/templates/channel-report-native';
import { VERDICTS } from '../../src/metrics/verdict';
import {
  CRM_SHEET,
  GOOGLE_ADS_SHEET,
  GOOGLE_ADS_TOTAL,
  LINKEDIN_SHEET,
  PAID_SEARCH,
  PAID_SOCIAL,
  rawSheets,
} from '../../src/playground/raw-sample';
import type { Cell } from '../../src/playground/sample';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { createOk, settingsWith } from './helpers';
import { monthOf } from './report-tally';
import { money, tally } from './sample-tally';

const TAB = 'Channel report';
const HEADER = REPORT_LAYOUT.tableRow;
/** The spend sheets' cost columns, and the channel each whole sheet is. */
const EXPORTS = [
  { sheet: GOOGLE_ADS_SHEET, cost: 4, channel: PAID_SEARCH },
  { sheet: LINKEDIN_SHEET, cost: 2, channel: PAID_SOCIAL },
] as const;

function settings(style: FormulaStyle): Settings {
  return settingsWith({
    templates: ['channelReport'],
    formulaStyle: style,
    raw: {
      spend: [
        {
          sheet: GOOGLE_ADS_SHEET,
          columns: { channel: '', spend: 'Cost', date: 'Day' },
          fixedChannel: PAID_SEARCH,
        },
        {
          sheet: LINKEDIN_SHEET,
          columns: { channel: '', spend: 'Total Spent', date: 'Start Date (in UTC)' },
          fixedChannel: PAID_SOCIAL,
        },
      ],
      meetings: {
        sheet: CRM_SHEET,
        columns: { channel: 'Source', outcome: 'Meeting outcome', date: 'Meeting date' },
      },
      period: 'month',
    },
  });
}

/** The sample as exports write it: text stays text, as a connector leaves it. */
function workbook(sheets: Record<string, Cell[][]>): MemoryWorkbook {
  const wb = MemoryWorkbook.fromSheets(Object.fromEntries(Object.keys(sheets).map((n) => [n, []])));
  wb.hf.batch(() => {
    for (const [name, rows] of Object.entries(sheets))
      wb.writeBlock(name, { row: 0, col: 0, cells: rows });
  });
  return wb;
}

/** The sample with every cost a number: the exports before the connector rewrote them. */
function numericSample(): Record<string, Cell[][]> {
  const sheets = rawSheets();
  for (const { sheet, cost } of EXPORTS) {
    sheets[sheet] = sheets[sheet]!.map((row, r) =>
      r === 0 || row[0] === GOOGLE_ADS_TOTAL ? row : row.map((v, c) => (c === cost ? money(v) : v)),
    );
  }
  return sheets;
}

/** Costs written as text in the sample, by channel and month, and over each month and all. */
function textCosts(): Map<string, number> {
  const out = new Map<string, number>();
  const add = (key: string) => out.set(key, (out.get(key) ?? 0) + 1);
  const sheets = rawSheets();
  for (const { sheet, cost, channel } of EXPORTS) {
    for (const row of sheets[sheet]!.slice(1)) {
      if (row[0] === GOOGLE_ADS_TOTAL || typeof row[cost] !== 'string') continue;
      const month = monthOf(row[0] as number);
      for (const key of [`${channel}|${month}`, `All channels|${month}`, 'All channels|All'])
        add(key);
    }
  }
  return out;
}

/** Outcomes as the labels say; the CRM's own "Completed" and "Canceled" count in no column but Unrecognised. */
const asLabelled = (label: string) =>
  label === 'Completed' || label === 'Canceled' ? 'Ignore' : label;

/** The report's rows by "channel|period", each cell by its header. */
function reportRows(wb: MemoryWorkbook): Map<string, Map<string, unknown>> {
  const header: string[] = [];
  for (let c = 0; wb.value(TAB, HEADER, c); c++) header.push(String(wb.value(TAB, HEADER, c)));
  const rows = new Map<string, Map<string, unknown>>();
  for (let r = HEADER + 1; wb.value(TAB, r, 0); r++) {
    const cells = new Map(header.map((h, c) => [h, wb.value(TAB, r, c) as unknown]));
    rows.set(`${cells.get('Channel')}|${cells.get('Period')}`, cells);
  }
  return rows;
}

const FROM_SPEND = ['Spend', 'Cost per meeting', 'CPQM', 'Headroom'];

describe('the Channel report on the sample, whose ad costs are partly or all text', () => {
  const want = tally(asLabelled);
  const texts = textCosts();

  it('the sample has text costs on both exports, and a row with none', () => {
    expect([...texts.keys()].some((k) => k.startsWith(`${PAID_SEARCH}|`))).toBe(true);
    expect([...texts.keys()].some((k) => k.startsWith(`${PAID_SOCIAL}|`))).toBe(true);
    expect([...want.keys()].some((k) => !texts.has(k))).toBe(true);
  });

  it('add-on style: every figure as the tally of the raw rows, text amounts read', () => {
    const wb = workbook(rawSheets());
    createOk(wb, settings('addon'));
    const rows = reportRows(wb);
    expect([...rows.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [key, t] of want) {
      const row = rows.get(key)!;
      expect(row.get('Spend') as number, `${key} spend`).toBeCloseTo(t.spend, 6);
      expect(row.get('Qualified'), `${key} qualified`).toBe(t.qualified);
      if (t.spend > 0 && t.qualified > 0) {
        expect(row.get('CPQM') as number, `${key} CPQM`).toBeCloseTo(t.spend / t.qualified, 6);
        expect(typeof row.get('Headroom'), `${key} headroom`).toBe('number');
      }
      for (const h of FROM_SPEND) expect(row.get(h), `${key} ${h}`).not.toBe(COSTS_AS_TEXT);
    }
    // The blended figure counts LinkedIn's text costs.
    const all = want.get('All channels|All')!;
    expect(rows.get('All channels|All')!.get('CPQM') as number).toBeCloseTo(
      all.spend / all.qualified,
      6,
    );
  });

  it('native style: where costs turned to text, no figure made from spend shows a number', () => {
    const wb = workbook(numericSample());
    createOk(wb, settings('native'));
    // While every cost is a number, the native tab shows the same spend as the tally.
    const before = reportRows(wb);
    for (const [key, t] of want)
      expect(before.get(key)!.get('Spend') as number, `${key} spend`).toBeCloseTo(t.spend, 6);

    // A connector refreshes the exports, writing their costs as the sample has them.
    const sample = rawSheets();
    wb.hf.batch(() => {
      for (const { sheet, cost } of EXPORTS) {
        const column = sample[sheet]!.slice(1).map((row) => [row[cost]!]);
        wb.writeBlock(sheet, { row: 1, col: cost, cells: column });
      }
    });
    const rows = reportRows(wb);
    expect([...rows.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [key, t] of want) {
      const row = rows.get(key)!;
      const text = texts.get(key) ?? 0;
      expect(row.get('Costs as text'), `${key} costs as text`).toBe(text);
      if (text > 0) {
        for (const h of FROM_SPEND) expect(row.get(h), `${key} ${h}`).toBe(COSTS_AS_TEXT);
        expect(row.get('Verdict'), `${key} verdict`).toBe(VERDICTS.checkData);
      } else {
        expect(row.get('Spend'), `${key} spend`).toBe(t.spend);
      }
      // What does not come from spend keeps its number.
      expect(row.get('Qualified'), `${key} qualified`).toBe(t.qualified);
    }
    // The chart draws no point where the CPQM is not a number.
    const chart = wb.meta(TAB).charts[0]!.ranges[0]!;
    for (let r = 1; r < chart.rows; r++) {
      const month = wb.value(TAB, chart.row + r, chart.col);
      for (let c = 1; c < chart.cols; c++) {
        const series = wb.value(TAB, chart.row, chart.col + c);
        if ((texts.get(`${series}|${month}`) ?? 0) > 0)
          expect(wb.value(TAB, chart.row + r, chart.col + c), `${series} ${month}`).toBe('#N/A');
      }
    }
    // The line above the table says how many costs are text, and what the rows show.
    const note = String(wb.value(TAB, HEADER - 1, 0));
    expect(note).toContain(String(texts.get('All channels|All')));
    expect(note).toContain(COSTS_AS_TEXT);
  });
});
