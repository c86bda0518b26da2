/**
 * Shared set-up for the browser tests: Debian's Chromium driven by
 * playwright-core against a playground started in this process on a free port.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { AsyncServerApi, AsyncWizardApi } from '../../src/addon/api';
import { wizardAsync } from '../../src/addon/planner';
import type { SheetSnapshot } from '../../src/playground/backend';
import { type Playground, startPlayground } from '../../src/playground/server';

/** Debian's Chromium unless CHROMIUM_PATH names another Chromium or Chrome. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '../artifacts');

export async function launchBrowser(executablePath = CHROMIUM): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is not installed at ${executablePath}: run \`apt-get install -y chromium\` or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function start(): Promise<{ browser: Browser; playground: Playground }> {
  const [browser, playground] = await Promise.all([launchBrowser(), startPlayground({ port: 0 })]);
  mkdirSync(ARTIFACTS, { recursive: true });
  return { browser, playground };
}

/**
 * The wizard's calls as the sidebar makes them, over the playground's bridge
 * to the server (what its google.script.run stand-in posts).
 */
export function wizardOver(playground: Playground): AsyncWizardApi {
  const post =
    (name: string) =>
    async (...args: unknown[]): Promise<never> => {
      const response = await fetch(new URL(`/api/run/${name}`, playground.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
      const body = (await response.json()) as { value?: never; error?: string };
      if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
      return body.value as never;
    };
  const server: AsyncServerApi = {
    readWorkbook: post('readWorkbook'),
    writeTemplates: post('writeTemplates'),
  };
  return wizardAsync(server);
}

export async function workbook(playground: Playground): Promise<SheetSnapshot[]> {
  const response = await fetch(new URL('/api/workbook', playground.url));
  if (!response.ok) throw new Error(`/api/workbook answered ${response.status}`);
  return (await response.json()) as SheetSnapshot[];
}

export function sheet(sheets: SheetSnapshot[], name: string): SheetSnapshot {
  const found = sheets.find((s) => s.name === name);
  if (!found)
    throw new Error(`No sheet ${name}; there are ${sheets.map((s) => s.name).join(', ')}`);
  return found;
}

/** The playground page, with the sidebar loaded and ready for clicks. */
export async function openPlayground(
  browser: Browser,
  playground: Playground,
): Promise<{ page: Page; sidebar: FrameLocator; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('favicon'))
      problems.push(`console: ${m.text()}`);
  });
  await page.goto(playground.url);
  const sidebar = page.frameLocator('#sidebar');
  await sidebar.locator('body[data-ready="true"]').waitFor();
  return { page, sidebar, problems };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/**
 * A browser suite's shared set-up: one browser and one playground for the
 * file, the sample workbook again before each test, and the pages a test
 * opened closed after it.
 */
export function playgroundSuite() {
  let started: { browser: Browser; playground: Playground } | undefined;
  const pages: Page[] = [];
  const get = () => {
    if (!started) throw new Error('the browser and playground are not started yet');
    return started;
  };
  beforeAll(async () => {
    started = await start();
  }, 30_000);
  afterAll(async () => {
    await started?.browser.close();
    await started?.playground.close();
  });
  beforeEach(() => {
    get().playground.reset();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
  });
  return {
    get playground(): Playground {
      return get().playground;
    },
    /** A bare page, closed after the test. */
    async newPage(viewport: { width: number; height: number }): Promise<Page> {
      const page = await get().browser.newPage({ viewport });
      pages.push(page);
      return page;
    },
    /** The playground page with the sidebar ready, closed after the test. */
    async open(): Promise<{ page: Page; sidebar: FrameLocator; problems: string[] }> {
      const opened = await openPlayground(get().browser, get().playground);
      pages.push(opened.page);
      return opened;
    },
  };
}
