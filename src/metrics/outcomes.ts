/**
 * Meeting outcomes: show rate, qualification rate and a
 * summary by segment, from a log with one CRM outcome label per meeting.
 */

import type { ParamKind } from '../sheets/arguments';
import { isBlank, toText } from '../sheets/coerce';
import { dateLabels } from '../sheets/dates';
import { Labels } from '../sheets/labels';
import { Problem } from '../sheets/problem';
import { eachAligned, isBlankValue } from '../sheets/ranges';
import type { Scalar } from '../sheets/result';
import type { Shape } from '../sheets/shapes';
import type { WholeRangeRuntime } from './spec';

/** The six outcome labels a CRM meeting-outcome field should offer, in order. */
export const OUTCOME_LABELS = [
  'Qualified',
  'Not qualified – company size',
  'Not qualified – role',
  'Not qualified – budget',
  'No show',
  'Rescheduled – pending',
] as const;

/** What an outcome counts as: held (qualified or not), a no-show, or pending (in neither). */
export type Outcome = 'qualified' | 'notQualified' | 'noShow' | 'pending';

/**
 * Each accepted spelling and its meaning: the six labels in order, then other
 * spellings of the same meanings. Matched as labels are (case, punctuation
 * and filler words forgiven); the SQL forms are generated from this table.
 */
export const OUTCOME_MEANINGS: readonly (readonly [string, Outcome])[] = [
  [OUTCOME_LABELS[0], 'qualified'],
  [OUTCOME_LABELS[1], 'notQualified'],
  [OUTCOME_LABELS[2], 'notQualified'],
  [OUTCOME_LABELS[3], 'notQualified'],
  [OUTCOME_LABELS[4], 'noShow'],
  [OUTCOME_LABELS[5], 'pending'],
  ['Not qualified', 'notQualified'],
  ['Rescheduled', 'pending'],
];

/** The mapping table's Means for a meeting to be counted nowhere (a canceled or still-scheduled one). */
export const IGNORE = 'Ignore';

export const OUTCOMES = new Labels<Outcome>(
  OUTCOME_LABELS,
  OUTCOME_MEANINGS.slice(0, OUTCOME_LABELS.length).map(([, m]) => m),
  OUTCOME_MEANINGS.slice(OUTCOME_LABELS.length),
);

export const SUMMARY_HEADER = [
  'Segment',
  'Booked',
  'Held',
  'No-shows',
  'Qualified',
  'Show rate',
  'Qual rate',
] as const;

interface Tally {
  held: number;
  noShows: number;
  qualified: number;
}

/** Outcome counts per segment, in order of first appearance; blank outcomes are ignored. */
function tally(fn: string, outcomes: unknown, segments?: unknown): Map<string, Tally> {
  const bySegment = new Map<string, Tally>();
  // An omitted or blank optional argument takes its default: no segments, one row All.
  const withSegments = !isBlankValue(segments);
  const dateLabel = dateLabels(segments);
  eachAligned(
    fn,
    withSegments ? ['outcomes', 'segments'] : ['outcomes'],
    withSegments ? [outcomes, segments] : [outcomes],
    ([label, segment]) => {
      if (isBlank(label)) return;
      const outcome = OUTCOMES.read('outcomes', label);
      const key = !withSegments
        ? 'All'
        : isBlank(segment)
          ? '(blank)'
          : toText('segments', segment, dateLabel);
      let t = bySegment.get(key);
      if (!t) {
        t = { held: 0, noShows: 0, qualified: 0 };
        bySegment.set(key, t);
      }
      if (outcome === 'noShow') t.noShows++;
      else if (outcome !== 'pending') {
        t.held++;
        if (outcome === 'qualified') t.qualified++;
      }
    },
  );
  return bySegment;
}

function total(fn: string, outcomes: unknown): Tally | undefined {
  return tally(fn, outcomes).get('All');
}

const NO_BOOKED = new Problem(
  '#DIV/0!',
  'outcomes has no held meeting and no no-show',
  'so there is no show rate',
);
const NO_HELD = new Problem(
  '#DIV/0!',
  'outcomes has no held meeting',
  'so there is no qualification rate',
);

const OUTCOMES_PARAM: ParamKind = { name: 'outcomes', kind: 'text', options: OUTCOME_LABELS };

export const SHOW_RATE: WholeRangeRuntime = {
  name: 'SHOW_RATE',
  mode: 'whole',
  params: [OUTCOMES_PARAM],
  run(outcomes) {
    const t = total('SHOW_RATE', outcomes);
    if (!t) return '';
    if (t.held + t.noShows === 0) throw NO_BOOKED;
    return t.held / (t.held + t.noShows);
  },
};

export const QUAL_RATE: WholeRangeRuntime = {
  name: 'QUAL_RATE',
  mode: 'whole',
  params: [OUTCOMES_PARAM],
  run(outcomes) {
    const t = total('QUAL_RATE', outcomes);
    if (!t) return '';
    if (t.held === 0) throw NO_HELD;
    return t.qualified / t.held;
  },
};

function cells(shape: Shape | undefined): number {
  return shape ? shape.rows * shape.cols : 1;
}

/** A rate cell of the summary: one segment without held meetings must not sink the table. */
function rateCell(part: number, whole: number, problem: Problem): Scalar {
  return whole === 0 ? problem.cellText : part / whole;
}

export const OUTCOME_SUMMARY: WholeRangeRuntime = {
  name: 'OUTCOME_SUMMARY',
  mode: 'whole',
  params: [OUTCOMES_PARAM, { name: 'segments', kind: 'text', optional: true }],
  run(outcomes, segments) {
    const bySegment = tally('OUTCOME_SUMMARY', outcomes, segments);
    if (bySegment.size === 0) return '';
    const table: Scalar[][] = [[...SUMMARY_HEADER]];
    for (const [segment, t] of bySegment) {
      const booked = t.held + t.noShows;
      table.push([
        segment,
        booked,
        t.held,
        t.noShows,
        t.qualified,
        rateCell(t.held, booked, NO_BOOKED),
        rateCell(t.qualified, t.held, NO_HELD),
      ]);
    }
    return table;
  },
  // One row per segment at most: as many as the larger of the two ranges has cells.
  resultSize: ([outcomes, segments]) => ({
    rows: 1 + (segments ? Math.max(cells(outcomes), cells(segments)) : 1),
    cols: SUMMARY_HEADER.length,
  }),
};
