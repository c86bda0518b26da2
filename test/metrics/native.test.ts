/**
 * The pieces of native formulas that templates build on, evaluated in
 * HyperFormula: one reverse-funnel step with each way of saying whether to
 * round up, and the rows of a channel table BLENDED_CPQM counts.
 */
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import {
  ceilForgivingNative,
  completeRowsNative,
  halfFilledRowsNative,
  reverseFunnelStepNative,
} from '../../src/metrics/catalogue';
import { useEngineSheet } from './engine-sheet';

const engine = useEngineSheet();

/** Row 1 holds `cells` from A1; the formula goes after them. */
function value(cells: unknown[], formula: string): unknown {
  engine.hf.setSheetContent(engine.sheet, [[...cells, `=${formula}`]] as never);
  return engine.hf.getCellValue({ sheet: engine.sheet, row: 0, col: cells.length });
}

describe('reverseFunnelStepNative', () => {
  it('rounds up by default and when told TRUE, not when told FALSE', () => {
    expect(value([10, 0.3], reverseFunnelStepNative('A1', 'B1'))).toBe(34);
    expect(value([10, 0.3], reverseFunnelStepNative('A1', 'B1', true))).toBe(34);
    expect(value([10, 0.3], reverseFunnelStepNative('A1', 'B1', false))).toBeCloseTo(10 / 0.3, 9);
    expect(value([10, 0.4], reverseFunnelStepNative('A1', 'B1', false))).toBe(25);
  });

  it('reads roundUp from a cell: TRUE, FALSE, or blank for TRUE', () => {
    expect(value([10, 0.3, true], reverseFunnelStepNative('A1', 'B1', 'C1'))).toBe(34);
    expect(value([10, 0.3, false], reverseFunnelStepNative('A1', 'B1', 'C1'))).toBeCloseTo(
      10 / 0.3,
      9,
    );
    // A blank cell means TRUE.
    expect(value([10, 0.3, null], reverseFunnelStepNative('A1', 'B1', 'C1'))).toBe(34);
  });

  it('is blank when the next need or the rate is blank', () => {
    expect(value([null, 0.3], reverseFunnelStepNative('A1', 'B1'))).toBe('');
    expect(value([10, null], reverseFunnelStepNative('A1', 'B1', false))).toBe('');
  });

  it('forgives noise before rounding up, as the functions do', () => {
    expect(value([21, 0.35], reverseFunnelStepNative('A1', 'B1'))).toBe(60);
    expect(value([21.1, 0.35], reverseFunnelStepNative('A1', 'B1'))).toBe(61);
    expect(value([7.2], ceilForgivingNative('A1*10'))).toBe(72);
    expect(value([7.25], ceilForgivingNative('A1*10'))).toBe(73);
  });

  it('rounds up a real fraction of a large value, as the functions do', () => {
    // HyperFormula shows results rounded to 10 significant digits unless smartRounding is off;
    // Sheets keeps full doubles, as HyperFormula then does.
    const exact = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', smartRounding: false });
    const at = exact.getSheetId(exact.addSheet('S'))!;
    const exactValue = (cells: number[], formula: string) => {
      exact.setSheetContent(at, [[...cells, `=${formula}`]]);
      return exact.getCellValue({ sheet: at, row: 0, col: cells.length });
    };
    // 9007199254740991 / 591 is 15240607876042.285: a fraction under 1e-13 of the value.
    expect(exactValue([9007199254740991, 591], ceilForgivingNative('A1/B1'))).toBe(15240607876043);
    expect(exactValue([15240607876042 + 8 * 2 ** -9], ceilForgivingNative('A1'))).toBe(
      15240607876042,
    );
    expect(exactValue([60 + 16 * 2 ** -47], ceilForgivingNative('A1'))).toBe(61);
    expect(exactValue([60 + 15 * 2 ** -47], ceilForgivingNative('A1'))).toBe(60);
    expect(exactValue([21, 0.35], ceilForgivingNative('A1/B1'))).toBe(60);
    expect(exactValue([0], ceilForgivingNative('A1'))).toBe(0);
    exact.destroy();
  });
});

describe('the rows of a channel table', () => {
  const table = [
    [100, 4, 0.5],
    [null, null, null],
    [50, null, 0.5],
    [null, 3, null],
    [20, 2, 0.25],
  ];

  function evaluate(formula: string): unknown {
    engine.hf.setSheetContent(engine.sheet, [
      ...table.map((r) => [...r, null]),
      [null, null, null, `=${formula}`],
    ] as never);
    return engine.hf.getCellValue({ sheet: engine.sheet, row: table.length, col: 3 });
  }

  it('counts complete rows: spend, meetings and qualRate all filled in', () => {
    expect(evaluate(`SUMPRODUCT(${completeRowsNative('A1:A5', 'B1:B5', 'C1:C5')})`)).toBe(2);
    expect(evaluate(`SUMPRODUCT(${completeRowsNative('A1:A5', 'B1:B5', 'C1:C5')},A1:A5)`)).toBe(
      120,
    );
  });

  it('counts half-filled rows: some of the three but not all', () => {
    expect(evaluate(halfFilledRowsNative('A1:A5', 'B1:B5', 'C1:C5'))).toBe(2);
    expect(evaluate(halfFilledRowsNative('A1:A1', 'B1:B1', 'C1:C1'))).toBe(0);
    expect(evaluate(halfFilledRowsNative('A2:A2', 'B2:B2', 'C2:C2'))).toBe(0);
  });
});
