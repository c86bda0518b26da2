/**
 * The wizard's raw-data paths in a real browser against the playground: the
 * Channel report from the sample's ad export and CRM meetings, walked with
 * the suggested columns and its numbers checked against CPQM_REPORT on the
 * same raw columns; and an existing meeting log mapped for Meeting outcomes.
 * Screenshots go to test/artifacts/.
 */
import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPORT_LAYOUT } from '../../src/addon/templates/channel-report';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { SUMMARY_HEADER } from '../../src/metrics/outcomes';
import type { SheetSnapshot } from '../../src/playground/backend';
import {
  ADS_SHEET,
  adsExport,
  CRM_HEADERS,
  CRM_SHEET,
  crmMeetings,
} from '../../src/playground/raw-sample';
import type { Cell } from '../../src/playground/sample';
import { playgroundSuite, sheet, shot, workbook } from './harness';

const suite = playgroundSuite();
const open = () => suite.open();

/** One column of a sample table, below its header, as a range argument. */
function column(rows: Cell[][], header: string): Cell[][] {
  const k = (rows[0] ?? []).indexOf(header);
  if (k < 0) throw new Error(`No column ${header}`);
  return rows.slice(1).map((r) => [r[k] ?? '']);
}

/** Rows from `top` down to the first row with nothing in `col`, `width` cells from `col`. */
function block(s: SheetSnapshot, top: number, col: number, width: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = top; r < s.values.length; r++) {
    const first = s.values[r]?.[col];
    if (first === null || first === undefined || first === '') break;
    out.push(Array.from({ length: width }, (_, j) => s.values[r]?.[col + j] ?? null));
  }
  return out;
}

function expectSameTable(got: unknown[][], want: unknown[][]): void {
  expect(got.length).toBe(want.length);
  got.forEach((row, i) => {
    row.forEach((cell, j) => {
      const w = want[i]![j];
      if (typeof w === 'number') {
        expect(typeof cell, `row ${i} col ${j}`).toBe('number');
        expect(cell as number, `row ${i} col ${j}`).toBeCloseTo(w, 9);
      } else expect(cell, `row ${i} col ${j}`).toEqual(w);
    });
  });
}

async function createdTabs(sidebar: FrameLocator): Promise<string[]> {
  await sidebar.locator('.success').waitFor();
  return sidebar.locator('.success .tab-name').allTextContents();
}

/** A table picker's control, by its label inside the picker for `path` ("raw.spend"). */
function picked(sidebar: FrameLocator, path: string, label: string) {
  return sidebar.locator(`fieldset[data-table="${path}"]`).getByLabel(label, { exact: true });
}

describe('the Channel report from raw data', () => {
  it('is made from the sample with the suggested columns in a few clicks, and shows CPQM_REPORT’s numbers', async () => {
    const { page, sidebar, problems } = await open();
    const started = Date.now();
    // Every click or choice a user makes, in order.
    const clicks: string[] = [];
    const user = async (what: string, act: () => Promise<unknown>) => {
      clicks.push(what);
      await act();
    };

    await user('tick Channel report', () => sidebar.getByLabel(/^Channel report/).check());
    // Step 1 says which sheets the report will read, with the way to check them.
    await expect
      .poll(() => sidebar.locator('.choice-note').textContent())
      .toContain(`“${ADS_SHEET}” and “${CRM_SHEET}”`);
    await shot(page, 'raw-1-template-chosen');
    await user('open step 4', () =>
      sidebar.getByRole('button', { name: 'Step 4: Channels' }).click(),
    );
    await sidebar.locator('[data-part="raw"]').waitFor();

    // The suggestions are already picked: the user only looks.
    const want: [string, string, string][] = [
      ['raw.spend', 'Sheet', ADS_SHEET],
      ['raw.spend', 'Channel', 'Channel'],
      ['raw.spend', 'Spend', 'Cost'],
      ['raw.spend', 'Date', 'Day'],
      ['raw.meetings', 'Sheet', CRM_SHEET],
      ['raw.meetings', 'Channel or source', 'Source'],
      ['raw.meetings', 'Outcome', 'Meeting outcome'],
      ['raw.meetings', 'Meeting date', 'Meeting date'],
    ];
    for (const [path, label, value] of want) {
      expect(await picked(sidebar, path, label).inputValue(), `${path} ${label}`).toBe(value);
    }
    // The raw data comes first in the step, above the channel list of the other templates.
    const parts = await sidebar
      .locator('[data-part]')
      .evaluateAll((e) => e.map((n) => (n as HTMLElement).dataset.part));
    expect(parts[0]).toBe('raw');

    await user('choose Month', () => sidebar.getByRole('radio', { name: 'Month' }).check());
    // The whole step in one picture, as tall as the raw-data part.
    await page.setViewportSize({ width: 1280, height: 1100 });
    await shot(page, 'raw-2-channels-step');
    // Fits the 300 px sidebar: nothing scrolls sideways.
    const [scroll, client] = await sidebar
      .locator('html')
      .evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client!);
    await page.setViewportSize({ width: 1280, height: 860 });

    await user('open the preview', () =>
      sidebar.getByRole('button', { name: 'Step 6: Preview and create' }).click(),
    );
    const item = sidebar.locator('.preview-item', { hasText: 'Channel report' });
    await item.waitFor();
    expect(await item.textContent()).toContain(`"${ADS_SHEET}"`);
    expect(await item.textContent()).toMatch(/line chart of CPQM per month/);
    await shot(page, 'raw-3-preview');
    await user('Create', () => sidebar.locator('[data-action="create"]').click());
    const tabs = await createdTabs(sidebar);
    expect(tabs).toContain('Channel report');
    const seconds = (Date.now() - started) / 1000;
    // Tick the template, open step 4, month, preview, create: "Create now" would save one.
    expect(clicks).toHaveLength(5);
    expect(seconds).toBeLessThan(60);

    await page.locator('.tab', { hasText: 'Channel report' }).click();
    await page.locator('td', { hasText: 'All channels' }).first().waitFor();
    await shot(page, 'raw-4-channel-report-tab');

    // The tab's table is CPQM_REPORT on the raw columns, as the sample holds them.
    const ads = adsExport();
    const crm = crmMeetings();
    const report = FUNCTIONS.CPQM_REPORT!(
      column(ads, 'Channel'),
      column(ads, 'Cost'),
      column(crm, 'Source'),
      column(crm, 'Meeting outcome'),
      column(ads, 'Day'),
      column(crm, 'Meeting date'),
      'month',
    ) as unknown[][];
    const tab = sheet(await workbook(suite.playground), 'Channel report');
    const table = block(tab, REPORT_LAYOUT.tableRow, 0, report[0]!.length);
    expect(table[0]).toEqual([
      'Channel',
      'Period',
      'Spend',
      'Booked',
      'Held',
      'No-shows',
      'Qualified',
      'Show rate',
      'Qual rate',
      'Cost per meeting',
      'CPQM',
    ]);
    expectSameTable(table, report);
    // What the sample holds: four ad channels (LinkedIn spelled "linkedin" by the CRM), Events
    // without spend, meetings without a source, three months; text costs read as money.
    const channels = [...new Set(table.slice(1).map((r) => r[0]))];
    expect(channels).toEqual([
      'Google Ads',
      'LinkedIn',
      'Meta',
      'Microsoft Ads',
      'Events',
      '(no channel)',
      'All channels',
    ]);
    expect([...new Set(table.slice(1).map((r) => r[1]))].sort()).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      'All',
    ]);
    const overall = table.at(-1)!;
    const costs = column(ads, 'Cost').map(([c]) =>
      typeof c === 'number' ? c : Number(String(c).replace(/[$,]/g, '')),
    );
    expect(overall[2]).toBeCloseTo(
      costs.reduce((a, b) => a + b, 0),
      6,
    );
    expect(overall[3]).toBe(
      column(crm, 'Meeting outcome').filter(([o]) => o !== 'Rescheduled – pending').length,
    );
    expect(overall[10]).toBeCloseTo((overall[2] as number) / (overall[6] as number), 9);
    expect(problems).toEqual([]);
  }, 60_000);

  it('leads to the raw-data part when no sheet looks like raw data, with the server’s message there', async () => {
    const { page, sidebar, problems } = await open();
    await sidebar.getByLabel(/^Channel report/).check();
    await sidebar.getByRole('button', { name: 'Step 4: Channels' }).click();
    // As in a spreadsheet without raw data: no sheet picked.
    await picked(sidebar, 'raw.spend', 'Sheet').selectOption('');
    await picked(sidebar, 'raw.meetings', 'Sheet').selectOption('');
    await sidebar.getByRole('button', { name: 'Step 1: Templates' }).click();
    expect(await sidebar.locator('.choice-note').textContent()).toMatch(/Needs your ad-spend/);
    const before = await workbook(suite.playground);
    await sidebar.locator('[data-action="create-now"]').click();
    const message = sidebar.locator('[data-part="raw"] [data-error-for="raw"]');
    await message.waitFor();
    expect(await message.textContent()).toMatch(/ad-spend sheet/);
    // Focus is on the part's heading, right above the message.
    expect(
      await sidebar.locator(':focus').evaluate((e) => (e as HTMLElement).dataset.focusKey),
    ).toBe('raw');
    await shot(page, 'raw-5-not-mapped');
    expect(await workbook(suite.playground)).toEqual(before);

    // Picking a sheet answers the message; its columns are suggested.
    await picked(sidebar, 'raw.spend', 'Sheet').selectOption(ADS_SHEET);
    expect(await message.count()).toBe(0);
    expect(await picked(sidebar, 'raw.spend', 'Spend').inputValue()).toBe('Cost');
    // A period needs the dates: a date column left out gets the server's message beside it.
    await picked(sidebar, 'raw.spend', 'Date').selectOption('');
    await picked(sidebar, 'raw.meetings', 'Sheet').selectOption(CRM_SHEET);
    await sidebar.getByRole('radio', { name: 'Week' }).check();
    await sidebar.locator('[data-action="create-now"]').click();
    const date = sidebar.locator('[data-error-for="raw.spend.columns.date"]');
    await date.waitFor();
    expect(await date.textContent()).toMatch(/date column/);
    expect(await workbook(suite.playground)).toEqual(before);
    await picked(sidebar, 'raw.spend', 'Date').selectOption('Day');
    expect(await date.count()).toBe(0);
    await sidebar.locator('[data-action="create-now"]').click();
    expect(await createdTabs(sidebar)).toContain('Channel report');
    expect(problems).toEqual([]);
  }, 60_000);

  it('reopens with the raw data and period it was made with', async () => {
    const { page, sidebar } = await open();
    await sidebar.getByLabel(/^Channel report/).check();
    await sidebar.getByRole('button', { name: 'Step 4: Channels' }).click();
    await picked(sidebar, 'raw.spend', 'Channel').selectOption('Campaign');
    await sidebar.getByRole('radio', { name: 'Quarter' }).check();
    await sidebar.locator('[data-action="create-now"]').click();
    await createdTabs(sidebar);

    await page.reload();
    const again = page.frameLocator('#sidebar');
    await again.locator('body[data-ready="true"]').waitFor();
    expect(await again.getByLabel(/^Channel report/).isChecked()).toBe(true);
    await again.getByRole('button', { name: 'Step 4: Channels' }).click();
    expect(await picked(again, 'raw.spend', 'Channel').inputValue()).toBe('Campaign');
    expect(await picked(again, 'raw.meetings', 'Outcome').inputValue()).toBe('Meeting outcome');
    expect(await again.getByRole('radio', { name: 'Quarter' }).isChecked()).toBe(true);
  }, 60_000);
});

describe('an existing meeting log for Meeting outcomes', () => {
  it('maps the sample’s CRM meetings, and the tab summarises those meetings', async () => {
    const { page, sidebar, problems } = await open();
    await sidebar.getByRole('button', { name: 'Step 4: Channels' }).click();
    const part = sidebar.locator('[data-part="meetingLog"]');
    expect(await part.getByLabel('Start a new, empty log').isChecked()).toBe(true);
    await part.getByLabel('Use an existing meeting log').check();
    expect(await picked(sidebar, 'meetingLog', 'Sheet').inputValue()).toBe(CRM_SHEET);
    expect(await picked(sidebar, 'meetingLog', 'Channel or source').inputValue()).toBe(
      CRM_HEADERS[1],
    );
    expect(await picked(sidebar, 'meetingLog', 'Outcome').inputValue()).toBe(CRM_HEADERS[3]);
    expect(await picked(sidebar, 'meetingLog', 'Meeting date').inputValue()).toBe(CRM_HEADERS[0]);
    await sidebar.locator('fieldset[data-table="meetingLog"]').scrollIntoViewIfNeeded();
    await shot(page, 'raw-6-meeting-log');
    await sidebar.locator('[data-action="create-now"]').click();
    expect(await createdTabs(sidebar)).toContain('Meeting outcomes');
    await page.locator('.tab', { hasText: 'Meeting outcomes' }).click();
    await shot(page, 'raw-7-meeting-outcomes-tab');

    // The summary is OUTCOME_SUMMARY over the CRM's own columns: every one of its meetings counted.
    const crm = crmMeetings();
    const want = FUNCTIONS.OUTCOME_SUMMARY!(
      column(crm, 'Meeting outcome'),
      column(crm, 'Source'),
    ) as unknown[][];
    const tab = sheet(await workbook(suite.playground), 'Meeting outcomes');
    const top = tab.values.findIndex((row) => row.includes(SUMMARY_HEADER[0]));
    expect(top, 'a summary header in the tab').toBeGreaterThanOrEqual(0);
    const left = tab.values[top]!.indexOf(SUMMARY_HEADER[0]);
    expectSameTable(block(tab, top, left, SUMMARY_HEADER.length), want);
    const booked = want.slice(1).reduce((n, r) => n + (r[1] as number), 0);
    expect(booked).toBe(
      column(crm, 'Meeting outcome').filter(([o]) => o !== 'Rescheduled – pending').length,
    );
    expect(problems).toEqual([]);
  }, 60_000);
});
