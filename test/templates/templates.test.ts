/**
 * Each template built into the in-memory workbook (HyperFormula with every
 * Funnel Math function registered) and evaluated: every computed cell must
 * equal what the catalogue functions give for the same inputs, in both
 * formula styles, and the two styles must agree cell by cell.
 */
import { describe, expect, it } from 'vitest';
import type { FormulaStyle, Settings } from '../../src/addon/settings';
import {
  CHANNEL_HEADERS,
  CHANNEL_LAYOUT,
  HALF_FILLED_NOTE,
  SPARE_ROWS,
} from '../../src/addon/templates/channel-comparison';
import { FUNNEL_LAYOUT } from '../../src/addon/templates/funnel-plan';
import {
  OUTCOMES_LAYOUT,
  QUALIFICATION_CHECKLIST,
} from '../../src/addon/templates/meeting-outcomes';
import { CATALOGUE, FUNCTIONS } from '../../src/metrics/catalogue';
import { OUTCOME_LABELS, SUMMARY_HEADER } from '../../src/metrics/outcomes';
import { VERDICTS } from '../../src/metrics/verdict';
import type { Input, MemoryWorkbook, SheetSnapshot } from '../../src/workbook/memory';
import {
  at,
  channels,
  createOk,
  DATA_SHEET,
  expectedVerdict,
  formulaCells,
  mappedSettings,
  qualifiedOf,
  settingsWith,
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

/** Mapped rows show the user's cells: table column ← source column. */
const MAPPED_FROM = [0, 2, 3, 4, 5];

const blank = (v: unknown) => v === null || v === '';

function channelExpected(
  snap: SheetSnapshot,
  count: number,
  data: Input[][] | undefined,
  style: FormulaStyle,
): Expected {
  const exp: Expected = new Map();
  const { inputsRow: I, blendedRow: B, firstChannelRow: F } = CHANNEL_LAYOUT;
  const L = F + count - 1;
  if (data) {
    for (let k = 0; k < count; k++) {
      MAPPED_FROM.forEach((src, c) => {
        exp.set(`${F + k},${c}`, data[k + 1]?.[src] ?? '');
      });
    }
  }
  const max = sheetCall('MAX_CPQM', at(snap, I, 1), at(snap, I + 1, 1), at(snap, I + 2, 1));
  exp.set(`${I + 3},1`, max);

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

  // Rows without a channel (the table's spare rows) leave their own formulas blank.
  const named = (r: number) => !blank(at(snap, r, 0));
  const rows = Array.from({ length: count }, (_, k) => F + k);
  const input = (r: number, c: number) => at(snap, r, c) ?? '';
  const asColumn = (values: unknown[]) => values.map((v) => [v]);
  const elements = (result: unknown) => (result as unknown[][]).map(([v]) => v);
  // With the add-on each function column is one call over the table, so its cells are that
  // call's elements (a problem as its short text); natively every row has its own formulas.
  const addon = style === 'addon';
  const costPerMeeting = addon
    ? elements(
        sheetCall(
          'COST_PER_MEETING',
          asColumn([spend, ...rows.map((r) => input(r, 1))]),
          asColumn([meetings, ...rows.map((r) => input(r, 2))]),
        ),
      )
    : [spend, ...rows].map((_, k) =>
        k === 0
          ? sheetCall('COST_PER_MEETING', spend, meetings)
          : named(rows[k - 1]!)
            ? sheetCall('COST_PER_MEETING', input(rows[k - 1]!, 1), input(rows[k - 1]!, 2))
            : '',
      );
  const cpqms = addon
    ? elements(
        sheetCall(
          'CPQM',
          column(snap, F, L, 1),
          column(snap, F, L, 2),
          column(snap, F, L, 4),
          column(snap, F, L, 3),
        ),
      )
    : rows.map((r) =>
        named(r) ? sheetCall('CPQM', input(r, 1), input(r, 2), input(r, 4), input(r, 3)) : '',
      );
  const cpqmColumn = [blended, ...cpqms];
  const maxColumn = [max, ...rows.map((r) => (named(r) ? max : ''))];
  // Headroom only of a CPQM that is a number: no error reaches HEADROOM.
  const numbers = cpqmColumn.map((v) => (typeof v === 'number' ? v : ''));
  const headrooms = addon
    ? elements(sheetCall('HEADROOM', asColumn(numbers), asColumn(maxColumn)))
    : numbers.map((cpqm, k) =>
        k === 0 || named(rows[k - 1]!) ? sheetCall('HEADROOM', cpqm, max) : '',
      );
  const qualified = rows.map((r) => qualifiedOf(input(r, 2), input(r, 3), input(r, 4)));
  const verdicts = rows.map((r, k) =>
    named(r) ? expectedVerdict(input(r, 1), qualified[k], headrooms[k + 1]) : '',
  );
  const blendedQualified = rows.reduce(
    (t: number, r, k) => t + (counted(r) && typeof qualified[k] === 'number' ? qualified[k] : 0),
    0,
  );
  const rowCpqms = cpqms.filter((v): v is number => typeof v === 'number');
  [B, ...rows].forEach((r, k) => {
    exp.set(`${r},5`, costPerMeeting[k]);
    exp.set(`${r},6`, cpqmColumn[k]);
    exp.set(`${r},7`, maxColumn[k]);
    exp.set(`${r},8`, headrooms[k]);
    exp.set(
      `${r},9`,
      k === 0
        ? expectedVerdict(
            spend,
            blendedQualified,
            headrooms[0],
            verdicts.includes(VERDICTS.checkData),
          )
        : verdicts[k - 1],
    );
  });
  exp.set(`${B},1`, spend);
  exp.set(`${B},2`, meetings);
  {
    const halfFilled = column(snap, F, L, 0).some((_, k) => {
      const filled = [1, 2, 4].filter((c) => !blank(at(snap, F + k, c))).length;
      return filled > 0 && filled < 3;
    });
    exp.set(`${B},${CHANNEL_HEADERS.length}`, halfFilled ? HALF_FILLED_NOTE : '');
  }
  // Blended is never the average of the rows.
  if (rowCpqms.length > 1) {
    const average = rowCpqms.reduce((a, b) => a + b, 0) / rowCpqms.length;
    expect(Math.abs((blended as number) - average)).toBeGreaterThan(1e-6);
  }
  return exp;
}

/** The channel names a case's native summary lists, one per row: typed, or the mapped sheet's rows. */
function channelNames(settings: Settings, count: number): string[] {
  const ch = settings.channels;
  if (ch.mode === 'typed') return ch.rows.map((r) => r.name);
  return Array.from({ length: count }, (_, k) => String(DATA_SHEET[k + 1]?.[0] ?? ''));
}

/**
 * A few meetings for every channel, in the channels' order, so OUTCOME_SUMMARY
 * (segments in order of first appearance) and the native summary (one row per
 * channel) list the same rows. Exact labels: the native tab's dropdown allows
 * no other.
 */
function logMeetings(wb: MemoryWorkbook, names: string[], sheet = 'Meeting outcomes'): void {
  const first = OUTCOMES_LAYOUT.logHeaderRow + 1;
  let row = first;
  names
    .filter((name) => name !== '')
    .forEach((name, k) => {
      const outcomes: string[] = [OUTCOME_LABELS[k % 4]!];
      if (k % 3 === 0) outcomes.push(OUTCOME_LABELS[4]);
      if (k % 5 === 1) outcomes.push(OUTCOME_LABELS[5]);
      if (k % 2 === 0) outcomes.push(OUTCOME_LABELS[0]);
      for (const outcome of outcomes) {
        wb.setCell(sheet, row, 0, 46000 + row);
        wb.setCell(sheet, row, 1, name);
        wb.setCell(sheet, row, 2, outcome);
        row++;
      }
    });
}

function outcomesExpected(snap: SheetSnapshot, style: FormulaStyle, names: string[]): Expected {
  const exp: Expected = new Map();
  const { firstCriterionRow: C1, logHeaderRow: LH, summaryCol: SC } = OUTCOMES_LAYOUT;
  const CL = C1 + QUALIFICATION_CHECKLIST.length - 1;
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
  if (style === 'native') {
    // One row per channel: OUTCOME_SUMMARY's numbers for it, blank where it has no rate.
    SUMMARY_HEADER.forEach((h, c) => {
      exp.set(`${LH},${SC + c}`, h);
    });
    const rows = new Map(
      (Array.isArray(summary) ? (summary as unknown[][]).slice(1) : []).map((r) => [r[0], r]),
    );
    names.forEach((name, k) => {
      const row =
        name === ''
          ? Array(SUMMARY_HEADER.length).fill('')
          : (rows.get(name) ?? [name, 0, 0, 0, 0, '', '', 0, 0]).map((v) => (isError(v) ? '' : v));
      row.forEach((v, c) => {
        exp.set(`${LH + 1 + k},${SC + c}`, v);
      });
    });
  } else if (Array.isArray(summary)) {
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
  { name: 'defaults', settings: settingsWith(), count: 3 },
  {
    name: '12 stages, 30 channels (some with 0 meetings)',
    settings: settingsWith({
      stages: stages(12),
      meetingStage: 'Stage 5',
      channels: { mode: 'typed', rows: channels(30) },
    }),
    count: 30,
  },
  {
    name: '2 stages, meeting stage first, one channel',
    settings: settingsWith({
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
  log: string[] = [],
): Record<FormulaStyle, { wb: MemoryWorkbook; tabs: string[] }> {
  const out = {} as Record<FormulaStyle, { wb: MemoryWorkbook; tabs: string[] }>;
  for (const style of ['addon', 'native'] as const) {
    const wb = userWorkbook(data);
    out[style] = { wb, tabs: createOk(wb, { ...settings, formulaStyle: style }) };
    if (settings.templates.includes('meetingOutcomes')) logMeetings(wb, log);
  }
  return out;
}

describe.each(CASES)('templates, $name', ({ settings, count }) => {
  const names = channelNames(settings, count);
  const built = buildBoth(settings, undefined, names);
  const mapped = settings.channels.mode === 'mapped' ? DATA_SHEET : undefined;

  for (const style of ['addon', 'native'] as const) {
    it(`Funnel plan (${style}): volumes are REVERSE_FUNNEL, costs CPL, CPQM vs MAX_CPQM and HEADROOM`, () => {
      const snap = tab(built[style].wb, 'Funnel plan');
      check(snap, funnelExpected(snap, settings), style);
    });

    it(`Channel comparison (${style}): every row and the blended row from the catalogue`, () => {
      const snap = tab(built[style].wb, 'Channel comparison');
      const tableRows = mapped ? count : count + SPARE_ROWS;
      check(snap, channelExpected(snap, tableRows, mapped, style), style);
    });

    it(`Meeting outcomes (${style}): the example checklist decides SCHEDULE SQM, B-Quality`, () => {
      const snap = tab(built[style].wb, 'Meeting outcomes');
      check(snap, outcomesExpected(snap, style, names), style);
      // The logged meetings give the summary numbers to compare.
      expect(
        at(snap, OUTCOMES_LAYOUT.logHeaderRow + 1, OUTCOMES_LAYOUT.summaryCol + 1),
      ).toBeGreaterThan(0);
      const { firstCriterionRow: C1 } = OUTCOMES_LAYOUT;
      expect(at(snap, C1 + QUALIFICATION_CHECKLIST.length + 1, 1)).toBe(
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

  it('native tabs use built-in functions only', () => {
    const functions = CATALOGUE.map((s) => s.name);
    expect(functions).toContain('SQM_DECISION');
    expect(functions).toContain('OUTCOME_SUMMARY');
    for (const name of built.native.tabs) {
      const formulas = tab(built.native.wb, name)
        .formulas.flat()
        .filter((f) => typeof f === 'string' && f.startsWith('='));
      for (const f of formulas) {
        for (const fn of functions)
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
    it(`(${style}) the totals count the complete rows and the blended CPQM reports the Total row`, () => {
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
      // The Total row has spend and meetings but no rates: BLENDED_CPQM reports it rather than
      // drop or double its spend, and the native form gives an error too.
      expect(String(sheetCall('BLENDED_CPQM', col(1), col(2), col(4), col(3)))).toMatch(
        /^#ERROR! BLENDED_CPQM: row 5: /,
      );
      expect(isError(at(snap, B, 6)), String(at(snap, B, 6))).toBe(true);
      expect(at(snap, B, CHANNEL_HEADERS.length)).toBe(HALF_FILLED_NOTE);
      // Without it, BLENDED_CPQM gives the blended figure of the rows the totals count.
      const withoutTotal = (c: number) => col(c).map((cell, k) => (k === 4 ? [''] : cell));
      const [s, m, q, w] = [1, 2, 4, 3].map(withoutTotal);
      expect(sheetCall('BLENDED_CPQM', s, m, q, w)).toBeCloseTo(total(1) / qualified, 9);
    });
  }
});

describe('meeting log', () => {
  const SEED_NAMES = ['Outbound', 'Paid social', 'Events'];

  it('OUTCOME_SUMMARY by channel follows the log as meetings are added', () => {
    for (const style of ['addon', 'native'] as const) {
      const wb = userWorkbook();
      createOk(wb, settingsWith({ formulaStyle: style }));
      const { logHeaderRow: LH, summaryCol: SC } = OUTCOMES_LAYOUT;
      // The add-on functions also read forgiving spellings; the native tab's dropdown allows none.
      const log: [string, string][] = [
        ['Outbound', OUTCOME_LABELS[0]],
        ['Outbound', OUTCOME_LABELS[4]],
        ['Events', OUTCOME_LABELS[2]],
        ['Events', style === 'addon' ? 'qualified' : OUTCOME_LABELS[0]],
        ['Paid social', OUTCOME_LABELS[5]],
        ['Outbound', style === 'addon' ? 'no-show' : OUTCOME_LABELS[4]],
      ];
      log.forEach(([channel, outcome], k) => {
        wb.setCell('Meeting outcomes', LH + 1 + k, 0, 46000 + k);
        wb.setCell('Meeting outcomes', LH + 1 + k, 1, channel);
        wb.setCell('Meeting outcomes', LH + 1 + k, 2, outcome);
      });
      const snap = tab(wb, 'Meeting outcomes');
      check(snap, outcomesExpected(snap, style, SEED_NAMES), style);
      expect(at(snap, LH + 1, SC)).toBe('Outbound');
      expect(snap.values[LH + 1]!.slice(SC, SC + 5)).toEqual(['Outbound', 3, 1, 2, 1]);
      expect(at(snap, LH + 1, SC + 5)).toBeCloseTo(1 / 3, 9);
      expect(at(snap, LH + 1, SC + 6)).toBe(1);
      const events = style === 'addon' ? LH + 2 : LH + 3;
      expect(snap.values[events]!.slice(SC, SC + 7)).toEqual(['Events', 2, 2, 0, 1, 1, 0.5]);
    }
  });

  it('natively, a new empty log lists the channels with nothing to show yet, and no error', () => {
    const wb = userWorkbook();
    createOk(wb, settingsWith({ formulaStyle: 'native' }));
    const { logHeaderRow: LH, summaryCol: SC } = OUTCOMES_LAYOUT;
    const snap = tab(wb, 'Meeting outcomes');
    expect(snap.values[LH]!.slice(SC, SC + SUMMARY_HEADER.length)).toEqual([...SUMMARY_HEADER]);
    SEED_NAMES.forEach((name, k) => {
      expect(snap.values[LH + 1 + k]!.slice(SC, SC + 7)).toEqual([name, 0, 0, 0, 0, '', '']);
    });
  });

  it('the decision follows the checklist the same way in both styles', () => {
    const { firstCriterionRow: C1 } = OUTCOMES_LAYOUT;
    const decision = C1 + QUALIFICATION_CHECKLIST.length + 1;
    const edits: [string, [number, number, string][], string][] = [
      [
        'a required criterion not met',
        [[C1 + 1, 3, 'Not met']],
        'DO NOT SCHEDULE (5/6 required criteria met; missing: Budget Authority)',
      ],
      [
        'two missing, one unnamed, one without a status',
        [
          [C1 + 1, 3, ''],
          [C1 + 4, 0, ''],
          [C1 + 4, 3, 'Not met'],
        ],
        'DO NOT SCHEDULE (4/6 required criteria met; missing: Budget Authority, criterion 5)',
      ],
      [
        'an optional criterion not met, two partial',
        [
          [C1 + 6, 3, 'Not met'],
          [C1 + 2, 3, 'Partial'],
        ],
        'SCHEDULE SQM (6/6 required criteria met, C-Quality)',
      ],
      [
        'every partial met',
        [[C1 + 5, 3, 'Met']],
        'SCHEDULE SQM (6/6 required criteria met, A-Quality)',
      ],
      [
        'a required criterion made optional',
        [
          [C1 + 1, 3, 'Not met'],
          [C1 + 1, 2, 'Optional'],
        ],
        'SCHEDULE SQM (5/5 required criteria met, B-Quality)',
      ],
      [
        'an empty checklist',
        QUALIFICATION_CHECKLIST.flatMap((_, k) =>
          [0, 1, 2, 3, 4].map((c) => [C1 + k, c, ''] as [number, number, string]),
        ),
        '',
      ],
    ];
    for (const [what, cells, want] of edits) {
      for (const style of ['addon', 'native'] as const) {
        const wb = userWorkbook();
        createOk(wb, settingsWith({ formulaStyle: style }));
        for (const [r, c, v] of cells) wb.setCell('Meeting outcomes', r, c, v);
        const snap = tab(wb, 'Meeting outcomes');
        check(snap, outcomesExpected(snap, style, SEED_NAMES), style);
        expect(at(snap, decision, 1) ?? '', `${what} (${style})`).toBe(want);
      }
    }
  });

  it('natively every dropdown refuses other spellings; with the add-on the outcome one only warns', () => {
    for (const style of ['addon', 'native'] as const) {
      const wb = userWorkbook();
      createOk(wb, settingsWith({ formulaStyle: style }));
      const lists = wb.meta('Meeting outcomes').validations;
      expect(lists.map((v) => v.values[0])).toEqual(['Required', 'Met', OUTCOME_LABELS[0]]);
      expect(lists.map((v) => v.allowInvalid === true)).toEqual([false, false, style === 'addon']);
    }
  });
});
