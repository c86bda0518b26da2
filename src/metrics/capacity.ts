/** Capacity: qualified meetings and SDRs needed for a pipeline target. */
import { divByZero } from '../sheets/problem';
import { blankGuard } from './native';
import { ceilForgiving, ceilForgivingNative } from './numbers';
import { elementwiseEntry } from './spec';

export const SQMS_NEEDED = elementwiseEntry({
  name: 'SQMS_NEEDED',
  params: [
    { name: 'quota', kind: 'money' },
    { name: 'coverage', kind: 'factor' },
    { name: 'dealSize', kind: 'money' },
    { name: 'sqmToOpp', kind: 'rate' },
  ],
  kernel(quota, coverage, dealSize, sqmToOpp) {
    if (dealSize === 0) throw divByZero('dealSize', 'so no opportunity adds pipeline');
    if (sqmToOpp === 0) throw divByZero('sqmToOpp', 'so no meeting becomes an opportunity');
    return (quota * coverage) / (dealSize * sqmToOpp);
  },
  native: ([quota, coverage, dealSize, sqmToOpp]) =>
    blankGuard(
      [quota!, coverage!, dealSize!, sqmToOpp!],
      `${quota}*${coverage}/(${dealSize}*${sqmToOpp})`,
    ),
  sql: ([quota, coverage, dealSize, sqmToOpp], q) =>
    q.divByProduct(q.mul(quota!, coverage!), [dealSize!, sqmToOpp!]),
});

export const SDRS_NEEDED = elementwiseEntry({
  name: 'SDRS_NEEDED',
  params: [
    { name: 'sqmsNeeded', kind: 'count' },
    { name: 'sqmsPerSdr', kind: 'count' },
  ],
  kernel(sqmsNeeded, sqmsPerSdr) {
    if (sqmsPerSdr === 0) throw divByZero('sqmsPerSdr', 'so no number of SDRs is enough');
    return ceilForgiving(sqmsNeeded / sqmsPerSdr);
  },
  native: ([needed, perSdr]) =>
    blankGuard([needed!, perSdr!], ceilForgivingNative(`${needed}/${perSdr}`)),
  // funnel_ceil_forgiving is ceilForgiving as a helper of the generated SQL.
  sql: ([needed, perSdr], q) => q.call('funnel_ceil_forgiving', [q.div(needed!, perSdr!)]),
});
