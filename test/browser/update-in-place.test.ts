/**
 * The preview's choice in a real browser against the playground: where the
 * add-on made a template's tab already, the preview offers to update it
 * (chosen by default) or add a new tab; Create then rebuilds the chosen tabs
 * in place and adds the others. Screenshot: test/artifacts/update-in-place-*.png.
 */
import { describe, expect, it } from 'vitest';
import { playgroundSuite, sheet, shot, workbook } from './harness';

const suite = playgroundSuite();

describe('update in place, from the sidebar', () => {
  it('offers Update (chosen) or Add a new tab for each tab the add-on made, and does what was chosen', async () => {
    const { page, sidebar, problems } = await suite.open();
    const before = (await workbook(suite.playground)).map((s) => s.name);

    // No earlier tabs: the preview offers no choice.
    await sidebar.getByRole('button', { name: 'Step 6: Preview and create' }).click();
    await sidebar.locator('.preview-item').first().waitFor();
    expect(await sidebar.locator('.preview-item input[type="radio"]').count()).toBe(0);

    await sidebar.locator('[data-action="create"]').click();
    await sidebar.locator('.success').waitFor();
    const made = await sidebar.locator('.success .tab-name').allTextContents();
    expect(made).toEqual(['Funnel plan', 'Channel comparison', 'Meeting outcomes', 'Definitions']);
    const ids = (await workbook(suite.playground)).map((s) => s.name);

    // A new revenue target, then the preview again.
    await sidebar.getByRole('button', { name: 'Step 3: Economics' }).click();
    await sidebar.locator('[data-focus-key="economics.revenueTarget"]').fill('1500000');
    await sidebar.getByRole('button', { name: 'Step 6: Preview and create' }).click();
    await sidebar.locator('.preview-item input[type="radio"]').first().waitFor();

    const item = (template: string) =>
      sidebar.locator(`.preview-item[data-template="${template}"]`);
    for (const [template, tab] of [
      ['funnelPlan', 'Funnel plan'],
      ['channelComparison', 'Channel comparison'],
      ['meetingOutcomes', 'Meeting outcomes'],
      ['definitions', 'Definitions'],
    ] as const) {
      const update = item(template).getByRole('radio', { name: new RegExp(`^Update "${tab}"`) });
      await expect.poll(() => update.isChecked()).toBe(true);
      expect(await item(template).locator('.tab-name').textContent()).toBe(tab);
      expect(
        await item(template)
          .getByRole('radio', { name: /^Add a new tab/ })
          .isChecked(),
      ).toBe(false);
    }
    // Meeting outcomes goes on a new tab instead.
    await item('meetingOutcomes').getByText('Add a new tab').click();
    await expect
      .poll(() => item('meetingOutcomes').locator('.tab-name').textContent())
      .toBe('Meeting outcomes (2)');
    await item('meetingOutcomes').scrollIntoViewIfNeeded();
    await shot(page, 'update-in-place-preview');
    // Fits the 300 px sidebar: nothing scrolls sideways.
    const [scroll, client] = await sidebar
      .locator('html')
      .evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client!);

    await sidebar.locator('[data-action="create"]').click();
    await sidebar.locator('.success').waitFor();
    expect(await sidebar.locator('.success').textContent()).toBe(
      'Created the tab: Meeting outcomes (2). Updated 3 tabs: Funnel plan, Channel comparison, Definitions.',
    );
    await shot(page, 'update-in-place-done');

    const all = await workbook(suite.playground);
    // The updated tabs kept their places; only the new one was added, at the end.
    expect(all.map((s) => s.name)).toEqual([...ids, 'Meeting outcomes (2)']);
    expect(ids).toEqual([...before, ...made]);
    expect(sheet(all, 'Funnel plan').values.flat()).toContain(1_500_000);
    expect(sheet(all, 'Funnel plan').values.flat()).not.toContain(1_000_000);
    expect(problems).toEqual([]);
  });

  it('"Create now" over tabs the add-on made stops at the choice instead of adding copies', async () => {
    const { sidebar, problems } = await suite.open();
    await sidebar.locator('[data-action="create-now"]').click();
    await sidebar.locator('.success').waitFor();
    const first = (await workbook(suite.playground)).map((s) => s.name);

    // From step 1 again: nothing is written until the user has chosen.
    await sidebar.getByRole('button', { name: 'Step 1: Templates' }).click();
    await sidebar.locator('[data-action="create-now"]').click();
    await sidebar.locator('.preview-item input[type="radio"]').first().waitFor();
    expect(await sidebar.locator('.note').first().textContent()).toMatch(
      /update it or add a new tab/,
    );
    expect((await workbook(suite.playground)).map((s) => s.name)).toEqual(first);
    expect(
      await sidebar
        .locator('.preview-item[data-template="funnelPlan"]')
        .getByRole('radio', { name: /^Update "Funnel plan"/ })
        .isChecked(),
    ).toBe(true);

    await sidebar.locator('[data-action="create"]').click();
    await sidebar.locator('.success').waitFor();
    expect(await sidebar.locator('.success').textContent()).toMatch(/^Updated 4 tabs/);
    expect((await workbook(suite.playground)).map((s) => s.name)).toEqual(first);
    expect(problems).toEqual([]);
  });
});
