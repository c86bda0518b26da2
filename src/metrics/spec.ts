/**
 * What every catalogue entry declares. From this one description come the
 * Apps Script wrapper and its JSDoc, the function reference, docs/FUNCTIONS.md,
 * the registration in the in-memory spreadsheet engine and the catalogue-wide tests.
 *
 * An entry is written in two parts beside each other in its family's file:
 * what runs (name, argument kinds, the math, the native expansion) and what
 * people read (summary, argument docs, examples). The Apps Script bundle only
 * needs the first — its JSDoc is generated at build time — so keeping the
 * prose in separate, side-effect-free declarations lets the bundler leave it
 * out, which keeps the bundle far under its size budget.
 */

import type { ParamKind, ParamSpec } from '../sheets/arguments';
import type { Day } from '../sheets/dates';
import { type Mapping, readMapping } from '../sheets/mapping';
import type { Scalar, SheetResult } from '../sheets/result';
import { elementwise, type Kernel, wholeRange } from '../sheets/run';
import type { Shape } from '../sheets/shapes';
import { MAPPING_MEANINGS } from './mapping-meanings';

export type Family =
  | 'Cost and efficiency'
  | 'Funnel'
  | 'Meeting outcomes'
  | 'Capacity'
  | 'Qualification and benchmarks'
  | 'Reports from raw data';

export interface Example {
  /** The arguments exactly as Sheets would pass them. */
  args: unknown[];
  /** How a user writes it, for the docs: `=CPQM(950, 10, 70%)`. */
  formula: string;
  /** The expected result; numbers are compared to `digits` decimals. */
  result: SheetResult;
  digits?: number;
  /** Where the example comes from and what it shows. */
  note?: string;
}

/** What people read about a function. */
export interface Docs {
  family: Family;
  /** One line: what the result is. */
  summary: string;
  /** One line per argument, by name: rates say "60% or 0.6", optional ones their default. */
  params: Record<string, string>;
  /** The @return line. */
  returns: string;
  /** What a single-value call gives back; ranges give a grid of these. */
  resultType: 'number' | 'text' | 'table';
  examples: Example[];
}

/** The JavaScript value a clean argument of each kind arrives as. */
interface KindValue {
  money: number;
  count: number;
  rate: number;
  factor: number;
  number: number;
  measure: unknown;
  flag: boolean;
  text: string;
  date: Day;
  mapping: Mapping;
}

/** The kernel's arguments, typed from the declared params: `[spend: number, …]`. */
export type KernelArgs<P extends readonly ParamKind[]> = {
  -readonly [K in keyof P]: KindValue[P[K]['kind']];
};

/**
 * Native forms: the same result with built-in Sheets functions only, given
 * each argument's cell reference or range (undefined when an optional one is
 * omitted), as formula text without `=`.
 */
export type NativeForm = (refs: readonly (string | undefined)[]) => string;

/**
 * A piece of an SQL error message: plain text, an SQL value shown as text ("blank" when NULL),
 * or an SQL number shown as messages show numbers (`anyNum` also shows NaN and ±Infinity).
 */
export type SqlMessagePart = string | { sql: string } | { num: string } | { anyNum: string };

/**
 * What an SQL form may use of an SQL dialect (DuckDB or BigQuery, built in src/warehouse).
 * Every hook takes and returns SQL expression text.
 */
export interface SqlOps {
  /** n / d, NULL when d is 0: where a sheet cell shows #DIV/0!, SQL gives NULL. */
  div(n: string, d: string): string;
  /** n / (f1 * f2 * …), NULL when any factor is 0, as the kernels test each factor. */
  divByProduct(n: string, factors: readonly string[]): string;
  /** a * b, ±Infinity where the product leaves the float range, for the finite check to name. */
  mul(a: string, b: string): string;
  /** Raises an error whose message is the string expression `message`. */
  error(message: string): string;
  message(parts: readonly SqlMessagePart[]): string;
  /** A call of a helper function the generated SQL defines (funnel_ceil_forgiving). */
  call(helper: string, args: readonly string[]): string;
}

/**
 * The SQL form of one element: given the arguments' SQL expressions in catalogue order
 * (optional ones already defaulted), the result's SQL, with the same operands and the same
 * operation order as the kernel, so both give the same bits. NULL handling, the argument
 * checks and a finite result come from `params`, in src/warehouse.
 */
export type SqlForm = (args: readonly string[], q: SqlOps) => string;

export interface ElementwiseRuntime {
  name: string;
  mode: 'elementwise';
  params: readonly ParamKind[];
  /** The math on clean single values; throws a Problem for bad ones. */
  kernel: Kernel;
  /** The native form of one element, over single cells. */
  native?: NativeForm;
  /** The SQL form of one element (DuckDB macros and BigQuery UDFs). */
  sql?: SqlForm;
}

export interface WholeRangeRuntime {
  name: string;
  mode: 'whole';
  params: readonly ParamKind[];
  /** Reads whole ranges itself (through sheets/ helpers); throws Problem or CallError. */
  run: (...args: unknown[]) => SheetResult;
  /** The native form over whole ranges of the same size. */
  native?: NativeForm;
  /**
   * The largest result for arguments of these shapes (undefined for an
   * omitted one), for engines that reserve a spill area before computing.
   * Omit for functions that always return a single value.
   */
  resultSize?: (shapes: (Shape | undefined)[]) => Shape;
}

/**
 * An element-wise entry whose kernel is typed from its params: the compiler
 * checks that `kernel(spend, meetings, qualRate, showRate)` takes what the
 * runner hands it, in that order.
 */
export function elementwiseEntry<const P extends readonly ParamKind[]>(entry: {
  name: string;
  params: P;
  kernel: (...args: KernelArgs<P>) => Scalar;
  native?: NativeForm;
  sql?: SqlForm;
}): ElementwiseRuntime {
  return { ...entry, mode: 'elementwise', kernel: entry.kernel as unknown as Kernel };
}

export type Runtime = ElementwiseRuntime | WholeRangeRuntime;

/** A runtime entry joined with what people read about it. */
type Documented<R extends Runtime> = Omit<R, 'params'> &
  Omit<Docs, 'params'> & { params: ParamSpec[] };

export type ElementwiseSpec = Documented<ElementwiseRuntime>;
export type WholeRangeSpec = Documented<WholeRangeRuntime>;
export type FunctionSpec = ElementwiseSpec | WholeRangeSpec;

export type SheetFunction = (...args: unknown[]) => SheetResult;

/** The whole entry: what runs and what people read, checked to describe the same arguments. */
export function withDocs(runtime: Runtime, docs: Docs): FunctionSpec {
  const names = runtime.params.map((p) => p.name);
  const documented = Object.keys(docs.params);
  if (documented.join() !== names.join()) {
    throw new Error(`${runtime.name}: docs describe (${documented}) but it takes (${names})`);
  }
  return {
    ...runtime,
    ...docs,
    params: runtime.params.map((p) => ({ ...p, doc: docs.params[p.name]! })),
  } as FunctionSpec;
}

/**
 * A whole-range function's run, with its mapping argument (if it takes one)
 * read once, before the run, into the parsed table: omitted or blank, it is
 * the empty table.
 */
function withMapping(spec: WholeRangeRuntime): (...args: unknown[]) => SheetResult {
  const at = spec.params.findIndex((p) => p.kind === 'mapping');
  if (at < 0) return spec.run;
  return (...args) => {
    const parsed = args.slice(0, spec.params.length);
    while (parsed.length < spec.params.length) parsed.push(undefined);
    parsed[at] = readMapping(args[at], MAPPING_MEANINGS);
    return spec.run(...parsed);
  };
}

/** The callable Sheets, the engine and the tests use for an entry. */
export function compile(spec: Runtime): SheetFunction {
  return spec.mode === 'elementwise'
    ? elementwise(spec.name, spec.params, spec.kernel)
    : wholeRange(spec.name, spec.params, withMapping(spec));
}
