/**
 * CPQM_TREND: CPQM_REPORT's CPQM figures laid out for a line chart — one row
 * per period, one column per channel after All channels — so new channels
 * and periods join the chart by themselves over open ranges.
 *
 * A custom function cannot return an error value: Sheets takes numbers,
 * text, booleans and dates from it. Where there is no CPQM the cell is the
 * text #N/A, which a chart does not plot as a number, so the line breaks
 * instead of dropping to 0.
 */
import type { Mapping } from '../sheets/mapping';
import { CallError } from '../sheets/problem';
import type { Scalar, SheetResult } from '../sheets/result';
import { ALL_CHANNELS, type Group } from './grouping';
import { MAPPING_PARAM } from './outcomes';
import { PERIODS, readPeriod } from './period';
import { cellsOf, groupSpendAndMeetings, QUALIFIED, SPEND, SPEND_AND_MEETINGS } from './report';
import type { WholeRangeRuntime } from './spec';

/** What a cell shows where a period has no CPQM: nothing spent, or no qualified meeting. */
export const NO_CPQM = '#N/A';

function cpqm(t: number[] | undefined): Scalar {
  if (!t || t[SPEND] === 0 || t[QUALIFIED] === 0) return NO_CPQM;
  return t[SPEND]! / t[QUALIFIED]!;
}

function trend(...args: unknown[]): SheetResult {
  const period = readPeriod(args[6]);
  const grouping = groupSpendAndMeetings(period, args[7] as Mapping, args);
  if (grouping.isEmpty) return '';
  if (!period) {
    throw new CallError(`period is blank; a trend needs one: ${PERIODS.join(', ')}`);
  }
  const channels: Group[] = grouping.channels();
  const out: Scalar[][] = [['Period', ALL_CHANNELS, ...channels.map((c) => c.name)]];
  for (const [label, total] of grouping.totals().byPeriod) {
    out.push([label, cpqm(total), ...channels.map((c) => cpqm(c.byPeriod.get(label)))]);
  }
  return out;
}

export const CPQM_TREND: WholeRangeRuntime = {
  name: 'CPQM_TREND',
  mode: 'whole',
  params: [
    ...SPEND_AND_MEETINGS,
    { name: 'spendDates', kind: 'date' },
    { name: 'meetingDates', kind: 'date' },
    { name: 'period', kind: 'text', options: PERIODS },
    MAPPING_PARAM,
  ],
  run: trend,
  // At most one period and one channel per input line.
  resultSize: ([spendChannels, , meetingChannels]) => {
    const lines = cellsOf(spendChannels) + cellsOf(meetingChannels);
    return { rows: 1 + lines, cols: 2 + lines };
  },
};
