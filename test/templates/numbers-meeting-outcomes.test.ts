/**
 * Meeting outcomes: the checklist's decision and the outcome summary by
 * channel, as the user fills the tab in, in both formula styles. The
 * decision's counts and missing criteria are worked out here by hand and
 * compared with SQM_DECISION on the same hand-made columns; the summary's
 * counts and rates are tallied here from the meetings typed into the log.
 * Positions are the tab's layout as the user sees it: criteria in rows 6–13,
 * the decision in B15, the log from row 19 with the summary from column E.
 */
import { describe, expect, it } from 'vitest';
import type { FormulaStyle, Settings, TypedChannel } from '../../src/addon/settings';
import { buildPlans } from '../../src/addon/templates';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { OUTCOME_LABELS, SUMMARY_HEADER } from '../../src/metrics/outcomes';
import { REQUIRED_LABELS, STATUS_LABELS } from '../../src/metrics/qualification';
import type { Rect } from '../../src/workbook/a1';
import { type Input, MemoryWorkbook } from '../../src/workbook/memory';
import type { WorkbookSheet } from '../../src/workbook/workbook';
import { adCostsChannels, createOk, customFunctionCells, settingsWith, tab } from './helpers';

const TAB = 'Meeting outcomes';
const FIRST_CRITERION = 5;
const CRITERIA = 8;
const DECISION_ROW = 14;
const LOG_HEADER = 17;
const FIRST_LOG = 18;
const LOG_ROWS = 500;
const SUMMARY = 4;

const CHANNELS: TypedChannel[] = ['Outbound', 'Paid social', 'Events', 'Webinars', 'Partners'].map(
  (name, k) => ({ name, spend: 1000 + k, meetings: 10, showRate: 1, qualRate: 0.5 }),
);

function settings(style: FormulaStyle, patch: Partial<Settings> = {}): Settings {
  return settingsWith({
    templates: ['meetingOutcomes'],
    formulaStyle: style,
    channels: { mode: 'typed', rows: CHANNELS.map((c) => ({ ...c })) },
    ...patch,
  });
}

function build(s: Settings, sheets: Record<string, Input[][]> = {}): MemoryWorkbook {
  const wb = MemoryWorkbook.fromSheets({ Notes: [['Quarter plan']], ...sheets });
  createOk(wb, s);
  return wb;
}

const blank = (v: unknown) => v === null || v === '' || v === undefined;
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const inside = (r: Rect, row: number, col: number) =>
  row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;

/** One checklist row as the user sees it: name, Required?, Status. */
type Criterion = [name: string, required: string, status: string];

/** The example checklist's decision columns: six required (one partial), two optional. */
const EXAMPLE: Criterion[] = [
  ['ICP Company Size', 'Required', 'Met'],
  ['Budget Authority', 'Required', 'Met'],
  ['Decision Timeline', 'Required', 'Met'],
  ['Business Pain', 'Required', 'Met'],
  ['Current Process', 'Required', 'Met'],
  ['Decision Makers', 'Required', 'Partial'],
  ['Competitive Set', 'Optional', 'Met'],
  ['Success Criteria', 'Optional', 'Met'],
];

interface Decision {
  schedule: boolean;
  met: number;
  required: number;
  missing: string[];
  grade: string;
}

/** The decision by hand: required rows, those not met or partial, partial ones. */
function decide(rows: Criterion[]): Decision {
  const required = rows.filter((r) => r[1] === 'Required');
  const missed = required.filter((r) => r[2] !== 'Met' && r[2] !== 'Partial');
  const partial = required.filter((r) => r[2] === 'Partial').length;
  return {
    schedule: missed.length === 0,
    met: required.length - missed.length,
    required: required.length,
    missing: missed.map((r) => (r[0] === '' ? `criterion ${rows.indexOf(r) + 1}` : r[0])),
    grade: 'ABC'[Math.min(partial, 2)]!,
  };
}

function checkDecision(wb: MemoryWorkbook, rows: Criterion[], where: string) {
  const got = wb.value(TAB, DECISION_ROW, 1);
  const col = (k: number) => rows.map((r) => [r[k]]);
  expect(got, where).toBe(FUNCTIONS.SQM_DECISION!(col(2), col(1), col(0)));
  const d = decide(rows);
  expect(typeof got, where).toBe('string');
  const text = got as string;
  expect(text, where).toContain(`(${d.met}/${d.required} `);
  if (d.schedule) {
    expect(text, where).toContain(`${d.grade}-`);
    expect(text, where).not.toMatch(/NOT/);
  } else {
    expect(text, where).toMatch(/NOT/);
    for (const name of d.missing) expect(text, where).toContain(name);
  }
}

function setCriteria(wb: MemoryWorkbook, rows: Criterion[]) {
  wb.hf.batch(() => {
    rows.forEach(([name, required, status], k) => {
      wb.setCell(TAB, FIRST_CRITERION + k, 0, name);
      wb.setCell(TAB, FIRST_CRITERION + k, 2, required);
      wb.setCell(TAB, FIRST_CRITERION + k, 3, status);
    });
  });
}

/**
 * One tab per style, shared by the checklist and the log tests: they edit
 * different cells, and each reads only its own.
 */
const workbooks = new Map<FormulaStyle, MemoryWorkbook>();
function workbook(style: FormulaStyle): MemoryWorkbook {
  let wb = workbooks.get(style);
  if (!wb) {
    wb = build(settings(style));
    workbooks.set(style, wb);
  }
  return wb;
}

describe('the checklist decision', () => {
  const edit = (rows: Criterion[], k: number, c: Criterion) =>
    rows.map((r, i) => (i === k ? c : r));

  const states: [string, Criterion[]][] = [];
  let rows = EXAMPLE;
  rows = edit(rows, 1, ['Budget Authority', 'Required', 'Not met']);
  states.push(['one required criterion not met', rows]);
  rows = edit(rows, 2, ['', 'Required', 'Not met']);
  states.push(['an unnamed one too, called by its place', rows]);
  rows = edit(edit(rows, 1, EXAMPLE[1]!), 2, EXAMPLE[2]!);
  rows = edit(rows, 6, ['Competitive Set', 'Required', 'Partial']);
  states.push(['two partial required criteria: C grade', rows]);
  rows = edit(rows, 0, ['ICP Company Size', 'Required', 'Not met']);
  rows = edit(rows, 7, ['Success Criteria', 'Required', 'Not met']);
  states.push(['the first and the last rows count', rows]);
  rows = EXAMPLE.map(([name]) => [name, 'Optional', 'Met'] as Criterion);
  rows = edit(rows, 7, ['Success Criteria', 'Required', 'Met']);
  states.push(['one required, met, none partial: A grade', rows]);
  rows = edit(rows, 7, ['Success Criteria', 'Required', 'Partial']);
  states.push(['one required, partial: B grade', rows]);

  for (const style of ['addon', 'native'] as const) {
    it(`${style}: the example checklist, then the user's changes`, () => {
      const wb = workbook(style);
      // The add-on style decides with one SQM_DECISION call; the native style calls nothing.
      const calls = customFunctionCells(tab(wb, TAB));
      expect(calls.includes(`${DECISION_ROW},1`)).toBe(style === 'addon');
      checkDecision(wb, EXAMPLE, 'the example');
      expect(decide(EXAMPLE)).toMatchObject({ schedule: true, met: 6, required: 6, grade: 'B' });
      for (const [where, state] of states) {
        setCriteria(wb, state);
        checkDecision(wb, state, where);
      }
      // An empty checklist decides nothing.
      wb.hf.batch(() => {
        for (let k = 0; k < CRITERIA; k++)
          for (const c of [0, 1, 2, 3, 4]) wb.setCell(TAB, FIRST_CRITERION + k, c, null);
      });
      expect(blank(wb.value(TAB, DECISION_ROW, 1))).toBe(true);
    });
  }

  it('the example shows a whole row per criterion, with the dropdowns on Required? and Status', () => {
    const [plan] = buildPlans({ settings: settings('native'), sheets: [] });
    const checklist = plan!.blocks.find((b) => b.row === FIRST_CRITERION - 2)!;
    expect(text(checklist.cells[0]![0])).not.toBe('');
    // The title, the line under it and the log's headings are there too.
    const top = plan!.blocks.find((b) => b.row === 0)!;
    expect(top.cells.map((r) => text(r[0]))).toEqual([expect.any(String), expect.any(String)]);
    expect(top.cells.every((r) => text(r[0]) !== '')).toBe(true);
    const log = plan!.blocks.find((b) => b.row === LOG_HEADER - 1)!;
    expect(text(log.cells[0]![0]) !== '' && text(log.cells[0]![4]) !== '').toBe(true);
    const head = plan!.blocks.find((b) => b.row === LOG_HEADER)!.cells[0]!;
    expect(head.slice(0, 3).every((v) => text(v) !== '')).toBe(true);
    const header = checklist.cells[1]!;
    expect(header).toHaveLength(5);
    expect(header.every((v) => typeof v === 'string' && v !== '')).toBe(true);
    EXAMPLE.forEach(([, required, status], k) => {
      const row = checklist.cells[2 + k]!;
      expect(row.every((v) => typeof v === 'string' && v !== '')).toBe(true);
      expect([row[2], row[3]]).toEqual([required, status]);
    });
    expect(checklist.cells[2 + CRITERIA]!.every(blank)).toBe(true);
    expect(checklist.cells[3 + CRITERIA]![0]).toBeTypeOf('string');
    expect(checklist.cells).toHaveLength(DECISION_ROW - FIRST_CRITERION + 3);
    const v = plan!.validations;
    expect(v.find((x) => x.values.join() === REQUIRED_LABELS.join())?.range).toEqual({
      row: FIRST_CRITERION,
      col: 2,
      rows: CRITERIA,
      cols: 1,
    });
    expect(v.find((x) => x.values.join() === STATUS_LABELS.join())?.range).toEqual({
      row: FIRST_CRITERION,
      col: 3,
      rows: CRITERIA,
      cols: 1,
    });
  });
});

/** The meetings typed into the log: channel and outcome. */
const LOG: [string, string][] = [
  ['Events', 'Qualified'],
  ['Outbound', 'Not qualified – role'],
  ['Events', 'No show'],
  ['Partners', 'Qualified'],
  ['Outbound', 'Qualified'],
  ['Events', 'Not qualified – budget'],
  ['Outbound', 'Rescheduled – pending'],
  ['Partners', 'No show'],
  ['Events', 'Qualified'],
  ['Outbound', 'No show'],
  ['Partners', 'Not qualified – company size'],
  ['Events', 'Qualified'],
  ['Outbound', 'Qualified'],
];

interface Tally {
  booked: number;
  held: number;
  noShows: number;
  qualified: number;
}

function tally(log: [string, string][], channel: string): Tally {
  const mine = log.filter(([c]) => c === channel).map(([, o]) => o);
  const qualified = mine.filter((o) => o === 'Qualified').length;
  const held = qualified + mine.filter((o) => o.startsWith('Not qualified')).length;
  const noShows = mine.filter((o) => o === 'No show').length;
  return { booked: held + noShows, held, noShows, qualified };
}

/** Seven cells of a row of the tab from column `col`. */
function cells(wb: MemoryWorkbook, row: number, col = SUMMARY): Input[] {
  return Array.from({ length: SUMMARY_HEADER.length }, (_, k) => wb.value(TAB, row, col + k));
}

/** The summary rows under its header, by channel. */
function summary(wb: MemoryWorkbook): Map<string, Input[]> {
  const out = new Map<string, Input[]>();
  for (let r = FIRST_LOG; ; r++) {
    const row = cells(wb, r);
    if (blank(row[0])) break;
    out.set(String(row[0]), row);
  }
  return out;
}

function checkRow(row: Input[] | undefined, t: Tally, style: FormulaStyle, where: string) {
  expect(row, where).toBeDefined();
  expect(row!.slice(1, 5), where).toEqual([t.booked, t.held, t.noShows, t.qualified]);
  const rate = (part: number, whole: number, cell: Input) => {
    if (whole > 0) expect(cell, where).toBeCloseTo(part / whole, 12);
    else if (style === 'native') expect(blank(cell), where).toBe(true);
    else expect(String(cell), where).toMatch(/^#/);
  };
  rate(t.held, t.booked, row![5]!);
  rate(t.qualified, t.held, row![6]!);
}

/** Types meetings into the log in one go, as a paste would. */
function writeLog(wb: MemoryWorkbook, log: [string, string][], from = FIRST_LOG) {
  wb.hf.batch(() => {
    log.forEach(([channel, outcome], k) => {
      wb.setCell(TAB, from + k, 0, 46_027 + k);
      wb.setCell(TAB, from + k, 1, channel);
      wb.setCell(TAB, from + k, 2, outcome);
    });
  });
}

describe('the outcome summary by channel', () => {
  for (const style of ['addon', 'native'] as const) {
    it(`${style}: counts and rates per channel from the log, to its last row`, () => {
      const wb = workbook(style);
      writeLog(wb, LOG);
      // The last row of the log counts too.
      const last: [string, string] = ['Webinars', 'No show'];
      writeLog(wb, [last], FIRST_LOG + LOG_ROWS - 1);
      expect(cells(wb, LOG_HEADER)).toEqual([...SUMMARY_HEADER]);
      const rows = summary(wb);
      const log = [...LOG, last];
      const named =
        style === 'native'
          ? CHANNELS.map((c) => c.name)
          : ['Events', 'Outbound', 'Partners', 'Webinars'];
      expect([...rows.keys()]).toEqual(named);
      for (const name of named) checkRow(rows.get(name), tally(log, name), style, name);
      if (style === 'native') expect(customFunctionCells(tab(wb, TAB))).toEqual([]);

      // A meeting relabelled later moves between the counts.
      wb.setCell(TAB, FIRST_LOG + 2, 2, 'Qualified');
      const moved = LOG.map((e, k) =>
        k === 2 ? (['Events', 'Qualified'] as [string, string]) : e,
      );
      checkRow(summary(wb).get('Events'), tally(moved, 'Events'), style, 'Events after');
    });
  }

  it('native style: channels mapped from a sheet name the summary rows, spare rows stay blank', () => {
    const header = ['Cost', 'Source', 'Booked', 'Show', 'Qual'];
    const data: Input[][] = [
      header,
      [100, 'Search', 3, 1, 1],
      [200, 'Display', 3, 1, 1],
      [300, 'Events', 3, 1, 1],
    ];
    const s = settings('native', {
      channels: adCostsChannels(),
    });
    // A short sheet: its six rows are the channels the summary can list.
    const wb = MemoryWorkbook.fromSheets({ Notes: [['Quarter plan']] });
    wb.addSheet('Ad costs', 6, 6);
    wb.hf.batch(() => {
      data.forEach((r, i) => {
        r.forEach((v, c) => {
          wb.setCell('Ad costs', i, c, v);
        });
      });
    });
    createOk(wb, s);
    writeLog(wb, LOG);
    const rows = summary(wb);
    expect([...rows.keys()]).toEqual(['Search', 'Display', 'Events']);
    checkRow(rows.get('Events'), tally(LOG, 'Events'), 'native', 'Events');
    checkRow(rows.get('Search'), tally(LOG, 'Search'), 'native', 'Search');
    // A channel added to the sheet later gets its row.
    wb.setCell('Ad costs', 4, 1, 'Outbound');
    checkRow(summary(wb).get('Outbound'), tally(LOG, 'Outbound'), 'native', 'Outbound');
    expect(cells(wb, FIRST_LOG + 4).every(blank)).toBe(true);
  });
});

describe('the log’s dropdown, formats and headings', () => {
  for (const style of ['addon', 'native'] as const) {
    it(`${style}: outcome dropdown over the whole log, dates and rates formatted`, () => {
      const [meta] = buildPlans({ settings: settings(style), sheets: [] });
      const outcome = meta!.validations.find((v) => v.values.join() === OUTCOME_LABELS.join());
      expect(outcome?.range).toEqual({ row: FIRST_LOG, col: 2, rows: LOG_ROWS, cols: 1 });
      // The add-on reads forgiving spellings, so it only warns; built-in formulas need the exact labels.
      expect(outcome?.allowInvalid).toBe(style === 'addon');
      const date = meta!.formats.find((f) => f.ranges.some((r) => inside(r, FIRST_LOG, 0)));
      expect(date?.pattern).toMatch(/y/);
      expect(date?.pattern).toMatch(/m/);
      expect(date?.pattern).toMatch(/d/);
      expect(date?.ranges).toEqual([{ row: FIRST_LOG, col: 0, rows: LOG_ROWS, cols: 1 }]);
      const percent = meta!.formats.filter((f) => f.pattern === '0.0%');
      for (const [row, col, want] of [
        [FIRST_LOG, SUMMARY + 5, true],
        [FIRST_LOG + LOG_ROWS - 1, SUMMARY + 6, true],
        [FIRST_LOG + LOG_ROWS, SUMMARY + 5, false],
        [LOG_HEADER, SUMMARY + 5, false],
        [FIRST_LOG, SUMMARY + 4, false],
        [FIRST_LOG, SUMMARY + 7, false],
      ] as const)
        expect(
          percent.some((f) => f.ranges.some((r) => inside(r, row, col))),
          `${row},${col}`,
        ).toBe(want);
      const bold = (row: number, col: number) => meta!.bold.some((r) => inside(r, row, col));
      for (const [row, col] of [
        [0, 0],
        [3, 0],
        [4, 0],
        [4, 4],
        [DECISION_ROW, 0],
        [DECISION_ROW, 1],
        [LOG_HEADER - 1, 0],
        [LOG_HEADER - 1, 4],
        [LOG_HEADER, 0],
        [LOG_HEADER, SUMMARY + 6],
      ] as const)
        expect(bold(row, col), `bold ${row},${col}`).toBe(true);
      for (const [row, col] of [
        [1, 0],
        [FIRST_CRITERION, 0],
        [DECISION_ROW, 2],
        [LOG_HEADER - 1, 5],
        [LOG_HEADER, SUMMARY + 7],
        [FIRST_LOG, 0],
      ] as const)
        expect(bold(row, col), `not bold ${row},${col}`).toBe(false);
    });
  }

  it('native style over a tall mapped sheet: a summary row per sheet row, all inside the tab', () => {
    const sheet: WorkbookSheet = {
      name: 'Ad costs',
      headers: ['Cost', 'Source', 'Booked', 'Show', 'Qual'],
      dataRows: 1500,
      rows: 3000,
      cols: 26,
    };
    const s = settings('native', {
      channels: adCostsChannels(),
    });
    const [plan] = buildPlans({ settings: s, sheets: [sheet] });
    const rows = 1600;
    expect(plan!.rows).toBeGreaterThanOrEqual(FIRST_LOG + rows);
    for (const b of plan!.blocks) expect(b.row + b.cells.length).toBeLessThanOrEqual(plan!.rows);
    const names = plan!.blocks.find((b) => b.row === FIRST_LOG && b.col === SUMMARY)!;
    expect(names.cells).toHaveLength(rows);
    // Each row names the channel on its own sheet row: the first reads B2, the last B1601.
    expect(JSON.stringify(names.cells[0]![0])).toContain('B2)');
    expect(JSON.stringify(names.cells[rows - 1]![0])).toContain('B1601)');
    const percent = plan!.formats.find((f) => f.pattern === '0.0%')!;
    expect(percent.ranges).toEqual([{ row: FIRST_LOG, col: SUMMARY + 5, rows, cols: 2 }]);
  });
});

describe('a meeting log the user already has', () => {
  /** Channel in column B, outcome in column D; spellings as a CRM export has them. */
  const LOGGED: Input[][] = [
    ['When', 'Lead source', 'Rep', 'Result'],
    [46_027, 'Events', 'a', 'Qualified'],
    [46_028, ' Outbound ', 'a', 'No show'],
    [46_029, 'events', 'a', 'Not qualified – role'],
    [46_030, '', 'a', 'Qualified'],
    [46_031, 42, 'a', 'Qualified'],
    [46_032, 'Outbound', 'a', 'Qualified'],
    [46_033, 'Partners', 'a', 'Rescheduled – pending'],
  ];
  const withLog = (style: FormulaStyle) =>
    settings(style, {
      meetingLog: {
        sheet: 'Calls',
        columns: { channel: 'Lead source', outcome: 'Result', date: '' },
      },
    });

  for (const style of ['addon', 'native'] as const) {
    it(`${style}: channels read as trimmed text, case kept, the same rows in both styles`, () => {
      // " Outbound " is Outbound; "events" is not Events; 42 is "42"; TRUE is "TRUE".
      const logged = [...LOGGED.map((r) => [...r]), [46_034, true, 'a', 'No show']];
      const wb = build(withLog(style), { Calls: logged });
      const rows = summary(wb);
      expect([...rows.keys()]).toEqual([
        'Events',
        'Outbound',
        'events',
        '(blank)',
        '42',
        'Partners',
        'TRUE',
      ]);
      const one = (o: Partial<Tally>): Tally => ({
        booked: 0,
        held: 0,
        noShows: 0,
        qualified: 0,
        ...o,
      });
      checkRow(rows.get('Events'), one({ booked: 1, held: 1, qualified: 1 }), style, 'Events');
      checkRow(
        rows.get('Outbound'),
        one({ booked: 2, held: 1, noShows: 1, qualified: 1 }),
        style,
        'O',
      );
      checkRow(rows.get('events'), one({ booked: 1, held: 1 }), style, 'events');
      checkRow(rows.get('(blank)'), one({ booked: 1, held: 1, qualified: 1 }), style, 'blank');
      checkRow(rows.get('42'), one({ booked: 1, held: 1, qualified: 1 }), style, '42');
      checkRow(rows.get('Partners'), one({}), style, 'Partners');
      checkRow(rows.get('TRUE'), one({ booked: 1, noShows: 1 }), style, 'TRUE');
      // Meetings logged later count in the rows there are.
      wb.setCell('Calls', logged.length, 1, ' Partners');
      wb.setCell('Calls', logged.length, 3, 'No show');
      checkRow(
        summary(wb).get('Partners'),
        one({ booked: 1, noShows: 1 }),
        style,
        'Partners after',
      );
      // The log is read where it is: the tab's own columns say so and hold no log.
      const header = cells(wb, LOG_HEADER, 0).slice(0, 3).map(text);
      expect(header[0]).toContain('"Calls"');
      expect(header[1]).toMatch(/\bB$/);
      expect(header[2]).toMatch(/\bD$/);
      expect(blank(wb.value(TAB, FIRST_LOG, 1))).toBe(true);
    });
  }

  it('no dropdown or date format on a log the tab does not hold; the builder needs the log', () => {
    const sheet: WorkbookSheet = {
      name: 'Calls',
      headers: LOGGED[0] as string[],
      dataRows: LOGGED.length - 1,
      rows: 1000,
      cols: 26,
    };
    for (const style of ['addon', 'native'] as const) {
      const [plan] = buildPlans({ settings: withLog(style), sheets: [sheet] });
      expect(plan!.validations.map((v) => v.values.join())).toEqual([
        REQUIRED_LABELS.join(),
        STATUS_LABELS.join(),
      ]);
      expect(plan!.formats.map((f) => f.pattern)).toEqual(['0.0%']);
      // Without the sheet's cells to read (a preview elsewhere), no native row is listed.
      const rows = plan!.blocks.filter((b) => b.row === FIRST_LOG && b.col === SUMMARY);
      expect(rows.every((b) => b.cells.length === 0)).toBe(true);
    }
    const s = withLog('native');
    expect(() => buildPlans({ settings: s, sheets: [] })).toThrow(/"Calls"/);
    const noResult = { ...sheet, headers: ['When', 'Lead source', 'Rep'] };
    expect(() => buildPlans({ settings: s, sheets: [noResult] })).toThrow(/"Result"/);
    const noSource = { ...sheet, headers: ['When', 'Source', 'Rep', 'Result'] };
    expect(() => buildPlans({ settings: s, sheets: [noSource] })).toThrow(/"Lead source"/);
  });
});
