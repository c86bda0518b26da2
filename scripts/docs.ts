/**
 * `npm run docs`: writes docs/FUNCTIONS.md from the catalogue, through the
 * same plain data the sidebar's function reference shows. A test regenerates
 * it in memory and fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reference } from '../src/metrics/reference';

export const FUNCTIONS_MD = join(dirname(fileURLToPath(import.meta.url)), '../docs/FUNCTIONS.md');

/** Table cells must not break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

export function functionsMarkdown(): string {
  const entries = reference();
  const families = [...new Set(entries.map((e) => e.family))];
  const out = [
    '# Funnel Math functions',
    '',
    'Generated from the function catalogue by `npm run docs`; edit `src/metrics/`, not this file.',
    '',
    'Every argument may be a single value or a range; ranges combine element by element,',
    'blanks give blanks, and rates are fractions (a cell showing 60% is 0.6).',
    '',
  ];
  for (const family of families) {
    out.push(`## ${family}`, '');
    for (const e of entries.filter((x) => x.family === family)) {
      out.push(`### ${e.name}`, '', `\`${e.signature}\``, '', e.summary, '');
      out.push('| argument | meaning |', '|---|---|');
      for (const p of e.params) out.push(`| \`${p.name}\` | ${cell(p.doc)} |`);
      out.push('', `Returns: ${e.returns}`, '');
      out.push('| example | result | note |', '|---|---|---|');
      for (const x of e.examples) {
        out.push(`| \`${cell(x.formula)}\` | ${cell(x.result)} | ${cell(x.note ?? '')} |`);
      }
      out.push('');
      if (e.native) out.push(`Native formula over cells A2, B2, …: \`${e.native}\``, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(FUNCTIONS_MD, functionsMarkdown());
  console.log(`wrote ${FUNCTIONS_MD}`);
}
