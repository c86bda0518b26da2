/**
 * The element-wise functions as SQL: one function per catalogue entry that
 * has a closed form (a native-formula expansion), named as in Sheets in
 * lower case, with the argument rules the sheet functions follow:
 *
 * - a NULL required argument gives NULL, whatever the others hold;
 * - a NULL optional argument takes its default;
 * - arguments are checked in order, the first bad one raising an error that
 *   names it: not finite, money and counts below 0, rates outside [0, 1];
 * - then the formula, where a zero divisor gives NULL (a sheet cell shows #DIV/0!);
 * - and a result that is not finite is an error, as in the sheet.
 *
 * Each entry's formula is its `sql` form in the catalogue, beside `native`:
 * `(args, q) => string`, where `args` are the arguments' SQL expressions in
 * catalogue order (optional ones already defaulted) and `q` is the dialect.
 */
import { RUNTIME } from '../metrics/catalogue';
import type { ElementwiseRuntime } from '../metrics/spec';
import type { ParamKind } from '../sheets/arguments';
import type { Dialect, Part, ScalarDefinition } from './dialect';

/** camelCase argument names become snake_case SQL parameters: qualRate → qual_rate. */
export function sqlName(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The entries that get a SQL function: element-wise ones with a closed form. */
export function sqlEntries(): ElementwiseRuntime[] {
  const entries = RUNTIME.filter(
    (e): e is ElementwiseRuntime => e.mode === 'elementwise' && e.native !== undefined,
  );
  for (const e of entries) {
    if (!e.sql) throw new Error(`${e.name} has a native form but no SQL form`);
  }
  return entries;
}

/** The checks of one argument, in the order the sheet applies them. */
function argumentChecks(fn: string, p: ParamKind, q: Dialect): [string, string][] {
  const v = sqlName(p.name);
  const shown: Part = { num: v };
  const fail = (parts: Part[]) => q.error(q.message([`${fn}: `, ...parts]));
  const checks: [string, string][] = [
    [`NOT ${q.isFinite(v)}`, fail([`${v} is `, { anyNum: v }, ', enter a finite number'])],
  ];
  switch (p.kind) {
    case 'money':
    case 'count':
    case 'factor':
      checks.push([`${v} < 0`, fail([`${v} `, shown, ' is negative, enter 0 or more'])]);
      break;
    case 'rate':
      checks.push([
        `${v} > 1`,
        fail([`${v} `, shown, ' is above 100%: enter ', { num: `${v} / 100` }]),
      ]);
      checks.push([
        `${v} < 0`,
        fail([`${v} `, shown, ' is negative, enter a rate between 0 and 1']),
      ]);
      break;
    case 'number':
      break;
    default:
      throw new Error(`${fn}: a ${p.kind} argument has no SQL form`);
  }
  return checks;
}

/** The whole function for one entry. */
export function scalarFunction(entry: ElementwiseRuntime, q: Dialect): ScalarDefinition {
  const fn = entry.name.toLowerCase();
  const names = entry.params.map((p) => sqlName(p.name));
  const required = entry.params.filter((p) => !p.optional).map((p) => sqlName(p.name));
  const args = entry.params.map((p) =>
    p.optional && p.default !== undefined
      ? `COALESCE(${sqlName(p.name)}, ${p.default})`
      : sqlName(p.name),
  );
  const checks = entry.params.flatMap((p) => argumentChecks(fn, p, q));
  const formula = entry.sql!(args, q);
  const body = [
    `  CASE WHEN ${required.map((r) => `${r} IS NULL`).join(' OR ')} THEN NULL`,
    ...checks.map(([when, then]) => `    WHEN ${when} THEN ${then}`),
    `    ELSE ${q.call('funnel_finite', [formula, q.str(fn)])}`,
    '  END',
  ].join('\n');
  return {
    name: fn,
    params: entry.params.map((p, k) => ({ name: names[k]!, type: q.float, optional: p.optional })),
    returns: q.float,
    body,
  };
}
