/** The playground's HTTP server: bad requests get a 4xx and a message, and it keeps serving. */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadReply } from '../../src/addon/api';
import { defaultSettings } from '../../src/addon/settings';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import type { SheetSnapshot } from '../../src/playground/backend';
import { PAGE_FILE, PLAYGROUND_DIST, SHIM_FILE } from '../../src/playground/built';
import {
  CONTACTS_SHEET,
  CRM_SHEET,
  crmMeetings,
  DEALS_SHEET,
  GOOGLE_ADS_SHEET,
  LINKEDIN_SHEET,
} from '../../src/playground/raw-sample';
import { BUDGET_SHEET } from '../../src/playground/sample';
import { BODY_LIMIT, type Playground, startPlayground } from '../../src/playground/server';
import { wizardOver } from './harness';

let playground: Playground;

beforeAll(async () => {
  playground = await startPlayground({ port: 0 });
});
afterAll(async () => {
  await playground?.close();
});

function post(path: string, body: string, type = 'application/json') {
  return fetch(new URL(path, playground.url), {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });
}

async function sheets(): Promise<SheetSnapshot[]> {
  const response = await fetch(new URL('/api/workbook', playground.url));
  expect(response.status).toBe(200);
  return (await response.json()) as SheetSnapshot[];
}

describe('the playground server', () => {
  it('serves the sample workbook with formulas and computed values', async () => {
    const all = await sheets();
    expect(all.map((s) => s.name)).toEqual([
      BUDGET_SHEET,
      GOOGLE_ADS_SHEET,
      LINKEDIN_SHEET,
      CRM_SHEET,
      CONTACTS_SHEET,
      DEALS_SHEET,
    ]);
    const budget = all[0]!;
    expect(budget.formulas[1]![5]).toBe('=CPQM(B2, C2, E2, D2)');
    expect(budget.values[1]![5]).toBeCloseTo(FUNCTIONS.CPQM!(950, 10, 0.7, 1) as number, 9);
    expect(budget.values[3]![5]).toBeCloseTo(FUNCTIONS.CPQM!(1000, 10, 1, 0.8) as number, 9);
    const crm = all.find((s) => s.name === CRM_SHEET)!;
    expect(crm.values.map((r) => r[3])).toEqual(crmMeetings().map((r) => r[3]));
  });

  it('runs a server function on the workbook', async () => {
    const response = await post(
      '/api/run/readWorkbook',
      JSON.stringify([{ columns: [{ sheet: CRM_SHEET, col: 3 }] }]),
    );
    expect(response.status).toBe(200);
    const { value } = (await response.json()) as { value: ReadReply };
    expect(value.view.sheets.map((s) => s.name)).toContain(CRM_SHEET);
    expect(value.view.columns[0]!.values).toEqual(
      crmMeetings()
        .slice(1)
        .map((r) => r[3]),
    );
  });

  it('previews the templates through the wizard’s calls, as the sidebar does', async () => {
    const preview = await wizardOver(playground).previewTemplates(defaultSettings());
    expect(preview.ok && preview.value.length).toBe(defaultSettings().templates.length);
  });

  it('answers an unknown function with 404 and the names it knows', async () => {
    expect((await post('/api/run/%E0%A4%A', '[]')).status).toBe(400);
    const response = await post('/api/run/deleteEverything', '[]');
    expect(response.status).toBe(404);
    const { error } = (await response.json()) as { error: string };
    expect(error).toContain('deleteEverything');
    expect(error).toContain('writeTemplates');
  });

  it('answers malformed JSON and arguments that are not a list with 400', async () => {
    const bad = await post('/api/run/readWorkbook', '{"columns": ');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/not valid JSON/);
    const notList = await post('/api/run/readWorkbook', '{"columns": []}');
    expect(notList.status).toBe(400);
    expect(((await notList.json()) as { error: string }).error).toMatch(/array/);
  });

  it('answers a body over the limit with 413', async () => {
    const response = await post('/api/run/readWorkbook', ' '.repeat(BODY_LIMIT + 1));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toMatch(/limit/);
  });

  it('answers 413 when a body of no declared length runs over the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        new URL('/api/run/writeTemplates', playground.url),
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      const chunk = '['.padEnd(BODY_LIMIT / 2, ' ');
      for (let k = 0; k < 3; k++) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
  });

  it('answers other paths and methods with 404 and 405', async () => {
    expect((await fetch(new URL('/nothing-here', playground.url))).status).toBe(404);
    expect(
      (await fetch(new URL('/api/workbook', playground.url), { method: 'DELETE' })).status,
    ).toBe(405);
    const cell = await post(
      '/api/cell',
      JSON.stringify({ sheet: 'Nope', row: 0, col: 0, input: '1' }),
    );
    expect(cell.status).toBe(404);
    const badCell = await post('/api/cell', JSON.stringify({ sheet: BUDGET_SHEET, row: -1 }));
    expect(badCell.status).toBe(400);
  });

  it('keeps serving after all of that, and takes cell edits with Funnel Math formulas', async () => {
    const response = await post(
      '/api/cell',
      JSON.stringify({ sheet: BUDGET_SHEET, row: 1, col: 7, input: '=MAX_CPQM(20000, 10%, 3)' }),
    );
    expect(response.status).toBe(200);
    const budget = (await sheets()).find((s) => s.name === BUDGET_SHEET)!;
    expect(budget.values[1]![7]).toBeCloseTo(FUNCTIONS.MAX_CPQM!(20000, 0.1, 3) as number, 9);
  });

  it('answers a cell past the sheet’s end with 400, and later formulas still evaluate', async () => {
    for (const [row, col] of [
      [2_000_000, 1],
      [1, 100_000],
    ]) {
      const far = await post(
        '/api/cell',
        JSON.stringify({ sheet: BUDGET_SHEET, row, col, input: '5' }),
      );
      expect(far.status).toBe(400);
      expect(((await far.json()) as { error: string }).error).toMatch(/past the end of the sheet/);
    }
    const sum = await post(
      '/api/cell',
      JSON.stringify({ sheet: BUDGET_SHEET, row: 0, col: 9, input: '=SUM(C2:C)' }),
    );
    expect(sum.status).toBe(200);
    const budget = (await sheets()).find((s) => s.name === BUDGET_SHEET)!;
    const spend = budget.values
      .slice(1)
      .reduce((t, r) => t + (typeof r[2] === 'number' ? r[2] : 0), 0);
    expect(spend).toBeGreaterThan(0);
    expect(budget.values[0]![9]).toBe(spend);
  });

  it('answers a POST whose body is not declared as JSON with 415, changing nothing', async () => {
    const before = JSON.stringify(await sheets());
    const edit = JSON.stringify({ sheet: BUDGET_SHEET, row: 1, col: 1, input: '1' });
    for (const [path, body] of [
      ['/api/cell', edit],
      ['/api/reset', '{}'],
      ['/api/run/writeTemplates', JSON.stringify([{ plans: [] }])],
    ] as const) {
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
      ]) {
        const response = await post(path, body, type);
        expect(response.status, `${path} as ${type}`).toBe(415);
        expect(((await response.json()) as { error: string }).error).toMatch(/application\/json/);
      }
    }
    expect(JSON.stringify(await sheets())).toBe(before);
    expect((await post('/api/cell', edit, 'application/json; charset=utf-8')).status).toBe(200);
  });

  it('answers 403 to a Host header other than the loopback address and port it listens on', async () => {
    const port = new URL(playground.url).port;
    const send = (host: string, method = 'POST') =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          new URL(method === 'GET' ? '/api/workbook' : '/api/cell', playground.url),
          { method, headers: { host, 'content-type': 'application/json' } },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => {
              body += c.toString();
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.end(
          method === 'GET'
            ? undefined
            : JSON.stringify({ sheet: BUDGET_SHEET, row: 1, col: 0, input: 'Rebound' }),
        );
      });
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${Number(port) + 1}`]) {
      const answer = await send(host);
      expect(answer.status, host).toBe(403);
      expect(answer.body).toMatch(/only on this computer/);
    }
    // Reading the workbook from another site's name is refused too.
    expect((await send(`evil.example:${port}`, 'GET')).status).toBe(403);
    expect((await send(`localhost:${port}`, 'GET')).status).toBe(200);
    const budget = (await sheets()).find((s) => s.name === BUDGET_SHEET)!;
    expect(budget.values[1]![0]).not.toBe('Rebound');
    expect((await send(`localhost:${port}`)).status).toBe(200);
    expect((await send(`127.0.0.1:${port}`)).status).toBe(200);
  });

  it('puts google.script.run in the sidebar page before the sidebar script runs', async () => {
    const html = await (await fetch(new URL('/sidebar.html', playground.url))).text();
    const shim = html.indexOf('/api/run/');
    expect(shim).toBeGreaterThan(0);
    expect(shim).toBeLessThan(html.indexOf('<main id="app"'));
  });
});

describe('the playground’s pages', () => {
  it('are served as `npm run build` made them, with no bundling of their own', async () => {
    const built = (file: string) => readFileSync(join(PLAYGROUND_DIST, file), 'utf8');
    const page = await (await fetch(playground.url)).text();
    expect(page).toBe(built(PAGE_FILE));
    const sidebar = await (await fetch(new URL('/sidebar.html', playground.url))).text();
    expect(sidebar).toContain(built(SHIM_FILE));
    const server = readFileSync('src/playground/server.ts', 'utf8');
    expect(server).not.toMatch(/from 'esbuild'/);
  });
});
