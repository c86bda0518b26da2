/**
 * Checks that every catalogue function and entry point is a top-level
 * function declaration in the Apps Script source, with its JSDoc right above
 * it. Returns the problems found, so a test can show the check can fail.
 */
import type { EntryPoint } from '../../src/addon/entrypoints';
import type { FunctionSpec } from '../../src/metrics/spec';

function escapeRegExp(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The JSDoc block directly above `function name(`, or undefined. */
function docAbove(
  source: string,
  name: string,
): { doc: string; params: string; body: string } | undefined {
  const decl = new RegExp(
    `^function ${escapeRegExp(name)}\\(([^)]*)\\) \\{\\n([^}]*)\\}`,
    'm',
  ).exec(source);
  if (!decl) return undefined;
  const before = source.slice(0, decl.index).trimEnd();
  const doc = before.endsWith('*/') ? before.slice(before.lastIndexOf('/**')) : '';
  return { doc, params: decl[1]!, body: decl[2]! };
}

export function checkWrappers(
  source: string,
  catalogue: readonly FunctionSpec[],
  entryPoints: readonly EntryPoint[],
): string[] {
  const problems: string[] = [];
  for (const spec of catalogue) {
    const found = docAbove(source, spec.name);
    if (!found) {
      problems.push(`${spec.name}: no top-level function`);
      continue;
    }
    const expected = spec.params.map((p) => p.name).join(', ');
    if (found.params.trim() !== expected) {
      problems.push(`${spec.name}: parameters are (${found.params}), expected (${expected})`);
    }
    // Sheets passes what the formula has; dropping extras or padding missing ones hides the mistake.
    if (!found.body.includes('.apply(null, arguments)')) {
      problems.push(`${spec.name}: does not forward every argument`);
    }
    if (!found.doc) problems.push(`${spec.name}: no JSDoc right above it`);
    if (!found.doc.includes('@customfunction')) problems.push(`${spec.name}: no @customfunction`);
    for (const p of spec.params) {
      if (!new RegExp(`@param \\{[^}]+\\} ${escapeRegExp(p.name)} \\S`).test(found.doc)) {
        problems.push(`${spec.name}: no @param line for ${p.name}`);
      }
    }
  }
  for (const entry of entryPoints) {
    const found = docAbove(source, entry.name);
    if (!found) problems.push(`${entry.name}: no top-level function`);
    else if (!found.doc) problems.push(`${entry.name}: no JSDoc right above it`);
  }
  return problems;
}
