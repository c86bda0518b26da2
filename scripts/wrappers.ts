/**
 * Generates the top-level Apps Script functions that forward to the bundle.
 * Apps Script only sees top-level function declarations, and reads a custom
 * function's autocomplete text from the JSDoc right above it.
 */
import type { EntryPoint } from '../src/addon/entrypoints';
import type { FunctionSpec } from '../src/metrics/spec';
import type { Kind } from '../src/sheets/coerce';

export const GLOBAL_NAME = 'FunnelMath';

const TYPE_OF_KIND: Record<Kind, string> = {
  money: 'number',
  count: 'number',
  rate: 'number',
  factor: 'number',
  number: 'number',
  measure: 'number',
  flag: 'boolean',
  text: 'string',
  date: 'Date',
};

const RETURN_TYPE: Record<FunctionSpec['resultType'], string> = {
  number: 'number|number[][]',
  text: 'string|string[][]',
  table: 'Array<Array<*>>',
};

/** JSDoc text must not end its own comment or span lines. */
function jsdocText(text: string): string {
  return text.replace(/\*\//g, '*∕').replace(/\s+/g, ' ').trim();
}

function paramType(kind: Kind | 'range'): string {
  if (kind === 'range') return 'Array<Array<*>>';
  const t = TYPE_OF_KIND[kind];
  return `${t}|${t}[][]`;
}

export function customFunctionWrapper(spec: FunctionSpec): string {
  const names = spec.params.map((p) => p.name);
  const lines = [
    '/**',
    ` * ${jsdocText(spec.summary)}`,
    ' *',
    ...spec.params.map(
      (p) =>
        ` * @param {${paramType(spec.mode === 'whole' || p.kind === 'mapping' ? 'range' : p.kind)}} ${p.name} ${jsdocText(p.doc)}`,
    ),
    // Sheets' formula help shows the summary and each argument, not the result: the result's
    // description lives in the function reference and docs/FUNCTIONS.md, and every custom-function
    // cell's load of this file would pay for it.
    ` * @return {${RETURN_TYPE[spec.resultType]}}`,
    ' * @customfunction',
    ' */',
    // Named parameters for the argument help; every argument forwarded, so a call with one
    // too many or one too few is refused by the function, as in every other engine.
    `function ${spec.name}(${names.join(', ')}) {`,
    `  return ${GLOBAL_NAME}.functions.${spec.name}.apply(null, arguments);`,
    '}',
  ];
  return lines.join('\n');
}

export function entryPointWrapper(entry: EntryPoint): string {
  return [
    '/**',
    ` * ${jsdocText(entry.doc)}`,
    ...entry.params.map((p) => ` * @param {*} ${p}`),
    ' */',
    `function ${entry.name}(${entry.params.join(', ')}) {`,
    `  return ${GLOBAL_NAME}.${entry.target}(${entry.params.join(', ')});`,
    '}',
  ].join('\n');
}
