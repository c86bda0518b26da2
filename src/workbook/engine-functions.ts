/**
 * Registers every catalogue function in HyperFormula, so the in-memory
 * workbook (tests and the playground) evaluates `=CPQM(...)` with the very
 * code Apps Script runs. Dev only: never part of the Apps Script bundle.
 *
 * The plugin is HyperFormula's custom-function pattern: a FunctionPlugin
 * subclass whose static implementedFunctions names, for each function, the
 * method that computes it and, for a function that may return a range, the
 * method that predicts its result's size. One method computes every
 * catalogue function and one sizes them; both read which function was
 * called from the formula's syntax tree (`ast.procedureName`).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  type FunctionMetadata,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
  SimpleRangeValue,
} from 'hyperformula';
import { CATALOGUE, FUNCTIONS } from '../metrics/catalogue';
import type { FunctionSpec } from '../metrics/spec';
import { messageOf } from '../sheets/format';
import type { ErrorCode } from '../sheets/problem';
import type { SheetResult } from '../sheets/result';
import type { Shape } from '../sheets/shapes';

/*
 * The types of a plugin's methods. HyperFormula's entry point exports
 * FunctionPlugin but not the syntax-tree, state and check types its own
 * plugins are written with, so they are read off FunctionPlugin.runFunction.
 */
type RunFunction = FunctionPlugin['runFunction'];
type ProcedureAst = Extract<Parameters<RunFunction>[0][number], { procedureName: string }>;
type InterpreterState = Parameters<RunFunction>[1];
type InterpreterValue = ReturnType<Parameters<RunFunction>[3]>;
type PluginFunction = (ast: ProcedureAst, state: InterpreterState) => InterpreterValue;
type PluginArraySize = (ast: ProcedureAst, state: InterpreterState) => ArraySize;
/** HyperFormula's FunctionPluginTypecheck: every public method computes a function or sizes its result. */
type FunctionPluginTypecheck<T> = {
  [K in keyof T]: T[K] extends PluginFunction | PluginArraySize ? T[K] : never;
};

/** The code Sheets shows for each engine error, which is what a custom function receives. */
const SHEETS_ERROR: Record<ErrorType, ErrorCode | '#NAME?' | '#ERROR!'> = {
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.NA]: '#N/A',
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.REF]: '#REF!',
  // Sheets reports a circular reference and a blocked spill as #REF!.
  [ErrorType.CYCLE]: '#REF!',
  [ErrorType.SPILL]: '#REF!',
  [ErrorType.NAME]: '#NAME?',
  [ErrorType.ERROR]: '#ERROR!',
  [ErrorType.LIC]: '#ERROR!',
};

/** An engine value as Sheets hands it to a custom function. */
function toSheets(value: InterpreterValue | undefined): unknown {
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(toSheets));
  if (value === EmptyValue || value === undefined) return '';
  if (value instanceof CellError) return SHEETS_ERROR[value.type];
  // Dates, currency and percentages are numbers with a format.
  if (typeof value === 'object') return value.val;
  return value;
}

function fromSheets(result: SheetResult): InterpreterValue {
  return Array.isArray(result) ? SimpleRangeValue.onlyValues(result) : result;
}

/** An element-wise result takes the shape of its one range argument (single values broadcast). */
function elementwiseSize(shapes: (Shape | undefined)[]): Shape {
  let rows = 1;
  let cols = 1;
  for (const s of shapes) {
    if (s && s.rows * s.cols > 1) {
      rows = s.rows;
      cols = s.cols;
    }
  }
  return { rows, cols };
}

/** How large a function's result can be, or undefined for one that always returns a single value. */
function sizeFor(spec: FunctionSpec): ((shapes: (Shape | undefined)[]) => Shape) | undefined {
  if (spec.mode === 'elementwise') return elementwiseSize;
  return spec.resultSize;
}

const SPECS: ReadonlyMap<string, FunctionSpec> = new Map(CATALOGUE.map((s) => [s.name, s]));

function spec(name: string): FunctionSpec {
  const found = SPECS.get(name);
  if (!found) throw new Error(`${name} is not a Funnel Math function.`);
  return found;
}

function metadata(spec: FunctionSpec): FunctionMetadata {
  return {
    method: 'catalogueFunction',
    ...(sizeFor(spec) ? { sizeOfResultArrayMethod: 'catalogueResultSize' } : {}),
    // Every argument reaches the function as Sheets passes it: a value or a whole range.
    parameters: spec.params.map((p) => ({
      argumentType: FunctionArgumentType.ANY,
      ...(p.optional ? { optionalArg: true } : {}),
    })),
    vectorizationForbidden: true,
  };
}

class FunnelMathPlugin extends FunctionPlugin implements FunctionPluginTypecheck<FunnelMathPlugin> {
  static implementedFunctions: ImplementedFunctions = Object.fromEntries(
    CATALOGUE.map((s) => [s.name, metadata(s)]),
  );

  /** Any catalogue function: the code Apps Script runs, on the arguments as Sheets passes them. */
  catalogueFunction(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    const { name } = spec(ast.procedureName);
    const fn = FUNCTIONS[name]!;
    return this.runFunction(ast.args, state, this.metadata(name), (...args: InterpreterValue[]) => {
      try {
        return fromSheets(fn(...args.map(toSheets)));
      } catch (e) {
        // Sheets shows a thrown custom-function error as #ERROR! with its message.
        return new CellError(ErrorType.ERROR, messageOf(e));
      }
    });
  }

  /** The size of a catalogue function's result, from its arguments' sizes. */
  catalogueResultSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const called = spec(ast.procedureName);
    const size = sizeFor(called);
    if (!size) return ArraySize.scalar();
    const shapes = called.params.map((_, k) => {
      const arg = ast.args[k];
      // A blank literal ("") is an optional argument left out, as the functions read it (rule 3).
      if (!arg || isBlankLiteral(arg)) return undefined;
      const s = this.arraySizeForAst(arg, state);
      return { rows: s.height, cols: s.width };
    });
    const out = size(shapes);
    return new ArraySize(out.cols, out.rows);
  }
}

/** `""` written as an argument. */
function isBlankLiteral(arg: object): boolean {
  return 'type' in arg && arg.type === 'STRING' && 'value' in arg && arg.value === '';
}

let registered = false;

/** Registers the plugin once per process; engines built afterwards know every function. */
export function registerFunnelMath(): void {
  if (registered) return;
  registered = true;
  const names = Object.fromEntries(CATALOGUE.map((s) => [s.name, s.name]));
  HyperFormula.registerFunctionPlugin(FunnelMathPlugin, { enGB: names, enUS: names });
}
