/**
 * The native-formula expansions compute what the custom functions compute:
 * both evaluated in HyperFormula on the same random inputs.
 *
 * HyperFormula rounds numeric outputs to `precisionRounding` significant
 * digits and snaps differences within `precisionEpsilon` to 0, and it does so
 * for the native formula's intermediate arithmetic but not inside a custom
 * function. So numbers are compared with a relative tolerance of 1e-9, far
 * below anything a sheet shows; whole-number results (rounded stage needs,
 * SDRs) are compared exactly. Array arithmetic is on, as in the in-memory
 * workbook, because Sheets' SUMPRODUCT evaluates `(B2:B6<>"")` as an array.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, FUNCTIONS, NATIVE, reverseFunnelStepNative } from '../../src/metrics/catalogue';
import type { ElementwiseSpec } from '../../src/metrics/spec';
import type { ParamSpec } from '../../src/sheets/arguments';
import { useEngineSheet } from './engine-sheet';

const engine = useEngineSheet();

/** Writes rows of values at A1 and the formulas in the column after them, then reads the formulas. */
function evaluate(rows: unknown[][], formulas: string[]): unknown[] {
  engine.hf.setSheetContent(engine.sheet, rows.map((r, i) => [...r, formulas[i]]) as never);
  const col = rows[0]!.length;
  return formulas.map((_, i) => engine.hf.getCellValue({ sheet: engine.sheet, row: i, col }));
}

function close(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  return a === b;
}

const isError = (v: unknown) => typeof v === 'object' && v !== null && 'type' in v;

/** Valid inputs of the kind, zeros and blanks included (the native forms do not validate). */
function validCell(p: ParamSpec): fc.Arbitrary<unknown> {
  const blankOrNot = (a: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 8, arbitrary: a }, { weight: 1, arbitrary: fc.constant('') });
  switch (p.kind) {
    case 'rate':
      return blankOrNot(
        fc.oneof(fc.constantFrom(0, 0.35, 1), fc.double({ min: 0.001, max: 1, noNaN: true })),
      );
    case 'factor':
      return blankOrNot(fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 20, noNaN: true })));
    default:
      return blankOrNot(
        fc.oneof(
          fc.constant(0),
          fc.integer({ min: 1, max: 100_000 }),
          fc.double({ min: 0.5, max: 1e6, noNaN: true }),
        ),
      );
  }
}

const COLUMNS = 'ABCD';
const withNative = CATALOGUE.filter(
  (s): s is ElementwiseSpec => s.mode === 'elementwise' && s.native !== undefined,
);

describe.each(withNative.map((s) => [s.name, s] as const))('%s native expansion', (name, spec) => {
  it('equals the custom function in HyperFormula', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(...spec.params.map(validCell)), { minLength: 1, maxLength: 20 }),
        (rows) => {
          if (name === 'CTR')
            for (const r of rows)
              if (typeof r[0] === 'number' && typeof r[1] === 'number' && r[0] > r[1]) r[0] = r[1];
          const refs = (i: number) => spec.params.map((_, k) => `${COLUMNS[k]}${i + 1}`);
          const args = (i: number) => refs(i).join(',');
          const custom = evaluate(
            rows,
            rows.map((_, i) => `=${name}(${args(i)})`),
          );
          const native = evaluate(
            rows,
            rows.map((_, i) => `=${spec.native!(refs(i))}`),
          );
          rows.forEach((row, i) => {
            const expected = FUNCTIONS[name]!;
            if (isError(custom[i])) {
              expect(
                isError(native[i]),
                `${JSON.stringify(row)}: ${JSON.stringify(native[i])}`,
              ).toBe(true);
              expect(() => expected(...row)).toThrow(/#DIV\/0!/);
            } else {
              expect(
                close(custom[i], native[i]),
                `${JSON.stringify(row)}: ${custom[i]} vs ${native[i]}`,
              ).toBe(true);
            }
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('leaves optional arguments out when they are omitted', () => {
    const required = spec.params.filter((p) => !p.optional);
    const row = required.map((p) => (p.kind === 'rate' ? 0.5 : 10));
    const refs = required.map((_, k) => `${COLUMNS[k]}1`);
    const [custom, native] = [
      evaluate([row], [`=${name}(${refs.join(',')})`])[0],
      evaluate([row], [`=${spec.native!(refs)}`])[0],
    ];
    expect(close(custom, native), `${custom} vs ${native}`).toBe(true);
  });
});

describe('BLENDED_CPQM native form', () => {
  it('equals BLENDED_CPQM over random valid channel tables, blank rows included', () => {
    const rate = fc.oneof(fc.constant(1), fc.double({ min: 0.05, max: 1, noNaN: true }));
    const show = fc.oneof(fc.constant(''), rate);
    const money = fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1e5, noNaN: true }));
    const meetings = fc.integer({ min: 0, max: 200 });
    // Valid rows only: spend, meetings and qualRate all filled in, or all blank.
    const row = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(money, meetings, rate, show) },
      { weight: 1, arbitrary: fc.tuple(fc.constant(''), fc.constant(''), fc.constant(''), show) },
    );
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (rows, withShow) => {
          const n = rows.length;
          const ranges = ['A', 'B', 'C', 'D'].map((c) => `${c}1:${c}${n}`);
          const show = withShow ? ranges[3] : undefined;
          const customFormula = `=BLENDED_CPQM(${ranges.slice(0, withShow ? 4 : 3).join(',')})`;
          const nativeFormula = `=${NATIVE.BLENDED_CPQM!([ranges[0]!, ranges[1]!, ranges[2]!, show])}`;
          const formulas = [customFormula, nativeFormula, ...Array(n - 2 > 0 ? n - 2 : 0).fill('')];
          const padded = rows.map((r) => [...r]);
          while (padded.length < 2) padded.push(['', '', '', '']);
          const [custom, native] = evaluate(padded, formulas);
          if (isError(custom)) expect(isError(native), String(native)).toBe(true);
          else expect(close(custom, native), `${custom} vs ${native}`).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives an error for a half-filled row, as the custom function does', () => {
    const rows = [
      [1000, 10, 0.5, ''],
      [500, '', 0.5, ''],
    ];
    const [custom, native] = evaluate(rows, [
      '=BLENDED_CPQM(A1:A2,B1:B2,C1:C2)',
      `=${NATIVE.BLENDED_CPQM!(['A1:A2', 'B1:B2', 'C1:C2'])}`,
    ]);
    expect(isError(custom), String(custom)).toBe(true);
    expect(isError(native), String(native)).toBe(true);
  });
});

describe('reverseFunnelStepNative', () => {
  it('chained up a column, equals REVERSE_FUNNEL exactly', () => {
    const rates = fc.array(
      fc.oneof(
        fc.constantFrom(0.35, 0.02, 0.45, 0.25, 1),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
      ),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), rates, (target, rs) => {
        // Column A: the needs (native, chained upwards); column B: the rates; row n+1: the target.
        const rows: unknown[][] = rs.map((r, i) => [
          `=${reverseFunnelStepNative(`A${i + 2}`, `B${i + 1}`)}`,
          r,
        ]);
        rows.push([target, '']);
        engine.hf.setSheetContent(engine.sheet, rows as never);
        const native = rows.map((_, i) =>
          engine.hf.getCellValue({ sheet: engine.sheet, row: i, col: 0 }),
        );
        const custom = FUNCTIONS.REVERSE_FUNNEL!(
          target,
          rs.map((r) => [r]),
        ) as number[][];
        // Whole units are exact up to a billion; beyond, HyperFormula's own
        // 14-digit rounding of the quotient can move ROUNDUP by a unit or two.
        custom.forEach(([need], i) => {
          if (need! < 1e9) expect(native[i], `stage ${i + 1}`).toBe(need);
          else expect(close(native[i], need), `${native[i]} vs ${need}`).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('forgives floating-point noise like the function: 21 / 35% is 60', () => {
    const [need] = evaluate([[21, 0.35]], [`=${reverseFunnelStepNative('A1', 'B1')}`]);
    expect(need).toBe(60);
    const [raw] = evaluate([[21, 0.35]], [`=${reverseFunnelStepNative('A1', 'B1', false)}`]);
    expect(raw).toBeCloseTo(60, 9);
    engine.hf.setSheetContent(engine.sheet, [
      [21, 0.35, false, `=${reverseFunnelStepNative('A1', 'B1', 'C1')}`],
    ]);
    expect(engine.hf.getCellValue({ sheet: engine.sheet, row: 0, col: 3 })).toBeCloseTo(60, 9);
  });
});
