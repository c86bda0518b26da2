/**
 * How the settings parser records problems: a checker per place in the
 * settings, each adding to one list of errors at its dotted path, and the
 * limits on sizes that keep a message short and the settings small.
 */
import { show } from '../sheets/format';
import type { FieldError } from './api';
import type { Rule } from './validate-rules';

export const LIMITS = {
  minStages: 2,
  maxStages: 20,
  maxChannels: 200,
  nameLength: 60,
  currencyLength: 5,
  attributionLength: 200,
  sheetLength: 100,
  headerLength: 200,
  maxSpendSheets: 10,
  maxMappingRows: 500,
  mappingValueLength: 200,
} as const;

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks one place in the settings and records what is wrong there. Paths
 * are built by nesting: `c.at('stages').at(2).at('rate')` checks
 * "stages.2.rate", and every checker adds to the same list of errors.
 */
export class Checker {
  constructor(
    readonly errors: FieldError[] = [],
    readonly path = '',
  ) {}

  /** The checker of a field or item inside this one. */
  at(key: string | number): Checker {
    return new Checker(this.errors, this.path === '' ? `${key}` : `${this.path}.${key}`);
  }

  fail(message: string): undefined {
    this.errors.push({ field: this.path, message });
    return undefined;
  }

  number(v: unknown, what: string, rule: Rule): number | undefined {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return this.fail(
        `Enter ${what} as a number${v === '' || v == null ? '' : ` (you entered ${show(v)})`}.`,
      );
    }
    const broken = rule(v);
    return broken === undefined ? v : this.fail(`Enter ${what} ${broken}.`);
  }

  /**
   * Text, trimmed unless `exact` (a sheet name is matched as it is, spaces
   * and all); blank is refused when `required`.
   */
  text(v: unknown, what: string, max: number, required = true, exact = false): string | undefined {
    if (typeof v !== 'string') return this.fail(`Enter ${what} as text.`);
    const t = exact ? v : v.trim();
    if (required && v.trim() === '') return this.fail(`Enter ${what}; it cannot be empty.`);
    if (t.length > max)
      return this.fail(`Shorten ${what} to at most ${max} characters (it has ${t.length}).`);
    return t;
  }
}
