/**
 * The Definitions tab under settings unlike the defaults: its sections in
 * place with their headings in bold, every stage's rate as a percentage, the
 * chosen meeting stage marked, the example checklist's Required? column,
 * where each source field comes from (typed, mapped, raw tables, a meeting
 * log), the attribution window, the currency and the formula style. Read
 * from the plan the tab is written from; no formula is involved. Also the
 * preview, which names every template by its id.
 */
import { describe, expect, it } from 'vitest';
import { memoryHost } from '../../src/addon/memory-host';
import { defaultSettings, type Settings, TEMPLATE_IDS } from '../../src/addon/settings';
import { buildPlans } from '../../src/addon/templates';
import { call } from '../../src/addon/templates/formulas';
import { MemoryWorkbook } from '../../src/workbook/memory';
import type { PlanCell } from '../../src/workbook/plan';
import { wizardOn } from '../fakes/sidebar-calls';
import { settingsWith } from './helpers';

const STAGES: Settings['stages'] = [
  { name: 'Impression', rate: 0.015 },
  { name: 'Click', rate: 0.125 },
  { name: 'Discovery call', rate: 0.6 },
  { name: 'Proposal', rate: 0.35 },
  { name: 'Won', rate: null },
];

const METRICS = 9;
const REPORT_METRICS = 2;
const CRITERIA = 8;

const MAPPED: Settings['channels'] = {
  mode: 'mapped',
  sheet: 'Ad costs',
  columns: {
    name: 'Source',
    spend: 'Cost (USD)',
    meetings: 'Booked',
    showRate: 'Attended %',
    qualRate: 'Qualified %',
  },
};

const RAW: NonNullable<Settings['raw']> = {
  spend: [
    {
      sheet: 'Ads export',
      columns: { channel: 'Network', spend: 'Amount', date: 'Day' },
      fixedChannel: '',
    },
  ],
  meetings: {
    sheet: 'CRM',
    columns: { channel: 'Lead source', outcome: 'Result', date: 'Held on' },
  },
  period: 'quarter',
};

function settings(patch: Partial<Settings> = {}): Settings {
  return settingsWith({
    templates: ['definitions'],
    stages: STAGES.map((s) => ({ ...s })),
    meetingStage: 'Discovery call',
    economics: { ...defaultSettings().economics, currency: 'NOK' },
    attributionWindow: '45 days after the first ad click',
    ...patch,
  });
}

function plan(s: Settings) {
  const [p] = buildPlans({ settings: s, sheets: [] });
  expect(p!.blocks).toHaveLength(1);
  const block = p!.blocks[0]!;
  expect([block.row, block.col]).toEqual([0, 0]);
  return { rows: block.cells, bold: p!.bold, summary: p!.summary.join(' ') };
}

const text = (v: PlanCell | undefined) => (typeof v === 'string' ? v : '');
const blankRow = (row: PlanCell[] | undefined) => (row ?? [0]).every((v) => v === null || v === '');
const full = (row: PlanCell[] | undefined, n = 3) =>
  (row ?? []).length >= n && (row ?? []).slice(0, n).every((v) => text(v).trim() !== '');

/** Where each section starts, worked out from how many rows each holds. */
function layout(stages: number, reportMetrics: number) {
  const metrics = 3;
  const stagesAt = metrics + 1 + METRICS + reportMetrics + 1;
  const criteriaAt = stagesAt + 1 + stages + 1;
  const sourcesAt = criteriaAt + 1 + CRITERIA + 1 + 1;
  return { metrics, stagesAt, criteriaAt, sourcesAt };
}

describe('Definitions tab', () => {
  it('typed channels: the sections in place, their headings bold and nothing else', () => {
    const { rows, bold } = plan(settings());
    const at = layout(STAGES.length, 0);
    expect(full(rows[0], 1)).toBe(true);
    expect(full(rows[1], 1)).toBe(true);
    expect(blankRow(rows[2])).toBe(true);
    expect(full(rows[at.metrics])).toBe(true);
    for (let k = 1; k <= METRICS; k++) expect(full(rows[at.metrics + k]), `metric ${k}`).toBe(true);
    expect(blankRow(rows[at.stagesAt - 1])).toBe(true);
    expect(full(rows[at.stagesAt], 2)).toBe(true);
    expect(blankRow(rows[at.criteriaAt - 1])).toBe(true);
    expect(full(rows[at.criteriaAt])).toBe(true);
    expect(blankRow(rows[at.sourcesAt - 1])).toBe(true);
    expect(full(rows[at.sourcesAt], 2)).toBe(true);
    expect(bold).toEqual(
      [0, at.metrics, at.stagesAt, at.criteriaAt, at.sourcesAt].map((row) => ({
        row,
        col: 0,
        rows: 1,
        cols: 3,
      })),
    );
    // Five source fields, then the attribution window, the currency and the formula style.
    expect(rows).toHaveLength(at.sourcesAt + 1 + 5 + 3);
  });

  it('every stage with its rate as a percentage; only the meeting stage is marked', () => {
    for (const meetingStage of ['Click', 'Discovery call', 'Proposal']) {
      const { rows } = plan(settings({ meetingStage }));
      const { stagesAt } = layout(STAGES.length, 0);
      STAGES.forEach((stage, k) => {
        const row = rows[stagesAt + 1 + k]!;
        expect(row[0]).toBe(stage.name);
        if (stage.rate === null) {
          expect(full(row, 2)).toBe(true);
          expect(text(row[1])).not.toMatch(/\d|%/);
        } else {
          expect(row[1]).toBe(`${['1.5', '12.5', '60', '35'][k]}%`);
        }
        expect(text(row[2]) !== '', `${stage.name} marked`).toBe(stage.name === meetingStage);
      });
    }
  });

  it('the example checklist: criterion, Required? and the question, then the qualified meeting', () => {
    const { rows } = plan(settings());
    const { criteriaAt } = layout(STAGES.length, 0);
    const required = rows.slice(criteriaAt + 1, criteriaAt + 1 + CRITERIA).map((r) => r[1]);
    expect(required).toEqual([...Array(6).fill('Required'), 'Optional', 'Optional']);
    for (let k = 1; k <= CRITERIA + 1; k++) {
      const row = rows[criteriaAt + k]!;
      expect(text(row[0]) !== '' && text(row[2]) !== '', `criterion row ${k}`).toBe(true);
    }
    // The question, not the Required? label, is in the third column.
    expect(rows[criteriaAt + 1]![2]).toMatch(/\?$/);
    expect(text(rows[criteriaAt + CRITERIA + 1]![1])).toBe('');
  });

  it('typed channels: each field says it was typed in; the closing rows give the settings', () => {
    const s = settings();
    const { rows } = plan(s);
    const { sourcesAt } = layout(STAGES.length, 0);
    const fields = rows.slice(sourcesAt + 1, sourcesAt + 6);
    expect(fields.every((r) => full(r, 2) && text(r[2]) === '')).toBe(true);
    expect(new Set(fields.map((r) => r[1])).size).toBe(1);
    expect(new Set(fields.map((r) => r[0])).size).toBe(5);
    for (const r of fields) expect(text(r[0])[0]).toMatch(/[A-Z]/);
    const [window, currency, style] = rows.slice(-3);
    expect(window![1]).toBe('45 days after the first ad click');
    expect(full(window)).toBe(true);
    expect(currency!.slice(0, 2)).toEqual([expect.any(String), 'NOK']);
    expect(text(currency![2])).toBe('');
    expect(text(style![2])).toBe('');
    const native = plan(settings({ formulaStyle: 'native' })).rows.at(-1)!;
    expect(full(native, 2) && full(style, 2)).toBe(true);
    expect(native[1]).not.toBe(style![1]);
    expect(native[0]).toBe(style![0]);
    expect(text(native[1])).toMatch(/native/i);
    expect(text(style![1])).toMatch(/add-on/i);
  });

  it('an unset attribution window still says something, in the tab and the preview', () => {
    const set = plan(settings());
    const unset = plan(settings({ attributionWindow: '' }));
    const window = unset.rows.at(-3)!;
    expect(full(window)).toBe(true);
    expect(window[1]).not.toBe('45 days after the first ad click');
    expect(set.summary).toContain('45 days after the first ad click');
    expect(unset.summary).toMatch(/: \S/);
  });

  it('mapped channels: each field names the sheet and its own column', () => {
    const { rows, summary } = plan(settings({ channels: MAPPED }));
    const { sourcesAt } = layout(STAGES.length, 0);
    const fields = rows.slice(sourcesAt + 1, sourcesAt + 6);
    const headers = ['Source', 'Cost (USD)', 'Booked', 'Attended %', 'Qualified %'];
    fields.forEach((r, k) => {
      expect(text(r[1])).toContain('"Ad costs"');
      expect(text(r[1])).toContain(`"${headers[k]}"`);
      expect(text(r[2])).toBe('');
    });
    expect(summary).toContain('"Ad costs"');
    expect(plan(settings()).summary).not.toContain('"');
  });

  it('raw tables: the report metrics, each raw column, the period; a meeting log too', () => {
    const s = settings({
      raw: RAW,
      meetingLog: {
        sheet: 'Call log',
        columns: { channel: 'Channel', outcome: 'Outcome', date: '' },
      },
    });
    const { rows, bold } = plan(s);
    const at = layout(STAGES.length, REPORT_METRICS);
    for (let k = 1; k <= METRICS + REPORT_METRICS; k++)
      expect(full(rows[at.metrics + k]), `metric ${k}`).toBe(true);
    expect(bold.map((b) => b.row)).toEqual([
      0,
      at.metrics,
      at.stagesAt,
      at.criteriaAt,
      at.sourcesAt,
    ]);
    const after = rows.slice(at.sourcesAt + 6);
    const raw = [
      ['Ads export', 'Network'],
      ['Ads export', 'Amount'],
      ['Ads export', 'Day'],
      ['CRM', 'Lead source'],
      ['CRM', 'Result'],
      ['CRM', 'Held on'],
    ];
    raw.forEach(([sheet, header], k) => {
      expect(full(after[k], 2), `raw field ${k}`).toBe(true);
      expect(text(after[k]![1])).toContain(`"${sheet}"`);
      expect(text(after[k]![1])).toContain(`"${header}"`);
    });
    const period = after[6]!;
    expect(text(period[1])).toBe('Quarter');
    expect(text(period[2])).toContain('quarter');
    // The meeting log's date column is left out: two rows, channel and outcome.
    expect(text(after[7]![1])).toContain('"Call log"');
    expect(text(after[7]![1])).toContain('"Channel"');
    expect(text(after[8]![1])).toContain('"Outcome"');
    expect(after).toHaveLength(9 + 3);

    // Without a period: no date rows, and the period row explains nothing more.
    const flat = plan(
      settings({
        raw: {
          ...RAW,
          spend: RAW.spend.map((ads) => ({ ...ads, columns: { ...ads.columns, date: '' } })),
          meetings: { ...RAW.meetings, columns: { ...RAW.meetings.columns, date: '' } },
          period: null,
        },
      }),
    ).rows;
    const flatAfter = flat.slice(at.sourcesAt + 6);
    expect(flatAfter).toHaveLength(4 + 1 + 3);
    expect(full(flatAfter[4], 2)).toBe(true);
    expect(text(flatAfter[4]![1])).not.toBe('None');
    expect(text(flatAfter[4]![2])).toBe('');
  });

  it('the preview counts the metrics and criteria the tab lists', () => {
    const { summary } = plan(settings());
    expect(summary).toMatch(new RegExp(`\\b${METRICS}\\b`));
    expect(summary).toMatch(new RegExp(`\\b${CRITERIA}\\b`));
  });
});

describe('the preview', () => {
  it('names each template by its id, in the order of the tabs', () => {
    const wb = MemoryWorkbook.fromSheets({
      'Ads export': [
        ['Day', 'Network', 'Amount'],
        [46_027, 'Search', 100],
      ],
      CRM: [
        ['Held on', 'Lead source', 'Result'],
        [46_028, 'Search', 'Qualified'],
      ],
    });
    const s = settingsWith({
      templates: [
        'definitions',
        'channelReport',
        'meetingOutcomes',
        'channelComparison',
        'funnelPlan',
      ],
      raw: RAW,
    });
    const preview = wizardOn(memoryHost(wb)).previewTemplates(s);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    // Every template but the Full funnel, which needs CRM exports this workbook does not have.
    expect(preview.value.map((p) => p.template)).toEqual(
      TEMPLATE_IDS.filter((t) => t !== 'fullFunnel'),
    );
    for (const item of preview.value) expect(item.lines.every((l) => l.trim() !== '')).toBe(true);
  });
});

describe('formula text for catalogue functions', () => {
  it('add-on calls drop trailing references left out, and leave the caller’s list alone', () => {
    const refs = ['B5', 'C5', undefined, undefined];
    expect(call('addon', 'CPQM', refs)).toBe('=CPQM(B5,C5)');
    expect(refs).toEqual(['B5', 'C5', undefined, undefined]);
    expect(call('addon', 'CPQM', ['B5', undefined, 'D5'])).toBe('=CPQM(B5,,D5)');
    expect(call('addon', 'CPQM', [undefined, undefined])).toBe('=CPQM()');
    expect(call('addon', 'CPQM', [])).toBe('=CPQM()');
  });

  it('refuses a name outside the catalogue, and a native form a function does not have', () => {
    expect(() => call('addon', 'NOT_A_FUNCTION', ['A1'])).toThrow(/NOT_A_FUNCTION/);
    expect(() => call('native', 'NOT_A_FUNCTION', ['A1'])).toThrow(/NOT_A_FUNCTION/);
    expect(() => call('native', 'SQM_DECISION', ['A1', 'B1', 'C1'])).toThrow(/SQM_DECISION/);
    expect(call('addon', 'SQM_DECISION', ['A1', 'B1', 'C1'])).toBe('=SQM_DECISION(A1,B1,C1)');
  });
});

describe('the mapping table on the Definitions tab', () => {
  const MAPPING: Settings['mapping'] = [
    { field: 'channel', value: 'Brand*', means: 'Paid Search' },
    { field: 'outcome', value: 'Canceled', means: 'Ignore' },
  ];
  const raw: NonNullable<Settings['raw']> = {
    spend: [
      {
        sheet: 'Ads export',
        columns: { channel: 'Network', spend: 'Amount', date: '' },
        fixedChannel: '',
      },
    ],
    meetings: { sheet: 'CRM', columns: { channel: 'Lead source', outcome: 'Result', date: '' } },
    period: null,
  };

  it('is written beside the sections, header first, when a chosen template reads it; the tab comes first', () => {
    const s = settings({ templates: ['channelReport'], mapping: MAPPING, raw });
    const wb = MemoryWorkbook.fromSheets({
      'Ads export': [['Network', 'Amount']],
      CRM: [['Lead source', 'Result']],
    });
    const plans = buildPlans({ settings: s, sheets: wb.sheets() });
    expect(plans.map((p) => p.template)).toEqual(['definitions', 'channelReport']);
    const table = plans[0]!.blocks.find((b) => b.col === 4)!;
    expect(table.cells.slice(1)).toEqual([
      ['Field', 'Value', 'Means'],
      ['channel', 'Brand*', 'Paid Search'],
      ['outcome', 'Canceled', 'Ignore'],
    ]);
    // Nothing reads it: no table, and the Definitions tab keeps its place.
    const alone = buildPlans({ settings: settings({ mapping: MAPPING }), sheets: [] });
    expect(alone[0]!.blocks).toHaveLength(1);
  });

  it('states the attribution window as agreed, not as applied by any formula', () => {
    const { rows } = plan(settings());
    const window = rows.find((r) => text(r[1]) === '45 days after the first ad click')!;
    expect(text(window[0])).toMatch(/not applied/);
    expect(text(window[2])).toMatch(/No formula on these tabs applies it/);
  });
});
