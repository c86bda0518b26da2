/**
 * The sidebar in the playground, in the real browser: how big the page is,
 * how long until the wizard answers clicks, and how long Create takes until
 * the new tab is in the grid.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startPlayground } from '../src/playground/server';
import { launchBrowser } from '../test/browser/harness';

const RUNS = 9;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const ms = (x: number): string => `${x.toFixed(0)} ms`;

export default async function sidebarBench(): Promise<string> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const html = readFileSync(join(root, 'dist/sidebar.html'));
  const reference = readFileSync(join(root, 'dist/reference.html'));
  const [browser, playground] = await Promise.all([launchBrowser(), startPlayground({ port: 0 })]);
  const load: number[] = [];
  const ready: number[] = [];
  const create: number[] = [];
  try {
    // One run first to warm up the browser and the engine; it is not counted.
    for (let run = 0; run <= RUNS; run++) {
      playground.reset();
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      const t0 = performance.now();
      await page.goto(playground.url);
      const sidebar = page.frameLocator('#sidebar');
      await sidebar.locator('body[data-ready="true"]').waitFor();
      const t1 = performance.now();
      // The sidebar's own clock: from its navigation start to the wizard being usable.
      const inFrame = await sidebar
        .locator('body')
        .evaluate(() => performance.getEntriesByName('wizard-ready')[0]?.startTime ?? Number.NaN);
      await sidebar.locator('[data-action="create-now"]').click();
      await page.locator('.tab', { hasText: 'Definitions' }).waitFor();
      const t2 = performance.now();
      await page.close();
      if (run === 0) continue;
      load.push(t1 - t0);
      ready.push(inFrame);
      create.push(t2 - t1);
    }
  } finally {
    await browser.close();
    await playground.close();
  }
  return [
    '## Sidebar (playground, headless Chromium)',
    '',
    `Medians of ${RUNS} runs after one warm-up; every run loads the page afresh on the sample workbook.`,
    '',
    '| measure | value |',
    '|---|---|',
    `| \`dist/sidebar.html\` size | ${(html.length / 1024).toFixed(1)} KB (${(gzipSync(html).length / 1024).toFixed(1)} KB gzipped) |`,
    `| \`dist/reference.html\` size | ${(reference.length / 1024).toFixed(1)} KB (${(gzipSync(reference).length / 1024).toFixed(1)} KB gzipped) |`,
    `| playground page load → wizard usable (settings and sheets loaded) | ${ms(median(load))} |`,
    `| sidebar frame start → wizard usable | ${ms(median(ready))} |`,
    `| Create (all four templates, defaults) → every new tab in the grid | ${ms(median(create))} |`,
    '',
  ].join('\n');
}
