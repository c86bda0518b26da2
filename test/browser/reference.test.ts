/**
 * The function reference page in Chromium: grouped by family with an index
 * at the top and a filter, example results shown as Sheets displays them in
 * the function's number format, table results as small tables.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/metrics/catalogue';
import { reference } from '../../src/metrics/reference';
import type { Playground } from '../../src/playground/server';
import { RESULT_FORMATS } from '../../src/sidebar/reference-formats';
import { shot, start } from './harness';

let browser: Browser;
let playground: Playground;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  ({ browser, playground } = await start());
  page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(new URL('/reference.html', playground.url).href);
  await page.locator('body[data-ready="true"]').waitFor();
}, 60_000);
afterAll(async () => {
  expect(problems).toEqual([]);
  await browser?.close();
  await playground?.close();
});

const example = (name: string, k = 0) =>
  page.locator(`section.fn[data-name="${name}"] .example`).nth(k);

describe('the function reference page', () => {
  const entries = reference();
  const families = [...new Set(entries.map((e) => e.family))];

  it('groups the functions by family, with an index of every family and function at the top', async () => {
    expect(await page.locator('.family-name').allTextContents()).toEqual(families);
    for (const family of families) {
      const members = entries.filter((e) => e.family === family).map((e) => e.name);
      const section = page.locator(`section.family[data-family="${family}"]`);
      expect(
        await section
          .locator('section.fn')
          .evaluateAll((s) => s.map((e) => (e as HTMLElement).dataset.name)),
      ).toEqual(members);
      const line = page.locator(`.reference-index [data-family="${family}"]`);
      expect(await line.locator('li a').allTextContents()).toEqual(members);
    }
    // The index sits above the first function.
    const indexBox = (await page.locator('.reference-index').boundingBox())!;
    const firstFn = (await page.locator('section.fn').first().boundingBox())!;
    expect(indexBox.y).toBeLessThan(firstFn.y);
    await shot(page, 'reference-index');
  });

  it('shows results in the function’s number format, as a cell in Sheets shows them', async () => {
    const result = (name: string, k = 0) => example(name, k).locator('.result').textContent();
    // 400 ÷ 250,000 = 0.0016; 950 ÷ (10 × 70%) = 135.714…; 20,000 × 10% ÷ 3 = 666.666…
    expect(await result('CTR')).toBe('0.16%');
    expect(await result('CPQM')).toBe('£135.71');
    expect(await result('CPQM', 2)).toBe('£125.00');
    expect(await result('MAX_CPQM')).toBe('£666.67');
    expect(await result('HEADROOM')).toBe('25.00%');
    expect(await result('HEADROOM', 1)).toBe('-25.00%');
    expect(await result('ROAS')).toBe('3.00×');
    expect(await result('CAC')).toBe('£15,000.00');
    expect(await result('SDRS_NEEDED')).toBe('2');
    expect(await result('SQM_BENCHMARK')).toBe('Average');
  });

  it('shows a table result as a small table, each column in its own format', async () => {
    // REVERSE_FUNNEL(21, 35%): 21 ÷ 35% = 60 meetings, then the 21.
    expect(await example('REVERSE_FUNNEL').locator('table td').allTextContents()).toEqual([
      '60',
      '21',
    ]);
    // FUNNEL_RATES: rates as percentages, 1 ÷ 3 as 33.33%.
    expect(await example('FUNNEL_RATES').locator('table td').allTextContents()).toEqual([
      '20.00%',
      '30.00%',
      '33.33%',
      '25.00%',
    ]);
    const summary = example('OUTCOME_SUMMARY').locator('table');
    expect(await summary.locator('tr').first().locator('th').allTextContents()).toEqual([
      'Segment',
      'Booked',
      'Held',
      'No-shows',
      'Qualified',
      'Show rate',
      'Qual rate',
      'Pending',
      'Unrecognised',
    ]);
    // LinkedIn: 2 booked, 1 held, 1 no-show, 1 qualified: shows 1 of 2 (50%), qualifies 1 of 1;
    // nothing pending and no label left unread.
    expect(await summary.locator('tr').nth(1).locator('td').allTextContents()).toEqual([
      'LinkedIn',
      '2',
      '1',
      '1',
      '1',
      '50.00%',
      '100.00%',
      '0',
      '0',
    ]);
    const report = example('CPQM_REPORT').locator('table');
    const headers = await report.locator('tr').first().locator('th').allTextContents();
    const cells = await report.locator('tr').nth(1).locator('td').allTextContents();
    const at = (h: string) => cells[headers.indexOf(h)];
    // LinkedIn: £3,000 spend, 3 booked, 2 held, 2 qualified: £1,000 a meeting, £1,500 a CPQM.
    expect(at('Channel')).toBe('LinkedIn');
    expect(at('Spend')).toBe('£3,000.00');
    expect(at('Booked')).toBe('3');
    expect(at('Show rate')).toBe('66.67%');
    expect(at('Cost per meeting')).toBe('£1,000.00');
    expect(at('CPQM')).toBe('£1,500.00');
    await example('CPQM_REPORT').scrollIntoViewIfNeeded();
    await shot(page, 'reference-table');
  });

  it('filters to the functions whose text matches, and hides the families and index lines left empty', async () => {
    await page.locator('input[type="search"]').fill('ctr');
    const visible = (selector: string) =>
      page
        .locator(selector)
        .evaluateAll((nodes) =>
          nodes
            .filter((n) => (n as HTMLElement).offsetParent !== null)
            .map((n) => n.textContent ?? ''),
        );
    expect(await visible('section.fn h2')).toEqual(['CTR(clicks, impressions)']);
    expect(await visible('.family-name')).toEqual(['Cost and efficiency']);
    expect(await visible('.reference-index li a')).toEqual(['CTR']);
    await shot(page, 'reference-filtered');
    await page.locator('input[type="search"]').fill('');
    expect((await visible('section.fn h2')).length).toBe(entries.length);
  });
});

describe('the reference’s result formats', () => {
  it('name a format for every function whose examples give numbers or tables', () => {
    const numeric = CATALOGUE.filter((f) =>
      f.examples.some((e) => typeof e.result === 'number' || Array.isArray(e.result)),
    ).map((f) => f.name);
    expect(numeric.filter((name) => !RESULT_FORMATS[name])).toEqual([]);
  });
});
