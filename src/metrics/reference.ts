/** The catalogue as plain data for the function reference page and docs. */
import { CATALOGUE } from './catalogue';

export interface ReferenceEntry {
  name: string;
  family: string;
  summary: string;
  signature: string;
  params: { name: string; doc: string }[];
  examples: { formula: string; result: string; note?: string }[];
}

function showResult(result: unknown): string {
  if (Array.isArray(result)) return result.map((row) => (row as unknown[]).join(' | ')).join('; ');
  if (typeof result === 'number') return String(Number.parseFloat(result.toFixed(2)));
  return String(result);
}

export function signature(name: string, params: { name: string; optional?: boolean }[]): string {
  return `${name}(${params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
}

export function reference(): ReferenceEntry[] {
  return CATALOGUE.map((spec) => ({
    name: spec.name,
    family: spec.family,
    summary: spec.summary,
    signature: signature(spec.name, spec.params),
    params: spec.params.map((p) => ({ name: p.name, doc: p.doc })),
    examples: spec.examples.map((e) => ({
      formula: e.formula,
      result: showResult(e.result),
      ...(e.note ? { note: e.note } : {}),
    })),
  }));
}
