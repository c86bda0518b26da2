/**
 * The many metrics that are one amount divided by another (cost per click,
 * cost per lead, ROAS, conversion…) share one shape; this builds their entry.
 */
import { divByZero } from '../sheets/problem';
import type { ParamKind } from '../sheets/run';
import { blankGuard } from './native';
import type { ElementwiseRuntime } from './spec';

export interface RatioOptions {
  name: string;
  numerator: ParamKind;
  denominator: ParamKind;
  /** Why a zero denominator has no answer, after "<denominator> is 0, ". */
  whenZero: string;
  /** Multiplies the quotient, as CPM's 1000 impressions. */
  scale?: number;
  /** The argument order when the spec puts the denominator first, as CONVERSION(fromCount, toCount). */
  denominatorFirst?: boolean;
  /** A further check on valid operands, e.g. clicks cannot exceed impressions. */
  check?: (numerator: number, denominator: number) => void;
}

export function ratio(o: RatioOptions): ElementwiseRuntime {
  const scale = o.scale ?? 1;
  const quotient = (n: number, d: number): number => {
    if (d === 0) throw divByZero(o.denominator.name, o.whenZero);
    o.check?.(n, d);
    // Same operation order as the native formula, so both give the same bits.
    return scale === 1 ? n / d : (n / d) * scale;
  };
  const formula = (n: string, d: string): string =>
    blankGuard([n, d], scale === 1 ? `${n}/${d}` : `${n}/${d}*${scale}`);
  if (o.denominatorFirst) {
    return {
      name: o.name,
      mode: 'elementwise',
      params: [o.denominator, o.numerator],
      kernel: (d: number, n: number) => quotient(n, d),
      native: ([d, n]) => formula(n!, d!),
    };
  }
  return {
    name: o.name,
    mode: 'elementwise',
    params: [o.numerator, o.denominator],
    kernel: (n: number, d: number) => quotient(n, d),
    native: ([n, d]) => formula(n!, d!),
  };
}
