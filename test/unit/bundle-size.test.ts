/**
 * The Apps Script bundle's size budgets (size checks on `npm run build`'s
 * output, not timings). What the custom functions need has the tight budget;
 * the wizard's server code (validation, templates, writing) rides along in the
 * same file and has a budget of its own so its growth shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serverBundleSizes } from '../../scripts/build';

const KB = 1024;
let sizes: { total: number; functions: number };

beforeAll(async () => {
  sizes = await serverBundleSizes(readFileSync(join(__dirname, '../../dist/Code.js'), 'utf8'));
});

describe('dist/Code.js', () => {
  it('keeps what the custom functions need (code and wrappers) under 40 KB', () => {
    expect(sizes.functions).toBeGreaterThan(10 * KB);
    expect(sizes.functions).toBeLessThan(40 * KB);
  });

  it('stays under 60 KB in all, with the wizard server code', () => {
    expect(sizes.total).toBeGreaterThan(sizes.functions);
    expect(sizes.total).toBeLessThan(60 * KB);
  });
});
