/**
 * Formula text for catalogue functions in either style: the add-on call
 * (`CPQM(B5,C5,E5,D5)`) or the catalogue's own native expansion, so a
 * portable tab computes exactly what the function would.
 */
import { blendedCpqmNative, CATALOGUE, reverseFunnelStepNative } from '../../metrics/catalogue';
import type { FunctionSpec } from '../../metrics/spec';
import type { FormulaStyle } from '../settings';

function spec(name: string): FunctionSpec {
  const found = CATALOGUE.find((s) => s.name === name);
  if (!found) throw new Error(`${name} is not in the function catalogue`);
  return found;
}

function addonCall(name: string, refs: readonly (string | undefined)[]): string {
  const given = refs.slice();
  while (given.length > 0 && given[given.length - 1] === undefined) given.pop();
  return `=${name}(${given.map((r) => r ?? '').join(',')})`;
}

/** True when the style can express the function without the add-on. */
export function hasNative(name: string): boolean {
  const s = spec(name);
  return (s.mode === 'elementwise' && s.native !== undefined) || name in WHOLE_NATIVE;
}

/** Whole-range functions with a native form in the catalogue, by name. */
const WHOLE_NATIVE: Record<string, (refs: readonly (string | undefined)[]) => string> = {
  BLENDED_CPQM: ([spend, meetings, qualRate, showRate]) =>
    blendedCpqmNative(spend!, meetings!, qualRate!, showRate),
};

/**
 * One call of a catalogue function on cell references. In the native style a
 * function without a native form stays an add-on call (the plan's summary
 * says so).
 */
export function call(
  style: FormulaStyle,
  name: string,
  refs: readonly (string | undefined)[],
): string {
  const s = spec(name);
  if (style === 'native') {
    if (s.mode === 'elementwise' && s.native) return `=${s.native([...refs])}`;
    const whole = WHOLE_NATIVE[name];
    if (whole) return `=${whole(refs)}`;
  }
  return addonCall(name, refs);
}

/** One REVERSE_FUNNEL step in native form: the previous stage's need. */
export function reverseStep(nextNeed: string, rate: string): string {
  return `=${reverseFunnelStepNative(nextNeed, rate)}`;
}
