/** Funnel: stage-to-stage conversion, and the volume each stage needs for a target. */
import { COERCE, isBlank } from '../sheets/coerce';
import { divByZero, Problem } from '../sheets/problem';
import { layout, line, linePosition, single, withPosition } from '../sheets/ranges';
import { finite, type Scalar, type Shape } from '../sheets/run';
import { blankGuard, orDefault } from './native';
import { ceilForgiving, ceilForgivingNative } from './numbers';
import { ratio } from './ratio';
import type { Docs, WholeRangeRuntime } from './spec';

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
      // One stage with no volume, or a rate too large to show, leaves only its own rate without an answer.
      try {
        if (values[k] === 0) throw divByZero('counts', 'so nothing could convert');
        rates[k] = finite(values[k + 1]! / values[k]!);
      } catch (e) {
        if (!(e instanceof Problem)) throw e;
        rates[k] = withPosition(linePosition(across, k), e).cellText;
      }
    }
    return layout(rates, across);
  },
  resultSize: ([counts]) => lineSize(counts, -1),
};

export const REVERSE_FUNNEL: WholeRangeRuntime = {
  name: 'REVERSE_FUNNEL',
  mode: 'whole',
  params: [
    { name: 'target', kind: 'count' },
    { name: 'rates', kind: 'rate' },
    { name: 'roundUp', kind: 'flag', optional: true, default: true },
  ],
  run(target, rates, roundUp) {
    const goal = single('target', target);
    // A blank target gives blank before the rates are read, as a blank rates range does.
    if (isBlank(goal)) return '';
    const { values, across } = line('rates', rates, 'rate');
    if (values.length === 0) return '';
    const flag = single('roundUp', roundUp);
    const whole = isBlank(flag) ? true : (COERCE.flag('roundUp', flag) as boolean);
    const needs: number[] = new Array(values.length + 1);
    needs[values.length] = COERCE.count('target', goal) as number;
    for (let k = values.length - 1; k >= 0; k--) {
      try {
        needs[k] = finite(reverseFunnelStep(needs[k + 1]!, values[k]!, whole));
      } catch (e) {
        throw withPosition(linePosition(across, k), e);
      }
    }
    return layout(needs, across);
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
        : `IF(${orDefault(roundUp, 'TRUE')},${rounded},${need})`;
  return blankGuard([nextNeed, rate], formula);
}

const family = 'Funnel';

export const FUNNEL_DOCS: Record<string, Docs> = {
  CONVERSION: {
    family,
    summary: 'Conversion from one stage to the next: toCount / fromCount.',
    params: {
      fromCount: 'How many were in the earlier stage.',
      toCount: 'How many reached the later stage.',
    },
    resultType: 'number',
    returns: 'A fraction (format it as %); above 100% when stages lag each other.',
    examples: [
      {
        args: [40, 10],
        formula: '=CONVERSION(40, 10)',
        result: 0.25,
        note: 'Seed 002: 10 opportunities from 40 qualified meetings is a 25% conversion.',
      },
    ],
  },
  FUNNEL_RATES: {
    family,
    summary: 'Stage-to-stage conversion rates from stage counts in funnel order, top first.',
    params: {
      counts: 'Stage counts in funnel order, one row or one column (visitors, leads, MQLs…).',
    },
    resultType: 'table',
    returns:
      'The n − 1 rates between n stages, laid out like counts; blanks at the end are ignored.',
    examples: [
      {
        args: [[[2000], [400], [120], [40], [10]]],
        formula: '=FUNNEL_RATES(B2:B6)',
        result: [[0.2], [0.3], [0.3333333333333333], [0.25]],
        note: 'Seed 003: leads → MQLs → SQLs → SQMs → customers.',
      },
    ],
  },
  REVERSE_FUNNEL: {
    family,
    summary:
      'The volume every stage needs to reach a target at the last stage, from the stage-to-stage rates.',
    params: {
      target: 'How many you want at the last stage, such as deals won.',
      rates: 'Stage-to-stage rates in funnel order, one row or one column, each as 40% or 0.4.',
      roundUp:
        'Optional. TRUE rounds each stage up to whole units, FALSE keeps fractions; default TRUE.',
    },
    resultType: 'table',
    returns:
      'The need at every stage, top first, ending with the target: one cell more than rates, laid out like rates.',
    examples: [
      {
        args: [21, 0.35],
        formula: '=REVERSE_FUNNEL(21, 35%)',
        result: [[60], [21]],
        note: '21 / 35% is 60 exactly, not 61: floating-point noise is forgiven before rounding up.',
      },
      {
        args: [10, [[0.4], [0.5], [0.6], [0.45], [0.25]]],
        formula: '=REVERSE_FUNNEL(10, C2:C6)',
        result: [[745], [298], [149], [89], [40], [10]],
        note: 'Seed 003: leads, MQLs, SQLs, SQMs and opportunities needed for 10 customers.',
      },
    ],
  },
};
