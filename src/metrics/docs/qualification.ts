/**
 * What people read about the qualification functions: summaries, argument
 * help and worked examples, joined to the runtime entries in ../catalogue.ts.
 * Kept apart so the Apps Script bundle carries none of this prose.
 */
import type { Docs } from '../spec';

export const QUALIFICATION_DOCS: Record<string, Docs> = {
  SQM_DECISION: {
    family: 'Qualification and benchmarks',
    summary:
      'Whether to schedule a sales-qualified meeting from a qualification checklist: every required criterion met or partial.',
    params: {
      statuses:
        'Status of each criterion: Met (✓, yes, TRUE), Partial (⚠, partly) or Not met (✗, no, FALSE, blank).',
      required:
        'Whether each criterion is required: TRUE/FALSE, Required/Optional or yes/no; same size as statuses.',
      criteria:
        'Optional. The criteria names, same size as statuses, to list what is missing; default "criterion 1", "criterion 2" and so on.',
    },
    resultType: 'text',
    returns:
      'SCHEDULE SQM (n/n required criteria met, A/B/C-Quality) or DO NOT SCHEDULE (k/n required criteria met; missing: …); NO DECISION (…) when no criterion is marked Required.',
    examples: [
      {
        args: [
          [
            ['✓ Met'],
            ['✓ Met'],
            ['✓ Met'],
            ['✓ Met'],
            ['✓ Met'],
            ['⚠ Partial'],
            ['✓ Met'],
            ['✓ Met'],
          ],
          [
            ['✓ Required'],
            ['✓ Required'],
            ['✓ Required'],
            ['✓ Required'],
            ['✓ Required'],
            ['✓ Required'],
            ['Optional'],
            ['Optional'],
          ],
        ],
        formula: '=SQM_DECISION(D2:D9, C2:C9)',
        result: 'SCHEDULE SQM (6/6 required criteria met, B-Quality)',
        note: 'The checklist template, with Decision Makers only partly confirmed.',
      },
    ],
  },
};
