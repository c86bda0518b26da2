/**
 * What people read about the funnel functions: summaries, argument
 * help and worked examples, joined to the runtime entries in ../catalogue.ts.
 * Kept apart so the Apps Script bundle carries none of this prose.
 */
import type { Docs } from '../spec';

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
        note: '10 opportunities from 40 qualified meetings is a 25% conversion.',
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
        note: 'Leads → MQLs → SQLs → SQMs → customers.',
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
        note: 'Leads, MQLs, SQLs, SQMs and opportunities needed for 10 customers.',
      },
    ],
  },
};
