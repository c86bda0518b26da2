/**
 * google.script.run for the playground: each call is POSTed to the
 * playground server, which runs the same server functions Apps Script runs.
 * Like the real one, every access to google.script.run gives a new runner
 * and handlers are called asynchronously.
 */

type Success = ((value: unknown) => void) | null;
type Failure = ((error: Error) => void) | null;

function post(name: string, args: unknown[], success: Success, failure: Failure): void {
  fetch(`/api/run/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args),
  })
    .then(async (response) => {
      const body = (await response.json()) as { value?: unknown; error?: string };
      if (!response.ok) throw new Error(body.error ?? `${name} failed (${response.status})`);
      // The grid beside the sidebar redraws after any call that may change the workbook.
      window.parent.postMessage(
        { source: 'funnel-math', call: name, value: body.value },
        window.location.origin,
      );
      success?.(body.value);
    })
    .catch((e: unknown) => failure?.(e instanceof Error ? e : new Error(String(e))));
}

function runner(success: Success, failure: Failure): unknown {
  return new Proxy(
    {},
    {
      get(_target, name) {
        if (typeof name !== 'string' || name === 'then') return undefined;
        if (name === 'withSuccessHandler') return (h: Success) => runner(h, failure);
        if (name === 'withFailureHandler') return (h: Failure) => runner(success, h);
        if (name === 'withUserObject') return () => runner(success, failure);
        return (...args: unknown[]) => post(name, args, success, failure);
      },
    },
  );
}

const w = window as unknown as { google: { script: { run: unknown } } };
w.google = {
  script: {
    get run() {
      return runner(null, null);
    },
  },
};
