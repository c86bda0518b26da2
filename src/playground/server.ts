/**
 * The playground's HTTP server (node:http, no framework): the page, the real
 * sidebar HTML with a google.script.run that posts here, the server
 * functions on the in-memory workbook, and the workbook as JSON.
 *
 * Every bad request gets a 4xx and a message, and the server keeps serving:
 * the page and the tests poke at it with half-typed input.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerCall } from '../addon/api';
import { REFERENCE_FILE, SIDEBAR_FILE } from '../addon/menu';
import { messageOf } from '../sheets/format';
import { type Backend, sampleBackend } from './backend';
import { PAGE_FILE, PLAYGROUND_DIST, SHIM_FILE } from './built';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Bodies above this are refused: the biggest real call (settings) is a few KB. */
export const BODY_LIMIT = 1024 * 1024;

export interface PlaygroundOptions {
  /** 0 picks a free port. */
  port?: number;
  hostname?: string;
  /** A fresh workbook and host; called at start and on reset. */
  backend?: () => Backend;
  /** Where the built sidebar pages are (dist/ by default). */
  distDir?: string;
}

export interface Playground {
  url: string;
  server: Server;
  /** The workbook the pages are working on now. */
  backend(): Backend;
  /** Back to the sample workbook, as the page's Reset button does. */
  reset(): void;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A file `npm run build` wrote: the playground serves the pages exactly as built. */
function readBuilt(dir: string, file: string): string {
  const path = join(dir, file);
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`npm run build\` first (npm start does it for you)`);
  }
  return readFileSync(path, 'utf8');
}

/** The built sidebar page with the playground's google.script.run placed before its own script. */
export function withShim(page: string, shim: string): string {
  const at = page.indexOf('</head>');
  if (at < 0) throw new Error('The sidebar page has no </head> to put the shim before');
  return `${page.slice(0, at)}<script>\n${shim}\n</script>\n${page.slice(at)}`;
}

function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > BODY_LIMIT) {
      req.resume();
      reject(
        new HttpError(413, `The request body is ${declared} bytes; the limit is ${BODY_LIMIT}`),
      );
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > BODY_LIMIT) {
        refused = true;
        chunks.length = 0;
        reject(new HttpError(413, `The request body is over the limit of ${BODY_LIMIT} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/**
 * The Host headers a browser sends for this server. Any other name means a
 * page on another site reached it through its own DNS name (DNS rebinding).
 */
function loopbackHosts(hostname: string, port: number): Set<string> {
  const names = ['localhost', '127.0.0.1', '[::1]'];
  if (hostname !== '0.0.0.0' && hostname !== '::') {
    names.push(hostname.includes(':') ? `[${hostname}]` : hostname);
  }
  return new Set(names.map((n) => `${n.toLowerCase()}:${port}`));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `The request body is not valid JSON: ${(e as Error).message}`);
  }
}

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const makeBackend = options.backend ?? (() => sampleBackend());
  const distDir = options.distDir ?? join(root, 'dist');
  const playgroundDir = join(root, PLAYGROUND_DIST);
  // Read once at start.
  const pageHtml = readBuilt(playgroundDir, PAGE_FILE);
  const sidebarHtml = withShim(
    readBuilt(distDir, `${SIDEBAR_FILE}.html`),
    readBuilt(playgroundDir, SHIM_FILE),
  );
  const referenceHtml = readBuilt(distDir, `${REFERENCE_FILE}.html`);

  let backend = makeBackend();
  // Known once listening: port 0 picks a free port.
  let hosts = new Set<string>();

  const routes = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://playground');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const host = (req.headers.host ?? '').toLowerCase();
    if (!hosts.has(host)) {
      throw new HttpError(
        403,
        `The playground answers only on this computer (${[...hosts].join(', ')}), not Host ${JSON.stringify(host)}`,
      );
    }
    const only = (allowed: string): void => {
      if (method !== allowed) throw new HttpError(405, `${path} takes ${allowed}, not ${method}`);
      // A page on another site can post text/plain without asking; JSON needs a CORS preflight, which gets a 405.
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (method === 'POST' && type !== 'application/json') {
        throw new HttpError(
          415,
          `${path} takes a JSON body sent as Content-Type: application/json`,
        );
      }
    };

    if (path === '/' || path === '/index.html') {
      only('GET');
      return send(res, 200, pageHtml, 'text/html');
    }
    if (path === `/${SIDEBAR_FILE}.html`) {
      only('GET');
      return send(res, 200, sidebarHtml, 'text/html');
    }
    if (path === `/${REFERENCE_FILE}.html`) {
      only('GET');
      return send(res, 200, referenceHtml, 'text/html');
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (path === '/api/workbook') {
      only('GET');
      return sendJson(res, 200, backend.snapshot());
    }
    if (path === '/api/reset') {
      only('POST');
      backend = makeBackend();
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/api/cell') {
      only('POST');
      const body = (await readJson(req)) as Record<string, unknown> | undefined;
      const { sheet, row, col, input } = body ?? {};
      if (
        typeof sheet !== 'string' ||
        !Number.isInteger(row) ||
        !Number.isInteger(col) ||
        (row as number) < 0 ||
        (col as number) < 0 ||
        typeof input !== 'string'
      ) {
        throw new HttpError(
          400,
          'Send {"sheet": name, "row": n, "col": n, "input": text} with 0-based row and col',
        );
      }
      if (!backend.snapshot().some((s) => s.name === sheet)) {
        throw new HttpError(404, `There is no sheet called ${JSON.stringify(sheet)}`);
      }
      try {
        backend.setCell(sheet, row as number, col as number, input);
      } catch (e) {
        throw new HttpError(400, messageOf(e));
      }
      return sendJson(res, 200, { ok: true });
    }
    if (path.startsWith('/api/run/')) {
      only('POST');
      let name: string;
      try {
        name = decodeURIComponent(path.slice('/api/run/'.length));
      } catch {
        throw new HttpError(400, `${path} is not a valid function name`);
      }
      if (!Object.hasOwn(backend.calls, name)) {
        throw new HttpError(
          404,
          `There is no server function ${JSON.stringify(name)}; the sidebar may call ${Object.keys(backend.calls).join(', ')}`,
        );
      }
      const args = (await readJson(req)) ?? [];
      if (!Array.isArray(args)) {
        throw new HttpError(400, 'Send the arguments as a JSON array');
      }
      const fn = backend.calls[name as ServerCall] as (...a: unknown[]) => unknown;
      try {
        // Through JSON both ways, as google.script.run carries nothing else.
        return sendJson(res, 200, { value: JSON.parse(JSON.stringify(fn(...args)) ?? 'null') });
      } catch (e) {
        // google.script.run hands a thrown server error to the failure handler.
        return sendJson(res, 500, { error: messageOf(e) });
      }
    }
    throw new HttpError(404, `Nothing at ${path}`);
  };

  const server = createServer((req, res) => {
    routes(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      const message = messageOf(e);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // After a refused body the rest of it is not worth reading.
      if (status === 413) res.setHeader('connection', 'close');
      sendJson(res, status, { error: message });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.hostname ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  hosts = loopbackHosts(options.hostname ?? '127.0.0.1', address.port);
  const url = `http://${options.hostname ?? '127.0.0.1'}:${address.port}/`;

  return {
    url,
    server,
    backend: () => backend,
    reset: () => {
      backend = makeBackend();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
