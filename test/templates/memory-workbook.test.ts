/**
 * The memory workbook refuses what the engine cannot hold and leaves the
 * sheet as it was; formulas reach the engine rewritten where Sheets and
 * HyperFormula read them differently.
 */
import { describe, expect, it } from 'vitest';
import { engineFormula, plainDecimal } from '../../src/workbook/engine-formulas';
import { MemoryWorkbook } from '../../src/workbook/memory';

function budget(): MemoryWorkbook {
  return MemoryWorkbook.fromSheets({
    Budget: [
      ['Channel', 'Spend'],
      ['Outbound', 950],
      ['Events', 4000],
    ],
  });
}

describe('the memory workbook', () => {
  it('refuses a cell past the size limit, and open ranges still evaluate afterwards', () => {
    const wb = budget();
    expect(() => wb.setCell('Budget', 2_000_000, 1, 5)).toThrow(/is past the end of the sheet/);
    expect(() => wb.setCell('Budget', 0, 100_000, 5)).toThrow(/is past the end of the sheet/);
    wb.setCell('Budget', 0, 3, '=SUM(B2:B)');
    expect(wb.value('Budget', 0, 3)).toBe(4950);
    wb.setCell('Budget', 1500, 1, 50);
    expect(wb.value('Budget', 0, 3)).toBe(5000);
  });

  it('refuses a block that would run past the size limit, changing nothing', () => {
    const wb = budget();
    wb.setCell('Budget', 0, 3, '=SUM(B2:B)');
    const before = JSON.stringify(wb.snapshot());
    const limit = wb.hf.getConfig().maxRows;
    expect(() => wb.writeBlock('Budget', { row: limit - 1, col: 1, cells: [[1], [2]] })).toThrow(
      /past the end of the sheet/,
    );
    expect(JSON.stringify(wb.snapshot())).toBe(before);
    expect(wb.value('Budget', 0, 3)).toBe(4950);
  });
});

describe('formulas for the engine', () => {
  const rows: Record<string, number> = { Data: 50, "Bob's data": 7 };
  const engine = (text: string, sheet = 'Data') =>
    engineFormula(text, sheet, (name) => rows[name] ?? 1000);

  it('ends an open range at its sheet’s last row', () => {
    expect(engine('=SUM(C2:C)')).toBe('=SUM(C2:C50)');
    expect(engine('=SUM($C$2:$C)')).toBe('=SUM($C$2:$C50)');
    expect(engine("=SUM('Bob''s data'!C2:C)")).toBe("=SUM('Bob''s data'!C2:C7)");
    expect(engine('=SUM(Data!AB2:AB)', 'Notes')).toBe('=SUM(Data!AB2:AB50)');
    expect(engine('=SUM(C2:C)', 'Notes')).toBe('=SUM(C2:C1000)');
  });

  it('leaves closed ranges, text and functions alone', () => {
    for (const text of ['=SUM(C2:C9)', '=SUM(A1:B2)', '="C2:C"&A1', '=LOG10(C2)', '=E12*2']) {
      expect(engine(text)).toBe(text);
    }
  });

  it('writes exponent literals out as plain decimals', () => {
    expect(engine('=A1*1E-12')).toBe('=A1*0.000000000001');
    expect(engine('=2.5e3+1')).toBe('=2500+1');
    expect(engine('="1E-12"&1E2')).toBe('="1E-12"&100');
    expect(plainDecimal(1e21)).toBe('1000000000000000000000');
    expect(plainDecimal(0)).toBe('0');
    const wb = budget();
    wb.setCell('Budget', 0, 4, '=2E21/1E21+B2*1E-3');
    expect(wb.value('Budget', 0, 4)).toBe(2.95);
  });
});

describe('custom functions in the engine', () => {
  it('receive error cells in a range as the codes Sheets shows', () => {
    const wb = MemoryWorkbook.fromSheets({
      Data: [['=NA()', '=1/0', '=SQRT(-1)', '=NOSUCHFUNCTION()', 950], ['=CPQM(A1:E1, 10, 1)']],
    });
    const row = [0, 1, 2, 3, 4].map((c) => wb.value('Data', 1, c));
    expect(row).toEqual([
      '#VALUE! spend is the sheet error "#N/A"',
      '#VALUE! spend is the sheet error "#DIV/0!"',
      '#VALUE! spend is the sheet error "#NUM!"',
      '#VALUE! spend is the sheet error "#NAME?"',
      95,
    ]);
  });

  it('are found whatever the case they are typed in', () => {
    const wb = MemoryWorkbook.fromSheets({ Data: [[950, 10, 0.7, '=cpqm(A1, B1, C1)']] });
    expect(wb.value('Data', 0, 3)).toBeCloseTo(950 / 7, 9);
  });
});

describe('template marks in the memory workbook', () => {
  it('finds the tabs made for a template by their mark, not their name', () => {
    const wb = MemoryWorkbook.fromSheets({ 'Funnel plan': [['mine']] });
    wb.addSheet('Funnel plan (2)', 10, 5);
    wb.markTemplate('Funnel plan (2)', 'funnelPlan');
    expect(wb.templateTabs()).toEqual([{ name: 'Funnel plan (2)', template: 'funnelPlan' }]);
  });
});
