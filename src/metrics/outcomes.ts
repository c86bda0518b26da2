/**
 * Meeting outcomes: show rate, qualification rate and a
 * summary by segment, from a log with one CRM outcome label per meeting.
 */

import type { ParamKind } from '../sheets/arguments';
import { isBlank, toText } from '../sheets/coerce';
import { dateLabels } from '../sheets/dates';
import { show } from '../sheets/format';
import { channelName, Labels } from '../sheets/labels';
import type { Mapping } from '../sheets/mapping';
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
  'Pending',
  'Unrecognised',
] as const;

/** What one meeting's outcome cell counts as: an outcome, nothing (Ignore), or a label nobody knows. */
export type OutcomeRead = Outcome | 'ignore' | 'unrecognised';

/**
 * Reads an outcome cell: the mapping table's outcome rows first, then the
 * labels. A label that matches neither is unrecognised: tables count it in
 * their Unrecognised column, single rates refuse it (unrecognisedOutcome).
 */
export function readOutcome(mapping: Mapping, value: unknown): OutcomeRead {
  if (mapping.outcome.size > 0 && (typeof value === 'string' || typeof value === 'number')) {
    const means = mapping.outcome.lookup(String(value));
    if (means !== undefined) return means === IGNORE ? 'ignore' : OUTCOMES.find(means)!;
  }
  return OUTCOMES.find(value) ?? 'unrecognised';
}

/** The problem of a label a single rate cannot count: what it accepts and how to map the label. */
export function unrecognisedOutcome(value: unknown): Problem {
  const text = typeof value === 'string' ? channelName(value) : show(value);
  return new Problem(
    '#VALUE!',
    `outcomes ${show(value)} is not one of the accepted labels`,
    `use one of: ${OUTCOME_LABELS.join(', ')}; or map it with a mapping row: outcome, ${text}, and the label it means (or ${IGNORE})`,
  );
}

/**
 * A tally of meetings from `at` on: held, no-shows, qualified, pending,
 * unrecognised (booked = held + no-shows; held = qualified + not qualified).
 */
export const MEETING_COUNTS = 5;

export function countOutcome(t: number[], at: number, outcome: OutcomeRead): void {
  switch (outcome) {
    case 'qualified':
      t[at]!++;
      t[at + 2]!++;
      break;
    case 'notQualified':
      t[at]!++;
      break;
    case 'noShow':
      t[at + 1]!++;
      break;
    case 'pending':
      t[at + 3]!++;
      break;
    case 'unrecognised':
      t[at + 4]!++;
      break;
    case 'ignore':
      break;
  }
}

/**
 * Outcome counts per segment, in order of first appearance. Blank and
 * ignored outcomes are counted nowhere; with `strict`, an unrecognised label
 * is a problem instead of a count.
 */
function tally(
  fn: string,
  mapping: Mapping,
  strict: boolean,
  outcomes: unknown,
  segments?: unknown,
): Map<string, number[]> {
  const bySegment = new Map<string, number[]>();
  // An omitted or blank optional argument takes its default: no segments, one row All.
  const withSegments = !isBlankValue(segments);
  const dateLabel = dateLabels(segments);
  eachAligned(
    fn,
    withSegments ? ['outcomes', 'segments'] : ['outcomes'],
    withSegments ? [outcomes, segments] : [outcomes],
    ([label, segment]) => {
      if (isBlank(label)) return;
      const outcome = readOutcome(mapping, label);
      if (outcome === 'ignore') return;
      if (strict && outcome === 'unrecognised') throw unrecognisedOutcome(label);
      let key = 'All';
      if (withSegments) {
        key = isBlank(segment) ? '(blank)' : toText('segments', segment, dateLabel);
        key = mapping.channel.lookup(key) ?? key;
      }
      let t = bySegment.get(key);
      if (!t) {
        t = new Array(MEETING_COUNTS).fill(0);
        bySegment.set(key, t);
      }
      countOutcome(t, 0, outcome);
    },
  );
  return bySegment;
}

/** [held, no-shows, qualified] of all meetings, or undefined when none is counted. */
function total(fn: string, outcomes: unknown, mapping: Mapping): number[] | undefined {
  return tally(fn, mapping, true, outcomes).get('All');
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
export const MAPPING_PARAM: ParamKind = { name: 'mapping', kind: 'mapping', optional: true };

export const SHOW_RATE: WholeRangeRuntime = {
  name: 'SHOW_RATE',
  mode: 'whole',
  params: [OUTCOMES_PARAM, MAPPING_PARAM],
  run(outcomes, mapping) {
    const t = total('SHOW_RATE', outcomes, mapping as Mapping);
    if (!t) return '';
    const [held, noShows] = t as [number, number];
    if (held + noShows === 0) throw NO_BOOKED;
    return held / (held + noShows);
  },
};

export const QUAL_RATE: WholeRangeRuntime = {
  name: 'QUAL_RATE',
  mode: 'whole',
  params: [OUTCOMES_PARAM, MAPPING_PARAM],
  run(outcomes, mapping) {
    const t = total('QUAL_RATE', outcomes, mapping as Mapping);
    if (!t) return '';
    const [held, , qualified] = t as [number, number, number];
    if (held === 0) throw NO_HELD;
    return qualified / held;
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
  params: [OUTCOMES_PARAM, { name: 'segments', kind: 'text', optional: true }, MAPPING_PARAM],
  run(outcomes, segments, mapping) {
    const bySegment = tally('OUTCOME_SUMMARY', mapping as Mapping, false, outcomes, segments);
    if (bySegment.size === 0) return '';
    const table: Scalar[][] = [[...SUMMARY_HEADER]];
    for (const [segment, t] of bySegment) {
      const [held, noShows, qualified, pending, unrecognised] = t as [
        number,
        number,
        number,
        number,
        number,
      ];
      const booked = held + noShows;
      table.push([
        segment,
        booked,
        held,
        noShows,
        qualified,
        rateCell(held, booked, NO_BOOKED),
        rateCell(qualified, held, NO_HELD),
        pending,
        unrecognised,
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
