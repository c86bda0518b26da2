/**
 * The funnel plan's numbers, formats and chart under settings unlike the
 * defaults: six stages of other names and rates, the meeting stage in the
 * middle of the funnel, other economics and a letter-code currency, in both
 * formula styles. Every expected number is worked out here by hand from the
 * settings, and the positions are the tab's layout as the user sees it
 * (inputs from B5, stages from row 13, economics one blank row below them).
 */
import { describe, expect, it } from 'vitest';
import type { FormulaStyle, Settings } from '../../src/addon/settings';
import { MemoryWorkbook, type SheetMeta, type SheetSnapshot } from '../../src/workbook/memory';
import { at, createOk, customFunctionCells, settingsWith, tab } from './helpers';

const STAGES: Settings['stages'] = [
  { name: 'Visit', rate: 0.05 },
  { name: 'Sign-up', rate: 0.3 },
  { name: 'Discovery call', rate: 0.45 },
  { name: 'Demo', rate: 0.6 },
  { name: 'Proposal', rate: 0.35 },
  { name: 'Closed won', rate: null },
];

const ECONOMICS: Settings['economics'] = {
  revenueTarget: 1_250_000,
  dealSize: 18_000,
  closeRate: 0.16,
  targetRoas: 2.5,
  budget: 240_000,
  currency: 'CHF',
};

/** 0-based rows of the tab. */
const INPUTS = 4;
const HEADER = 11;
const FIRST = 12;
const economicsAt = (stageCount: number) => FIRST + stageCount + 1;

/** Rounds up to a whole unit; a whole number plus float noise stays whole. */
const roundUp = (x: number) => Math.ceil(x - 1e-9);

/** The volume each stage needs, top first, worked out from the last stage up. */
function volumesFor(revenue: number, deal: number, rates: number[]): number[] {
  const out = [roundUp(revenue / deal)];
  for (let k = rates.length - 1; k >= 0; k--) out.unshift(roundUp(out[0]! / rates[k]!));
  return out;
}

function close(got: unknown, want: number, where: string) {
  expect(typeof got, `${where}: ${String(got)}`).toBe('number');
  expect(Math.abs((got as number) - want), `${where}: ${got} vs ${want}`).toBeLessThan(
    1e-9 * Math.max(1, Math.abs(want)),
  );
}

function settings(style: FormulaStyle, patch: Partial<Settings> = {}): Settings {
  return settingsWith({
    templates: ['funnelPlan'],
    stages: STAGES.map((s) => ({ ...s })),
    meetingStage: 'Demo',
    economics: { ...ECONOMICS },
    formulaStyle: style,
    ...patch,
  });
}

function build(s: Settings): MemoryWorkbook {
  const wb = MemoryWorkbook.fromSheets({ Notes: [['Quarter plan']] });
  createOk(wb, s);
  return wb;
}

interface Expected {
  revenue: number;
  deal: number;
  close: number;
  roas: number;
  budget: number;
  rates: number[];
  meetingIndex: number;
}

/** Every number of the tab against the hand-worked figures. */
function checkNumbers(snap: SheetSnapshot, x: Expected, names: string[]) {
  const volumes = volumesFor(x.revenue, x.deal, x.rates);
  const n = volumes.length;
  [x.revenue, x.deal, x.close, x.roas, x.budget].forEach((v, k) => {
    close(at(snap, INPUTS + k, 1), v, `input ${k}`);
  });
  close(at(snap, INPUTS + 5, 1), volumes[n - 1]!, 'last stage needed');
  volumes.forEach((v, k) => {
    expect(at(snap, FIRST + k, 0)).toBe(names[k]);
    if (k < n - 1) close(at(snap, FIRST + k, 1), x.rates[k]!, `${names[k]} rate`);
    close(at(snap, FIRST + k, 2), v, `${names[k]} volume`);
    close(at(snap, FIRST + k, 3), x.budget / v, `${names[k]} cost per unit`);
  });
  // Nothing spills past the last stage.
  expect(at(snap, FIRST + n, 2) ?? '').toBe('');
  expect(at(snap, FIRST + n, 3) ?? '').toBe('');
  const e = economicsAt(n);
  const meetings = volumes[x.meetingIndex]!;
  const planned = x.budget / meetings;
  const max = (x.deal * x.close) / x.roas;
  close(at(snap, e + 1, 1), meetings, 'qualified meetings needed');
  close(at(snap, e + 2, 1), planned, 'planned CPQM');
  close(at(snap, e + 3, 1), max, 'max CPQM');
  close(at(snap, e + 4, 1), 1 - planned / max, 'headroom');
}

const rates = STAGES.slice(0, -1).map((s) => s.rate!);
const names = STAGES.map((s) => s.name);
const base: Expected = {
  revenue: ECONOMICS.revenueTarget,
  deal: ECONOMICS.dealSize,
  close: ECONOMICS.closeRate,
  roas: ECONOMICS.targetRoas,
  budget: ECONOMICS.budget,
  rates,
  meetingIndex: 3,
};

/** The pattern Sheets would show for a cell: the last format written over it. */
function formatAt(meta: SheetMeta, row: number, col: number): string | undefined {
  let found: string | undefined;
  for (const f of meta.formats) {
    for (const r of f.ranges) {
      if (row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols)
        found = f.pattern;
    }
  }
  return found;
}

function isBold(meta: SheetMeta, row: number, col: number): boolean {
  return meta.bold.some(
    (r) => row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols,
  );
}

describe('funnel plan numbers', () => {
  it('the hand-worked volumes differ from stage to stage', () => {
    const v = volumesFor(base.revenue, base.deal, base.rates);
    expect(v).toEqual([49_540, 2477, 743, 334, 200, 70]);
  });

  for (const style of ['addon', 'native'] as const) {
    it(`${style}: volumes, costs and economics at a mid-funnel meeting stage`, () => {
      const snap = tab(build(settings(style)), 'Funnel plan');
      checkNumbers(snap, base, names);
    });

    it(`${style}: another meeting stage reads its own row`, () => {
      const snap = tab(build(settings(style, { meetingStage: 'Sign-up' })), 'Funnel plan');
      checkNumbers(snap, { ...base, meetingIndex: 1 }, names);
      const last = tab(build(settings(style, { meetingStage: 'Proposal' })), 'Funnel plan');
      checkNumbers(last, { ...base, meetingIndex: 4 }, names);
    });

    it(`${style}: edits to the inputs and rates flow through every number`, () => {
      const wb = build(settings(style));
      const edited: Expected = {
        revenue: 2_000_000,
        deal: 25_000,
        close: 0.3,
        roas: 4,
        budget: 99_000,
        rates: [0.1, 0.25, 0.5, 0.8, 0.4],
        meetingIndex: 3,
      };
      [edited.revenue, edited.deal, edited.close, edited.roas, edited.budget].forEach((v, k) => {
        wb.setCell('Funnel plan', INPUTS + k, 1, v);
      });
      edited.rates.forEach((r, k) => {
        wb.setCell('Funnel plan', FIRST + k, 1, r);
      });
      checkNumbers(tab(wb, 'Funnel plan'), edited, names);
    });

    it(`${style}: the last stage's rate cell and the blank row under the table are not read`, () => {
      const wb = build(settings(style));
      const n = STAGES.length;
      wb.setCell('Funnel plan', FIRST + n - 1, 1, 0.5);
      for (const col of [1, 2, 3]) wb.setCell('Funnel plan', FIRST + n, col, 'note');
      const snap = tab(wb, 'Funnel plan');
      const volumes = volumesFor(base.revenue, base.deal, base.rates);
      volumes.forEach((v, k) => {
        close(at(snap, FIRST + k, 2), v, `${names[k]} volume`);
        close(at(snap, FIRST + k, 3), base.budget / v, `${names[k]} cost per unit`);
      });
    });

    it(`${style}: a three-stage funnel with the meeting at the top`, () => {
      const three: Settings['stages'] = [
        { name: 'Booked', rate: 0.5 },
        { name: 'Held', rate: 0.2 },
        { name: 'Won', rate: null },
      ];
      const snap = tab(
        build(settings(style, { stages: three, meetingStage: 'Booked' })),
        'Funnel plan',
      );
      checkNumbers(snap, { ...base, rates: [0.5, 0.2], meetingIndex: 0 }, [
        'Booked',
        'Held',
        'Won',
      ]);
    });
  }

  it('the input cells are referred to absolutely, so copied formulas keep reading them', () => {
    for (const style of ['addon', 'native'] as const) {
      const snap = tab(build(settings(style)), 'Funnel plan');
      const texts = snap.formulas.flat().filter((f): f is string => typeof f === 'string');
      const formulas = texts.filter((f) => f.startsWith('='));
      expect(formulas.length).toBeGreaterThan(3);
      // B5:B10 hold the inputs; every formula names them as $B$5 … $B$10.
      for (const f of formulas) expect(f, f).not.toMatch(/(?<![$A-Z])B([5-9]|10)(?!\d)/);
      expect(formulas.join(' ')).toMatch(/\$B\$9/);
    }
  });

  it('add-on style: one call per function column, however many stages', () => {
    const cells = (s: Settings) => customFunctionCells(tab(build(s), 'Funnel plan')).length;
    const short = cells(
      settings('addon', {
        stages: [
          { name: 'Booked', rate: 0.5 },
          { name: 'Held', rate: 0.2 },
          { name: 'Won', rate: null },
        ],
        meetingStage: 'Held',
      }),
    );
    expect(cells(settings('addon'))).toBe(short);
    expect(short).toBeLessThanOrEqual(5);
  });
});

describe('funnel plan labels, formats, bold and chart', () => {
  const n = STAGES.length;
  const e = economicsAt(n);

  for (const [currency, money] of [
    ['CHF', '"CHF "#,##0'],
    ['$', '"$"#,##0'],
    ['R$', '"R$"#,##0'],
  ] as const) {
    it(`currency ${currency}: each number shows in its own format`, () => {
      const wb = build(settings('native', { economics: { ...ECONOMICS, currency } }));
      const meta = wb.meta('Funnel plan');
      const cents = money.replace('#,##0', '#,##0.00');
      const want: [number, number, string][] = [
        [INPUTS, 1, money],
        [INPUTS + 1, 1, money],
        [INPUTS + 2, 1, '0.0%'],
        [INPUTS + 3, 1, '0.0"×"'],
        [INPUTS + 4, 1, money],
        [INPUTS + 5, 1, '#,##0'],
        [e + 1, 1, '#,##0'],
        [e + 2, 1, cents],
        [e + 3, 1, cents],
        [e + 4, 1, '0.0%'],
      ];
      for (let k = 0; k < n; k++) {
        want.push([FIRST + k, 1, '0.0%'], [FIRST + k, 2, '#,##0'], [FIRST + k, 3, cents]);
      }
      for (const [row, col, pattern] of want)
        expect(formatAt(meta, row, col), `row ${row + 1} col ${col + 1}`).toBe(pattern);
      // The labels and the cells around the table keep no number format.
      for (const [row, col] of [
        [INPUTS - 1, 1],
        [INPUTS + 6, 1],
        [HEADER, 1],
        [FIRST + n, 2],
        [e, 1],
        [e + 5, 1],
      ] as const)
        expect(formatAt(meta, row, col), `row ${row + 1} col ${col + 1}`).toBeUndefined();
    });
  }

  it('every figure and heading has a label, and the stage table a header', () => {
    const snap = tab(build(settings('addon')), 'Funnel plan');
    const label = (row: number) => {
      const v = at(snap, row, 0);
      return typeof v === 'string' ? v.trim() : '';
    };
    for (const row of [
      0,
      1,
      3,
      ...[0, 1, 2, 3, 4, 5].map((k) => INPUTS + k),
      e,
      e + 1,
      e + 2,
      e + 3,
      e + 4,
    ])
      expect(label(row), `row ${row + 1}`).not.toBe('');
    const header = snap.values[HEADER]!.slice(0, 4);
    expect(header.every((h) => typeof h === 'string' && h.trim() !== '')).toBe(true);
    expect(new Set(header).size).toBe(4);
  });

  it('bolds the title, the inputs heading, the stage header and the economics heading', () => {
    const meta = build(settings('addon')).meta('Funnel plan');
    for (const [row, col] of [
      [0, 0],
      [3, 0],
      [HEADER, 0],
      [HEADER, 1],
      [HEADER, 2],
      [HEADER, 3],
      [e, 0],
    ] as const)
      expect(isBold(meta, row, col), `row ${row + 1} col ${col + 1}`).toBe(true);
    for (const [row, col] of [
      [1, 0],
      [INPUTS, 0],
      [FIRST, 0],
      [HEADER, 4],
      [e + 1, 0],
    ] as const)
      expect(isBold(meta, row, col), `row ${row + 1} col ${col + 1}`).toBe(false);
  });

  it('charts the volume of every stage, labels and values from the stage table', () => {
    const meta = build(settings('addon')).meta('Funnel plan');
    expect(meta.charts).toHaveLength(1);
    const [chart] = meta.charts;
    expect(chart!.kind).toBe('bar');
    expect(chart!.ranges).toEqual([
      { row: HEADER, col: 0, rows: n + 1, cols: 1 },
      { row: HEADER, col: 2, rows: n + 1, cols: 1 },
    ]);
    expect([chart!.row, chart!.col]).toEqual([HEADER, 5]);
  });
});
