/** Capacity (seed 001, use case 3): qualified meetings and SDRs needed for a pipeline target. */
import { divByZero } from '../sheets/problem';
import { blankGuard } from './native';
import { ceilForgiving, ceilForgivingNative } from './numbers';
import type { Docs, ElementwiseRuntime } from './spec';

export const SQMS_NEEDED: ElementwiseRuntime = {
  name: 'SQMS_NEEDED',
  mode: 'elementwise',
  params: [
    { name: 'quota', kind: 'money' },
    { name: 'coverage', kind: 'factor' },
    { name: 'dealSize', kind: 'money' },
    { name: 'sqmToOpp', kind: 'rate' },
  ],
  kernel(quota: number, coverage: number, dealSize: number, sqmToOpp: number) {
    if (dealSize === 0) throw divByZero('dealSize', 'so no opportunity adds pipeline');
    if (sqmToOpp === 0) throw divByZero('sqmToOpp', 'so no meeting becomes an opportunity');
    return (quota * coverage) / (dealSize * sqmToOpp);
  },
  native: ([quota, coverage, dealSize, sqmToOpp]) =>
    blankGuard(
      [quota!, coverage!, dealSize!, sqmToOpp!],
      `${quota}*${coverage}/(${dealSize}*${sqmToOpp})`,
    ),
};

export const SDRS_NEEDED: ElementwiseRuntime = {
  name: 'SDRS_NEEDED',
  mode: 'elementwise',
  params: [
    { name: 'sqmsNeeded', kind: 'count' },
    { name: 'sqmsPerSdr', kind: 'count' },
  ],
  kernel(sqmsNeeded: number, sqmsPerSdr: number) {
    if (sqmsPerSdr === 0) throw divByZero('sqmsPerSdr', 'so no number of SDRs is enough');
    return ceilForgiving(sqmsNeeded / sqmsPerSdr);
  },
  native: ([needed, perSdr]) =>
    blankGuard([needed!, perSdr!], ceilForgivingNative(`${needed}/${perSdr}`)),
};

const family = 'Capacity';

export const CAPACITY_DOCS: Record<string, Docs> = {
  SQMS_NEEDED: {
    family,
    summary:
      'Qualified meetings needed to build pipeline coverage: quota × coverage / (deal size × SQM-to-opportunity rate).',
    params: {
      quota: 'Revenue quota for the period.',
      coverage: 'Pipeline coverage wanted, as a multiple of quota such as 4.',
      dealSize: 'Average deal size (pipeline value per opportunity).',
      sqmToOpp: 'Share of qualified meetings that become opportunities, as 45% or 0.45.',
    },
    resultType: 'number',
    returns: 'Qualified meetings needed in the period (not rounded).',
    examples: [
      {
        args: [130000, 4, 65000, 0.45],
        formula: '=SQMS_NEEDED(130000, 4, 65000, 45%)',
        result: 17.777777778,
        digits: 6,
        note: 'Seed 001: 4× coverage at a 45% SQM-to-opportunity rate is about 18 qualified meetings.',
      },
    ],
  },
  SDRS_NEEDED: {
    family,
    summary:
      'SDRs needed: qualified meetings needed / meetings per SDR, rounded up to whole people.',
    params: {
      sqmsNeeded: 'Qualified meetings needed in the period.',
      sqmsPerSdr: 'Qualified meetings one SDR books in the period.',
    },
    resultType: 'number',
    returns: 'A whole number of SDRs, rounded up.',
    examples: [
      {
        args: [18, 12],
        formula: '=SDRS_NEEDED(18, 12)',
        result: 2,
        note: 'Seed 001: 18 qualified meetings at 12 per SDR needs 2 SDRs.',
      },
    ],
  },
};
