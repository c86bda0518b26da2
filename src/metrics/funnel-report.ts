/**
 * FUNNEL_REPORT: the funnel from a CRM's records export (one row per contact
 * or lead, with the date it reached each stage) against the ad spend, by
 * channel (and period): records and cost per stage, and each stage's ratio
 * to the one before.
 *
 * Two views, because mixing them is the classic error: activity counts each
 * stage in the period it was reached; cohort counts a record's every stage in
 * the period it entered the funnel. A record that skipped a stage still
 * reached it (CRMs let records skip), on the date of the next stage it reached.
 */
import { isBlank, toText } from '../sheets/coerce';
import { isDate, isoDay } from '../sheets/dates';
import { show } from '../sheets/format';
import type { Mapping } from '../sheets/mapping';
import { CallError, Problem } from '../sheets/problem';
import { single } from '../sheets/ranges';
import type { Scalar } from '../sheets/result';
import { isRange, type Shape, shapeOf, showShape } from '../sheets/shapes';
import { stageName } from './funnel-stages';
import { Grouping, NO_CHANNEL, ratioCell } from './grouping';
import { MAPPING_PARAM } from './outcomes';
import { PERIODS, readPeriod } from './period';
import { cellsOf } from './report';
import { addSpend, atLine, noColumn } from './report-table';
import type { WholeRangeRuntime } from './spec';
import { refuseTotalsRow } from './totals-row';

export const VIEWS = ['activity', 'cohort'] as const;
export type View = (typeof VIEWS)[number];

/** The `view` argument: blank is activity. */
export function readView(value: unknown): View {
  const v = single('view', value);
  if (isBlank(v)) return 'activity';
  const found = typeof v === 'string' ? VIEWS.find((k) => k === v.trim().toLowerCase()) : undefined;
  if (!found) {
    throw new CallError(`view ${show(v)} is not a view; use activity or cohort, or leave it blank`);
  }
  return found;
}

/** Whether a cell holds a date as rule 12 reads one: a Date, a serial number or ISO text. */
export function isDateCell(raw: unknown): boolean {
  if (isDate(raw)) return !Number.isNaN(raw.getTime());
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 1;
  return typeof raw === 'string' && isoDay(raw) !== undefined;
}

function notADate(stage: string, raw: unknown): Problem {
  return new Problem(
    '#VALUE!',
    `${stage} ${show(raw)} is not a date`,
    'enter the date the record reached the stage (2026-01-05), or leave it blank',
  );
}

/** A range from its header row: one column for channels, one or more for stages. */
function grid(value: unknown): unknown[][] {
  return isRange(value) ? value : [[value]];
}

export function funnelHeader(stages: readonly string[], dated: boolean): string[] {
  const head = dated ? ['Channel', 'Period', 'Spend'] : ['Channel', 'Spend'];
  stages.forEach((stage, s) => {
    head.push(stage, `Cost per ${stage}`);
    if (s > 0) head.push(`${stages[s - 1]} → ${stage}`);
  });
  return head;
}

function funnel(...args: unknown[]): Scalar[][] | '' {
  const [spendChannels, spend, channelsArg, stagesArg, spendDates, periodArg, viewArg] = args;
  const mapping = args[7] as Mapping;
  const period = readPeriod(periodArg);
  const view = readView(viewArg);
  if (period && noColumn(spendDates)) {
    throw new CallError(
      `a ${period} report needs spendDates: give the date column of the spend table`,
    );
  }
  const channels = grid(channelsArg);
  const stageCells = grid(stagesArg);
  const shape: Shape = shapeOf(stageCells);
  const channelShape = shapeOf(channels);
  if (channelShape.cols !== 1) {
    throw new CallError(
      `channels is ${showShape(channelShape)}; give one column, from its header row`,
    );
  }
  if (channelShape.rows !== shape.rows) {
    throw new CallError(
      `channels is ${showShape(channelShape)} but stages is ${showShape(shape)}; give both from the same header row to the same last row`,
    );
  }
  const header = stageCells[0] as unknown[];
  // Blank stage ranges, as open columns of a new sheet are: blank, as every function gives.
  if (header.every(isBlank)) {
    const blank = (g: unknown[][]) => g.every((row) => row.every(isBlank));
    if (blank(stageCells) && blank(channels)) return '';
    throw new CallError(
      "stages has no header row: start channels and stages at the export's header row",
    );
  }
  const stages = header.map((h, s) => {
    if (isBlank(h)) {
      throw new CallError(
        `stages column ${s + 1} has a blank header: each stage column needs its name`,
      );
    }
    return stageName(toText('stages', h));
  });
  const m = stages.length;
  const grouping = new Grouping(1 + m, period, mapping);
  addSpend(grouping, 0, spendChannels, spend, spendDates);

  const reached: unknown[] = new Array(m);
  const labelsAll = period !== undefined && view === 'activity';
  for (let i = 1; i < shape.rows; i++) {
    const row = stageCells[i] as unknown[];
    try {
      // Reached-or-beyond: a blank stage takes the date of the next stage the record reached.
      let next: unknown = '';
      for (let s = m - 1; s >= 0; s--) {
        const raw = row[s];
        if (!isBlank(raw)) {
          refuseTotalsRow(stages[s]!, raw);
          // The activity view with a period labels every date, reading it (and naming one that is not).
          if (!labelsAll && !isDateCell(raw)) throw notADate(stages[s]!, raw);
          next = raw;
        }
        reached[s] = next;
      }
      // A record with no stage date at all is counted nowhere.
      if (isBlank(reached[0])) continue;
      const source = (channels[i] as unknown[])[0];
      const group = isBlank(source)
        ? grouping.named(NO_CHANNEL)
        : grouping.channel('channels', source);
      if (view === 'cohort') {
        const t = grouping.tally(group, grouping.label(stages[0]!, reached[0]));
        for (let s = 0; s < m; s++) if (!isBlank(reached[s])) t[1 + s]!++;
      } else {
        for (let s = 0; s < m; s++) {
          if (isBlank(reached[s])) break;
          grouping.tally(group, grouping.label(stages[s]!, reached[s]))[1 + s]!++;
        }
      }
    } catch (e) {
      throw atLine('records', channelShape, i, e);
    }
  }

  const cells = (t: number[]): Scalar[] => {
    const spendTotal = t[0]!;
    const out: Scalar[] = [spendTotal];
    for (let s = 0; s < m; s++) {
      out.push(t[1 + s]!, ratioCell(spendTotal, t[1 + s]!, stages[s]!));
      if (s > 0) out.push(ratioCell(t[1 + s]!, t[s]!, stages[s - 1]!));
    }
    return out;
  };
  return grouping.table(funnelHeader(stages, period !== undefined), cells);
}

export const FUNNEL_REPORT: WholeRangeRuntime = {
  name: 'FUNNEL_REPORT',
  mode: 'whole',
  params: [
    { name: 'spendChannels', kind: 'text' },
    { name: 'spend', kind: 'money' },
    { name: 'channels', kind: 'text' },
    { name: 'stages', kind: 'date' },
    { name: 'spendDates', kind: 'date', optional: true },
    { name: 'period', kind: 'text', optional: true, options: PERIODS },
    { name: 'view', kind: 'text', optional: true, options: VIEWS },
    MAPPING_PARAM,
  ],
  run: funnel,
  // A row per channel and period at most one per spend line or record, period totals, the total.
  resultSize: ([spendChannels, , channels, stages, , period]) => {
    const lines = cellsOf(spendChannels) + cellsOf(channels);
    const m = stages ? stages.cols : 1;
    return { rows: 2 + (period ? 2 * lines : lines), cols: (period ? 2 : 1) + 3 * m };
  },
};
