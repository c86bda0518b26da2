/**
 * The playground grid draws the charts templates create (issue: charts,
 * cut-off cells, the formula bar), checked in Chromium against the tab's own
 * numbers, with screenshots in test/artifacts/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../src/addon/settings';
import { sampleBackend } from '../../src/playground/backend';
import type { Cell } from '../../src/playground/sample';
import { type Playground, startPlayground } from '../../src/playground/server';
import { launchBrowser, openPlayground, sheet, shot, wizardOver, workbook } from './harness';

let browser: Browser;
const playgrounds: Playground[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(playgrounds.map((p) => p.close()));
});

async function serve(sheets?: Record<string, Cell[][]>): Promise<Playground> {
  const playground = await startPlayground({
    port: 0,
    ...(sheets ? { backend: () => sampleBackend(sheets) } : {}),
  });
  playgrounds.push(playground);
  return playground;
}

/** Creates the templates as the sidebar's Create button does, and gives the first new tab. */
async function create(playground: Playground, settings: Settings): Promise<string> {
  const created = await wizardOver(playground).createTemplates(settings);
  expect(created.ok, JSON.stringify(created)).toBe(true);
  return created.ok ? created.value.tabs[0]! : '';
}

async function openTab(page: Page, tab: string): Promise<void> {
  await page.locator(`#tabs button[data-sheet="${tab}"]`).click();
  await page.locator('.chart-box svg').first().waitFor();
}

const texts = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((nodes) => nodes.map((n) => n.firstChild?.textContent ?? ''));

describe('charts in the playground grid', () => {
  it('draws the Funnel plan’s bar chart: one bar per stage, as long as its volume', async () => {
    const playground = await serve();
    const tab = await create(playground, { ...defaultSettings(), templates: ['funnelPlan'] });
    const { page, problems } = await openPlayground(browser, playground);
    await openTab(page, tab);
    const values = sheet(await workbook(playground), tab).values;
    const header = values.findIndex((r) => r[0] === 'Stage');
    const stages = defaultSettings().stages.map((s) => s.name);
    const volumes = stages.map((_, k) => values[header + 1 + k]![2] as number);
    expect(volumes.every((v) => typeof v === 'number' && v > 0)).toBe(true);

    const chart = page.locator('.chart-box svg.chart-bar');
    await expect(chart.locator('.chart-title').textContent()).resolves.toBe(
      'Volume needed per stage',
    );
    expect(await texts(page, '.chart-bar .chart-category')).toEqual(stages);
    expect(await texts(page, '.chart-bar .chart-legend')).toEqual(['Volume needed']);
    await expect(chart.locator('.chart-category-title').textContent()).resolves.toBe('Stage');
    await expect(chart.locator('.chart-value-title').textContent()).resolves.toBe('Volume needed');
    const widths = await chart
      .locator('rect.chart-bar')
      .evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('width'))));
    expect(widths.length).toBe(stages.length);
    // Bars are drawn to scale: each bar's length over the longest is its volume over the largest.
    const longest = Math.max(...widths);
    const largest = Math.max(...volumes);
    for (const [k, w] of widths.entries()) {
      expect(w / longest).toBeCloseTo(volumes[k]! / largest, 6);
    }
    await chart.scrollIntoViewIfNeeded();
    await shot(page, 'playground-chart-bar');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the Channel report’s line chart per month, with a gap where a channel has no CPQM', async () => {
    // Two channels over three months; Social qualifies no meeting in February.
    const JAN = 46_027;
    const FEB = JAN + 31;
    const MAR = JAN + 59;
    const ads: Cell[][] = [['Day', 'Channel', 'Cost']];
    for (const [day, channel, cost] of [
      [JAN, 'Search', 1000],
      [JAN, 'Social', 600],
      [FEB, 'Search', 1500],
      [FEB, 'Social', 400],
      [MAR, 'Search', 900],
      [MAR, 'Social', 800],
    ] as const) {
      ads.push([day, channel, cost]);
    }
    const crm: Cell[][] = [['Date', 'Source', 'Outcome']];
    const meetings: [number, string, number][] = [
      [JAN, 'Search', 4],
      [JAN, 'Social', 2],
      [FEB, 'Search', 5],
      [MAR, 'Search', 3],
      [MAR, 'Social', 4],
    ];
    for (const [day, channel, n] of meetings) {
      for (let k = 0; k < n; k++) crm.push([day + k, channel, 'Qualified']);
    }
    crm.push([FEB + 2, 'Social', 'No show']);
    const playground = await serve({ Ads: ads, CRM: crm });
    const tab = await create(playground, {
      ...defaultSettings(),
      templates: ['channelReport'],
      raw: {
        spend: [
          {
            sheet: 'Ads',
            columns: { channel: 'Channel', spend: 'Cost', date: 'Day' },
            fixedChannel: '',
          },
        ],
        meetings: {
          sheet: 'CRM',
          columns: { channel: 'Source', outcome: 'Outcome', date: 'Date' },
        },
        period: 'month',
      },
    });
    const { page, problems } = await openPlayground(browser, playground);
    await openTab(page, tab);
    const chart = page.locator('.chart-box svg.chart-line');
    expect(await texts(page, '.chart-line .chart-legend')).toEqual([
      'All channels',
      'Search',
      'Social',
    ]);
    expect(await texts(page, '.chart-line .chart-category')).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    // The chart reads CPQM_TREND, whose first column is headed Period.
    await expect(chart.locator('.chart-category-title').textContent()).resolves.toBe('Period');
    // CPQM = spend ÷ qualified, by hand: All 1600/6, 1900/5, 1700/7; Search 250, 300, 300;
    // Social 300, none (no qualified meeting), 200.
    const want: Record<string, (number | null)[]> = {
      'All channels': [1600 / 6, 1900 / 5, 1700 / 7],
      Search: [250, 300, 300],
      Social: [300, null, 200],
    };
    const points = await chart.locator('g.chart-series').evaluateAll((groups) =>
      groups.map((g) => ({
        name: g.getAttribute('data-series'),
        ys: Array.from(g.querySelectorAll('circle')).map((c) => Number(c.getAttribute('cy'))),
        xs: Array.from(g.querySelectorAll('circle')).map((c) => Number(c.getAttribute('cx'))),
        moves: (g.querySelector('path')?.getAttribute('d') ?? '').split('M').length - 1,
      })),
    );
    expect(points.map((p) => p.name)).toEqual(Object.keys(want));
    // Heights are to scale: the vertical distance between two points is proportional to their difference.
    const all = points.flatMap((p) =>
      p.ys.map((y, k) => ({ y, v: want[p.name!]!.filter((v) => v !== null)[k]! })),
    );
    const [a, b] = [all[0]!, all.find((p) => Math.abs(p.v - all[0]!.v) > 1)!];
    const scale = (a.y - b.y) / (b.v - a.v);
    for (const p of all) expect(a.y - p.y).toBeCloseTo((p.v - a.v) * scale, 3);
    const social = points.find((p) => p.name === 'Social')!;
    expect(social.ys.length).toBe(2);
    // February's gap breaks the line in two, rather than drawing it to 0.
    expect(social.moves).toBe(2);
    await chart.scrollIntoViewIfNeeded();
    await shot(page, 'playground-chart-line');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the playground grid’s cells', () => {
  it('shows a cut-off cell’s whole text on hover, and the formula bar shows text as typed', async () => {
    const playground = await serve();
    const { page, problems } = await openPlayground(browser, playground);
    await page.locator('#tabs button[data-sheet="LinkedIn Ads"]').click();
    // "Thought leadership – Sponsored content" is wider than its column, with a value beside it.
    const cut = page.locator('td[data-cell="B3"]');
    await expect(cut.textContent()).resolves.toBe('Thought leadership – Sponsored content');
    await cut.hover();
    await expect(cut.getAttribute('title')).resolves.toBe('Thought leadership – Sponsored content');
    // A cell that fits gets no hover text.
    const fits = page.locator('td[data-cell="D2"]');
    await fits.hover();
    await expect(fits.getAttribute('title')).resolves.toBeNull();
    await page.locator('td[data-cell="A1"]').click();
    await expect(page.locator('#formula').inputValue()).resolves.toBe('Start Date (in UTC)');
    // Text that would read as a number keeps the apostrophe that keeps it text, as in Sheets.
    await page.locator('td[data-cell="C2"]').click();
    await expect(page.locator('#formula').inputValue()).resolves.toMatch(/^'\$[\d,]+\.\d\d$/);
    await shot(page, 'playground-cut-cell');
    expect(problems).toEqual([]);
    await page.close();
  });
});
