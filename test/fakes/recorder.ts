/**
 * A recording fake for Google's services: every method call on any object it
 * hands out is recorded as `Service.method` with its arguments, so tests can
 * check what was called and count the calls.
 */
export interface Call {
  path: string;
  args: unknown[];
}

export interface StubOptions {
  fields?: Record<string, unknown>;
  /** Runs for every method not in `methods` (it may throw, as Google's services do). */
  other?: (method: string, args: unknown[]) => unknown;
}

export interface Recorder {
  calls: Call[];
  /**
   * A service whose every method records `Name.method` and returns
   * `returns(path, args)`, or, when that is undefined, another object of the
   * same service (so chains such as `getUi().createAddonMenu().addItem()` work).
   */
  service(name: string, returns?: (path: string, args: unknown[]) => unknown): unknown;
  /**
   * An object whose listed methods run as given (their results returned as
   * they are) and whose other methods behave as `service(name)`'s, or run
   * `options.other` when given; every call is recorded as `Name.method`
   * either way. `options.fields` are plain properties (enums such as
   * `SpreadsheetApp.SheetType`), read without a record. For fakes with state,
   * such as a spreadsheet's sheets.
   */
  stub(
    name: string,
    methods: Record<string, (...args: any[]) => unknown>,
    options?: StubOptions,
  ): any;
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
  function stub(
    name: string,
    methods: Record<string, (...args: any[]) => unknown>,
    options: StubOptions = {},
  ): unknown {
    const fallback = proxy(name) as Record<string, (...args: unknown[]) => unknown>;
    const { fields = {}, other } = options;
    return new Proxy(
      {},
      {
        get(_target, prop) {
          if (typeof prop === 'symbol' || prop === 'then') return undefined;
          if (Object.hasOwn(fields, prop)) return fields[prop];
          const own = Object.hasOwn(methods, prop)
            ? methods[prop]
            : other && ((...args: unknown[]) => other(prop, args));
          if (!own) return fallback[prop];
          return (...args: unknown[]) => {
            calls.push({ path: `${name}.${prop}`, args });
            return own(...args);
          };
        },
      },
    );
  }
  return {
    calls,
    service: (name, returns) => proxy(name, returns),
    stub,
    count: (prefix = '') => calls.filter((c) => c.path.startsWith(prefix)).length,
  };
}
