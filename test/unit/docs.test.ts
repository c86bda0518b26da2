/** docs/FUNCTIONS.md is generated from the catalogue and must not go stale. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS_MD, functionsMarkdown } from '../../scripts/docs';
import { CATALOGUE } from '../../src/metrics/catalogue';

describe('docs/FUNCTIONS.md', () => {
  it('is what `npm run docs` writes from the catalogue now', () => {
    expect(readFileSync(FUNCTIONS_MD, 'utf8')).toBe(functionsMarkdown());
  });

  it('documents every function, argument and example', () => {
    const md = functionsMarkdown();
    for (const spec of CATALOGUE) {
      expect(md).toContain(`### ${spec.name}\n`);
      for (const p of spec.params) expect(md).toContain(`| \`${p.name}\` |`);
      for (const e of spec.examples) expect(md).toContain(e.formula);
    }
  });
});
