/**
 * The Channel report's numbers and verdicts, tallied here by hand from the
 * raw rows: spend by channel and month, meetings by outcome, the rates, CPQM,
 * Max CPQM, headroom and the verdict on every row, the month totals and the
 * overall total, in both formula styles. The raw tables mix spellings of
 * one channel (case, surrounding spaces), names that read as a wildcard
 * ("Brand*" beside "Brandx") ("Ad?" beside "Adx"), meetings without a
 * channel and a channel that spent without a qualified meeting. Also the
 * chart table of CPQM per month, the formats, and what the native style says
 * it is not showing. Positions are the tab's layout as the user sees it:
 * inputs from B5, the header in row 10, report rows from row 11.
 */
import { describe, expect, it } from 'vitest';
import type { FormulaStyle, RawData, Settings } from '../../src/addon/settings';
import { buildPlans } from '../../src/addon/templates';
import type { Rect } from '../../src/workbook/a1';
import { type Input, MemoryWorkbook } from '../../src/workbook/memory';
import { createOk, customFunctionCells, settingsWith, tab } from './helpers';
import { handTally, type Line, type MeetingLine, monthOf, type SpendLine } from './report-tally';

const TAB = 'Channel report';
const INPUTS = 4;
const HEADER = 9;
const FIRST = 10;

/** Max CPQM = 24,000 × 20% ÷ 3 = 1,600. */
const ECONOMICS: Settings['economics'] = {
  revenueTarget: 500_000,
  dealSize: 24_000,
  closeRate: 0.2,
  targetRoas: 3,
  budget: 40_000,
  currency: '$',
};
const MAX = 1600;

/** 2026-01-01 and 2026-02-01 as spreadsheet day numbers. */
const JAN = 46_023;
const FEB = 46_054;

type Spend = SpendLine;
type Meeting = MeetingLine;

const SPEND: Spend[] = [
  // The first channel spent in February only: the chart still lists January first.
  [FEB + 20, 'Display', 700],
  [JAN + 2, 'Search', 1000],
  [JAN + 5, ' Search ', 500],
  [JAN + 3, 'Brand*', 2000],
  [JAN + 15, 'Ad?', 800],
  [FEB + 6, 'search', 1200],
  [FEB + 16, 'Brand*', 3000],
  [FEB + 17, 'Brandx', 999],
];

const MEETINGS: Meeting[] = [
  [JAN + 4, 'Search', 'Qualified'],
  [JAN + 6, 'Search', 'No show'],
  [JAN + 9, 'search', 'Not qualified – role'],
  [JAN + 10, 'Brand*', 'Qualified'],
  [JAN + 11, 'Brand*', 'Qualified'],
  [JAN + 12, 'Ad?', 'No show'],
  [JAN + 13, '', 'Qualified'],
  [JAN + 14, 'Brandx', 'Qualified'],
  [FEB + 1, 'Search', 'Qualified'],
  [FEB + 2, 'Brand*', 'Not qualified – budget'],
  [FEB + 3, 'Brand*', 'Rescheduled – pending'],
  [FEB + 4, 'Ad?', 'Qualified'],
  [FEB + 5, 'Brandx', 'No show'],
  [FEB + 7, 'Display', 'Not qualified – company size'],
  [FEB + 8, 'Webinar', 'No show'],
  [FEB + 9, 'Adx', 'Qualified'],
];

function sheets(spend = SPEND, meetings = MEETINGS): Record<string, Input[][]> {
  return {
    'Ads export': [
      ['Day', 'Network', 'Campaign', 'Cost'],
      ...spend.map(([d, c, v]) => [d, c, 'x', v]),
    ],
    CRM: [['Source', 'Meeting date', 'Result'], ...meetings.map(([d, c, o]) => [c, d, o])],
  };
}

function settings(style: FormulaStyle, period: RawData['period']): Settings {
  const dated = period !== null;
  return settingsWith({
    templates: ['channelReport'],
    economics: { ...ECONOMICS },
    formulaStyle: style,
    raw: {
      spend: [
        {
          sheet: 'Ads export',
          columns: { channel: 'Network', spend: 'Cost', date: dated ? 'Day' : '' },
          fixedChannel: '',
        },
      ],
      meetings: {
        sheet: 'CRM',
        columns: { channel: 'Source', outcome: 'Result', date: dated ? 'Meeting date' : '' },
      },
      period,
    },
  });
}

/** The report by hand over this file's rows, or the rows given. */
const expected = (
  labelOf: ((day: number) => string) | null,
  spend = SPEND,
  meetings = MEETINGS,
): Line[] => handTally(spend, meetings, labelOf);

const blank = (v: unknown) => v === null || v === '' || v === undefined;
const isError = (v: unknown) => typeof v === 'string' && v.startsWith('#');

function same(got: Input, want: number | 'error' | '', where: string) {
  if (want === 'error') expect(isError(got), `${where}: ${String(got)}`).toBe(true);
  else if (want === '') expect(blank(got), `${where}: ${String(got)}`).toBe(true);
  else {
    expect(typeof got, `${where}: ${String(got)}`).toBe('number');
    expect(Math.abs((got as number) - want), `${where}: ${got} vs ${want}`).toBeLessThan(
      1e-9 * Math.max(1, Math.abs(want)),
    );
  }
}

/** One report row: the figures, then Max CPQM, headroom and the verdict. */
function checkLine(row: Input[], line: Line, dated: boolean, native: boolean) {
  const where = `${line.channel} ${line.period}`;
  const { t } = line;
  expect(String(row[0]).toLowerCase(), where).toBe(line.channel.toLowerCase());
  const c = dated ? 2 : 1;
  if (dated) expect(row[1], where).toBe(line.period);
  const booked = t.held + t.noShows;
  const div = (a: number, b: number) => (b === 0 ? 'error' : a / b);
  const cpqm = div(t.spend, t.qualified);
  const figures = [
    t.spend,
    booked,
    t.held,
    t.noShows,
    t.qualified,
    div(t.held, booked),
    div(t.qualified, t.held),
    div(t.spend, booked),
    cpqm,
  ] as const;
  const names = ['spend', 'booked', 'held', 'no-shows', 'qualified', 'show', 'qual', 'cpm', 'cpqm'];
  figures.forEach((want, k) => {
    same(row[c + k]!, want, `${where} ${names[k]}`);
  });
  // Rescheduled meetings are pending; every outcome here is one of the six labels.
  same(row[c + 9]!, t.meetings - t.held - t.noShows, `${where} pending`);
  same(row[c + 10]!, 0, `${where} unrecognised`);
  same(row[c + 11]!, MAX, `${where} max CPQM`);
  const headroom = typeof cpqm === 'number' ? 1 - cpqm / MAX : '';
  same(row[c + 12]!, headroom, `${where} headroom`);
  // The one verdict rule: no spend first, then the headroom, then spend that brought no qualified meeting.
  const verdict =
    t.spend === 0
      ? 'no spend recorded'
      : typeof headroom === 'number'
        ? headroom >= 0
          ? 'economical'
          : 'uneconomical'
        : t.qualified === 0
          ? 'uneconomical'
          : '';
  if (verdict === '') expect(blank(row[c + 13]), `${where} verdict`).toBe(true);
  else expect(row[c + 13], `${where} verdict`).toBe(verdict);
  if (native) {
    same(row[c + 14]!, t.spendRows, `${where} spend rows counted`);
    same(row[c + 15]!, t.meetings, `${where} meetings counted`);
  }
}

/**
 * One tab per style and period, shared by the tests: each reads the cells it
 * checks, and the edits some make (the deal size, rows of a channel the
 * native table does not list) leave the others' cells as they were.
 */
const built = new Map<string, MemoryWorkbook>();
function build(style: FormulaStyle, period: RawData['period']): MemoryWorkbook {
  const key = `${style} ${period}`;
  let wb = built.get(key);
  if (!wb) {
    wb = MemoryWorkbook.fromSheets(sheets());
    createOk(wb, settings(style, period));
    built.set(key, wb);
  }
  return wb;
}

/** The first `n` cells of a row of the tab. */
const cells = (wb: MemoryWorkbook, row: number, n = 19): Input[] =>
  Array.from({ length: n }, (_, c) => wb.value(TAB, row, c));

const inside = (r: Rect, row: number, col: number) =>
  row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;

describe('Channel report by month', () => {
  const lines = expected(monthOf);

  it('the hand tally has every kind of row: both verdicts, no CPQM, no channel', () => {
    const cpqm = lines.map((l) => l.t.spend / l.t.qualified);
    expect(cpqm.some((v) => Number.isFinite(v) && v < MAX)).toBe(true);
    expect(cpqm.some((v) => Number.isFinite(v) && v > MAX)).toBe(true);
    expect(lines.some((l) => l.t.spend > 0 && l.t.qualified === 0)).toBe(true);
    expect(lines.some((l) => l.t.spend === 0 && l.t.qualified === 0)).toBe(true);
    expect(lines.some((l) => l.channel === '(no channel)')).toBe(true);
  });

  for (const style of ['addon', 'native'] as const) {
    it(`${style}: every row, the month totals and the total, with Max CPQM, headroom and verdict`, () => {
      const wb = build(style, 'month');
      [ECONOMICS.dealSize, ECONOMICS.closeRate, ECONOMICS.targetRoas, MAX].forEach((v, k) => {
        same(wb.value(TAB, INPUTS + k, 1), v, `input ${k}`);
      });
      lines.forEach((line, k) => {
        checkLine(cells(wb, FIRST + k), line, true, style === 'native');
      });
      expect(cells(wb, FIRST + lines.length, 16).every(blank), 'nothing below the total').toBe(
        true,
      );
      const header = cells(wb, HEADER);
      expect(header.slice(0, 16).every((h) => typeof h === 'string' && h !== '')).toBe(true);
      if (style === 'addon') {
        const note = wb.value(TAB, HEADER - 1, 0);
        expect(typeof note === 'string' && note.trim() !== '', 'a line above the table').toBe(true);
      }
      if (style === 'native') {
        expect(customFunctionCells(tab(wb, TAB))).toEqual([]);
        expect(header.slice(16, 19).every((h) => typeof h === 'string' && h !== '')).toBe(true);
      }
      // Edits to the inputs move Max CPQM, headroom and the verdicts.
      wb.setCell(TAB, INPUTS, 1, 48_000);
      lines.forEach((line, k) => {
        const row = cells(wb, FIRST + k, 15);
        const c = 2;
        same(row[c + 11]!, 2 * MAX, `${line.channel} ${line.period} max after`);
        const cpqm = line.t.spend / line.t.qualified;
        if (Number.isFinite(cpqm)) same(row[c + 12]!, 1 - cpqm / (2 * MAX), 'headroom after');
      });
    });
  }

  it('native style: says how many rows and meetings it is not showing', () => {
    const wb = build('native', 'month');
    const note = () => wb.value(TAB, HEADER - 1, 0);
    const first = note();
    expect(typeof first === 'string' && first !== '' && !/\d/.test(first)).toBe(true);
    // A meeting and two spend rows of a channel the table does not list.
    wb.hf.batch(() => {
      wb.setCell('CRM', MEETINGS.length + 1, 0, 'Podcast');
      wb.setCell('CRM', MEETINGS.length + 1, 1, FEB + 9);
      wb.setCell('CRM', MEETINGS.length + 1, 2, 'No show');
      for (const k of [1, 2]) {
        wb.setCell('Ads export', SPEND.length + k, 0, FEB + 9);
        wb.setCell('Ads export', SPEND.length + k, 1, 'Podcast');
        wb.setCell('Ads export', SPEND.length + k, 3, 50);
      }
    });
    const counts = String(note()).match(/\d+/g)?.map(Number);
    expect(counts?.slice(0, 2)).toEqual([2, 1]);
  });

  it('native style over raw sheets with headers only: the note counts the rows that arrive later', () => {
    const wb = MemoryWorkbook.fromSheets(sheets([], []));
    createOk(wb, settings('native', 'month'));
    const note = () => wb.value(TAB, HEADER - 1, 0);
    expect(typeof note() === 'string' && !/\d/.test(String(note()))).toBe(true);
    wb.hf.batch(() => {
      wb.setCell('CRM', 1, 0, 'Podcast');
      wb.setCell('CRM', 1, 1, FEB + 9);
      wb.setCell('CRM', 1, 2, 'Qualified');
      for (const k of [1, 2, 3]) {
        wb.setCell('Ads export', k, 0, FEB + 9);
        wb.setCell('Ads export', k, 1, 'Podcast');
        wb.setCell('Ads export', k, 3, 50);
      }
    });
    const counts = String(note()).match(/\d+/g)?.map(Number);
    expect(counts?.slice(0, 2)).toEqual([3, 1]);
  });

  it('charts CPQM per month for the blended figure and each channel', () => {
    for (const style of ['addon', 'native'] as const) {
      const wb = build(style, 'month');
      const [chart] = wb.meta(TAB).charts;
      expect(chart?.kind).toBe('line');
      expect(chart!.headerRows).toBe(1);
      const channels = [...new Set(lines.map((l) => l.channel))].filter(
        (c) => c !== 'All channels',
      );
      const series = ['All channels', ...channels];
      const months = ['2026-01', '2026-02'];
      // Beside the table: three columns to the right of its last column. The add-on style's
      // range runs to the tab's end and past today's channels, for those that come later.
      const left = 16 + 3;
      const [rows, cols] =
        style === 'addon'
          ? [1000 - HEADER, series.length + 1 + 8]
          : [months.length + 1, series.length + 1];
      expect(chart!.ranges).toEqual([{ row: HEADER, col: left, rows, cols }]);
      expect([chart!.row, chart!.col]).toEqual([HEADER, left + cols + 1]);
      const values = tab(wb, TAB).values;
      expect(values[HEADER]!.slice(left + 1, left + 1 + series.length)).toEqual(
        series.map((s) => (s === 'Search' ? expect.stringMatching(/^search$/i) : s)),
      );
      months.forEach((month, i) => {
        const row = values[HEADER + 1 + i]!;
        expect(row[left]).toBe(month);
        series.forEach((name, j) => {
          const line = lines.find((l) => l.channel === name && l.period === month);
          // No CPQM where nothing was spent or nothing qualified: the line breaks there.
          const cpqm =
            line && line.t.spend > 0 && line.t.qualified > 0
              ? line.t.spend / line.t.qualified
              : Number.NaN;
          same(row[left + 1 + j]!, Number.isFinite(cpqm) ? cpqm : 'error', `${name} ${month}`);
        });
      });
      const [plan] = buildPlans({
        settings: settings(style, 'month'),
        sheets: wb.sheets(),
        read: (sheet, col) => wb.columnValues(sheet, col),
      });
      expect(plan!.cols).toBeGreaterThanOrEqual(chart!.col + 8);
      for (const b of plan!.blocks)
        for (const r of b.cells) expect(b.col + r.length).toBeLessThanOrEqual(plan!.cols);
    }
  });

  for (const style of ['addon', 'native'] as const) {
    it(`${style}: formats, bold headings and verdict colours over the report's rows`, () => {
      const wb = MemoryWorkbook.fromSheets(sheets());
      const [plan] = buildPlans({
        settings: settings(style, 'month'),
        sheets: wb.sheets(),
        read: (sheet, col) => wb.columnValues(sheet, col),
      });
      const rows = style === 'native' ? lines.length : 1000 - FIRST - 1;
      const last = FIRST + rows - 1;
      expect(plan!.rows).toBeGreaterThanOrEqual(last + 2);
      const formatAt = (row: number, col: number) => {
        let found: string | undefined;
        for (const f of plan!.formats)
          for (const r of f.ranges) if (inside(r, row, col)) found = f.pattern;
        return found;
      };
      const want: [number, number, string | undefined][] = [
        [INPUTS, 1, '"$"#,##0'],
        [INPUTS + 1, 1, '0.0%'],
        [INPUTS + 2, 1, '0.0"×"'],
        [INPUTS + 3, 1, '"$"#,##0.00'],
        [INPUTS + 4, 1, undefined],
        [HEADER, 2, undefined],
      ];
      for (const row of [FIRST, last]) {
        want.push(
          [row, 0, undefined],
          [row, 1, undefined],
          [row, 2, '"$"#,##0'],
          [row, 3, '#,##0'],
          [row, 6, '#,##0'],
          [row, 7, '0.0%'],
          [row, 8, '0.0%'],
          [row, 9, '"$"#,##0.00'],
          [row, 10, '"$"#,##0.00'],
          [row, 11, '#,##0'],
          [row, 12, '#,##0'],
          [row, 13, '"$"#,##0.00'],
          [row, 14, '0.0%'],
          [row, 15, undefined],
        );
      }
      for (const col of [2, 3, 7, 9, 13, 14]) want.push([last + 1, col, undefined]);
      for (const [row, col, pattern] of want)
        expect(formatAt(row, col), `row ${row + 1} col ${col + 1}`).toBe(pattern);
      const bold = (row: number, col: number) => plan!.bold.some((r) => inside(r, row, col));
      expect(bold(0, 0)).toBe(true);
      for (let col = 0; col < 16; col++) expect(bold(HEADER, col), `header ${col + 1}`).toBe(true);
      expect(bold(HEADER, 16)).toBe(false);
      expect(bold(FIRST, 0)).toBe(false);
      expect(bold(INPUTS, 0)).toBe(false);
      expect(plan!.conditional.map((r) => r.text).sort()).toEqual(
        ['check data', 'economical', 'uneconomical'].sort(),
      );
      for (const rule of plan!.conditional) {
        expect(rule.range).toEqual({ row: FIRST, col: 15, rows, cols: 1 });
        expect(rule.background).toMatch(/^#[0-9a-f]{6}$/i);
        expect(rule.fontColor).toMatch(/^#[0-9a-f]{6}$/i);
      }
      expect(new Set(plan!.conditional.map((r) => r.background)).size).toBe(3);
      expect(new Set(plan!.conditional.map((r) => r.fontColor)).size).toBe(3);
    });
  }
});

describe('Channel report without a period', () => {
  const lines = expected(null);

  for (const style of ['addon', 'native'] as const) {
    it(`${style}: a row per channel and the total, Max CPQM, headroom and verdict beside each`, () => {
      const wb = build(style, null);
      lines.forEach((line, k) => {
        checkLine(cells(wb, FIRST + k), line, false, style === 'native');
      });
      expect(cells(wb, FIRST + lines.length, 15).every(blank)).toBe(true);
      // No period column: the header is the channel, the figures, and the columns beside them.
      const header = cells(wb, HEADER);
      const width = style === 'native' ? 18 : 15;
      expect(header.slice(0, width).every((h) => typeof h === 'string' && h !== '')).toBe(true);
      expect(header.slice(width).every(blank)).toBe(true);
      expect(wb.meta(TAB).charts).toEqual([]);
    });
  }
});

describe('Channel report by week and by quarter, native style', () => {
  // Days either side of the ISO week and quarter boundaries.
  const DEC28 = 46_019; // Sunday 2025-12-28: 2025-W52, 2025-Q4
  const DEC29 = 46_020; // Monday 2025-12-29: 2026-W01, 2025-Q4
  const JAN4 = 46_026; // Sunday: 2026-W01, 2026-Q1
  const JAN5 = 46_027; // Monday: 2026-W02
  const MAR31 = 46_112; // Tuesday: 2026-W14, 2026-Q1
  const APR1 = 46_113; // Wednesday: 2026-W14, 2026-Q2
  const spend: Spend[] = [
    [DEC28, 'Search', 100],
    [DEC29, 'Search', 200],
    [JAN4, 'Search', 400],
    [JAN5, 'Search', 800],
    [MAR31, 'Events', 1600],
    [APR1, 'Events', 3200],
  ];
  const meetings: Meeting[] = [
    [DEC28, 'Search', 'Qualified'],
    [DEC29, 'Search', 'Qualified'],
    [JAN4, 'Search', 'No show'],
    [JAN5, 'Events', 'Qualified'],
    [MAR31, 'Events', 'Qualified'],
    [APR1, 'Events', 'Not qualified – role'],
  ];
  const labels: Record<'week' | 'quarter', Record<number, string>> = {
    week: {
      [DEC28]: '2025-W52',
      [DEC29]: '2026-W01',
      [JAN4]: '2026-W01',
      [JAN5]: '2026-W02',
      [MAR31]: '2026-W14',
      [APR1]: '2026-W14',
    },
    quarter: {
      [DEC28]: '2025-Q4',
      [DEC29]: '2025-Q4',
      [JAN4]: '2026-Q1',
      [JAN5]: '2026-Q1',
      [MAR31]: '2026-Q1',
      [APR1]: '2026-Q2',
    },
  };

  for (const period of ['week', 'quarter'] as const) {
    it(`${period}: each row sums only its own ${period}'s days`, () => {
      const wb = MemoryWorkbook.fromSheets(sheets(spend, meetings));
      createOk(wb, settings('native', period));
      const lines = expected((day) => labels[period][day]!, spend, meetings);
      lines.forEach((line, k) => {
        checkLine(cells(wb, FIRST + k), line, true, true);
      });
      expect(blank(wb.value(TAB, FIRST + lines.length, 0))).toBe(true);
    });
  }
});

describe('Channel report over raw sheets with no rows yet', () => {
  it('add-on style: the tab is made empty, and rows typed later flow in', () => {
    const wb = MemoryWorkbook.fromSheets(sheets([], []));
    createOk(wb, settings('addon', 'month'));
    expect(blank(wb.value(TAB, FIRST, 0))).toBe(true);
    wb.hf.batch(() => {
      wb.setCell('Ads export', 1, 0, JAN + 3);
      wb.setCell('Ads export', 1, 1, 'Search');
      wb.setCell('Ads export', 1, 3, 900);
      wb.setCell('CRM', 1, 0, 'Search');
      wb.setCell('CRM', 1, 1, JAN + 4);
      wb.setCell('CRM', 1, 2, 'Qualified');
    });
    const spend: Spend[] = [[JAN + 3, 'Search', 900]];
    const meetings: Meeting[] = [[JAN + 4, 'Search', 'Qualified']];
    expected(monthOf, spend, meetings).forEach((line, k) => {
      checkLine(cells(wb, FIRST + k), line, true, false);
    });
  });

  it('native style: the tab is made, with no rows', () => {
    const wb = MemoryWorkbook.fromSheets(sheets([], []));
    createOk(wb, settings('native', null));
    expect(blank(wb.value(TAB, FIRST, 0))).toBe(true);
  });
});

describe('Channel report plans', () => {
  const info = (name: string, headers: string[], dataRows: number) => ({
    name,
    headers,
    dataRows,
    rows: Math.max(1000, dataRows + 1),
    cols: 26,
  });

  it('the builder refuses to run without raw tables, or with a sheet or column missing', () => {
    const sheetsNow = [
      info('Ads export', ['Day', 'Network', 'Campaign', 'Cost'], 1),
      info('CRM', ['Source', 'Meeting date', 'Result'], 1),
    ];
    const s = settings('native', null);
    // A plain refusal, not a failure on the missing tables.
    let refusal: unknown;
    try {
      buildPlans({ settings: { ...s, raw: null }, sheets: sheetsNow });
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(Error);
    expect(refusal).not.toBeInstanceOf(TypeError);
    expect(() => buildPlans({ settings: s, sheets: sheetsNow.slice(1) })).toThrow(/"Ads export"/);
    const noCost = [info('Ads export', ['Day', 'Network'], 1), sheetsNow[1]!];
    expect(() => buildPlans({ settings: s, sheets: noCost })).toThrow(/"Cost"/);
    const noResult = [sheetsNow[0]!, info('CRM', ['Source', 'Meeting date'], 1)];
    expect(() => buildPlans({ settings: s, sheets: noResult })).toThrow(/"Result"/);
  });

  it('without the sheets’ cells to read (a preview elsewhere) the plan is made, with no rows', () => {
    const sheetsNow = [
      info('Ads export', ['Day', 'Network', 'Campaign', 'Cost'], 1),
      info('CRM', ['Source', 'Meeting date', 'Result'], 1),
    ];
    for (const style of ['addon', 'native'] as const) {
      const [plan] = buildPlans({ settings: settings(style, 'month'), sheets: sheetsNow });
      expect(plan!.summary.join(' ')).toMatch(/\b0\b/);
    }
  });

  it('the raw tables’ columns, the rows there are and the attribution window, said in words', () => {
    const wb = MemoryWorkbook.fromSheets(sheets());
    const plans = (style: FormulaStyle, period: RawData['period'], window?: string) =>
      buildPlans({
        settings: {
          ...settings(style, period),
          ...(window === undefined ? {} : { attributionWindow: window }),
        },
        sheets: wb.sheets(),
        read: (sheet, col) => wb.columnValues(sheet, col),
      })[0]!;
    for (const style of ['addon', 'native'] as const) {
      for (const period of [null, 'month'] as const) {
        const plan = plans(style, period, '30 days from the click');
        // Every line says something.
        expect(
          plan.summary.every((line) => line.trim() !== ''),
          `${style} ${period}`,
        ).toBe(true);
        const text = plan.summary.join(' ');
        // Spend: channel B, cost D (and day A); meetings: source A, result C (and date B).
        expect(text).toMatch(period === null ? /\bB, D\)/ : /\bB, D, A\)/);
        expect(text).toMatch(period === null ? /\bA, C\)/ : /\bA, C, B\)/);
        const rows = expected(period === null ? null : monthOf).length;
        expect(text).toMatch(new RegExp(`\\b${rows} rows\\b`));
        const lines = plan.blocks[0]!.cells.map((r) => String(r[0] ?? ''));
        expect(lines.some((l) => l.includes('30 days from the click'))).toBe(true);
        // The title and the two lines under it, then the inputs from row 5.
        expect(lines.slice(0, 3).every((l) => l.trim() !== '')).toBe(true);
        expect(lines[3]).toBe('');
        // Each input has its label.
        expect(lines.slice(4, 8).every((l) => l.trim() !== '')).toBe(true);
        expect(plan.blocks[0]!.cells.slice(4).map((r) => r[1])).toEqual([
          ECONOMICS.dealSize,
          ECONOMICS.closeRate,
          ECONOMICS.targetRoas,
          expect.objectContaining({ f: expect.any(String) }),
        ]);
      }
    }
    const unset = plans('addon', 'month', '').blocks[0]!.cells.map((r) => String(r[0] ?? ''));
    const set = plans('addon', 'month').blocks[0]!.cells.map((r) => String(r[0] ?? ''));
    expect(unset[2]).not.toBe(set[2]);
    expect(unset[2]).not.toMatch(/: (true|false|undefined)?\.?$/);
  });

  it('native style: a report longer than a new sheet makes the tab tall enough for it', () => {
    const n = 1200;
    const names = Array.from({ length: n }, (_, k) => `Channel ${k + 1}`);
    const columns: Record<string, unknown[][]> = {
      'Ads export': [[], names, [], names.map((_, k) => 10 + k)],
      CRM: [names.map(() => 'Qualified'), names, [], []],
    };
    const [plan] = buildPlans({
      settings: settings('native', null),
      sheets: [
        info('Ads export', ['Day', 'Network', 'Campaign', 'Cost'], n),
        info('CRM', ['Result', 'Source'], n),
      ],
      read: (sheet, col) => columns[sheet]![col]!,
    });
    expect(plan!.rows).toBeGreaterThanOrEqual(FIRST + n + 2);
    for (const b of plan!.blocks) expect(b.row + b.cells.length).toBeLessThanOrEqual(plan!.rows);
    const table = plan!.blocks.find((b) => b.row === HEADER)!;
    expect(table.cells).toHaveLength(n + 2);
    const verdicts = plan!.conditional[0]!.range;
    expect(verdicts).toEqual({ row: FIRST, col: 14, rows: n + 1, cols: 1 });
  });
});
