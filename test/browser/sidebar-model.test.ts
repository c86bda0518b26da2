/**
 * The wizard's draft ↔ Settings conversion, header matching and step order,
 * without a browser; then `patch`, the wizard's one way of changing the page,
 * in Chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultSettings,
  rawDataReaders,
  rawDataUsers,
  type Settings,
} from '../../src/addon/settings';
import { parseSettings } from '../../src/addon/validate';
import {
  CRM_HEADERS,
  DEALS_SHEET,
  GOOGLE_ADS_HEADERS,
  GOOGLE_ADS_SHEET,
  LINKEDIN_SHEET,
} from '../../src/playground/raw-sample';
import { BUDGET_ROWS, sampleSheets } from '../../src/playground/sample';
import {
  fromSettings,
  parseNumber,
  percent,
  suggestedDeals,
  toSettings,
} from '../../src/sidebar/model';
import { PREVIEW, STEPS, stepOf } from '../../src/sidebar/state';
import {
  bestSheet,
  CHANNEL_TABLE,
  MEETING_TABLE,
  normalise,
  SPEND_TABLE,
  suggestTable,
} from '../../src/workbook/export-headers';

const suggestColumns = (headers: readonly string[]) => suggestTable(headers, CHANNEL_TABLE).columns;

import { launchBrowser } from './harness';

describe('the wizard draft', () => {
  it('gives the defaults back unchanged when nothing is edited', () => {
    const { settings, errors } = toSettings(fromSettings(defaultSettings(), []));
    expect(errors).toEqual([]);
    expect(settings).toEqual(defaultSettings());
  });

  it('shows rates as percent without float noise and reads them back as fractions', () => {
    expect(percent(0.07)).toBe('7');
    expect(percent(0.035)).toBe('3.5');
    expect(percent(null)).toBe('');
    const draft = fromSettings(defaultSettings(), []);
    draft.stages[1]!.rate = '7';
    draft.economics.closeRate = '12.5%';
    const { settings } = toSettings(draft);
    expect(settings.stages[1]!.rate).toBe(0.07);
    expect(settings.economics.closeRate).toBe(0.125);
  });

  it('passes a rate of 140% on as 1.4 for the server to refuse, and flags text that is no number', () => {
    const draft = fromSettings(defaultSettings(), []);
    draft.stages[2]!.rate = '140';
    draft.economics.dealSize = 'lots';
    draft.economics.budget = '';
    const { settings, errors } = toSettings(draft);
    expect(settings.stages[2]!.rate).toBe(1.4);
    expect(errors.map((e) => e.field)).toEqual(['economics.dealSize', 'economics.budget']);
    expect(errors[0]!.message).toContain('lots');
  });

  it('keeps the meeting stage through renames and moves', () => {
    const draft = fromSettings(defaultSettings(), []);
    const sqm = draft.stages.findIndex((s) => s.name === 'SQM');
    draft.stages[sqm]!.name = 'Qualified meeting';
    const [moved] = draft.stages.splice(sqm, 1);
    draft.stages.splice(1, 0, moved!);
    const { settings } = toSettings(draft);
    expect(settings.meetingStage).toBe('Qualified meeting');
    expect(settings.stages.at(-1)!.rate).toBeNull();
  });

  it('reads numbers as people type them', () => {
    expect(parseNumber('1,200')).toBe(1200);
    expect(parseNumber(' 35% ')).toBe(35);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('£1200')).toBeNaN();
    expect(parseNumber('1.2.3')).toBeNaN();
  });
});

describe('matching channel fields to headers', () => {
  it('finds every field in the sample budget sheet', () => {
    expect(suggestColumns(BUDGET_ROWS[0] as string[])).toEqual({
      name: 'Channel',
      spend: 'Spend',
      meetings: 'Meetings',
      showRate: 'Show rate',
      qualRate: 'Qual %',
    });
  });

  it('does not let "Meetings" take a "Meeting show rate" column, and leaves unknown fields open', () => {
    expect(suggestColumns(['Source', 'Cost', 'Meeting show rate', 'Booked meetings'])).toEqual({
      name: 'Source',
      spend: 'Cost',
      meetings: 'Booked meetings',
      showRate: 'Meeting show rate',
      qualRate: '',
    });
  });

  it('picks the sheet whose headers match the most fields', () => {
    const sheets = [
      { name: 'Meeting log', headers: ['Date', 'Channel', 'Outcome'], dataRows: 10 },
      { name: 'Budget', headers: BUDGET_ROWS[0] as string[], dataRows: 4 },
    ];
    expect(bestSheet(sheets, CHANNEL_TABLE)?.sheet.name).toBe('Budget');
    expect(bestSheet([], CHANNEL_TABLE)).toBeUndefined();
  });
});

/** The sample workbook's sheets as the wizard is told about them. */
function sampleInfo() {
  return Object.entries(sampleSheets()).map(([name, rows]) => ({
    name,
    headers: (rows[0] ?? []).map(String),
    dataRows: rows.length - 1,
  }));
}

describe('the raw data and the meeting log in the draft', () => {
  const reportSettings = (): Settings => ({
    ...defaultSettings(),
    templates: ['channelReport', 'meetingOutcomes'],
    raw: {
      spend: [
        {
          sheet: GOOGLE_ADS_SHEET,
          columns: { channel: 'Campaign', spend: 'Cost', date: 'Day' },
          fixedChannel: '',
        },
        {
          sheet: LINKEDIN_SHEET,
          columns: { channel: '', spend: 'Total Spent', date: 'Start Date (in UTC)' },
          fixedChannel: 'LinkedIn',
        },
      ],
      meetings: {
        sheet: 'CRM meetings',
        columns: { channel: 'Source', outcome: 'Meeting outcome', date: 'Meeting date' },
      },
      period: 'quarter',
    },
    meetingLog: {
      sheet: 'CRM meetings',
      columns: { channel: 'Source', outcome: 'Meeting outcome', date: '' },
    },
  });

  it('gives saved raw data and a saved meeting log back unchanged, whatever the sheets suggest', () => {
    const saved = reportSettings();
    const { settings, errors } = toSettings(fromSettings(saved, sampleInfo()));
    expect(errors).toEqual([]);
    expect(settings).toEqual(saved);
    // And the server reads them as they are.
    const parsed = parseSettings(settings, sampleInfo());
    expect(parsed.ok && parsed.value).toEqual(saved);
  });

  it('suggests every ad export of the sample, its columns and the meetings, sent only with the Channel report', () => {
    const draft = fromSettings(defaultSettings(), sampleInfo());
    expect(draft.raw).toEqual({
      // Not the deals export: its amount and dates read better as deals.
      spend: [
        {
          sheet: GOOGLE_ADS_SHEET,
          columns: { channel: 'Campaign', spend: 'Cost', date: 'Day' },
          fixedChannel: '',
          wholeSheet: false,
        },
        {
          sheet: LINKEDIN_SHEET,
          columns: { channel: 'Campaign Name', spend: 'Total Spent', date: 'Start Date (in UTC)' },
          fixedChannel: '',
          wholeSheet: false,
        },
      ],
      meetings: {
        sheet: 'CRM meetings',
        columns: { channel: 'Source', outcome: 'Meeting outcome', date: 'Meeting date' },
      },
      // No deals until picked: for the Channel report alone they are an option, not a suggestion.
      deals: {
        sheet: '',
        columns: {
          channel: '',
          amount: '',
          created: '',
          closed: '',
          status: '',
          currency: '',
        },
      },
      period: null,
    });
    expect(toSettings(draft).settings.raw).toBeNull();
    draft.templates = ['channelReport'];
    draft.raw.period = 'month';
    const { settings } = toSettings(draft);
    const sent = draft.raw.spend.map(({ wholeSheet, ...s }) => s);
    // No deals picked: none sent.
    expect(settings.raw).toEqual({ spend: sent, meetings: draft.raw.meetings, period: 'month' });
    expect(parseSettings(settings, sampleInfo()).ok).toBe(true);
    // A copy: editing the draft later does not change settings already sent.
    draft.raw.spend[0]!.columns.spend = 'Clicks';
    expect(settings.raw?.spend[0]?.columns.spend).toBe('Cost');
  });

  it('sends the deals with the Channel report alone once their sheet is picked, and none when it is not', () => {
    const draft = fromSettings(defaultSettings(), sampleInfo());
    draft.templates = ['channelReport'];
    const { settings } = toSettings(draft);
    expect(settings.raw && 'deals' in settings.raw).toBe(false);
    expect(parseSettings(settings, sampleInfo()).ok).toBe(true);
    // Picked: the sample's deals, as the Full funnel would suggest them.
    draft.raw.deals = suggestedDeals(sampleInfo());
    expect(draft.raw.deals.columns.status).toBe('Deal Stage');
    expect(toSettings(draft).settings.raw?.deals?.sheet).toBe(DEALS_SHEET);
    draft.raw.deals.sheet = '';
    // The Full funnel cannot do without them: the server asks for them beside their field.
    draft.templates = ['fullFunnel'];
    const parsed = parseSettings(toSettings(draft).settings, sampleInfo());
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.field)).toContain('raw.deals');
  });

  it('names the templates that read the raw data: the Channel report, the Full funnel or both', () => {
    expect(rawDataReaders(['channelReport'])).toBe('the Channel report');
    expect(rawDataReaders(['funnelPlan', 'fullFunnel'])).toBe('the Full funnel');
    expect(rawDataReaders(['fullFunnel', 'channelReport', 'definitions'])).toBe(
      'the Channel report and the Full funnel',
    );
    // In the wizard's order, whatever the order chosen; the part's verb agrees with their count.
    expect(rawDataUsers(['fullFunnel', 'channelReport', 'definitions'])).toEqual([
      'channelReport',
      'fullFunnel',
    ]);
    expect(rawDataUsers(['funnelPlan', 'meetingOutcomes'])).toEqual([]);
  });

  it('sends no raw data while no sheet is picked, so the server asks for it as a whole', () => {
    const draft = fromSettings(defaultSettings(), []);
    draft.templates = ['channelReport'];
    expect(draft.raw.spend.map((s) => s.sheet)).toEqual(['']);
    const { settings } = toSettings(draft);
    expect(settings.raw).toBeNull();
    const parsed = parseSettings(settings, sampleInfo());
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.field)).toEqual(['raw']);
  });

  it('sends the existing meeting log only when Meeting outcomes is chosen and the log is used', () => {
    const draft = fromSettings(defaultSettings(), sampleInfo());
    expect(draft.meetingLogMode).toBe('new');
    expect(draft.meetingLog.sheet).toBe('CRM meetings');
    expect(toSettings(draft).settings.meetingLog).toBeNull();
    draft.meetingLogMode = 'existing';
    expect(toSettings(draft).settings.meetingLog).toEqual({
      sheet: 'CRM meetings',
      columns: { channel: 'Source', outcome: 'Meeting outcome', date: 'Meeting date' },
    });
    draft.templates = draft.templates.filter((t) => t !== 'meetingOutcomes');
    expect(toSettings(draft).settings.meetingLog).toBeNull();
  });
});

describe('matching raw columns to headers', () => {
  it('reads headers forgivingly', () => {
    expect(normalise('Amount spent (USD)')).toBe(normalise('amount spent usd'));
    expect(normalise(' Start Date (in UTC) ')).toBe('startdateinutc');
  });

  it('finds the columns of the sample’s ad export and CRM meetings', () => {
    expect(suggestTable([...GOOGLE_ADS_HEADERS], SPEND_TABLE).columns).toEqual({
      channel: 'Campaign',
      spend: 'Cost',
      date: 'Day',
    });
    expect(suggestTable([...CRM_HEADERS], MEETING_TABLE).columns).toEqual({
      channel: 'Source',
      outcome: 'Meeting outcome',
      date: 'Meeting date',
    });
  });

  it.each([
    // Google Ads
    [
      ['Day', 'Campaign', 'Campaign ID', 'Impr.', 'Clicks', 'Avg. CPC', 'Cost', 'Cost / conv.'],
      { channel: 'Campaign', spend: 'Cost', date: 'Day' },
    ],
    // Meta
    [
      [
        'Reporting starts',
        'Reporting ends',
        'Campaign name',
        'Results',
        'Cost per result',
        'Amount spent (USD)',
      ],
      { channel: 'Campaign name', spend: 'Amount spent (USD)', date: 'Reporting starts' },
    ],
    // LinkedIn
    [
      ['Start Date (in UTC)', 'Campaign Name', 'Campaign Type', 'Total Spent', 'Impressions'],
      { channel: 'Campaign Name', spend: 'Total Spent', date: 'Start Date (in UTC)' },
    ],
    // Microsoft Advertising
    [
      ['TimePeriod', 'CampaignName', 'CampaignId', 'Impressions', 'Spend'],
      { channel: 'CampaignName', spend: 'Spend', date: 'TimePeriod' },
    ],
    // Channel before campaign, wherever they stand; spaces and case aside.
    [
      ['date', 'CAMPAIGN', ' source ', 'Spent'],
      { channel: ' source ', spend: 'Spent', date: 'date' },
    ],
    [
      ['Week', 'Campaign', 'Channel', 'Budget', 'Cost (GBP)'],
      { channel: 'Channel', spend: 'Cost (GBP)', date: 'Week' },
    ],
  ])('ad export %j', (headers, want) => {
    expect(suggestTable(headers, SPEND_TABLE).columns).toEqual(want);
  });

  it.each([
    [
      ['Meeting date', 'Source', 'Owner', 'Meeting outcome'],
      { channel: 'Source', outcome: 'Meeting outcome', date: 'Meeting date' },
    ],
    [
      ['Created date', 'Meeting date', 'Campaign', 'Lead source', 'Outcome'],
      { channel: 'Lead source', outcome: 'Outcome', date: 'Meeting date' },
    ],
    [
      ['Owner', 'Channel', 'Meeting outcome'],
      { channel: 'Channel', outcome: 'Meeting outcome', date: '' },
    ],
  ])('meeting log %j', (headers, want) => {
    expect(suggestTable(headers, MEETING_TABLE).columns).toEqual(want);
  });

  it('suggests the sheets whose headers match best, the larger of two equal matches', () => {
    const sheets = sampleInfo();
    // Google Ads and LinkedIn match as well; Google Ads has more rows.
    expect(bestSheet(sheets, SPEND_TABLE)?.sheet.name).toBe(GOOGLE_ADS_SHEET);
    expect(bestSheet(sheets, MEETING_TABLE)?.sheet.name).toBe('CRM meetings');
    // A sheet without a spend or an outcome column is never suggested for it.
    const spendless = ['Google Ads', 'LinkedIn Ads', 'Channel budget', 'HubSpot deals'];
    const noSpend = sheets.filter((s) => !spendless.includes(s.name));
    expect(bestSheet(noSpend, SPEND_TABLE)).toBeUndefined();
    expect(bestSheet([], MEETING_TABLE)).toBeUndefined();
  });
});

describe('placing a server message', () => {
  it('opens the step that holds the field', () => {
    const step = (field: string) => STEPS[stepOf(field)]!.key;
    expect(step('templates')).toBe('templates');
    expect(step('stages.2.rate')).toBe('stages');
    expect(step('meetingStage')).toBe('stages');
    expect(step('economics.dealSize')).toBe('economics');
    expect(step('attributionWindow')).toBe('economics');
    expect(step('channels.columns.spend')).toBe('channels');
    expect(step('channels.rows.1.qualRate')).toBe('channels');
    expect(step('raw')).toBe('channels');
    expect(step('raw.spend.columns.spend')).toBe('channels');
    expect(step('raw.period')).toBe('channels');
    expect(step('meetingLog.columns.outcome')).toBe('channels');
    expect(step('formulaStyle')).toBe('style');
    expect(stepOf('')).toBe(PREVIEW);
    expect(stepOf('unknown.field')).toBe(PREVIEW);
  });

  it('has a step for every setting, and one only', () => {
    const owners = Object.keys(defaultSettings()).map((field) =>
      STEPS.filter((s) => (s.fields as readonly string[]).includes(field)).map((s) => s.key),
    );
    expect(owners.every((keys) => keys.length === 1)).toBe(true);
    // Steps in their order: a field's step is the first that lists it.
    expect(STEPS.flatMap((s) => s.fields)).toEqual([
      'templates',
      'stages',
      'meetingStage',
      'economics',
      'attributionWindow',
      'channels',
      'raw',
      'funnel',
      'meetingLog',
      'mapping',
      'formulaStyle',
    ]);
  });
});

describe('the step views', () => {
  it('change the page only by asking the wizard to render', () => {
    // The views and their widgets, once one file (steps.ts), now one file each.
    const files = ['views', 'widgets'].flatMap((dir) =>
      readdirSync(join(__dirname, '../../src/sidebar', dir)).map((f) =>
        join(__dirname, '../../src/sidebar', dir, f),
      ),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of [...files, join(__dirname, '../../src/sidebar/step-views.ts')]) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(
        /\bdocument\.|querySelector|addEventListener|replaceChildren|\.remove\(|\.select\(\)|\.focus\(/,
      );
    }
  });
});

describe('patch', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    const bundled = await build({
      entryPoints: [join(__dirname, '../../src/sidebar/dom.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'dom',
      write: false,
    });
    await page.setContent('<!doctype html><body><main id="root"></main></body>');
    await page.addScriptTag({ content: bundled.outputFiles[0]!.text });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps the field being typed into: same element, caret, undo history; handlers see the new state', async () => {
    await page.evaluate(() => {
      const { el, on, patch } = (window as any).dom;
      const root = document.getElementById('root')!;
      const w = window as any;
      w.state = { name: 'Lead', error: true, count: 0, tick: false, chosen: 0 };
      // A small view in the wizard's manner: handlers change the state, then render.
      w.view = () => {
        const s = w.state;
        const input = el('input', {
          attrs: {
            type: 'text',
            'data-focus-key': 'name',
            ...(s.error ? { 'aria-invalid': 'true' } : {}),
          },
        });
        input.value = s.name;
        on(input, 'input', (node: HTMLInputElement) => {
          s.name = node.value;
          s.error = false;
          w.render();
        });
        const count = s.count;
        const button = el('button', { text: `Clicked ${count}` });
        on(button, 'click', () => {
          s.count = count + 1;
          w.render();
        });
        const box = el('input', { attrs: { type: 'checkbox' } });
        box.checked = s.tick;
        on(box, 'change', (node: HTMLInputElement) => {
          s.tick = node.checked;
          s.chosen = node.checked ? 2 : 0;
          w.render();
        });
        const select = el('select', {}, ...['a', 'b', 'c'].map((o) => el('option', { text: o })));
        select.selectedIndex = s.chosen;
        return [
          el('label', { text: `Name (${s.name.length})` }),
          input,
          s.error ? el('div', { text: 'Enter a name', className: 'error' }) : null,
          button,
          box,
          select,
        ].filter(Boolean);
      };
      w.render = () => patch(root, w.view());
      /** What replaceChildren would have shown for the same state. */
      w.same = () => {
        const fresh = document.createElement('main');
        fresh.id = 'root';
        fresh.replaceChildren(...w.view());
        const props = (r: Element) =>
          JSON.stringify([
            (r.querySelector('input[type=text]') as HTMLInputElement).value,
            (r.querySelector('input[type=checkbox]') as HTMLInputElement).checked,
            (r.querySelector('select') as HTMLSelectElement).selectedIndex,
          ]);
        return root.outerHTML === fresh.outerHTML && props(root) === props(fresh);
      };
      root.replaceChildren(...w.view());
      w.field = root.querySelector('input[type=text]');
    });
    const field = page.locator('input[type=text]');
    const caret = () =>
      page.evaluate(() => {
        const f = document.activeElement as HTMLInputElement;
        return [f.value, f.selectionStart, (window as any).field === f];
      });
    await field.click();
    await page.keyboard.press('End');
    await page.keyboard.type('er');
    expect(await caret()).toEqual(['Leader', 6, true]);
    expect(await page.locator('.error').count()).toBe(0);
    expect(await page.locator('label').textContent()).toBe('Name (6)');
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    expect(await page.evaluate(() => (window as any).same())).toBe(true);

    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('X');
    expect(await caret()).toEqual(['LXeader', 2, true]);
    await page.keyboard.press('ControlOrMeta+z');
    expect((await caret())[0]).toBe('Leader');

    // Each click runs the handler of the latest render, not the one first attached.
    await page.locator('button').click();
    await page.locator('button').click();
    expect(await page.locator('button').textContent()).toBe('Clicked 2');
    await page.locator('input[type=checkbox]').check();
    expect(await page.locator('select').evaluate((s) => (s as HTMLSelectElement).value)).toBe('c');
    expect(await page.evaluate(() => (window as any).same())).toBe(true);
  });
});
