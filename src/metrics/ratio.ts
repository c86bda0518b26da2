/**
 * The many metrics that are one amount divided by another (cost per click,
 * cost per lead, ROAS, conversion…) share one shape; this builds their entry.
 */

import type { ParamKind } from '../sheets/arguments';
import { divByZero } from '../sheets/problem';
import { blankGuard } from './native';
import { type ElementwiseRuntime, elementwiseEntry, type SqlOps } from './spec';

/** An amount: money or a count, read as a number. */
type AmountParam = ParamKind & { kind: 'money' | 'count' };

export interface RatioOptions {
  name: string;
  numerator: AmountParam;
  denominator: AmountParam;
  /** Why a zero denominator has no answer, after "<denominator> is 0, ". */
  whenZero: string;
  /** Multiplies the quotient, as CPM's 1000 impressions. */
  scale?: number;
  /** The argument order when the function takes the denominator first, as CONVERSION(fromCount, toCount). */
  denominatorFirst?: boolean;
  /** A further check on valid operands, e.g. clicks cannot exceed impressions. */
  check?: (numerator: number, denominator: number) => void;
  /** `check` in SQL: the condition on the operands' SQL and the error it raises. */
  sqlCheck?: (numerator: string, denominator: string, q: SqlOps) => [when: string, error: string];
}

export function ratio(o: RatioOptions): ElementwiseRuntime {
  const scale = o.scale ?? 1;
  const quotient = (n: number, d: number): number => {
    if (d === 0) throw divByZero(o.denominator.name, o.whenZero);
    o.check?.(n, d);
    // Same operation order as the native formula, so both give the same bits (× 1 changes none).
    return (n / d) * scale;
  };
  const formula = (n: string, d: string): string =>
    blankGuard([n, d], scale === 1 ? `${n}/${d}` : `${n}/${d}*${scale}`);
  // A zero denominator comes first, as in the kernel: CTR(5, 0) is NULL, not "more than impressions".
  const sql = (n: string, d: string, q: SqlOps): string => {
    const quotient = scale === 1 ? q.div(n, d) : q.mul(q.div(n, d), String(scale));
    if (!o.sqlCheck) return quotient;
    const [when, error] = o.sqlCheck(n, d, q);
    return `CASE WHEN ${d} = 0 THEN NULL WHEN ${when} THEN ${error} ELSE ${quotient} END`;
  };
  if (o.denominatorFirst) {
    return elementwiseEntry({
      name: o.name,
      params: [o.denominator, o.numerator],
      kernel: (d, n) => quotient(n, d),
      native: ([d, n]) => formula(n!, d!),
      sql: ([d, n], q) => sql(n!, d!, q),
    });
  }
  return elementwiseEntry({
    name: o.name,
    params: [o.numerator, o.denominator],
    kernel: (n, d) => quotient(n, d),
    native: ([n, d]) => formula(n!, d!),
    sql: ([n, d], q) => sql(n!, d!, q),
  });
}
