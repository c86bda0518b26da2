/**
 * The channel comparison's numbers and verdicts under settings unlike the
 * defaults: five typed channels (one exactly at Max CPQM, one without
 * meetings), channels mapped from a sheet laid out differently (a blank show
 * rate, a Total row, a short sheet, channels added later), in both formula
 * styles. Every expected figure is worked out here by hand from the
 * channels and the economics; the positions are the tab's layout as the
 * user sees it (inputs from B4, the blended row 10, channels from row 11).
 */
import { describe, expect, it } from 'vitest';
import type { FormulaStyle, Settings, TypedChannel } from '../../src/addon/settings';
import { buildPlans } from '../../src/addon/templates';
import { SPARE_ROWS } from '../../src/addon/templates/channel-comparison';
import { VERDICT_COLOURS } from '../../src/addon/templates/verdict';
import { VERDICTS } from '../../src/metrics/verdict';
import {
  type Input,
  MemoryWorkbook,
  type SheetMeta,
  type SheetSnapshot,
} from '../../src/workbook/memory';
import type { WorkbookSheet } from '../../src/workbook/workbook';
import { adCostsChannels, at, createOk, customFunctionCells, settingsWith, tab } from './helpers';

const TAB = 'Channel comparison';
const INPUTS = 3;
const HEADER = 8;
const BLENDED = 9;
const FIRST = 10;
/** Columns F to K: cost per meeting, CPQM, Max CPQM, headroom, verdict, note. */
const COST = 5;
const CPQM = 6;
const MAX = 7;
const HEADROOM = 8;
const VERDICT = 9;
const NOTE = 10;

/** Max CPQM = 18,000 × 25% ÷ 2.5 = 1,800 exactly. */
const ECONOMICS: Settings['economics'] = {
  revenueTarget: 900_000,
  dealSize: 18_000,
  closeRate: 0.25,
  targetRoas: 2.5,
  budget: 50_000,
  currency: '€',
};

const CHANNELS: TypedChannel[] = [
  // 3,600 ÷ (8 × 50% × 50%) = 1,800: exactly at Max CPQM, headroom 0.
  { name: 'Search', spend: 3600, meetings: 8, showRate: 0.5, qualRate: 0.5 },
  { name: 'LinkedIn', spend: 5000, meetings: 20, showRate: 0.8, qualRate: 0.5 },
  { name: 'Trade show', spend: 12_000, meetings: 10, showRate: 0.9, qualRate: 0.6 },
  { name: 'Podcast', spend: 700, meetings: 0, showRate: 0.7, qualRate: 0.4 },
  { name: 'Referral', spend: 400, meetings: 5, showRate: 1, qualRate: 0.8 },
];

interface Row {
  name: string;
  spend: number | '';
  meetings: number | '';
  showRate: number | '';
  qualRate: number | '';
}

const isError = (v: unknown) => typeof v === 'string' && v.startsWith('#');
const blank = (v: unknown) => v === null || v === '' || v === undefined;

function near(got: unknown, want: number, where: string) {
  expect(typeof got, `${where}: ${String(got)}`).toBe('number');
  expect(Math.abs((got as number) - want), `${where}: ${got} vs ${want}`).toBeLessThan(
    1e-9 * Math.max(1, Math.abs(want)),
  );
}

/** The one verdict rule, worked out from the row's figures. */
function verdictOf(spend: number, qualified: number, headroom: number): string {
  if (spend === 0) return VERDICTS.noSpend;
  if (qualified === 0) return VERDICTS.uneconomical;
  return headroom >= 0 ? VERDICTS.economical : VERDICTS.uneconomical;
}

interface Economics {
  deal: number;
  close: number;
  roas: number;
}

/** Every figure of the tab, worked out by hand from the rows and the economics. */
function check(snap: SheetSnapshot, rows: Row[], e: Economics, complete = rows) {
  const max = (e.deal * e.close) / e.roas;
  near(at(snap, INPUTS, 1), e.deal, 'deal size');
  near(at(snap, INPUTS + 1, 1), e.close, 'close rate');
  near(at(snap, INPUTS + 2, 1), e.roas, 'target ROAS');
  near(at(snap, INPUTS + 3, 1), max, 'max CPQM');
  rows.forEach((ch, k) => {
    const row = FIRST + k;
    const where = ch.name;
    expect(at(snap, row, 0), where).toBe(ch.name);
    const spend = ch.spend as number;
    const meetings = ch.meetings as number;
    const show = ch.showRate === '' ? 1 : ch.showRate;
    const qualified = meetings * show * (ch.qualRate as number);
    if (meetings === 0) {
      expect(isError(at(snap, row, COST)), `${where} cost per meeting`).toBe(true);
      expect(isError(at(snap, row, CPQM)), `${where} CPQM`).toBe(true);
      // Headroom is blank where CPQM is an error: no error reaches HEADROOM.
      expect(blank(at(snap, row, HEADROOM)), `${where} headroom`).toBe(true);
      expect(at(snap, row, VERDICT), `${where} verdict`).toBe(verdictOf(spend, 0, Number.NaN));
    } else {
      const cpqm = spend / qualified;
      const headroom = 1 - cpqm / max;
      near(at(snap, row, COST), spend / meetings, `${where} cost per meeting`);
      near(at(snap, row, CPQM), cpqm, `${where} CPQM`);
      near(at(snap, row, HEADROOM), headroom, `${where} headroom`);
      expect(at(snap, row, VERDICT), `${where} verdict`).toBe(
        verdictOf(spend, qualified, headroom),
      );
    }
    near(at(snap, row, MAX), max, `${where} max CPQM`);
  });
  const spend = complete.reduce((t, ch) => t + (ch.spend as number), 0);
  const meetings = complete.reduce((t, ch) => t + (ch.meetings as number), 0);
  const qualified = complete.reduce(
    (t, ch) =>
      t +
      (ch.meetings as number) * (ch.showRate === '' ? 1 : ch.showRate) * (ch.qualRate as number),
    0,
  );
  const blended = spend / qualified;
  const headroom = 1 - blended / max;
  expect(at(snap, BLENDED, 0)).toBeTypeOf('string');
  near(at(snap, BLENDED, 1), spend, 'total spend');
  near(at(snap, BLENDED, 2), meetings, 'total meetings');
  expect(blank(at(snap, BLENDED, 3)) && blank(at(snap, BLENDED, 4))).toBe(true);
  near(at(snap, BLENDED, COST), spend / meetings, 'blended cost per meeting');
  near(at(snap, BLENDED, CPQM), blended, 'blended CPQM');
  near(at(snap, BLENDED, MAX), max, 'blended max CPQM');
  near(at(snap, BLENDED, HEADROOM), headroom, 'blended headroom');
  expect(at(snap, BLENDED, VERDICT), 'blended verdict').toBe(verdictOf(spend, qualified, headroom));
  expect(blank(at(snap, BLENDED, NOTE)), 'no note beside the blended row').toBe(true);
}

const ECON: Economics = { deal: 18_000, close: 0.25, roas: 2.5 };

function typedSettings(style: FormulaStyle, rows = CHANNELS): Settings {
  return settingsWith({
    templates: ['channelComparison'],
    economics: { ...ECONOMICS },
    formulaStyle: style,
    channels: { mode: 'typed', rows: rows.map((r) => ({ ...r })) },
  });
}

function build(s: Settings, sheets: Record<string, Input[][]> = {}): MemoryWorkbook {
  const wb = MemoryWorkbook.fromSheets({ Notes: [['Quarter plan']], ...sheets });
  createOk(wb, s);
  return wb;
}

/** The user's sheet: other headers in another order, a notes column, one blank show rate. */
const MAPPED_HEADER = ['Notes', 'Qual', 'Source', 'Booked', 'Cost', 'Show'];
const MAPPED_ROWS: Row[] = [
  { name: 'Webinar', spend: 2400, meetings: 12, showRate: 0.75, qualRate: 0.4 },
  { name: 'Partners', spend: 900, meetings: 6, showRate: '', qualRate: 0.5 },
  { name: 'Display', spend: 6000, meetings: 9, showRate: 0.6, qualRate: 0.3 },
  { name: 'Newsletter', spend: 300, meetings: 4, showRate: 0.5, qualRate: 1 },
  { name: 'Cold email', spend: 1500, meetings: 15, showRate: 0.4, qualRate: 0.25 },
];

function sheetRow(ch: Row): Input[] {
  return [
    'note',
    ch.qualRate === '' ? null : ch.qualRate,
    ch.name,
    ch.meetings === '' ? null : ch.meetings,
    ch.spend === '' ? null : ch.spend,
    ch.showRate === '' ? null : ch.showRate,
  ];
}

function mappedSettings(style: FormulaStyle): Settings {
  return settingsWith({
    templates: ['channelComparison'],
    economics: { ...ECONOMICS },
    formulaStyle: style,
    channels: adCostsChannels(),
  });
}

function setRow(wb: MemoryWorkbook, sheet: string, row: number, ch: Row) {
  sheetRow(ch).forEach((v, c) => {
    if (v !== null) wb.setCell(sheet, row, c, v);
  });
}

function formatAt(meta: SheetMeta, row: number, col: number): string | undefined {
  let found: string | undefined;
  for (const f of meta.formats)
    for (const r of f.ranges)
      if (row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols)
        found = f.pattern;
  return found;
}

const inside = (
  r: { row: number; col: number; rows: number; cols: number },
  row: number,
  col: number,
) => row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;

describe('channel comparison: typed channels', () => {
  it('the verdict words are two different, non-empty words', () => {
    expect(VERDICTS.economical.length).toBeGreaterThan(0);
    expect(VERDICTS.uneconomical.length).toBeGreaterThan(0);
    expect(VERDICTS.economical).not.toBe(VERDICTS.uneconomical);
  });

  for (const style of ['addon', 'native'] as const) {
    it(`${style}: every row, the blended row, and headroom 0 counts as economical`, () => {
      const snap = tab(build(typedSettings(style)), TAB);
      check(snap, CHANNELS, ECON);
      if (style === 'native') expect(customFunctionCells(snap)).toEqual([]);
      expect(at(snap, FIRST, HEADROOM)).toBe(0);
      expect(at(snap, FIRST, VERDICT)).toBe(VERDICTS.economical);
      expect(at(snap, FIRST + 2, VERDICT)).toBe(VERDICTS.uneconomical);
      // Nothing below the last channel.
      expect(snap.values[FIRST + CHANNELS.length]?.slice(0, NOTE + 1).every(blank) ?? true).toBe(
        true,
      );
    });

    it(`${style}: edits to the inputs and the channels flow through, the blend turns uneconomical`, () => {
      const wb = build(typedSettings(style));
      const rows = CHANNELS.map((r) => ({ ...r }));
      rows[2]!.spend = 40_000;
      rows[1]!.showRate = 0.25;
      rows[3]!.meetings = 7;
      rows[4]!.qualRate = 0.1;
      wb.setCell(TAB, FIRST + 2, 1, 40_000);
      wb.setCell(TAB, FIRST + 1, 3, 0.25);
      wb.setCell(TAB, FIRST + 3, 2, 7);
      wb.setCell(TAB, FIRST + 4, 4, 0.1);
      const e = { deal: 30_000, close: 0.2, roas: 4 };
      wb.setCell(TAB, INPUTS, 1, e.deal);
      wb.setCell(TAB, INPUTS + 1, 1, e.close);
      wb.setCell(TAB, INPUTS + 2, 1, e.roas);
      const snap = tab(wb, TAB);
      check(snap, rows, e);
      expect(at(snap, BLENDED, VERDICT)).toBe(VERDICTS.uneconomical);
    });
    it(`${style}: a channel typed into the next empty rows joins every column and the blended row`, () => {
      const wb = build(typedSettings(style));
      // 1,500 ÷ (6 × 100% × 50%) = 500; the last spare row: 1,000 ÷ (4 × 50% × 50%) = 1,000.
      const added: TypedChannel[] = [
        { name: 'Webinar', spend: 1500, meetings: 6, showRate: 1, qualRate: 0.5 },
        { name: 'Radio', spend: 1000, meetings: 4, showRate: 0.5, qualRate: 0.5 },
      ];
      const rows = [FIRST + CHANNELS.length, FIRST + CHANNELS.length + SPARE_ROWS - 1];
      added.forEach((ch, k) => {
        [ch.name, ch.spend, ch.meetings, ch.showRate, ch.qualRate].forEach((v, c) => {
          wb.setCell(TAB, rows[k]!, c, v);
        });
      });
      const snap = tab(wb, TAB);
      near(at(snap, rows[0]!, CPQM), 500, 'Webinar CPQM');
      near(at(snap, rows[1]!, CPQM), 1000, 'Radio CPQM');
      check(
        { ...snap, values: [...snap.values.slice(0, rows[0]!), snap.values[rows[0]!]!] },
        [...CHANNELS, added[0]!],
        ECON,
        [...CHANNELS, ...added],
      );
      near(at(snap, rows[1]!, HEADROOM), 1 - 1000 / 1800, 'Radio headroom');
      expect(at(snap, rows[1]!, VERDICT)).toBe(VERDICTS.economical);
    });

    it(`${style}: every figure has a label, and the header names every column`, () => {
      const snap = tab(build(typedSettings(style)), TAB);
      for (const row of [0, 1, INPUTS, INPUTS + 1, INPUTS + 2, INPUTS + 3, BLENDED]) {
        const label = at(snap, row, 0);
        expect(typeof label === 'string' && label.trim() !== '', `row ${row + 1}`).toBe(true);
      }
      const header = snap.values[HEADER]!.slice(0, VERDICT + 1);
      expect(header.every((h) => typeof h === 'string' && h.trim() !== '')).toBe(true);
      expect(new Set(header).size).toBe(VERDICT + 1);
      expect(blank(at(snap, HEADER, NOTE))).toBe(true);
    });
  }

  it('add-on style: one call per function column, however many channels', () => {
    const cells = (rows: TypedChannel[]) =>
      customFunctionCells(tab(build(typedSettings('addon', rows)), TAB)).length;
    expect(cells(CHANNELS)).toBe(cells(CHANNELS.slice(0, 2)));
    expect(cells(CHANNELS)).toBeLessThanOrEqual(5);
  });

  it('the preview names the channels and how many there are', () => {
    const [plan] = buildPlans({ settings: typedSettings('addon'), sheets: [] });
    const text = plan!.summary.join(' ');
    expect(text).toMatch(/\b5\b/);
    for (const ch of CHANNELS) expect(text).toContain(ch.name);
  });

  it('formats each number, bolds the headings and colours the verdicts', () => {
    const wb = build(typedSettings('native'));
    const meta = wb.meta(TAB);
    const last = FIRST + CHANNELS.length + SPARE_ROWS - 1;
    const want: [number, number, string][] = [
      [INPUTS, 1, '"€"#,##0'],
      [INPUTS + 1, 1, '0.0%'],
      [INPUTS + 2, 1, '0.0"×"'],
      [INPUTS + 3, 1, '"€"#,##0.00'],
    ];
    for (let row = BLENDED; row <= last; row++) {
      want.push(
        [row, 1, '"€"#,##0'],
        [row, 2, '#,##0'],
        [row, 3, '0.0%'],
        [row, 4, '0.0%'],
        [row, COST, '"€"#,##0.00'],
        [row, CPQM, '"€"#,##0.00'],
        [row, MAX, '"€"#,##0.00'],
        [row, HEADROOM, '0.0%'],
      );
    }
    for (const [row, col, pattern] of want)
      expect(formatAt(meta, row, col), `row ${row + 1} col ${col + 1}`).toBe(pattern);
    for (let col = 1; col <= HEADROOM; col++) {
      expect(formatAt(meta, last + 1, col), `below the table, col ${col + 1}`).toBeUndefined();
      expect(formatAt(meta, HEADER, col), `header, col ${col + 1}`).toBeUndefined();
    }
    expect(formatAt(meta, INPUTS - 1, 1)).toBeUndefined();
    expect(formatAt(meta, INPUTS + 4, 1)).toBeUndefined();

    for (let col = 0; col <= VERDICT; col++) {
      expect(
        meta.bold.some((r) => inside(r, HEADER, col)),
        `header col ${col + 1}`,
      ).toBe(true);
      expect(
        meta.bold.some((r) => inside(r, BLENDED, col)),
        `blended col ${col + 1}`,
      ).toBe(true);
      expect(
        meta.bold.some((r) => inside(r, FIRST, col)),
        `channel col ${col + 1}`,
      ).toBe(false);
    }
    expect(meta.bold.some((r) => inside(r, 0, 0))).toBe(true);
    expect(meta.bold.some((r) => inside(r, INPUTS, 0))).toBe(false);

    // Each verdict word has its own colours, over the blended row and every channel.
    expect(meta.conditional.map((r) => r.text).sort()).toEqual(
      [VERDICTS.economical, VERDICTS.uneconomical, VERDICTS.checkData].sort(),
    );
    for (const rule of meta.conditional) {
      expect(rule.range).toEqual({
        row: BLENDED,
        col: VERDICT,
        rows: CHANNELS.length + SPARE_ROWS + 1,
        cols: 1,
      });
      expect(rule.background).toMatch(/^#[0-9a-f]{6}$/i);
      expect(rule.fontColor).toMatch(/^#[0-9a-f]{6}$/i);
      expect(rule.background).not.toBe(rule.fontColor);
    }
    expect(new Set(meta.conditional.map((r) => r.background)).size).toBe(VERDICT_COLOURS.length);
    expect(new Set(meta.conditional.map((r) => r.fontColor)).size).toBe(VERDICT_COLOURS.length);
  });
});

describe('channel comparison: channels mapped from the user’s sheet', () => {
  const data = (): Record<string, Input[][]> => ({
    'Ad costs': [MAPPED_HEADER, ...MAPPED_ROWS.map(sheetRow)],
  });

  for (const style of ['addon', 'native'] as const) {
    it(`${style}: every row from the user's cells, 100 spare rows; a blank show rate is 100%`, () => {
      const wb = build(mappedSettings(style), data());
      const before = tab(wb, TAB);
      check(before, MAPPED_ROWS, ECON);
      if (style === 'native') expect(customFunctionCells(before)).toEqual([]);
      expect(blank(at(before, FIRST + 1, 3))).toBe(true);
      // Spare rows stay blank in every column.
      for (const k of [MAPPED_ROWS.length, MAPPED_ROWS.length + 50]) {
        expect(before.values[FIRST + k]!.slice(0, NOTE + 1).every(blank), `spare row ${k}`).toBe(
          true,
        );
      }

      // The table reaches 100 rows past the data and no further.
      const n = MAPPED_ROWS.length;
      const lastSpare: Row = {
        name: 'Late',
        spend: 2000,
        meetings: 10,
        showRate: 0.5,
        qualRate: 0.5,
      };
      const beyond: Row = { name: 'Beyond', spend: 999, meetings: 3, showRate: 1, qualRate: 1 };
      // Sheet rows 2 to n + 101 are in the table; row n + 102 is not.
      setRow(wb, 'Ad costs', n + 100, lastSpare);
      setRow(wb, 'Ad costs', n + 101, beyond);
      const snap = tab(wb, TAB);
      expect(at(snap, FIRST + n + 99, 0)).toBe('Late');
      near(at(snap, FIRST + n + 99, CPQM), 2000 / 2.5, 'late channel CPQM');
      near(at(snap, FIRST + n + 99, HEADROOM), 1 - 800 / 1800, 'late channel headroom');
      expect((snap.formulas[FIRST + n + 100] ?? []).every(blank), 'no row past the table').toBe(
        true,
      );
      check(snap, MAPPED_ROWS, ECON, [...MAPPED_ROWS, lastSpare]);
    });

    it(`${style}: a Total row is left out of the totals, and the blend says why it is an error`, () => {
      const sheets = data();
      sheets['Ad costs']!.push(['', null, 'Total', 40, 11_100, null]);
      const wb = build(mappedSettings(style), sheets);
      const snap = tab(wb, TAB);
      const spend = MAPPED_ROWS.reduce((t, r) => t + (r.spend as number), 0);
      const meetings = MAPPED_ROWS.reduce((t, r) => t + (r.meetings as number), 0);
      near(at(snap, BLENDED, 1), spend, 'total spend of complete rows');
      near(at(snap, BLENDED, 2), meetings, 'total meetings of complete rows');
      expect(isError(at(snap, BLENDED, CPQM)), 'blended CPQM').toBe(true);
      expect(blank(at(snap, BLENDED, VERDICT))).toBe(true);
      const note = at(snap, BLENDED, NOTE);
      expect(typeof note === 'string' && note.length > 0, 'a note beside the blend').toBe(true);
      // Filling in the Total row's rate makes it a channel like the others: the note goes.
      wb.setCell('Ad costs', MAPPED_ROWS.length + 1, 1, 0.5);
      const after = tab(wb, TAB);
      expect(blank(at(after, BLENDED, NOTE))).toBe(true);
      near(at(after, BLENDED, 1), spend + 11_100, 'total spend with the filled row');
    });

    it(`${style}: a short sheet: the table ends at the sheet's last row`, () => {
      const wb = MemoryWorkbook.fromSheets({ Notes: [['Quarter plan']] });
      wb.addSheet('Ad costs', 12, 8);
      const rows = [MAPPED_HEADER, ...MAPPED_ROWS.map(sheetRow)];
      rows.forEach((r, i) => {
        r.forEach((v, c) => {
          if (v !== null) wb.setCell('Ad costs', i, c, v);
        });
      });
      const late: Row = { name: 'Last row', spend: 800, meetings: 4, showRate: 1, qualRate: 0.5 };
      setRow(wb, 'Ad costs', 11, late);
      createOk(wb, mappedSettings(style));
      const snap = tab(wb, TAB);
      // Sheet rows 2 to 12: eleven table rows, the last holding "Last row".
      expect(at(snap, FIRST + 10, 0)).toBe('Last row');
      near(at(snap, FIRST + 10, CPQM), 400, 'last row CPQM');
      expect((snap.formulas[FIRST + 11] ?? []).every(blank), 'no row past the sheet').toBe(true);
    });
  }

  it('reads the mapped sheet by its name, not the first sheet, a field in column A too', () => {
    const header = ['Source', 'Cost', 'Booked', 'Show', 'Qual'];
    const wb = MemoryWorkbook.fromSheets({
      Decoy: [header, ['Decoy', 1, 99, 1, 1]],
      'Ad costs': [header, ['Webinar', 2400, 12, 0.75, 0.4]],
    });
    createOk(wb, mappedSettings('native'));
    const snap = tab(wb, TAB);
    expect(at(snap, FIRST, 0)).toBe('Webinar');
    near(at(snap, FIRST, CPQM), 2400 / 3.6, 'CPQM');
  });

  it('the builder refuses a missing sheet or column, naming it', () => {
    const sheet: WorkbookSheet = {
      name: 'Ad costs',
      headers: MAPPED_HEADER.filter((h) => h !== 'Booked'),
      dataRows: 5,
      rows: 1000,
      cols: 26,
    };
    const settings = mappedSettings('native');
    expect(() => buildPlans({ settings, sheets: [sheet] })).toThrow(/"Booked"/);
    expect(() => buildPlans({ settings, sheets: [{ ...sheet, name: 'Other' }] })).toThrow(
      /"Ad costs"/,
    );
  });

  it('the preview gives the mapped columns and the rows the table covers', () => {
    const sheet: WorkbookSheet = {
      name: 'Ad costs',
      headers: MAPPED_HEADER,
      dataRows: 5,
      rows: 1000,
      cols: 26,
    };
    const [plan] = buildPlans({ settings: mappedSettings('addon'), sheets: [sheet] });
    const text = plan!.summary.join(' ');
    // Name, spend, meetings, show rate and qual rate are in columns C, E, D, F and B.
    expect(text).toMatch(/\bC\b\W+\bE\b\W+\bD\b\W+\bF\b\W+\bB\b/);
    // Sheet rows 2 to 106: five channels and 100 spare rows.
    expect(text).toMatch(/\b106\b/);
  });
});

describe('channel comparison plans for a tall mapped sheet', () => {
  const sheet: WorkbookSheet = {
    name: 'Ad costs',
    headers: MAPPED_HEADER,
    dataRows: 1500,
    rows: 3000,
    cols: 26,
  };

  for (const style of ['addon', 'native'] as const) {
    it(`${style}: the tab is tall enough for every row it writes, formats and colours included`, () => {
      const [plan] = buildPlans({ settings: mappedSettings(style), sheets: [sheet] });
      const rows = 1600;
      const lastRow = FIRST + rows - 1;
      expect(plan!.rows).toBeGreaterThanOrEqual(lastRow + 1);
      for (const b of plan!.blocks) expect(b.row + b.cells.length).toBeLessThanOrEqual(plan!.rows);
      const table = plan!.blocks.find((b) => b.row === HEADER)!;
      expect(table.cells.length).toBe(rows + 2);
      const spanned = (pattern: string, col: number) =>
        plan!.formats.some(
          (f) =>
            f.pattern.includes(pattern) &&
            f.ranges.some(
              (r) =>
                inside(r, BLENDED, col) && inside(r, lastRow, col) && !inside(r, lastRow + 1, col),
            ),
        );
      expect(spanned('#,##0', 1)).toBe(true);
      expect(spanned('#,##0', 2)).toBe(true);
      expect(spanned('%', 3)).toBe(true);
      expect(spanned('%', 4)).toBe(true);
      expect(spanned('#,##0.00', COST)).toBe(true);
      expect(spanned('#,##0.00', MAX)).toBe(true);
      expect(spanned('%', HEADROOM)).toBe(true);
      for (const rule of plan!.conditional)
        expect(rule.range).toEqual({ row: BLENDED, col: VERDICT, rows: rows + 1, cols: 1 });
    });
  }
});
