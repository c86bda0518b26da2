/** The sidebar's promise wrapper over google.script.run, against a stand-in that answers out of order. */
import { afterEach, describe, expect, it } from 'vitest';
import { call, type ScriptRunner } from '../../src/sidebar/rpc';

interface Pending {
  name: string;
  args: unknown[];
  success?: (v: unknown) => void;
  failure?: (e: Error) => void;
}

/** google.script.run as Apps Script gives it: a new runner on every access, handlers per runner. */
function fakeRun(): { pending: Pending[]; runners: () => number } {
  const pending: Pending[] = [];
  let made = 0;
  const runner = (p: Omit<Pending, 'name' | 'args'>): ScriptRunner =>
    new Proxy({} as ScriptRunner, {
      get(_t, name: string) {
        if (name === 'withSuccessHandler')
          return (h: Pending['success']) => runner({ ...p, success: h });
        if (name === 'withFailureHandler')
          return (h: Pending['failure']) => runner({ ...p, failure: h });
        if (name === 'readWorkbook' || name === 'writeTemplates') {
          return (...args: unknown[]) => pending.push({ ...p, name, args });
        }
        return undefined;
      },
    });
  (globalThis as { window?: unknown }).window = {
    google: {
      script: {
        get run() {
          made += 1;
          return runner({});
        },
      },
    },
  };
  return { pending, runners: () => made };
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('call', () => {
  it('takes a fresh runner per call, so replies that arrive out of order reach the right caller', async () => {
    const { pending, runners } = fakeRun();
    const first = call('readWorkbook', { columns: [] });
    const second = call('writeTemplates', { plans: [] } as never);
    expect(runners()).toBe(2);
    expect(pending.map((p) => [p.name, p.args])).toEqual([
      ['readWorkbook', [{ columns: [] }]],
      ['writeTemplates', [{ plans: [] }]],
    ]);
    pending[1]!.success!({ ok: true, value: { tabs: ['Definitions'] } });
    pending[0]!.success!({ view: { sheets: [] } });
    expect(await second).toEqual({ ok: true, value: { tabs: ['Definitions'] } });
    expect(await first).toEqual({ view: { sheets: [] } });
  });

  it('rejects with the server’s error', async () => {
    const { pending } = fakeRun();
    const reply = call('readWorkbook', { columns: [] });
    pending[0]!.failure!(new Error('Exception: You do not have permission'));
    await expect(reply).rejects.toThrow('You do not have permission');
  });

  it('rejects, rather than hanging, outside Apps Script', async () => {
    (globalThis as { window?: unknown }).window = {};
    await expect(call('readWorkbook', { columns: [] })).rejects.toThrow(/add-on menu/);
  });
});
