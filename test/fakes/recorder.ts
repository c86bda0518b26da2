/**
 * A recording fake for Google's services: every method call on any object it
 * hands out is recorded as `Service.method` with its arguments, so tests can
 * check what was called and count the calls.
 */
export interface Call {
  path: string;
  args: unknown[];
}

export interface Recorder {
  calls: Call[];
  /**
   * A service whose every method records `Name.method` and returns
   * `returns(path, args)`, or, when that is undefined, another object of the
   * same service (so chains such as `getUi().createAddonMenu().addItem()` work).
   */
  service(name: string, returns?: (path: string, args: unknown[]) => unknown): unknown;
  count(prefix?: string): number;
}

export function recorder(): Recorder {
  const calls: Call[] = [];
  function proxy(path: string, returns?: (path: string, args: unknown[]) => unknown): unknown {
    return new Proxy(
      {},
      {
        get(_target, prop) {
          if (typeof prop === 'symbol' || prop === 'then') return undefined;
          const methodPath = `${path}.${prop}`;
          return (...args: unknown[]) => {
            calls.push({ path: methodPath, args });
            const value = returns?.(methodPath, args);
            return value === undefined ? proxy(path, returns) : value;
          };
        },
      },
    );
  }
  return {
    calls,
    service: (name, returns) => proxy(name, returns),
    count: (prefix = '') => calls.filter((c) => c.path.startsWith(prefix)).length,
  };
}
