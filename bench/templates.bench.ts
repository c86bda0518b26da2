/**
 * Templates: spreadsheet calls to write each one through the Apps Script
 * workbook (recording fake of SpreadsheetApp), the cells that call a Funnel
 * Math function (in Sheets each is a server call of its own), and how long
 * building its plan and writing it into the in-memory workbook take.
 */
import type { Settings, TemplateId } from '../src/addon/settings';
import { defaultSettings, TEMPLATE_IDS, TEMPLATE_TITLES } from '../src/addon/settings';
import { buildPlans } from '../src/addon/templates';
import { parseSettings } from '../src/addon/validate';
import { CATALOGUE } from '../src/metrics/catalogue';
import { AppsScriptWorkbook } from '../src/workbook/apps-script';
import { type Input, MemoryWorkbook } from '../src/workbook/memory';
import type { WorkbookSheet } from '../src/workbook/workbook';
import { writePlans } from '../src/workbook/write';
import { fakeSpreadsheet } from '../test/fakes/spreadsheet';

const DATA = [
  ['Channel', 'Cost', 'Booked', 'Show', 'Qual'],
  ['Outbound', 950, 10, 1, 0.7],
  ['Paid social', 1000, 10, 0.8, 0.6],
  ['Events', 4000, 12, 0.9, 0.75],
];

/** The user's sheets: a channel table, and raw ads and meetings with `channels` channels over three months. */
function userSheets(channels: number): Record<string, Input[][]> {
  const ads: Input[][] = [['Day', 'Channel', 'Cost']];
  const crm: Input[][] = [['Meeting date', 'Source', 'Meeting outcome']];
  for (let k = 0; k < 360; k++)
    ads.push([46_027 + (k % 90), `Channel ${(k % channels) + 1}`, 100 + (k % 70)]);
  for (let k = 0; k < 240; k++) {
    crm.push([
      46_027 + ((k * 7) % 90),
      `Channel ${(k % channels) + 1}`,
      k % 3 === 0 ? 'Qualified' : 'No show',
    ]);
  }
  return { Data: DATA, 'Ads export': ads, 'CRM meetings': crm };
}

/** The same sheets as the recording fake holds them. */
function fakeSheets(sheets: Record<string, Input[][]>) {
  return Object.entries(sheets).map(([name, rows]) => ({
    name,
    headers: rows[0]!.map(String),
    values: rows.slice(1),
  }));
}

function variant(channels: number, stages: number): Settings {
  const s = defaultSettings();
  s.channels = {
    mode: 'typed',
    rows: Array.from({ length: channels }, (_, k) => ({
      name: `Channel ${k + 1}`,
      spend: 500 + 100 * k,
      meetings: 5 + (k % 7),
      showRate: 0.8,
      qualRate: 0.6,
    })),
  };
  s.stages = Array.from({ length: stages }, (_, k) => ({
    name: `Stage ${k + 1}`,
    rate: k === stages - 1 ? null : 0.4,
  }));
  s.meetingStage = 'Stage 2';
  s.raw = {
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
    period: 'month',
  };
  return s;
}

/** Channels in the settings' typed table: the raw sheets get as many. */
const channelsOf = (s: Settings) => (s.channels.mode === 'typed' ? s.channels.rows.length : 3);

function parsed(settings: Settings, template: TemplateId, sheets: WorkbookSheet[]): Settings {
  const result = parseSettings({ ...settings, templates: [template] }, sheets);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function calls(template: TemplateId, settings: Settings): number {
  const fake = fakeSpreadsheet(fakeSheets(userSheets(channelsOf(settings))));
  (globalThis as Record<string, unknown>).SpreadsheetApp = fake.app;
  const workbook = new AppsScriptWorkbook(fake.spreadsheet);
  const sheets = workbook.sheets();
  const read = (sheet: string, col: number) => workbook.columnValues(sheet, col);
  const plans = buildPlans({ settings: parsed(settings, template, sheets), sheets, read });
  const before = fake.rec.calls.length;
  writePlans(workbook, plans);
  return fake.rec.calls.length - before;
}

/** A call of any catalogue function in a formula. */
const CATALOGUE_CALL = new RegExp(
  `(?<![A-Za-z0-9_.])(${CATALOGUE.map((f) => f.name).join('|')})\\(`,
);

/** Cells of the template's tab whose formula calls a Funnel Math function, built in memory. */
function customFunctionCells(template: TemplateId, settings: Settings): number {
  const wb = MemoryWorkbook.fromSheets(userSheets(channelsOf(settings)));
  const sheets = wb.sheets();
  const read = (sheet: string, col: number) => wb.columnValues(sheet, col);
  const {
    tabs: [name],
  } = writePlans(wb, buildPlans({ settings: parsed(settings, template, sheets), sheets, read }));
  const snap = wb.snapshot().find((s) => s.name === name)!;
  return snap.formulas
    .flat()
    .filter((f) => typeof f === 'string' && f.startsWith('=') && CATALOGUE_CALL.test(f)).length;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeIt(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const ms = (t: number) => (t < 1 ? t.toFixed(3) : t.toFixed(1));

export default async function templatesBench(): Promise<string> {
  const small = variant(3, 4);
  const large = variant(30, 12);
  const lines = [
    '## Templates',
    '',
    'The Channel report reads raw sheets with as many channels as the typed table (360 spend rows, 240 meetings, by month). Spreadsheet calls to write one template through the Apps Script workbook (counted on a recording fake of SpreadsheetApp; every method call on any object counts), the cells of its tab that call a Funnel Math function (in Sheets each such cell is a server call of its own every time it recalculates), and median times on the in-memory workbook.',
    '',
    '| template | style | calls, 3 channels / 4 stages | calls, 30 channels / 12 stages | custom-function cells, 3 / 4 | custom-function cells, 30 / 12 | build plan, 30 / 12 (ms) | build + write + evaluate in memory, 30 / 12 (ms) |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const template of TEMPLATE_IDS) {
    for (const style of ['addon', 'native'] as const) {
      const s = { ...small, formulaStyle: style };
      const l = { ...large, formulaStyle: style };
      const data = userSheets(30);
      const source = MemoryWorkbook.fromSheets(data);
      const sheets = source.sheets();
      const settings = parsed(l, template, sheets);
      const read = (sheet: string, col: number) => source.columnValues(sheet, col);
      const build = timeIt(50, () => buildPlans({ settings, sheets, read }));
      const write = timeIt(5, () => {
        const wb = MemoryWorkbook.fromSheets(data);
        writePlans(wb, buildPlans({ settings, sheets, read: (sh, c) => wb.columnValues(sh, c) }));
        wb.snapshot();
      });
      lines.push(
        `| ${TEMPLATE_TITLES[template]} | ${style} | ${calls(template, s)} | ${calls(template, l)} | ${customFunctionCells(template, s)} | ${customFunctionCells(template, l)} | ${ms(build)} | ${ms(write)} |`,
      );
    }
  }
  delete (globalThis as Record<string, unknown>).SpreadsheetApp;
  return lines.join('\n');
}
