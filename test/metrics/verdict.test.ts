/**
 * The one verdict rule on numbers (metrics/verdict.ts verdictOf): each branch, and the same
 * verdict as the templates' formula (addon/templates/verdict.ts) evaluated by the spreadsheet
 * engine on the same generated rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verdictFormula } from '../../src/addon/templates/verdict';
import { VERDICTS, verdictOf } from '../../src/metrics/verdict';
import { type Input, MemoryWorkbook } from '../../src/workbook/memory';

describe('verdictOf', () => {
  it('each branch of the rule', () => {
    expect(verdictOf(null, null, 3, false)).toBe(VERDICTS.noSpend);
    expect(verdictOf(0, 0.5, 3, false)).toBe(VERDICTS.noSpend);
    expect(verdictOf(500, null, 0, false)).toBe(VERDICTS.uneconomical);
    expect(verdictOf(500, -0.25, 2, false)).toBe(VERDICTS.uneconomical);
    expect(verdictOf(500, 0, 2, false)).toBe(VERDICTS.economical);
    expect(verdictOf(500, 0.4, 2, false)).toBe(VERDICTS.economical);
    expect(verdictOf(500, 0.4, 2, true)).toBe(VERDICTS.checkData);
    expect(verdictOf(null, null, null, true)).toBe(VERDICTS.checkData);
    expect(verdictOf(-500, 1.5, 2, false)).toBe(VERDICTS.checkData);
    expect(verdictOf(500, null, null, false)).toBe('');
    expect(verdictOf(500, null, 2, false)).toBe('');
  });

  it("gives the templates' formula verdict on generated rows", () => {
    const number = fc.oneof(
      fc.constant(null),
      fc.constantFrom(0, -1, 2, 500, -0.25, 0.4, 1e-9, -1e-9),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    );
    const row = fc.tuple(number, number, fc.option(fc.nat(5)), fc.boolean());
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (rows) => {
        // Columns: A name, B spend, C qualified meetings, D headroom, E uncounted rows, F verdict.
        const sheet: Input[][] = rows.map(([spend, headroom, qualified, unchecked], k) => [
          'Events',
          spend,
          qualified,
          headroom,
          unchecked ? 1 : 0,
          `=${verdictFormula({
            present: `A${k + 1}<>""`,
            spend: `B${k + 1}`,
            headroom: `D${k + 1}`,
            noneQualified: `(C${k + 1}<>"")*(C${k + 1}=0)`,
            unchecked: `E${k + 1}>0`,
          })}`,
        ]);
        const wb = MemoryWorkbook.fromSheets({ Rows: sheet });
        rows.forEach(([spend, headroom, qualified, unchecked], k) => {
          expect(verdictOf(spend, headroom, qualified, unchecked), `row ${k + 1}`).toBe(
            String(wb.value('Rows', k, 5) ?? ''),
          );
        });
      }),
      { numRuns: 50 },
    );
  });
});
