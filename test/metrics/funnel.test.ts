/**
 * The funnel: stage-to-stage rates, the volume each stage needs for a target,
 * rounding up with float-noise forgiveness or not, and the size of the result
 * an engine must reserve for each.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, FUNCTIONS } from '../../src/metrics/catalogue';
import { reverseFunnelStep } from '../../src/metrics/funnel';
import type { WholeRangeSpec } from '../../src/metrics/spec';

const f = FUNCTIONS as Record<string, (...args: unknown[]) => any>;
const col = (...values: unknown[]) => values.map((v) => [v]);
const whole = (name: string) => CATALOGUE.find((s) => s.name === name) as WholeRangeSpec;

function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the call did not throw');
}

describe('FUNNEL_RATES', () => {
  it('gives each stage over the one before, in a column or a row', () => {
    expect(f.FUNNEL_RATES!(col(200, 50, 10, 5))).toEqual(col(0.25, 0.2, 0.5));
    expect(f.FUNNEL_RATES!([[200, 50, 10, 5]])).toEqual([[0.25, 0.2, 0.5]]);
    expect(f.FUNNEL_RATES!(col(10, 30))).toEqual([[3]]);
    expect(f.FUNNEL_RATES!([[3, 1]])).toEqual([[1 / 3]]);
  });

  it('leaves only a stage after a zero without an answer, with its position', () => {
    expect(f.FUNNEL_RATES!(col(0, 5, 0, 2))).toEqual([
      ['#DIV/0! row 1: counts is 0'],
      [0],
      ['#DIV/0! row 3: counts is 0'],
    ]);
    expect(f.FUNNEL_RATES!([[5, 0, 0]])).toEqual([[0, '#DIV/0! column 2: counts is 0']]);
  });

  it('is blank for blank counts and wants two stages', () => {
    expect(f.FUNNEL_RATES!(col('', ''))).toBe('');
    expect(f.FUNNEL_RATES!('')).toBe('');
    expect(messageOf(() => f.FUNNEL_RATES!(col(7, '')))).toMatch(
      /^FUNNEL_RATES: counts \S.*, \S.* \(#N\/A\)$/,
    );
    expect(messageOf(() => f.FUNNEL_RATES!(7))).toMatch(/\(#N\/A\)$/);
  });

  it('reserves one cell fewer than the counts, in their orientation', () => {
    const size = whole('FUNNEL_RATES').resultSize!;
    expect(size([{ rows: 6, cols: 1 }])).toEqual({ rows: 5, cols: 1 });
    expect(size([{ rows: 1, cols: 6 }])).toEqual({ rows: 1, cols: 5 });
    expect(size([{ rows: 1, cols: 2 }])).toEqual({ rows: 1, cols: 1 });
    expect(size([{ rows: 1, cols: 1 }])).toEqual({ rows: 1, cols: 1 });
    expect(size([undefined])).toEqual({ rows: 1, cols: 1 });
    // A block is refused, but its size is still bounded: a column of all its cells.
    expect(size([{ rows: 2, cols: 3 }])).toEqual({ rows: 5, cols: 1 });
  });
});

describe('REVERSE_FUNNEL', () => {
  it('works back from the target, each stage from the rounded stage after it', () => {
    // 10 ÷ 0.4 = 25; 25 ÷ 0.3 = 83.3 → 84; 84 ÷ 0.5 = 168.
    expect(f.REVERSE_FUNNEL!(10, col(0.5, 0.3, 0.4))).toEqual(col(168, 84, 25, 10));
    expect(f.REVERSE_FUNNEL!(10, [[0.5, 0.3, 0.4]])).toEqual([[168, 84, 25, 10]]);
    expect(f.REVERSE_FUNNEL!(10, '40%')).toEqual(col(25, 10));
  });

  it('rounds up unless roundUp is FALSE; a blank roundUp is TRUE', () => {
    expect(f.REVERSE_FUNNEL!(10, 0.3)).toEqual(col(34, 10));
    expect(f.REVERSE_FUNNEL!(10, 0.3, true)).toEqual(col(34, 10));
    expect(f.REVERSE_FUNNEL!(10, 0.3, '')).toEqual(col(34, 10));
    expect(f.REVERSE_FUNNEL!(10, 0.3, [['']])).toEqual(col(34, 10));
    expect(f.REVERSE_FUNNEL!(10, 0.3, 'TRUE')).toEqual(col(34, 10));
    expect(f.REVERSE_FUNNEL!(10, 0.3, 1)).toEqual(col(34, 10));
    expect(f.REVERSE_FUNNEL!(10, 0.3, false)).toEqual(col(10 / 0.3, 10));
    expect(f.REVERSE_FUNNEL!(10, 0.3, 'false')).toEqual(col(10 / 0.3, 10));
    expect(f.REVERSE_FUNNEL!(10, 0.3, 0)).toEqual(col(10 / 0.3, 10));
    // Unrounded, each stage divides the unrounded stage after it.
    expect(f.REVERSE_FUNNEL!(10, col(0.5, 0.3), false)).toEqual(col(10 / 0.3 / 0.5, 10 / 0.3, 10));
  });

  it('names a bad roundUp, target or rate', () => {
    expect(() => f.REVERSE_FUNNEL!(10, 0.3, 'maybe')).toThrow(
      /^REVERSE_FUNNEL: roundUp "maybe" is not TRUE or FALSE/,
    );
    expect(() => f.REVERSE_FUNNEL!(10, 0.3, col(true, false))).toThrow(
      /^REVERSE_FUNNEL: roundUp is a 2×1 range/,
    );
    expect(() => f.REVERSE_FUNNEL!('ten', 0.3)).toThrow(/^REVERSE_FUNNEL: target "ten" is not/);
    expect(() => f.REVERSE_FUNNEL!(-1, 0.3)).toThrow(/^REVERSE_FUNNEL: target -1 is negative/);
    expect(() => f.REVERSE_FUNNEL!(10, col(0.5, 1.5))).toThrow(
      /^REVERSE_FUNNEL: row 2: rates 1\.5 \(150%\) is above 100%/,
    );
    expect(() => f.REVERSE_FUNNEL!(10, [[0.5, 0]])).toThrow(
      /^REVERSE_FUNNEL: column 2: rates is 0, \S.* \(#DIV\/0!\)$/,
    );
    expect(() => f.REVERSE_FUNNEL!(10, col(0, 0.5))).toThrow(/^REVERSE_FUNNEL: row 1: rates is 0/);
  });

  it('is blank for blank rates', () => {
    expect(f.REVERSE_FUNNEL!(10, '')).toBe('');
    expect(f.REVERSE_FUNNEL!(10, col('', ''))).toBe('');
  });

  it('says which stage overflows', () => {
    expect(() => f.REVERSE_FUNNEL!(1e300, col(1e-10, 0.5))).toThrow(
      /^REVERSE_FUNNEL: row 1: the result is too large to show/,
    );
  });

  it('agrees with a plain recomputation on random funnels', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (target, percents, roundUp) => {
          const rates = percents.map((p) => p / 100);
          const needs = [target];
          for (let k = rates.length - 1; k >= 0; k--) {
            const need = needs[0]! / rates[k]!;
            const near = Math.round(need);
            needs.unshift(
              roundUp
                ? // A whole number plus float noise (relative 1e-13) is that whole number.
                  Math.abs(need - near) <= need * 1e-13
                  ? near
                  : Math.ceil(need)
                : need,
            );
          }
          expect(f.REVERSE_FUNNEL!(target, col(...rates), roundUp)).toEqual(col(...needs));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reserves one cell more than the rates, in their orientation', () => {
    const size = whole('REVERSE_FUNNEL').resultSize!;
    expect(size([undefined, { rows: 4, cols: 1 }, undefined])).toEqual({ rows: 5, cols: 1 });
    expect(size([undefined, { rows: 1, cols: 4 }, undefined])).toEqual({ rows: 1, cols: 5 });
    expect(size([undefined, { rows: 1, cols: 1 }, undefined])).toEqual({ rows: 2, cols: 1 });
    expect(size([undefined, undefined, undefined])).toEqual({ rows: 2, cols: 1 });
  });
});

describe('reverseFunnelStep', () => {
  it('divides the next need by the rate, rounded up or not', () => {
    expect(reverseFunnelStep(10, 0.4, true)).toBe(25);
    expect(reverseFunnelStep(10, 0.3, true)).toBe(34);
    expect(reverseFunnelStep(10, 0.3, false)).toBe(10 / 0.3);
    expect(() => reverseFunnelStep(10, 0, true)).toThrow(/^rates is 0, \S.* \(#DIV\/0!\)$/);
  });
});
