/** The catalogue as plain data for the function reference page and docs. */
import { signature } from '../sheets/arguments';
import type { SheetResult } from '../sheets/result';
import { CATALOGUE } from './catalogue';

export interface ReferenceEntry {
  name: string;
  family: string;
  summary: string;
  signature: string;
  params: { name: string; doc: string }[];
  returns: string;
  /** `result` as text for the docs; `value` as the function returns it, for the page to format. */
  examples: { formula: string; result: string; value: SheetResult; note?: string }[];
  /** The native-formula expansion over cells A2, B2, … when the function has one. */
  native?: string;
}

function showResult(result: unknown): string {
  if (Array.isArray(result)) return result.map((row) => (row as unknown[]).join(' | ')).join('; ');
  if (typeof result === 'number') return String(Number.parseFloat(result.toFixed(2)));
  return String(result);
}

/** Cell references for a sample row: A2, B2, C2… */
export function sampleRefs(count: number): string[] {
  return Array.from({ length: count }, (_, k) => `${String.fromCharCode(65 + k)}2`);
}

export function reference(): ReferenceEntry[] {
  return CATALOGUE.map((spec) => ({
    name: spec.name,
    family: spec.family,
    summary: spec.summary,
    signature: signature(spec.name, spec.params),
    params: spec.params.map((p) => ({ name: p.name, doc: p.doc })),
    returns: spec.returns,
    examples: spec.examples.map((e) => ({
      formula: e.formula,
      result: showResult(e.result),
      value: e.result,
      ...(e.note ? { note: e.note } : {}),
    })),
    ...(spec.mode === 'elementwise' && spec.native
      ? { native: `=${spec.native(sampleRefs(spec.params.length))}` }
      : {}),
  }));
}
