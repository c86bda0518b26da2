/** Funnel: stage-to-stage conversion, and the volume each stage needs for a target. */

import type { ParamKind } from '../sheets/arguments';
import { COERCE, isBlank } from '../sheets/coerce';
import { divByZero, Problem } from '../sheets/problem';
import { layout, line, linePosition, single, withPosition } from '../sheets/ranges';
import { finite, type Scalar } from '../sheets/result';
import type { Shape } from '../sheets/shapes';
import { blankGuard, orDefault } from './native';
import { ceilForgiving, ceilForgivingNative } from './numbers';
import { ratio } from './ratio';
import type { WholeRangeRuntime } from './spec';

export const CONVERSION = ratio({
  name: 'CONVERSION',
  denominator: { name: 'fromCount', kind: 'count' },
  numerator: { name: 'toCount', kind: 'count' },
  denominatorFirst: true,
  whenZero: 'so nothing could convert',
});

/** A list's result keeps its orientation and has one fewer (rates) or one more (needs) cell. */
function lineSize(shape: Shape | undefined, extra: number): Shape {
  const s = shape ?? { rows: 1, cols: 1 };
  if (s.rows === 1 && s.cols > 1) return { rows: 1, cols: Math.max(1, s.cols + extra) };
  return { rows: Math.max(1, s.rows * s.cols + extra), cols: 1 };
}

export const FUNNEL_RATES: WholeRangeRuntime = {
  name: 'FUNNEL_RATES',
  mode: 'whole',
  params: [{ name: 'counts', kind: 'count' }],
  run(counts) {
    const { values, across } = line('counts', counts, 'count');
    if (values.length === 0) return '';
    if (values.length === 1) {
      throw new Problem('#N/A', 'counts has a single stage', 'give at least two stage counts');
    }
    const rates: Scalar[] = new Array(values.length - 1);
    for (let k = 0; k < rates.length; k++) {
      // One stage with no volume, or a rate too large to show, leaves only its own rate without
      // an answer: its cell shows the problem (a cell shows no detail, so none is given).
      try {
        if (values[k] === 0) throw new Problem('#DIV/0!', 'counts is 0');
        rates[k] = finite(values[k + 1]! / values[k]!);
      } catch (e) {
        // Only those two problems can be thrown here.
        rates[k] = withPosition(linePosition(across, k), e as Problem).cellText;
      }
    }
    return layout(rates, across);
  },
  resultSize: ([counts]) => lineSize(counts, -1),
};

const ROUND_UP: ParamKind = { name: 'roundUp', kind: 'flag', optional: true, default: true };

export const REVERSE_FUNNEL: WholeRangeRuntime = {
  name: 'REVERSE_FUNNEL',
  mode: 'whole',
  params: [{ name: 'target', kind: 'count' }, { name: 'rates', kind: 'rate' }, ROUND_UP],
  run(target, rates, roundUp) {
    const goal = single('target', target);
    // A blank target gives blank before the rates are read, as a blank rates range does.
    if (isBlank(goal)) return '';
    const { values, across } = line('rates', rates, 'rate');
    if (values.length === 0) return '';
    const flag = single('roundUp', roundUp);
    const whole = isBlank(flag)
      ? (ROUND_UP.default as boolean)
      : (COERCE.flag('roundUp', flag) as boolean);
    // From the target back to the first stage, each need from the one after it.
    let need = COERCE.count('target', goal) as number;
    const needs = [need];
    for (let k = values.length - 1; k >= 0; k--) {
      try {
        need = finite(reverseFunnelStep(need, values[k]!, whole));
      } catch (e) {
        throw withPosition(linePosition(across, k), e);
      }
      needs.push(need);
    }
    return layout(needs.reverse(), across);
  },
  resultSize: ([, rates]) => lineSize(rates, 1),
};

/** One stage of REVERSE_FUNNEL: what the previous stage needs so that `rate` of it meets `nextNeed`. */
export function reverseFunnelStep(nextNeed: number, rate: number, roundUp: boolean): number {
  if (rate === 0) throw divByZero('rates', 'so no volume at that stage reaches the next');
  const need = nextNeed / rate;
  return roundUp ? ceilForgiving(need) : need;
}

/**
 * One REVERSE_FUNNEL step with built-in functions only: the previous stage's
 * need from the next stage's need and the rate between them, rounded up to a
 * whole unit with the same forgiveness of floating-point noise (21 / 35% is
 * 60, not 61). `roundUp` is true, false, or a cell reference holding
 * TRUE/FALSE (blank means TRUE). Chain it up a column for the whole funnel:
 * `reverseFunnelStepNative('B7', 'C6')` in B6, and so on upwards.
 * Blank when nextNeed or rate is blank; a 0 rate is #DIV/0!.
 */
export function reverseFunnelStepNative(
  nextNeed: string,
  rate: string,
  roundUp: boolean | string = true,
): string {
  const need = `${nextNeed}/${rate}`;
  const rounded = ceilForgivingNative(need);
  const formula =
    roundUp === true
      ? rounded
      : roundUp === false
        ? need
        : `IF(${orDefault(roundUp, 'TRUE()')},${rounded},${need})`;
  return blankGuard([nextNeed, rate], formula);
}
