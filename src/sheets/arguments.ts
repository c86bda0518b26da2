/**
 * What a function declares about its arguments, and rule 11 of
 * docs/ARGUMENT-RULES.md: the call's arguments as a whole (how many, and what
 * Sheets or a script may pass).
 */
import type { Kind } from './coerce';
import { CallError } from './problem';

/** What the runner needs to know about an argument. */
export interface ParamKind {
  name: string;
  /** `mapping`: the mapping table (rule 13), read whole before the function runs (sheets/mapping.ts). */
  kind: Kind | 'mapping';
  optional?: boolean;
  /** Used when an optional argument is omitted or blank. */
  default?: number | boolean | string;
  /**
   * The labels or keys a text argument accepts, in their canonical spelling
   * (matching forgives case, punctuation and filler words).
   */
  options?: readonly string[];
}

export interface ParamSpec extends ParamKind {
  /** One line for autocomplete; rates say "60% or 0.6", optional ones their default. */
  doc: string;
}

/** How a function is written with its arguments, optional ones in brackets: `CPQM(spend, meetings, qualRate, [showRate])`. */
export function signature(
  fn: string,
  params: readonly { name: string; optional?: boolean }[],
): string {
  return `${fn}(${params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
}

/**
 * Too few or too many arguments, `null`, a list that is not rows of cells, or
 * rows of different lengths are the caller's mistake for the whole call.
 * Sheets itself passes bare values and rectangular 2-D arrays only; scripts
 * calling the functions may pass the rest.
 */
export function checkArguments(
  fn: string,
  params: readonly ParamKind[],
  args: readonly unknown[],
): void {
  checkCount(fn, params, args);
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === null) {
      throw new CallError(
        `${fn}: ${params[k]!.name} is null; pass a value, a range, or "" for a blank`,
      );
    }
    if (!Array.isArray(arg)) continue;
    const width = Array.isArray(arg[0]) ? (arg[0] as unknown[]).length : -1;
    for (let i = 0; i < arg.length; i++) {
      const row = arg[i];
      if (!Array.isArray(row) || row.length !== width) {
        throw new CallError(
          `${fn}: ${params[k]!.name} is not a range of rows of the same length; pass a single value or rows of cells such as [[1], [2]]`,
        );
      }
    }
  }
}

/** Too few or too many arguments: the first of `checkArguments`' checks. */
export function checkCount(
  fn: string,
  params: readonly ParamKind[],
  args: readonly unknown[],
): void {
  let required = 0;
  for (const p of params) if (!p.optional) required++;
  if (args.length < required || args.length > params.length) {
    const count = required === params.length ? `${required}` : `${required} to ${params.length}`;
    throw new CallError(
      `${fn}: takes ${count} argument${params.length === 1 ? '' : 's'}, ${signature(fn, params)}, but got ${args.length}`,
    );
  }
}
