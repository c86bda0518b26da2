/**
 * Formula text for catalogue functions in either style: the add-on call
 * (`CPQM(B5,C5,E5,D5)`) or the catalogue's own native expansion, so a
 * portable tab computes exactly what the function would.
 */
// Only the runtime parts of the catalogue: the prose stays out of the Apps Script bundle.
import { NATIVE, RUNTIME, reverseFunnelStepNative } from '../../metrics/catalogue';
import type { FormulaStyle } from '../settings';

const NAMES = new Set(RUNTIME.map((entry) => entry.name));

/** A catalogue function's formula over given references, with built-in functions only. */
type NativeForm = (typeof NATIVE)[string];

/** The native expansion of `name`, if it has one; throws for a name not in the catalogue. */
function nativeOf(name: string): NativeForm | undefined {
  if (!NAMES.has(name)) throw new Error(`${name} is not in the function catalogue`);
  return NATIVE[name];
}

function addonCall(name: string, refs: readonly (string | undefined)[]): string {
  const given = refs.slice();
  while (given.length > 0 && given[given.length - 1] === undefined) given.pop();
  return `=${name}(${given.map((r) => r ?? '').join(',')})`;
}

/**
 * One call of a catalogue function on cell references. A native tab must
 * work without the add-on, so asking for one without a native form is a bug.
 */
export function call(
  style: FormulaStyle,
  name: string,
  refs: readonly (string | undefined)[],
): string {
  const native = nativeOf(name);
  if (style === 'addon') return addonCall(name, refs);
  if (!native) throw new Error(`${name} has no native form`);
  return `=${native(refs)}`;
}

/** One REVERSE_FUNNEL step in native form: the previous stage's need. */
export function reverseStep(nextNeed: string, rate: string): string {
  return `=${reverseFunnelStepNative(nextNeed, rate)}`;
}
