/**
 * The sidebar in a real browser against the playground: the wizard end to
 * end, with the new tabs' numbers read back from /api/workbook and checked
 * against the catalogue functions. Screenshots go to test/artifacts/.
 */
import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/addon/settings';
import { CATALOGUE, FUNCTIONS } from '../../src/metrics/catalogue';
import { reference } from '../../src/metrics/reference';
import type { SheetSnapshot } from '../../src/playground/backend';
import { GOOGLE_ADS_SHEET, LINKEDIN_SHEET } from '../../src/playground/raw-sample';
import { BUDGET_ROWS, BUDGET_SHEET } from '../../src/playground/sample';
import { playgroundSuite, sheet, shot, workbook } from './harness';

const STEP_NAMES = ['templates', 'stages', 'economics', 'channels', 'style', 'preview'];
const XSS = '<img src=x onerror=alert(1)>';

const suite = playgroundSuite();
const open = () => suite.open();

/** Row and column of the first cell whose computed value is `text`. */
function locate(s: SheetSnapshot, text: string): { row: number; col: number } {
  for (let row = 0; row < s.values.length; row++) {
    const col = s.values[row]!.indexOf(text);
    if (col >= 0) return { row, col };
  }
  throw new Error(`${s.name} has no cell showing ${JSON.stringify(text)}`);
}

/** The value in the row labelled `rowLabel`, in the column headed `header` (same header row). */
function lookup(s: SheetSnapshot, rowLabel: string, header: string): unknown {
  const label = locate(s, rowLabel);
  for (let row = label.row - 1; row >= 0; row--) {
    const col = s.values[row]!.indexOf(header);
    if (col >= 0) return s.values[label.row]![col];
  }
  throw new Error(`${s.name}: no ${JSON.stringify(header)} header above ${rowLabel}`);
}

async function createdTabs(sidebar: FrameLocator): Promise<string[]> {
  await sidebar.locator('.success').waitFor();
  return sidebar.locator('.success .tab-name').allTextContents();
}

describe('the set-up wizard in the playground', () => {
  it('creates every template with the defaults, showing a busy state, and names the new tabs', async () => {
    const { page, sidebar, problems } = await open();
    const before = (await workbook(suite.playground)).map((s) => s.name);
    for (let step = 0; step < STEP_NAMES.length; step++) {
      await expect
        .poll(() => sidebar.locator('section.step').getAttribute('data-step'))
        .toBe(STEP_NAMES[step]);
      if (step === 5) await sidebar.locator('.preview-item').first().waitFor();
      await shot(page, `wizard-${step + 1}-${STEP_NAMES[step]}`);
      // Fits the 300 px sidebar: nothing scrolls sideways.
      const [scroll, client] = await sidebar
        .locator('html')
        .evaluate((e) => [e.scrollWidth, e.clientWidth]);
      expect(client).toBeLessThanOrEqual(300);
      expect(scroll).toBeLessThanOrEqual(client!);
      if (step < 5) await sidebar.locator('[data-action="next"]').click();
    }
    const previewed = await sidebar.locator('.preview-item .tab-name').allTextContents();
    expect(previewed).toEqual([
      'Funnel plan',
      'Channel comparison',
      'Meeting outcomes',
      'Definitions',
    ]);

    // Hold the reply back so the busy state can be seen.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route('**/api/run/writeTemplates', async (route) => {
      await held;
      await route.continue();
    });
    await sidebar.locator('[data-action="create"]').click();
    await sidebar.locator('.status.busy').waitFor();
    expect(await sidebar.locator('[data-action="create"]').isDisabled()).toBe(true);
    await shot(page, 'wizard-7-busy');
    release();

    const tabs = await createdTabs(sidebar);
    expect(tabs).toEqual(previewed);
    expect(await sidebar.locator('[data-action="create"]').isDisabled()).toBe(false);
    // The grid shows the new tabs, the first one open.
    await page.locator('.tab.active', { hasText: 'Funnel plan' }).waitFor();
    await expect.poll(() => page.locator('.tab').allTextContents()).toEqual([...before, ...tabs]);
    await shot(page, 'wizard-8-created');
    await page.locator('.tab', { hasText: 'Channel comparison' }).click();
    await page.locator('td', { hasText: 'All channels (blended)' }).waitFor();
    await shot(page, 'wizard-9-channel-comparison');

    const all = await workbook(suite.playground);
    expect(all.map((s) => s.name)).toEqual([...before, ...tabs]);
    const defaults = defaultSettings();
    const e = defaults.economics;
    const rows = defaults.channels.mode === 'typed' ? defaults.channels.rows : [];
    expect(rows.length).toBeGreaterThan(0);
    const channels = sheet(all, 'Channel comparison');
    const maxCpqm = FUNCTIONS.MAX_CPQM!(e.dealSize, e.closeRate, e.targetRoas) as number;
    for (const row of rows) {
      const cpqm = FUNCTIONS.CPQM!(row.spend, row.meetings, row.qualRate, row.showRate) as number;
      expect(lookup(channels, row.name, 'CPQM')).toBeCloseTo(cpqm, 6);
      expect(lookup(channels, row.name, 'Max CPQM')).toBeCloseTo(maxCpqm, 6);
      expect(lookup(channels, row.name, 'Headroom')).toBeCloseTo(
        FUNCTIONS.HEADROOM!(cpqm, maxCpqm) as number,
        6,
      );
    }
    const column = (k: keyof (typeof rows)[number]) => rows.map((r) => [r[k]]);
    const blended = FUNCTIONS.BLENDED_CPQM!(
      column('spend'),
      column('meetings'),
      column('qualRate'),
      column('showRate'),
    ) as number;
    expect(lookup(channels, 'All channels (blended)', 'CPQM')).toBeCloseTo(blended, 6);

    // The funnel plan works back from the customers the revenue target needs.
    const plan = sheet(all, 'Funnel plan');
    const volumes = FUNCTIONS.REVERSE_FUNNEL!(
      Math.ceil(e.revenueTarget / e.dealSize),
      defaults.stages.slice(0, -1).map((s) => [s.rate]),
    ) as number[][];
    defaults.stages.forEach((stage, k) => {
      expect(lookup(plan, stage.name, 'Volume needed')).toBe(volumes[k]![0]);
    });
    expect(problems).toEqual([]);
  }, 30_000);

  it('maps channels to the budget sheet’s columns, suggested by their headers', async () => {
    const { page, sidebar, problems } = await open();
    await sidebar.getByRole('button', { name: 'Step 4: Channels' }).click();
    await sidebar.getByLabel('Use my columns').check();
    const field = (label: string) => sidebar.getByLabel(label, { exact: true });
    await expect
      .poll(() => field('Sheet with one channel per row').inputValue())
      .toBe(BUDGET_SHEET);
    const header = BUDGET_ROWS[0] as string[];
    expect(await field('Channel name').inputValue()).toBe(header[0]);
    expect(await field('Spend').inputValue()).toBe(header[1]);
    expect(await field('Booked meetings').inputValue()).toBe(header[2]);
    expect(await field('Show rate').inputValue()).toBe(header[3]);
    expect(await field('Qual rate').inputValue()).toBe(header[4]);
    await shot(page, 'wizard-4-channels-mapped');

    await sidebar.locator('[data-action="create-now"]').click();
    const tabs = await createdTabs(sidebar);
    expect(tabs).toContain('Channel comparison');
    await shot(page, 'wizard-mapped-created');

    const channels = sheet(await workbook(suite.playground), 'Channel comparison');
    expect(JSON.stringify(channels.formulas)).toContain(`'${BUDGET_SHEET}'!`);
    for (const [name, spend, meetings, showRate, qualRate] of BUDGET_ROWS.slice(1)) {
      const cpqm = FUNCTIONS.CPQM!(spend, meetings, qualRate, showRate) as number;
      expect(lookup(channels, name as string, 'CPQM')).toBeCloseTo(cpqm, 6);
    }

    // The tab refers to the budget sheet, so editing the budget in the grid moves its numbers.
    await page.locator('.tab', { hasText: BUDGET_SHEET }).click();
    await page.locator('td[data-cell="B2"]').dblclick();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('1900');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () =>
        lookup(
          sheet(await workbook(suite.playground), 'Channel comparison'),
          'Outbound SDR',
          'CPQM',
        ),
      )
      .toBeCloseTo(FUNCTIONS.CPQM!(1900, 10, 0.7, 1) as number, 6);
    expect(problems).toEqual([]);
  }, 30_000);

  it('shows a stage named like HTML as text and runs nothing', async () => {
    const { page, sidebar, problems } = await open();
    await sidebar.getByRole('button', { name: 'Step 2: Stages' }).click();
    await sidebar.getByLabel('Stage 2 name').fill(XSS);
    await sidebar.getByRole('button', { name: 'Step 6: Preview and create' }).click();
    await sidebar.locator('.preview-item').first().waitFor();
    await sidebar.locator('[data-action="create"]').click();
    await createdTabs(sidebar);
    await page.locator('.tab.active', { hasText: 'Funnel plan' }).waitFor();
    await shot(page, 'wizard-xss');

    const stored = await workbook(suite.playground);
    expect(JSON.stringify(sheet(stored, 'Funnel plan').values)).toContain(XSS);
    // Shown as text in the grid; no element was made from it anywhere.
    await expect.poll(() => page.locator('td', { hasText: XSS }).count()).toBeGreaterThan(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await sidebar.locator('img').count()).toBe(0);
    await sidebar.getByRole('button', { name: 'Step 2: Stages' }).click();
    expect(await sidebar.getByLabel('Stage 2 name').inputValue()).toBe(XSS);
    await page.waitForTimeout(200);
    expect(problems).toEqual([]);
  }, 30_000);

  it('puts the server’s message next to a rate of 140% and creates nothing', async () => {
    const { page, sidebar, problems } = await open();
    const before = await workbook(suite.playground);
    await sidebar.getByRole('button', { name: 'Step 2: Stages' }).click();
    const rate = sidebar.getByLabel('Rate from stage 3 to the next, in %');
    await rate.fill('140');
    await sidebar.locator('[data-action="create-now"]').click();
    const message = sidebar.locator('[data-error-for="stages.2.rate"]');
    await message.waitFor();
    expect(await message.textContent()).toMatch(/140/);
    expect(await rate.getAttribute('aria-invalid')).toBe('true');
    // Next to the field: in the same stage row, right below it.
    const row = sidebar.locator('li.stage').nth(2);
    expect(await row.locator('.error').count()).toBe(1);
    expect(await sidebar.locator('.success').count()).toBe(0);
    await shot(page, 'wizard-validation-error');
    expect(await workbook(suite.playground)).toEqual(before);

    // A value that is no number at all is caught before it is sent.
    await rate.fill('40');
    expect(await message.count()).toBe(0);
    await sidebar.getByRole('button', { name: 'Step 3: Economics' }).click();
    await sidebar.getByLabel(/Average deal size/).fill('lots');
    await sidebar.locator('[data-action="create-now"]').click();
    await expect
      .poll(() => sidebar.locator('[data-error-for="economics.dealSize"]').textContent())
      .toMatch(/lots/);
    expect(await workbook(suite.playground)).toEqual(before);
    expect(problems).toEqual([]);
  }, 30_000);

  it('shows step-wide messages on their step: no template chosen, no channel left', async () => {
    const { page, sidebar } = await open();
    const before = await workbook(suite.playground);
    for (const box of await sidebar.locator('.choices input[type="checkbox"]').all()) {
      await box.uncheck();
    }
    await sidebar.getByRole('button', { name: 'Step 3: Economics' }).click();
    await sidebar.locator('[data-action="create-now"]').click();
    await expect
      .poll(() => sidebar.locator('section.step').getAttribute('data-step'))
      .toBe('templates');
    expect(await sidebar.locator('[data-error-for="templates"]').textContent()).toMatch(/template/);

    await sidebar.getByLabel('Definitions').check();
    await sidebar.getByRole('button', { name: 'Step 4: Channels' }).click();
    while ((await sidebar.locator('fieldset.channel').count()) > 0) {
      await sidebar.getByRole('button', { name: 'Remove channel 1' }).click();
    }
    await sidebar.locator('[data-action="create-now"]').click();
    const message = sidebar.locator(
      'section[data-step="channels"] [data-error-for="channels.rows"]',
    );
    await expect.poll(() => message.textContent()).toMatch(/channel/);
    await shot(page, 'wizard-no-channels');
    expect(await workbook(suite.playground)).toEqual(before);
    // Adding a channel answers the message, so it goes.
    await sidebar.locator('[data-action="add-channel"]').click();
    expect(await message.count()).toBe(0);
  }, 30_000);

  it('shows a server failure in the sidebar and lets the user try again', async () => {
    const { page, sidebar } = await open();
    await page.route('**/api/run/writeTemplates', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'Service Spreadsheets timed out while accessing document' }),
      }),
    );
    await sidebar.locator('[data-action="create-now"]').click();
    const failure = sidebar.locator('.status .error');
    await expect.poll(() => failure.textContent()).toContain('timed out');
    await shot(page, 'wizard-server-failure');
    await page.unroute('**/api/run/writeTemplates');
    const create = sidebar.locator('[data-action="create-now"]');
    expect(await create.isDisabled()).toBe(false);
    await create.click();
    expect(await createdTabs(sidebar)).toContain('Funnel plan');
    expect(await failure.count()).toBe(0);
  }, 30_000);

  it('adds, renames and reorders stages, and the funnel plan follows', async () => {
    const { page, sidebar, problems } = await open();
    await sidebar.getByRole('button', { name: 'Step 2: Stages' }).click();
    await sidebar.locator('[data-action="add-stage"]').click();
    const n = defaultSettings().stages.length;
    // A new stage goes in before the last, so the funnel still ends in customers.
    await sidebar.getByLabel(`Stage ${n} name`).fill('Proposal');
    await sidebar.getByLabel(`Rate from stage ${n} to the next, in %`).fill('60');
    await sidebar.getByRole('button', { name: `Move stage ${n} up` }).click();
    await shot(page, 'wizard-2-stages-edited');
    const names = await sidebar
      .locator('.stage-name')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    const expected = defaultSettings().stages.map((s) => s.name);
    expected.splice(n - 2, 0, 'Proposal');
    expect(names).toEqual(expected);
    await sidebar.locator('[data-action="create-now"]').click();
    await createdTabs(sidebar);

    const plan = sheet(await workbook(suite.playground), 'Funnel plan');
    const stages = defaultSettings().stages;
    const rates = stages.slice(0, -1).map((s) => s.rate as number);
    rates.splice(n - 2, 0, 0.6);
    const e = defaultSettings().economics;
    const volumes = FUNCTIONS.REVERSE_FUNNEL!(
      Math.ceil(e.revenueTarget / e.dealSize),
      rates.map((r) => [r]),
    ) as number[][];
    expected.forEach((name, k) => {
      expect(lookup(plan, name, 'Volume needed')).toBe(volumes[k]![0]);
    });
    expect(problems).toEqual([]);
  }, 30_000);

  it('makes portable native formulas, and reopens with the last settings used in this spreadsheet', async () => {
    const { page, sidebar } = await open();
    await sidebar.getByRole('button', { name: 'Step 2: Stages' }).click();
    await sidebar.getByLabel('Stage 1 name').fill('Website visitor');
    await sidebar.getByRole('button', { name: 'Remove stage 4' }).click();
    await sidebar.getByRole('button', { name: 'Step 3: Economics' }).click();
    await sidebar.getByLabel('Currency', { exact: true }).selectOption('$');
    await sidebar.getByRole('button', { name: 'Step 5: Formula style' }).click();
    await sidebar.getByLabel('Portable native formulas').check();
    await sidebar.locator('[data-action="create-now"]').click();
    await createdTabs(sidebar);

    // Portable formulas: the same numbers with no Funnel Math function in any formula.
    const channels = sheet(await workbook(suite.playground), 'Channel comparison');
    const addonCall = new RegExp(`\\b(${CATALOGUE.map((f) => f.name).join('|')})\\(`);
    const formulas = channels.formulas
      .flat()
      .filter((f) => typeof f === 'string' && f.startsWith('='));
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.filter((f) => addonCall.test(f as string))).toEqual([]);
    const typed = defaultSettings().channels;
    for (const row of typed.mode === 'typed' ? typed.rows : []) {
      const cpqm = FUNCTIONS.CPQM!(row.spend, row.meetings, row.qualRate, row.showRate) as number;
      expect(lookup(channels, row.name, 'CPQM')).toBeCloseTo(cpqm, 6);
    }

    await page.reload();
    const again = page.frameLocator('#sidebar');
    await again.locator('body[data-ready="true"]').waitFor();
    await again.locator('.note').waitFor();
    await shot(page, 'wizard-reopened');
    await again.getByRole('button', { name: 'Step 2: Stages' }).click();
    expect(await again.getByLabel('Stage 1 name').inputValue()).toBe('Website visitor');
    expect(await again.locator('li.stage').count()).toBe(defaultSettings().stages.length - 1);
    await again.getByRole('button', { name: 'Step 3: Economics' }).click();
    expect(await again.getByLabel('Currency', { exact: true }).inputValue()).toBe('$');
    await again.getByRole('button', { name: 'Step 5: Formula style' }).click();
    expect(await again.getByLabel('Portable native formulas').isChecked()).toBe(true);
  }, 30_000);
});

describe('step 4 from raw data', () => {
  it('reads two ad exports, one of them a single channel, and confirms what labels and campaigns mean', async () => {
    const { page, sidebar, problems } = await open();
    const before = await workbook(suite.playground);
    await sidebar.locator('input[value="channelReport"]').check();
    await sidebar.getByRole('button', { name: 'Step 4: Channels' }).click();

    // Both platforms' exports are suggested, each with its own headers.
    const google = sidebar.locator(`fieldset[data-table="raw.spend.0"]`);
    const linkedin = sidebar.locator(`fieldset[data-table="raw.spend.1"]`);
    expect(await google.getByLabel('Sheet', { exact: true }).inputValue()).toBe(GOOGLE_ADS_SHEET);
    expect(await google.getByLabel('Channel', { exact: true }).inputValue()).toBe('Campaign');
    expect(await google.getByLabel('Spend', { exact: true }).inputValue()).toBe('Cost');
    expect(await linkedin.getByLabel('Sheet', { exact: true }).inputValue()).toBe(LINKEDIN_SHEET);
    expect(await linkedin.getByLabel('Spend', { exact: true }).inputValue()).toBe('Total Spent');

    // Opening the step lists what needs a meaning by itself: LinkedIn's campaigns too, for now.
    const row = (value: string) => sidebar.locator(`li.meaning[data-value="${value}"]`);
    await row('ABM – Target accounts').waitFor();

    // "This sheet is Paid Social": no channel column for it.
    await linkedin.getByLabel('One channel for the whole sheet').check();
    expect(await linkedin.getByLabel('Channel', { exact: true }).count()).toBe(0);
    await linkedin.getByLabel('Channel (this whole sheet)').fill('Paid Social');
    await linkedin.scrollIntoViewIfNeeded();
    await shot(page, 'wizard-4-raw-data-exports');

    // A third export can be added and removed again.
    await sidebar.locator('[data-action="add-export"]').click();
    await expect.poll(() => sidebar.locator('fieldset[data-table^="raw.spend."]').count()).toBe(3);
    await sidebar.getByRole('button', { name: 'Remove ad export 3' }).click();
    await expect.poll(() => sidebar.locator('fieldset[data-table^="raw.spend."]').count()).toBe(2);

    await sidebar.locator('[data-action="find-meanings"]').click();
    await expect.poll(() => row('ABM – Target accounts').count()).toBe(0);
    // The labels the six do not cover, and the Google Ads campaigns; not LinkedIn's, a single channel now.
    expect(
      await sidebar.locator('li.meaning').evaluateAll((li) => li.map((e) => e.dataset.value)),
    ).toEqual([
      'Canceled',
      'Completed',
      'Brand – Search UK',
      'Generic – Search DE',
      'Competitor – Search',
    ]);
    const means = (value: string) => row(value).getByLabel(`What “${value}” means`);
    expect(await means('Canceled').inputValue()).toBe('Ignore');
    // "Completed" was held; whether it qualified is the user's to say.
    expect(await means('Completed').inputValue()).toBe('');
    for (const campaign of ['Brand – Search UK', 'Generic – Search DE', 'Competitor – Search']) {
      expect(await means(campaign).inputValue()).toBe('Paid Search');
    }
    await shot(page, 'wizard-4-raw-data-meanings');
    // Two exports and the meaning rows still fit the 300 px sidebar: nothing scrolls sideways.
    const [scroll, client] = await sidebar
      .locator('html')
      .evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client!);

    // Every problem of every step in one round: a rate the sidebar cannot read, the meaning
    // still to choose, and the native style the server refuses for Google Ads' text costs.
    await sidebar.getByRole('button', { name: 'Step 2: Stages' }).click();
    await sidebar.getByLabel('Rate from stage 3 to the next, in %').fill('abc');
    await sidebar.getByRole('button', { name: 'Step 5: Formula style' }).click();
    await sidebar.getByLabel('Portable native formulas').check();
    await sidebar.locator('[data-action="create-now"]').click();
    await expect.poll(() => sidebar.locator('[data-error-for]').count()).toBeGreaterThan(0);
    await sidebar.getByRole('button', { name: 'Step 6: Preview and create' }).click();
    const listed = await sidebar.locator('.error-list li').allTextContents();
    expect(listed).toHaveLength(3);
    expect(listed[0]).toMatch(/^Stages: Enter a rate in %/);
    expect(listed[1]).toBe('Channels: Choose what "Completed" means');
    expect(listed[2]).toMatch(
      /^Formula style: Portable native formulas would count the costs in column "Cost" of "Google Ads" \(such as "87.59"\) and column "Total Spent" of "LinkedIn Ads" \(such as "\$431.77"\) as 0/,
    );
    await shot(page, 'wizard-6-every-problem-at-once');
    // Nothing refused changes the workbook.
    expect(await workbook(suite.playground)).toEqual(before);

    // Fixed where they sit: each message leaves as its field is fixed.
    await sidebar.getByRole('button', { name: 'Step 4: Channels' }).click();
    const completed = means('Completed');
    expect(await completed.getAttribute('aria-invalid')).toBe('true');
    await completed.selectOption('Qualified');
    expect(await sidebar.locator('[data-error-for="mapping.1.means"]').count()).toBe(0);
    await sidebar.getByRole('button', { name: 'Step 5: Formula style' }).click();
    expect(await sidebar.locator('[data-error-for="formulaStyle"]').textContent()).toMatch(
      /Choose Funnel Math functions instead/,
    );
    await shot(page, 'wizard-5-native-refused');
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('the playground grid and the reference page', () => {
  it('takes a Funnel Math formula typed into a cell', async () => {
    const { page, problems } = await open();
    await page.locator('td[data-cell="H2"]').click();
    await page.keyboard.type('=MAX_CPQM(20000, 10%, 3)');
    await page.keyboard.press('Enter');
    const expected = FUNCTIONS.MAX_CPQM!(20000, 0.1, 3) as number;
    await expect
      .poll(() => page.locator('td[data-cell="H2"]').textContent())
      .toBe(expected.toLocaleString('en-GB', { maximumFractionDigits: 2 }));
    const budget = sheet(await workbook(suite.playground), BUDGET_SHEET);
    expect(budget.formulas[1]![7]).toBe('=MAX_CPQM(20000, 10%, 3)');
    expect(budget.values[1]![7]).toBeCloseTo(expected, 9);
    await shot(page, 'grid-formula');
    // The page's Reset posts JSON like every other call, so the server takes it.
    await page.locator('#reset').click();
    await expect
      .poll(
        async () => sheet(await workbook(suite.playground), BUDGET_SHEET).values[1]?.[7] ?? null,
      )
      .toBeNull();
    expect(problems).toEqual([]);
  }, 30_000);

  it('lists every catalogue function with its arguments and an example', async () => {
    const page = await suite.newPage({ width: 300, height: 800 });
    await page.goto(new URL('/reference.html', suite.playground.url).href);
    await page.locator('body[data-ready="true"]').waitFor();
    const names = await page
      .locator('section.fn')
      .evaluateAll((s) => s.map((e) => (e as HTMLElement).dataset.name));
    expect(names).toEqual(CATALOGUE.map((f) => f.name));
    for (const entry of reference()) {
      const section = page.locator(`section.fn[data-name="${entry.name}"]`);
      expect(await section.locator('h2').textContent()).toBe(entry.signature);
      expect(await section.locator('dt').allTextContents()).toEqual(
        entry.params.map((p) => p.name),
      );
      expect(await section.locator('.example code').allTextContents()).toEqual(
        entry.examples.map((x) => x.formula),
      );
      expect(entry.examples.length).toBeGreaterThan(0);
    }
    await shot(page, 'reference');
  }, 30_000);
});
