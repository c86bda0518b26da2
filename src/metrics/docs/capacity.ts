/**
 * What people read about the capacity functions: summaries, argument
 * help and worked examples, joined to the runtime entries in ../catalogue.ts.
 * Kept apart so the Apps Script bundle carries none of this prose.
 */
import type { Docs } from '../spec';

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
        note: '4× coverage at a 45% SQM-to-opportunity rate is about 18 qualified meetings.',
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
        note: '18 qualified meetings at 12 per SDR needs 2 SDRs.',
      },
    ],
  },
};
