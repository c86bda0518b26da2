/** The wrapper check itself must be able to fail: feed it broken sources. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRY_POINTS } from '../../src/addon/entrypoints';
import { CATALOGUE } from '../../src/metrics/catalogue';
import { checkWrappers } from './wrappers-check';

const code = readFileSync(join(__dirname, '../../dist/Code.js'), 'utf8');
const cpqm = CATALOGUE.find((s) => s.name === 'CPQM')!;

describe('the wrapper check', () => {
  it('passes on the built bundle', () => {
    expect(checkWrappers(code, CATALOGUE, ENTRY_POINTS)).toEqual([]);
  });

  it('fails when a wrapper is removed', () => {
    const broken = code.replace(/^function CPQM\(/m, 'function CPQM_GONE(');
    expect(checkWrappers(broken, [cpqm], [])).toEqual(['CPQM: no top-level function']);
  });

  it('fails when the JSDoc above a wrapper is removed', () => {
    const start = code.indexOf('/**\n * Cost per qualified meeting');
    const end = code.indexOf('*/', start) + 2;
    const broken = code.slice(0, start) + code.slice(end);
    expect(checkWrappers(broken, [cpqm], [])).toContain('CPQM: no JSDoc right above it');
  });

  it('fails when @customfunction or a @param line is missing', () => {
    const broken = code
      .replace(/( \* @param \{[^}]+\} meetings [^\n]*\n)/, '')
      .replace(/ \* @customfunction\n \*\/\nfunction CPQM/, ' */\nfunction CPQM');
    const problems = checkWrappers(broken, [cpqm], []);
    expect(problems).toContain('CPQM: no @customfunction');
    expect(problems).toContain('CPQM: no @param line for meetings');
  });

  it('fails when a wrapper forwards with other parameter names', () => {
    const broken = code.replace(/^function CPQM\([^)]*\)/m, 'function CPQM(...args)');
    expect(checkWrappers(broken, [cpqm], [])[0]).toMatch(/CPQM: parameters are \(\.\.\.args\)/);
  });

  it('fails when a wrapper forwards only its named parameters', () => {
    const broken = code.replace(
      'FunnelMath.functions.CPQM.apply(null, arguments)',
      'FunnelMath.functions.CPQM(spend, meetings, qualRate, showRate)',
    );
    expect(checkWrappers(broken, [cpqm], [])).toEqual(['CPQM: does not forward every argument']);
  });
});
