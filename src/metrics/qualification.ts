/**
 * Qualification: the schedule / do-not-schedule decision from an
 * SQM checklist, with the A/B/C quality grade.
 */
import { isBlank, toText } from '../sheets/coerce';
import { Labels } from '../sheets/labels';
import { eachAligned } from '../sheets/ranges';
import type { WholeRangeRuntime } from './spec';

type Status = 'met' | 'partial' | 'notMet';

export const STATUS_LABELS = ['Met', 'Partial', 'Not met'] as const;
export const REQUIRED_LABELS = ['Required', 'Optional'] as const;

const STATUSES = new Labels<Status>(
  STATUS_LABELS,
  ['met', 'partial', 'notMet'],
  [
    ['✓', 'met'],
    ['✔', 'met'],
    ['✅', 'met'],
    ['yes', 'met'],
    ['true', 'met'],
    ['⚠', 'partial'],
    ['partly', 'partial'],
    ['✗', 'notMet'],
    ['✘', 'notMet'],
    ['❌', 'notMet'],
    ['no', 'notMet'],
    ['false', 'notMet'],
  ],
);

const REQUIRED = new Labels<boolean>(
  REQUIRED_LABELS,
  [true, false],
  [
    ['true', true],
    ['yes', true],
    ['false', false],
    ['no', false],
  ],
);

/** The result of a checklist with no criterion marked as required. */
export const NO_REQUIRED =
  'NO DECISION (no criterion is marked Required; mark the ones a meeting must meet)';

/** A with no partial required criterion, B with one, C with two or more. */
function grade(partial: number): string {
  return partial === 0 ? 'A' : partial === 1 ? 'B' : 'C';
}

export const SQM_DECISION: WholeRangeRuntime = {
  name: 'SQM_DECISION',
  mode: 'whole',
  params: [
    { name: 'statuses', kind: 'text', options: STATUS_LABELS },
    { name: 'required', kind: 'text', options: REQUIRED_LABELS },
    { name: 'criteria', kind: 'text', optional: true },
  ],
  run(statuses, required, criteria) {
    const missing: string[] = [];
    let filled = false;
    let requiredCount = 0;
    let met = 0;
    let partial = 0;
    // Omitted criteria read as blank names, as a column of blank names does.
    eachAligned(
      'SQM_DECISION',
      ['statuses', 'required', 'criteria'],
      [statuses, required, criteria],
      ([status, need, name], index) => {
        if (isBlank(status) && isBlank(need) && isBlank(name)) return;
        filled = true;
        // Every status is read, so a typo in an optional row is reported too, not ignored.
        const s = isBlank(status) ? 'notMet' : STATUSES.read('statuses', status);
        // An unticked requirement is optional; an unfilled status is not met.
        if (isBlank(need) || !REQUIRED.read('required', need)) return;
        requiredCount++;
        switch (s) {
          case 'met':
            met++;
            break;
          case 'partial':
            met++;
            partial++;
            break;
          case 'notMet':
            missing.push(isBlank(name) ? `criterion ${index + 1}` : toText('criteria', name));
            break;
        }
      },
    );
    if (!filled) return '';
    // "0/0 required criteria met" would read as a pass: with nothing required there is no decision.
    if (requiredCount === 0) return NO_REQUIRED;
    if (missing.length > 0) {
      return `DO NOT SCHEDULE (${met}/${requiredCount} required criteria met; missing: ${missing.join(', ')})`;
    }
    return `SCHEDULE SQM (${met}/${requiredCount} required criteria met, ${grade(partial)}-Quality)`;
  },
};
