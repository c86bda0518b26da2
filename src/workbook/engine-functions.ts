/**
 * Registers every catalogue function in HyperFormula, so the in-memory
 * workbook (tests and the playground) evaluates `=CPQM(...)` with the very
 * code Apps Script runs. Dev only: never part of the Apps Script bundle.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
  SimpleRangeValue,
} from 'hyperformula';
import { CATALOGUE, FUNCTIONS } from '../metrics/catalogue';
import type { FunctionSpec } from '../metrics/spec';
import type { Shape } from '../sheets/run';

/** HyperFormula's formula syntax tree and evaluation state are internal types. */
type Ast = { args: Ast[] };
type State = unknown;

/** A HyperFormula value as Sheets would hand it to a custom function. */
function toSheets(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(toSheets));
  if (value === EmptyValue || value === null || value === undefined) return '';
  if (value instanceof CellError)
    return `#${value.type === ErrorType.DIV_BY_ZERO ? 'DIV/0' : value.type}!`;
  if (typeof value === 'object' && value !== null && 'val' in value)
    return (value as { val: unknown }).val;
  return value;
}

function fromSheets(result: unknown): unknown {
  if (Array.isArray(result)) return SimpleRangeValue.onlyValues(result as never);
  return result;
}

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

function sizeFor(spec: FunctionSpec): ((shapes: (Shape | undefined)[]) => Shape) | undefined {
  if (spec.mode === 'elementwise') return elementwiseSize;
  return spec.resultSize;
}

let registered = false;

/** Registers the plugin once per process; engines built afterwards know every function. */
export function registerFunnelMath(): void {
  if (registered) return;
  registered = true;

  const implemented: ImplementedFunctions = {};
  const methods: Record<string, (this: FunctionPlugin, ast: Ast, state: State) => unknown> = {};

  for (const spec of CATALOGUE) {
    const fn = FUNCTIONS[spec.name]!;
    const size = sizeFor(spec);
    const method = `fm_${spec.name}`;
    implemented[spec.name] = {
      method,
      parameters: spec.params.map((p) => ({
        argumentType: FunctionArgumentType.ANY,
        ...(p.optional ? { optionalArg: true } : {}),
      })),
      vectorizationForbidden: true,
      ...(size ? { sizeOfResultArrayMethod: `${method}_size` } : {}),
    };
    methods[method] = function (this: FunctionPlugin, ast, state) {
      const self = this as unknown as {
        runFunction: (
          args: Ast[],
          state: State,
          metadata: unknown,
          body: (...a: unknown[]) => unknown,
        ) => unknown;
        metadata: (name: string) => unknown;
      };
      return self.runFunction(ast.args, state, self.metadata(spec.name), (...args: unknown[]) => {
        try {
          return fromSheets(fn(...args.map(toSheets)));
        } catch (e) {
          // Sheets shows a thrown custom-function error as #ERROR! with its message.
          return new CellError(ErrorType.ERROR, e instanceof Error ? e.message : String(e));
        }
      });
    };
    if (size) {
      methods[`${method}_size`] = function (this: FunctionPlugin, ast, state) {
        const self = this as unknown as { arraySizeForAst: (ast: Ast, state: State) => ArraySize };
        const shapes = spec.params.map((_, k) => {
          const arg = ast.args[k];
          if (!arg) return undefined;
          const s = self.arraySizeForAst(arg, state);
          return { rows: s.height, cols: s.width };
        });
        const out = size(shapes);
        return new ArraySize(out.cols, out.rows);
      };
    }
  }

  class FunnelMathPlugin extends FunctionPlugin {
    static implementedFunctions = implemented;
  }
  Object.assign(FunnelMathPlugin.prototype, methods);

  const names = Object.fromEntries(CATALOGUE.map((s) => [s.name, s.name]));
  HyperFormula.registerFunctionPlugin(FunnelMathPlugin as never, { enGB: names, enUS: names });
}
