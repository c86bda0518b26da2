/**
 * Users never see the documents the product was specified from: nothing they
 * read — the README, docs/, cells and notes the templates write, the
 * sidebar, the function reference, the JSDoc Sheets shows — and no code
 * comment names them. Comments that need the argument rules cite
 * docs/ARGUMENT-RULES.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
// SPEC in capitals: `spec` is also a fine name for a catalogue entry.
const FORBIDDEN = /\b[Ss]eeds?\b|\bSEEDS?\b|\bSPEC\b|§/;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path, ext);
    return ext.test(e.name) ? [path] : [];
  });
}

/** Lines that name them, as "file:line: text". */
function offending(paths: string[]): string[] {
  return paths.flatMap((path) =>
    readFileSync(join(ROOT, path), 'utf8')
      .split('\n')
      .map((line, k) => [line, k] as const)
      .filter(([line]) => FORBIDDEN.test(line))
      .map(([line, k]) => `${path}:${k + 1}: ${line.trim().slice(0, 120)}`),
  );
}

describe('words the product uses', () => {
  it('the README, docs/ and what is built for Sheets never name them', () => {
    const built = ['dist/Code.js', 'dist/sidebar.html', 'dist/reference.html'];
    expect(offending(['README.md', ...files('docs', /\.md$/), ...built])).toEqual([]);
  });

  it('no source file names them, in code or comments', () => {
    expect(offending(files('src', /\.(ts|html|css)$/))).toEqual([]);
  });

  it('the check finds them', () => {
    expect(FORBIDDEN.test('Seed 000: the outbound team')).toBe(true);
    expect(FORBIDDEN.test('(SPEC §1.8)')).toBe(true);
    expect(FORBIDDEN.test('const spec = CATALOGUE[0]; // seeded randomness')).toBe(false);
  });
});
