/**
 * What people read about the benchmarks functions: summaries, argument
 * help and worked examples, joined to the runtime entries in ../catalogue.ts.
 * Kept apart so the Apps Script bundle carries none of this prose.
 */
import type { Docs } from '../spec';

export const BENCHMARK_DOCS: Record<string, Docs> = {
  SQM_BENCHMARK: {
    family: 'Qualification and benchmarks',
    summary:
      'Places a value against the SQM benchmark table (top and average performers): Top performer, Average or Below average.',
    params: {
      metric:
        'Which benchmark: sqms_per_sdr, sqm_to_opp, sqm_to_close, deal_size, days_to_close, no_show or ae_accept.',
      value:
        'Your figure; rates as 45% or 0.45 (also the text "45%"), deal size in currency (also the text "$65,000"), days as a number.',
    },
    resultType: 'text',
    returns: 'Top performer, Average or Below average.',
    examples: [
      {
        args: ['sqm_to_opp', 0.44],
        formula: '=SQM_BENCHMARK("sqm_to_opp", 44%)',
        result: 'Average',
        note: 'Use case 1 moved from 28% (Average) to 44%, just short of the top 45%.',
      },
      {
        args: ['no_show', 0.08],
        formula: '=SQM_BENCHMARK("no_show", 8%)',
        result: 'Average',
        note: 'Top performers have fewer than 8% no-shows; exactly 8% is not fewer.',
      },
    ],
  },
};
