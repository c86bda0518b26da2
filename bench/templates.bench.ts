/**
 * Templates: spreadsheet calls to write each one through the Apps Script
 * workbook (recording fake of SpreadsheetApp), the cells that call a Funnel
 * Math function (in Sheets each is a server call of its own), and how long
 * building its plan and writing it into the in-memory workbook take.
 */
import type { ReadReply } from '../src/addon/api';
import { bindCalls } from '../src/addon/calls';
import { memoryHost } from '../src/addon/memory-host';
import { wizardSync } from '../src/addon/planner';
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
function userSheets(channels: number, spendRows = 360): Record<string, Input[][]> {
  const ads: Input[][] = [['Day', 'Channel', 'Cost']];
  const crm: Input[][] = [['Meeting date', 'Source', 'Meeting outcome']];
  for (let k = 0; k < spendRows; k++)
    ads.push([46_027 + (k % 90), `Channel ${(k % channels) + 1}`, 100 + (k % 70)]);
  for (let k = 0; k < 240; k++) {
    crm.push([
      46_027 + ((k * 7) % 90),
      `Channel ${(k % channels) + 1}`,
      k % 3 === 0 ? 'Qualified' : 'No show',
    ]);
  }
  // Contacts reach each stage a week after the one before, fewer at each; every third customer has a won deal.
  const contacts: Input[][] = [['Record ID', 'Original Source', ...CONTACT_STAGES]];
  const deals: Input[][] = [['Source', 'Amount', 'Create Date', 'Close Date', 'Deal Stage']];
  for (let k = 0; k < 240; k++) {
    const reached = 1 + (k % CONTACT_STAGES.length);
    const first = 46_027 + (k % 60);
    const days = CONTACT_STAGES.map((_, s) => (s < reached ? first + 7 * s : ''));
    contacts.push([k + 1, `Channel ${(k % channels) + 1}`, ...days]);
    if (reached === CONTACT_STAGES.length && k % 3 === 0) {
      deals.push([`Channel ${(k % channels) + 1}`, 12_000, first + 14, first + 35, 'closedwon']);
    }
  }
  return {
    Data: DATA,
    'Ads export': ads,
    'CRM meetings': crm,
    Contacts: contacts,
    Deals: deals,
  };
}

const CONTACT_STAGES = [
  'Create Date',
  'Became a Lead Date',
  'Became an Opportunity Date',
  'Became a Customer Date',
];

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
    deals: {
      sheet: 'Deals',
      columns: {
        channel: 'Source',
        amount: 'Amount',
        created: 'Create Date',
        closed: 'Close Date',
        status: 'Deal Stage',
        currency: '',
      },
    },
  };
  s.funnel = {
    contacts: { sheet: 'Contacts', channel: 'Original Source', stages: [...CONTACT_STAGES] },
    view: 'activity',
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
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

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
      // The Full funnel is made with add-on functions only (the wizard says why).
      if (template === 'fullFunnel' && style === 'native') continue;
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
  lines.push('', ...crossing());
  return lines.join('\n');
}

/**
 * What crosses between the server and the sidebar for a Channel report from
 * raw data (the server reads, the sidebar checks and builds, the server
 * writes): the JSON of each call, as google.script.run carries it, and how
 * long the sidebar's checking and building takes here.
 */
function crossing(): string[] {
  const lines = [
    'What crosses between the server and the sidebar when the Channel report is made from raw data (30 channels, by month, native formulas; 240 meetings), for exports of growing length: the JSON of the server reading the sidebar asks for (the tabs, their header rows and the columns the settings name, dates as days) and of the plans Create sends back, and the median time of the sidebar’s part (checking the settings and building the plans from the reading, run here in Node).',
    '',
    '| spend rows | reading sent to the sidebar | plans sent to the server | checking and building (ms) |',
    '|---:|---:|---:|---:|',
  ];
  const settings: Settings = {
    ...variant(30, 4),
    formulaStyle: 'native',
    templates: ['channelReport'],
  };
  for (const rows of [360, 5_000, 30_000]) {
    const host = memoryHost(MemoryWorkbook.fromSheets(userSheets(30, rows)));
    const server = bindCalls(() => host);
    let last: ReadReply | undefined;
    let sent = 0;
    // Once from the server; then, for the timing, the same reading again without the server's part.
    let replay = false;
    const wizard = wizardSync({
      readWorkbook: (request) => {
        if (!replay || !last) last = server.readWorkbook(request);
        return last;
      },
      writeTemplates: (request) => {
        sent = JSON.stringify(request).length;
        return { ok: true, value: { tabs: [] } };
      },
    });
    const created = wizard.createTemplates(settings);
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    replay = true;
    const building = timeIt(5, () => wizard.previewTemplates(settings));
    lines.push(
      `| ${rows.toLocaleString('en-GB')} | ${kb(JSON.stringify(last).length)} | ${kb(sent)} | ${ms(building)} |`,
    );
  }
  return lines;
}
