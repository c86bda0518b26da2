/**
 * The one way the sidebar talks to the server: a promise wrapper over
 * google.script.run, typed from ServerApi so a renamed or re-typed server
 * function breaks the sidebar's build rather than the user's session.
 */
import type { AsyncServerApi, ServerApi, ServerCall } from '../addon/api';

type Handler = (value: unknown) => void;

/** The slice of google.script.run the wrapper uses. */
export interface ScriptRunner {
  withSuccessHandler(handler: Handler): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
  [call: string]: unknown;
}

declare global {
  interface Window {
    google?: { script: { run: ScriptRunner } };
  }
}

export type Reply<K extends ServerCall> = ReturnType<ServerApi[K]>;

/**
 * Calls a server function. A runner carries its handlers, so each call takes
 * a fresh one from google.script.run: reusing a runner would route one
 * call's reply to another call's promise.
 */
export function call<K extends ServerCall>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<Reply<K>> {
  return new Promise((resolve, reject) => {
    const google = window.google;
    if (!google) {
      reject(new Error('google.script.run is not available: open this page from the add-on menu'));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as Reply<K>))
      .withFailureHandler((error) =>
        reject(error instanceof Error ? error : new Error(String(error))),
      );
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`The server has no function ${name}`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

/** The server's calls, each a promise over google.script.run. */
export const server: AsyncServerApi = {
  readWorkbook: (request) => call('readWorkbook', request),
  writeTemplates: (request) => call('writeTemplates', request),
};
