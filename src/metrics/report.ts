/**
 * CPQM_REPORT: the channel comparison from the raw tables users really have —
 * ad spend as one row per day × campaign, and one CRM row per meeting —
 * joined by channel (and period), every total Σ ÷ Σ over the rows it covers.
 *
 * The defects that matter most here are silent: a totals row counted twice,
 * a meeting dropped, an average of rates where Σ ÷ Σ belongs, one new CRM
 * label wiping out the report. So an export's totals row is refused by its
 * row, a meeting without a channel counts under "(no channel)", an unknown
 * outcome is counted as Unrecognised, and every ratio comes from summed counts.
 */

import type { ParamKind } from '../sheets/arguments';
import { isBlank } from '../sheets/coerce';
import type { Mapping } from '../sheets/mapping';
import { CallError } from '../sheets/problem';
import type { Scalar, SheetResult } from '../sheets/result';
import type { Shape } from '../sheets/shapes';
import { Grouping, NO_CHANNEL, ratioCell } from './grouping';
import {
  countOutcome,
  MAPPING_PARAM,
  MEETING_COUNTS,
  OUTCOMES,
  type OutcomeRead,
  readOutcome,
} from './outcomes';
import { PERIODS, type Period, readPeriod } from './period';
import { addSpend, atLine, lineOf, noColumn, table } from './report-table';
import type { WholeRangeRuntime } from './spec';
import { refuseTotalsRow } from './totals-row';

/** The report's columns after Channel (and Period, with a period). */
export const REPORT_COLUMNS = [
  'Spend',
  'Booked',
  'Held',
  'No-shows',
  'Qualified',
  'Show rate',
  'Qual rate',
  'Cost per meeting',
  'CPQM',
  'Pending',
  'Unrecognised',
] as const;

export function reportHeader(withPeriod: boolean): string[] {
  return withPeriod ? ['Channel', 'Period', ...REPORT_COLUMNS] : ['Channel', ...REPORT_COLUMNS];
}

/** A tally: spend, then the meeting counts from 1 on (held, no-shows, qualified, pending, unrecognised). */
export const SPEND = 0;
const HELD = 1;
const NO_SHOWS = 2;
export const QUALIFIED = 3;
const PENDING = 4;
const UNRECOGNISED = 5;

/** The cells of a tally, Σ ÷ Σ; a zero denominator is that cell's #DIV/0! text naming the count. */
function cells(t: number[]): Scalar[] {
  const spend = t[SPEND]!;
  const held = t[HELD]!;
  const qualified = t[QUALIFIED]!;
  const booked = held + t[NO_SHOWS]!;
  return [
    spend,
    booked,
    held,
    t[NO_SHOWS]!,
    qualified,
    ratioCell(held, booked, 'booked'),
    ratioCell(qualified, held, 'held'),
    ratioCell(spend, booked, 'booked'),
    ratioCell(spend, qualified, 'qualified'),
    t[PENDING]!,
    t[UNRECOGNISED]!,
  ];
}

/** The arguments CPQM_REPORT and CPQM_TREND share, in order. */
export const SPEND_AND_MEETINGS: readonly ParamKind[] = [
  { name: 'spendChannels', kind: 'text' },
  { name: 'spend', kind: 'money' },
  { name: 'meetingChannels', kind: 'text' },
  { name: 'outcomes', kind: 'text', options: OUTCOMES.accepted },
];

/**
 * Spend and meetings grouped by channel (and period): what CPQM_REPORT lays
 * out as rows and CPQM_TREND as a trend table.
 */
export function groupSpendAndMeetings(
  period: Period | undefined,
  mapping: Mapping,
  [spendChannels, spend, meetingChannels, outcomes, spendDates, meetingDates]: readonly unknown[],
): Grouping {
  if (period && (noColumn(spendDates) || noColumn(meetingDates))) {
    throw new CallError(
      `a ${period} report needs spendDates and meetingDates: give the date column of each table`,
    );
  }
  const grouping = new Grouping(1 + MEETING_COUNTS, period, mapping);
  // Both tables are checked for shape before any row is read.
  const meetings = table(
    ['meetingChannels', 'outcomes', 'meetingDates'],
    [meetingChannels, outcomes, period ? meetingDates : undefined],
  );
  addSpend(grouping, SPEND, spendChannels, spend, spendDates);
  const [names, results, days] = meetings.grids;
  /** Outcome cells seen, to what they count as: a log repeats a handful of labels. */
  const outcomeOf = new Map<unknown, OutcomeRead>();
  const { cols } = meetings.shape;
  for (let k = 0; k < meetings.size; k++) {
    const label = lineOf(results, cols, k);
    if (isBlank(label)) continue;
    try {
      const raw = lineOf(names, cols, k);
      const day = lineOf(days, cols, k);
      refuseTotalsRow('meetingDates', day);
      let outcome = outcomeOf.get(label);
      if (outcome === undefined) {
        refuseTotalsRow('outcomes', label);
        outcome = readOutcome(mapping, label);
        if (outcomeOf.size < 10_000) outcomeOf.set(label, outcome);
      }
      if (outcome === 'ignore') continue;
      // A meeting without a channel counts under (no channel), never dropped.
      const group = isBlank(raw)
        ? grouping.named(NO_CHANNEL)
        : grouping.channel('meetingChannels', raw);
      countOutcome(grouping.tally(group, grouping.label('meetingDates', day)), HELD, outcome);
    } catch (e) {
      throw atLine('meetings', meetings.shape, k, e);
    }
  }
  return grouping;
}

function report(...args: unknown[]): SheetResult {
  const period = readPeriod(args[6]);
  const grouping = groupSpendAndMeetings(period, args[7] as Mapping, args);
  // Blank tables give blank, as every function does for blank ranges: open columns of a new sheet.
  if (grouping.isEmpty) return '';
  return grouping.table(reportHeader(period !== undefined), cells);
}

/** Cells of an argument's shape; 1 for an omitted one. */
export function cellsOf(shape: Shape | undefined): number {
  return shape ? shape.rows * shape.cols : 1;
}

export const CPQM_REPORT: WholeRangeRuntime = {
  name: 'CPQM_REPORT',
  mode: 'whole',
  params: [
    ...SPEND_AND_MEETINGS,
    { name: 'spendDates', kind: 'date', optional: true },
    { name: 'meetingDates', kind: 'date', optional: true },
    { name: 'period', kind: 'text', optional: true, options: PERIODS },
    MAPPING_PARAM,
  ],
  run: report,
  // A row per channel and period at most one per input row, as many period totals, and the total.
  resultSize: ([spendChannels, , meetingChannels, , , , period]) => {
    const lines = cellsOf(spendChannels) + cellsOf(meetingChannels);
    return {
      rows: 2 + (period ? 2 * lines : lines),
      cols: REPORT_COLUMNS.length + (period ? 2 : 1),
    };
  },
};
