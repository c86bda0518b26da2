/**
 * Column letters, noise-free numbers and the fix for a rate typed as a
 * percentage each have one implementation (src/workbook/a1.ts columnLetter,
 * src/sheets/format.ts showNumber and percentFix), so the grid, the sidebar,
 * the validator and the templates cannot drift apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/addon/settings';
import { buildPlans } from '../../src/addon/templates';
import { validateSettings } from '../../src/addon/validate';
import { percentFix, showNumber } from '../../src/sheets/format';
import { percent } from '../../src/sidebar/model';

const SRC = join(__dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(join(SRC, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

const OWN = ['addon', 'sidebar', 'playground', 'workbook'].flatMap(sources);

describe('shared helpers', () => {
  it('no copy of columnLetter outside src/workbook/a1.ts', () => {
    const copies = OWN.filter(
      (f) =>
        f !== join('workbook', 'a1.ts') &&
        /fromCharCode\(65/.test(readFileSync(join(SRC, f), 'utf8')),
    );
    expect(copies).toEqual([]);
  });

  it('no copy of showNumber’s rounding outside src/sheets/format.ts', () => {
    // Rounding to 12 digits for display; turning typed percent into a fraction is another matter.
    const copies = OWN.filter((f) =>
      /(String\(Number|parseFloat)\([^;\n]*toPrecision\(12\)/.test(
        readFileSync(join(SRC, f), 'utf8'),
      ),
    );
    expect(copies).toEqual([]);
  });

  it('no wording of its own for a rate typed as a percentage', () => {
    // "60 means 60%": the fix is percentFix's ("enter 60% or 0.6"), never rebuilt from a number.
    const copies = OWN.filter((f) =>
      /(for|enter) \$\{[^}]*\}%/.test(readFileSync(join(SRC, f), 'utf8')),
    );
    expect(copies).toEqual([]);
    const s = defaultSettings();
    s.economics.closeRate = 60;
    expect(validateSettings(s)[0]!.message).toContain(`(you entered 60; ${percentFix(60)})`);
  });

  it('the users of showNumber show numbers as it does', () => {
    expect(percent(0.07)).toBe(`${showNumber(7)}`);
    expect(percent(0.1 + 0.2)).toBe('30');
    const s = defaultSettings();
    s.stages[0]!.rate = 1.4;
    expect(validateSettings(s)[0]!.message).toContain('(you entered 140%)');
    s.stages[0]!.rate = 0.07;
    const [definitions] = buildPlans({
      settings: { ...s, templates: ['definitions'] },
      sheets: [],
    });
    expect(JSON.stringify(definitions!.blocks)).toContain('"Visitor","7%"');
  });
});
