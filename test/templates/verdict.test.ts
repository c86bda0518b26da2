/** The one verdict rule, evaluated by the real engine, on one cell and inside ARRAYFORMULA. */
import { describe, expect, it } from 'vitest';
import { verdictFormula } from '../../src/addon/templates/verdict';
import { VERDICTS } from '../../src/metrics/verdict';
import { type Input, MemoryWorkbook } from '../../src/workbook/memory';

// Columns: A name, B spend, C qualified meetings, D headroom, E uncounted rows, F verdict.
const CASES: { why: string; row: Input[]; expected: string }[] = [
  { why: 'an empty row', row: [null, null, null, null, 0], expected: '' },
  { why: 'no spend cell', row: ['Events', null, 3, null, 0], expected: VERDICTS.noSpend },
  { why: 'spend 0 with meetings', row: ['Events', 0, 3, 1, 0], expected: VERDICTS.noSpend },
  {
    why: 'spend and no qualified meeting',
    row: ['Events', 500, 0, null, 0],
    expected: VERDICTS.uneconomical,
  },
  { why: 'headroom below 0', row: ['Events', 500, 2, -0.25, 0], expected: VERDICTS.uneconomical },
  { why: 'headroom exactly 0', row: ['Events', 500, 2, 0, 0], expected: VERDICTS.economical },
  { why: 'headroom above 0', row: ['Events', 500, 2, 0.4, 0], expected: VERDICTS.economical },
  {
    why: 'uncounted outcomes beside a good headroom',
    row: ['Events', 500, 2, 0.4, 1],
    expected: VERDICTS.checkData,
  },
  {
    why: 'uncounted data with no spend',
    row: ['Events', null, null, null, 2],
    expected: VERDICTS.checkData,
  },
  {
    why: 'an error in the spend',
    row: ['Events', '=NA()', 2, 0.4, 0],
    expected: VERDICTS.checkData,
  },
  { why: 'a negative spend', row: ['Events', -500, 2, 1.5, 0], expected: VERDICTS.checkData },
  {
    why: 'an error in the headroom and qualified',
    row: ['Events', 500, '=NA()', '=NA()', 0],
    expected: '',
  },
  { why: 'spend but no qualified count yet', row: ['Events', 500, null, null, 0], expected: '' },
];

function evaluate(verdict: (row: number) => Input, arrayForm: boolean): string[] {
  const rows = CASES.map(({ row }, k) => [
    ...row,
    arrayForm ? (k === 0 ? verdict(k) : null) : verdict(k),
  ]);
  const wb = MemoryWorkbook.fromSheets({ Rows: rows });
  return CASES.map((_c, k) => String(wb.value('Rows', k, 5) ?? ''));
}

const cells = (row: number) => ({
  present: `A${row + 1}<>""`,
  spend: `B${row + 1}`,
  headroom: `D${row + 1}`,
  noneQualified: `(C${row + 1}<>"")*(C${row + 1}=0)`,
  unchecked: `E${row + 1}>0`,
});

describe('verdictFormula', () => {
  it('judges each row by the one rule, one formula per row', () => {
    const got = evaluate((row) => `=${verdictFormula(cells(row))}`, false);
    expect(got).toEqual(CASES.map((c) => c.expected));
  });

  it('judges every row the same inside one ARRAYFORMULA', () => {
    const last = CASES.length;
    const got = evaluate(
      () =>
        `=ARRAYFORMULA(${verdictFormula({
          present: `A1:A${last}<>""`,
          spend: `B1:B${last}`,
          headroom: `D1:D${last}`,
          noneQualified: `(C1:C${last}<>"")*(C1:C${last}=0)`,
          unchecked: `E1:E${last}>0`,
        })})`,
      true,
    );
    expect(got).toEqual(CASES.map((c) => c.expected));
  });

  it('without an uncounted condition, judges by the rest of the rule', () => {
    const { unchecked: _, ...rest } = cells(0);
    const wb = MemoryWorkbook.fromSheets({
      Rows: [[...CASES[7]!.row, `=${verdictFormula(rest)}`]],
    });
    expect(wb.value('Rows', 0, 5)).toBe(VERDICTS.economical);
  });
});
