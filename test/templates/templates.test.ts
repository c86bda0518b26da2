/**
 * Each template built into the in-memory workbook (HyperFormula with every
 * Funnel Math function registered) and evaluated: every computed cell must
 * equal what the catalogue functions give for the same inputs, in both
 * formula styles, and the two styles must agree cell by cell.
 */
import { describe, expect, it } from 'vitest';
import type { FormulaStyle, Settings } from '../../src/addon/settings';
import {
  CHANNEL_LAYOUT,
  VERDICT_BAD,
  VERDICT_OK,
} from '../../src/addon/templates/channel-comparison';
import { FUNNEL_LAYOUT } from '../../src/addon/templates/funnel-plan';
import { OUTCOMES_LAYOUT, SEED_CHECKLIST } from '../../src/addon/templates/meeting-outcomes';
import { CATALOGUE, FUNCTIONS } from '../../src/metrics/catalogue';
import { OUTCOME_LABELS } from '../../src/metrics/outcomes';
import type { Input, MemoryWorkbook, SheetSnapshot } from '../../src/workbook/memory';
import {
  at,
  channels,
  createOk,
  DATA_SHEET,
  formulaCells,
  mappedSettings,
  seedSettings,
  stages,
  tab,
  userWorkbook,
} from './helpers';

type Expected = Map<string, unknown>;

/** What a cell holding `=NAME(args)` shows: its result, or #ERROR! with the thrown message. */
function sheetCall(name: string, ...args: unknown[]): unknown {
  const fn = FUNCTIONS[name];
  if (!fn) throw new Error(`${name} is not in the catalogue`);
  if (args.some((a) => typeof a === 'string' && a.startsWith('#'))) {
    return args.find((a) => typeof a === 'string' && a.startsWith('#'));
  }
  try {
    return fn(...args.map((a) => (a === null ? '' : a)));
  } catch (e) {
    return `#ERROR! ${(e as Error).message}`;
  }
}

const column = (snap: SheetSnapshot, from: number, to: number, col: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => [at(snap, from + k, col) ?? '']);

function funnelExpected(snap: SheetSnapshot, s: Settings): Expected {
  const exp: Expected = new Map();
  const I = FUNNEL_LAYOUT.inputsRow;
  const S = FUNNEL_LAYOUT.firstStageRow;
  const n = s.stages.length;
  const [revenue, deal, close, roas, budget] = [0, 1, 2, 3, 4].map((k) =>
    at(snap, I + k, 1),
  ) as number[];
  const target = Math.ceil(revenue! / deal!);
  exp.set(`${I + 5},1`, target);
  const volumes = sheetCall('REVERSE_FUNNEL', target, column(snap, S, S + n - 2, 1)) as number[][];
  expect(volumes).toHaveLength(n);
  volumes.forEach(([v], k) => {
    exp.set(`${S + k},2`, v);
    exp.set(`${S + k},3`, sheetCall('CPL', budget, v));
  });
  const E = S + n + 1;
  const meetingIndex = s.stages.findIndex((st) => st.name === s.meetingStage);
  const meetings = volumes[meetingIndex]![0];
  const planned = sheetCall('CPQM', budget, meetings, 1);
  const max = sheetCall('MAX_CPQM', deal, close, roas);
  exp.set(`${E + 1},1`, meetings);
  exp.set(`${E + 2},1`, planned);
  exp.set(`${E + 3},1`, max);
  exp.set(`${E + 4},1`, sheetCall('HEADROOM', planned, max));
  return exp;
}

function verdict(headroom: unknown): string {
  return typeof headroom === 'number' ? (headroom >= 0 ? VERDICT_OK : VERDICT_BAD) : '';
}

/** Mapped rows show the user's cells: table column ← source column. */
const MAPPED_FROM = [0, 2, 3, 4, 5];

const blank = (v: unknown) => v === null || v === '';

function channelExpected(
  snap: SheetSnapshot,
  count: number,
  data: Input[][] | undefined,
): Expected {
  const exp: Expected = new Map();
  const { inputsRow: I, blendedRow: B, firstChannelRow: F } = CHANNEL_LAYOUT;
  if (data) {
    for (let k = 0; k < count; k++) {
      MAPPED_FROM.forEach((src, c) => {
        exp.set(`${F + k},${c}`, data[k + 1]?.[src] ?? '');
      });
    }
  }
  const max = sheetCall('MAX_CPQM', at(snap, I, 1), at(snap, I + 1, 1), at(snap, I + 2, 1));
  exp.set(`${I + 3},1`, max);
  const rowCpqms: number[] = [];
  for (let k = 0; k < count; k++) {
    const r = F + k;
    const [spend, meetings, show, qual] = [1, 2, 3, 4].map((c) => at(snap, r, c));
    const cpqm = sheetCall('CPQM', spend, meetings, qual, show);
    if (typeof cpqm === 'number') rowCpqms.push(cpqm);
    const headroom = sheetCall('HEADROOM', cpqm, max);
    // Rows without a channel (the mapped table's spare rows) stay blank.
    if (data && blank(at(snap, r, 0))) {
      for (let c = 5; c <= 9; c++) exp.set(`${r},${c}`, '');
      continue;
    }
    exp.set(`${r},5`, sheetCall('COST_PER_MEETING', spend, meetings));
    exp.set(`${r},6`, cpqm);
    exp.set(`${r},7`, max);
    exp.set(`${r},8`, headroom);
    exp.set(`${r},9`, verdict(headroom));
  }
  const L = F + count - 1;
  // The rows BLENDED_CPQM counts: spend, meetings and qualification rate filled in.
  const counted = (r: number) => [1, 2, 4].every((c) => !blank(at(snap, r, c)));
  const sum = (c: number) =>
    column(snap, F, L, c).reduce(
      (t, [v], k) => t + (typeof v === 'number' && counted(F + k) ? v : 0),
      0,
    );
  const spend = sum(1);
  const meetings = sum(2);
  const blended = sheetCall(
    'BLENDED_CPQM',
    column(snap, F, L, 1),
    column(snap, F, L, 2),
    column(snap, F, L, 4),
    column(snap, F, L, 3),
  );
  const headroom = sheetCall('HEADROOM', blended, max);
  exp.set(`${B},1`, spend);
  exp.set(`${B},2`, meetings);
  exp.set(`${B},5`, sheetCall('COST_PER_MEETING', spend, meetings));
  exp.set(`${B},6`, blended);
  exp.set(`${B},7`, max);
  exp.set(`${B},8`, headroom);
  exp.set(`${B},9`, verdict(headroom));
  // Blended is never the average of the rows.
  if (rowCpqms.length > 1) {
    const average = rowCpqms.reduce((a, b) => a + b, 0) / rowCpqms.length;
    expect(Math.abs((blended as number) - average)).toBeGreaterThan(1e-6);
  }
  return exp;
}

function outcomesExpected(snap: SheetSnapshot): Expected {
  const exp: Expected = new Map();
  const { firstCriterionRow: C1, logHeaderRow: LH, summaryCol: SC } = OUTCOMES_LAYOUT;
  const CL = C1 + SEED_CHECKLIST.length - 1;
  exp.set(
    `${CL + 2},1`,
    sheetCall(
      'SQM_DECISION',
      column(snap, C1, CL, 3),
      column(snap, C1, CL, 2),
      column(snap, C1, CL, 0),
    ),
  );
  const last = snap.values.length - 1;
  const summary = sheetCall(
    'OUTCOME_SUMMARY',
    column(snap, LH + 1, 999, 2),
    column(snap, LH + 1, 999, 1),
  );
  if (Array.isArray(summary)) {
    summary.forEach((row: unknown[], r) => {
      row.forEach((v, c) => {
        exp.set(`${LH + r},${SC + c}`, v);
      });
    });
  } else exp.set(`${LH},${SC}`, summary);
  expect(last).toBeGreaterThanOrEqual(LH);
  return exp;
}

function isError(v: unknown): boolean {
  return typeof v === 'string' && v.startsWith('#');
}

/** Every formula cell is expected, and every expected cell holds what the catalogue gives. */
function check(snap: SheetSnapshot, exp: Expected, style: FormulaStyle): void {
  for (const key of formulaCells(snap))
    expect(exp.has(key), `${snap.name} ${key} is not checked`).toBe(true);
  for (const [key, want] of exp) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    const got = at(snap, r, c);
    const where = `${snap.name} ${style} row ${r + 1} col ${c + 1}`;
    if (isError(want)) {
      // Native formulas raise Sheets' own error where the function raises its own.
      expect(isError(got), `${where}: ${got} should be an error like ${want}`).toBe(true);
      if (style === 'addon') expect(got, where).toBe(want);
    } else if (typeof want === 'number') {
      expect(typeof got, `${where}: ${got}`).toBe('number');
      expect(
        Math.abs((got as number) - want) / Math.max(1, Math.abs(want)),
        `${where}: ${got} vs ${want}`,
      ).toBeLessThan(1e-9);
    } else {
      expect(got ?? '', where).toEqual(want ?? '');
    }
  }
}

function sameCells(a: SheetSnapshot, b: SheetSnapshot): void {
  const rows = Math.max(a.values.length, b.values.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(a.values[r]?.length ?? 0, b.values[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const x: Input = at(a, r, c);
      const y: Input = at(b, r, c);
      const where = `${a.name} row ${r + 1} col ${c + 1}: ${x} vs ${y}`;
      if (isError(x) || isError(y)) expect(isError(x) && isError(y), where).toBe(true);
      else if (typeof x === 'number' && typeof y === 'number') {
        expect(Math.abs(x - y) / Math.max(1, Math.abs(x)), where).toBeLessThan(1e-9);
      } else expect(x ?? '', where).toEqual(y ?? '');
    }
  }
}

interface Case {
  name: string;
  settings: Settings;
  /** How many channel rows the comparison has. */
  count: number;
}

const CASES: Case[] = [
  { name: 'seed defaults', settings: seedSettings(), count: 3 },
  {
    name: '12 stages, 30 channels (some with 0 meetings)',
    settings: seedSettings({
      stages: stages(12),
      meetingStage: 'Stage 5',
      channels: { mode: 'typed', rows: channels(30) },
    }),
    count: 30,
  },
  {
    name: '2 stages, meeting stage first, one channel',
    settings: seedSettings({
      stages: [
        { name: 'SQM', rate: 0.25 },
        { name: 'Won', rate: null },
      ],
      meetingStage: 'SQM',
      channels: { mode: 'typed', rows: channels(1) },
    }),
    count: 1,
  },
  // The user's sheet has 4 channels; the table leaves 100 spare rows for more.
  { name: 'mapped channels', settings: mappedSettings(), count: 104 },
];

function buildBoth(
  settings: Settings,
  data?: Input[][],
): Record<FormulaStyle, { wb: MemoryWorkbook; tabs: string[] }> {
  const out = {} as Record<FormulaStyle, { wb: MemoryWorkbook; tabs: string[] }>;
  for (const style of ['addon', 'native'] as const) {
    const wb = userWorkbook(data);
    out[style] = { wb, tabs: createOk(wb, { ...settings, formulaStyle: style }) };
  }
  return out;
}

describe.each(CASES)('templates, $name', ({ settings, count }) => {
  const built = buildBoth(settings);
  const mapped = settings.channels.mode === 'mapped' ? DATA_SHEET : undefined;

  for (const style of ['addon', 'native'] as const) {
    it(`Funnel plan (${style}): volumes are REVERSE_FUNNEL, costs CPL, CPQM vs MAX_CPQM and HEADROOM`, () => {
      const snap = tab(built[style].wb, 'Funnel plan');
      check(snap, funnelExpected(snap, settings), style);
    });

    it(`Channel comparison (${style}): every row and the blended row from the catalogue`, () => {
      const snap = tab(built[style].wb, 'Channel comparison');
      check(snap, channelExpected(snap, count, mapped), style);
    });

    it(`Meeting outcomes (${style}): the seed checklist decides SCHEDULE SQM, B-Quality`, () => {
      const snap = tab(built[style].wb, 'Meeting outcomes');
      check(snap, outcomesExpected(snap), style);
      const { firstCriterionRow: C1 } = OUTCOMES_LAYOUT;
      expect(at(snap, C1 + SEED_CHECKLIST.length + 1, 1)).toBe(
        'SCHEDULE SQM (6/6 required criteria met, B-Quality)',
      );
    });

    it(`Definitions (${style}): plain text naming catalogue functions`, () => {
      const snap = tab(built[style].wb, 'Definitions');
      expect(formulaCells(snap)).toEqual([]);
      const text = snap.values.flat().join('\n');
      for (const name of text.match(/\(([A-Z_]+)\)/g) ?? []) {
        expect(
          CATALOGUE.some((s) => `(${s.name})` === name),
          name,
        ).toBe(true);
      }
      expect(text).toContain(settings.attributionWindow);
    });
  }

  it('the two formula styles agree cell by cell on every tab', () => {
    for (const name of built.addon.tabs) {
      const [a, b] = [tab(built.addon.wb, name), tab(built.native.wb, name)];
      if (name === 'Definitions') {
        // The one cell meant to differ: which style the tab was made in.
        const row = a.values.findIndex((r) => r[0] === 'Formula style');
        expect(b.values[row]?.[1]).toBe('Portable native formulas');
        a.values[row] = [];
        b.values[row] = [];
      }
      sameCells(a, b);
    }
  });

  it('native tabs use built-in functions except where the catalogue has no native form', () => {
    const allowed = ['SQM_DECISION', 'OUTCOME_SUMMARY'];
    const names = CATALOGUE.map((s) => s.name).filter((n) => !allowed.includes(n));
    for (const name of built.native.tabs) {
      const formulas = tab(built.native.wb, name)
        .formulas.flat()
        .filter((f) => typeof f === 'string' && f.startsWith('='));
      for (const f of formulas) {
        for (const fn of names)
          expect(f as string, `${name}: ${f}`).not.toMatch(new RegExp(`\\b${fn}\\(`));
      }
    }
  });
});

describe('channel comparison on a mapped sheet with a totals row', () => {
  // As many keep one: spend and meetings summed, no rates.
  const data: Input[][] = [...DATA_SHEET, ['Total', 'Jan', 6450, 32, null, null]];
  const built = buildBoth(mappedSettings(), data);
  const { blendedRow: B, firstChannelRow: F } = CHANNEL_LAYOUT;

  for (const style of ['addon', 'native'] as const) {
    it(`(${style}) the blended spend and meetings are the sums of the table rows the blended CPQM counts`, () => {
      const snap = tab(built[style].wb, 'Channel comparison');
      expect(at(snap, F + 4, 0)).toBe('Total');
      const rows = Array.from({ length: 105 }, (_, k) => F + k);
      const counted = rows.filter((r) => [1, 2, 4].every((c) => !blank(at(snap, r, c))));
      const total = (c: number) => counted.reduce((t, r) => t + (at(snap, r, c) as number), 0);
      expect(counted).toHaveLength(4);
      expect([at(snap, B, 1), at(snap, B, 2)]).toEqual([total(1), total(2)]);
      expect([at(snap, B, 1), at(snap, B, 2)]).toEqual([6450, 32]);
      const col = (c: number) => rows.map((r) => [at(snap, r, c) ?? '']);
      const qualified = counted.reduce(
        (t, r) =>
          t +
          (at(snap, r, 2) as number) *
            (at(snap, r, 4) as number) *
            ((at(snap, r, 3) as number | null) ?? 1),
        0,
      );
      if (style === 'addon') {
        // Whatever BLENDED_CPQM makes of the table's own rows.
        const want = sheetCall('BLENDED_CPQM', col(1), col(2), col(4), col(3));
        if (typeof want === 'number') expect(at(snap, B, 6)).toBeCloseTo(want, 9);
        else expect(isError(at(snap, B, 6))).toBe(true);
      } else {
        // The native form skips the Total row, as the spend and meetings beside it do.
        expect(at(snap, B, 6)).toBeCloseTo(total(1) / qualified, 9);
      }
    });
  }
});

describe('meeting log', () => {
  it('OUTCOME_SUMMARY by channel follows the log as meetings are added', () => {
    for (const style of ['addon', 'native'] as const) {
      const wb = userWorkbook();
      createOk(wb, seedSettings({ formulaStyle: style }));
      const { logHeaderRow: LH } = OUTCOMES_LAYOUT;
      const log: [string, string][] = [
        ['Outbound', OUTCOME_LABELS[0]],
        ['Outbound', OUTCOME_LABELS[4]],
        ['Events', OUTCOME_LABELS[2]],
        ['Events', 'qualified'],
        ['Paid social', OUTCOME_LABELS[5]],
        ['Outbound', 'no-show'],
      ];
      log.forEach(([channel, outcome], k) => {
        wb.setCell('Meeting outcomes', LH + 1 + k, 0, 46000 + k);
        wb.setCell('Meeting outcomes', LH + 1 + k, 1, channel);
        wb.setCell('Meeting outcomes', LH + 1 + k, 2, outcome);
      });
      const snap = tab(wb, 'Meeting outcomes');
      check(snap, outcomesExpected(snap), style);
      expect(at(snap, LH + 1, OUTCOMES_LAYOUT.summaryCol)).toBe('Outbound');
      expect(at(snap, LH + 1, OUTCOMES_LAYOUT.summaryCol + 1)).toBe(3);
    }
  });

  it('a required criterion turned to Not met gives DO NOT SCHEDULE', () => {
    const wb = userWorkbook();
    createOk(wb, seedSettings());
    const { firstCriterionRow: C1 } = OUTCOMES_LAYOUT;
    wb.setCell('Meeting outcomes', C1 + 1, 3, 'Not met');
    const snap = tab(wb, 'Meeting outcomes');
    check(snap, outcomesExpected(snap), 'addon');
    expect(String(at(snap, C1 + SEED_CHECKLIST.length + 1, 1))).toMatch(/^DO NOT SCHEDULE \(5\/6/);
  });
});
