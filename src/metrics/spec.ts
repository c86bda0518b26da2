/**
 * What every catalogue entry declares. From this one description come the
 * Apps Script wrapper and its JSDoc, the function reference, docs/FUNCTIONS.md,
 * the registration in the in-memory spreadsheet engine and the catalogue-wide tests.
 */
import {
  elementwise,
  type Kernel,
  type ParamSpec,
  type Shape,
  type SheetResult,
  whole,
} from '../sheets/run';

export type Family =
  | 'Cost and efficiency'
  | 'Funnel'
  | 'Meeting outcomes'
  | 'Capacity'
  | 'Qualification and benchmarks';

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

interface BaseSpec {
  name: string;
  family: Family;
  /** One line: what the result is. */
  summary: string;
  params: ParamSpec[];
  /** The @return line. */
  returns: string;
  /** What a single-value call gives back; ranges give a grid of these. */
  resultType: 'number' | 'text' | 'table';
  examples: Example[];
}

export interface ElementwiseSpec extends BaseSpec {
  mode: 'elementwise';
  /** The math on clean single values; throws a Problem for bad ones. */
  kernel: Kernel;
  /**
   * The same result with built-in Sheets functions only, for one element:
   * given each argument's cell reference (or undefined when an optional one
   * is omitted), the formula text without `=`.
   */
  native?: (refs: (string | undefined)[]) => string;
}

export interface WholeRangeSpec extends BaseSpec {
  mode: 'whole';
  /** Reads whole ranges itself (through sheets/ helpers); throws Problem or CallError. */
  run: (...args: unknown[]) => SheetResult;
  /**
   * The largest result for arguments of these shapes (undefined for an
   * omitted one), for engines that reserve a spill area before computing.
   * Omit for functions that always return a single value.
   */
  resultSize?: (shapes: (Shape | undefined)[]) => Shape;
}

export type FunctionSpec = ElementwiseSpec | WholeRangeSpec;

export type SheetFunction = (...args: unknown[]) => SheetResult;

/** The callable Sheets, the engine and the tests use for an entry. */
export function compile(spec: FunctionSpec): SheetFunction {
  return spec.mode === 'elementwise'
    ? elementwise(spec.name, spec.params, spec.kernel)
    : whole(spec.name, spec.run);
}
