/**
 * The native style's table: one row per channel and period found in the data
 * when the tab is made, each a SUMPRODUCT over the open columns, so the
 * numbers keep following new rows of those channels and periods. A channel
 * or period that appears later is not in the table: the tab counts the spend
 * rows and meetings it is not showing and says so.
 *
 * Channel names, outcome labels and period labels are matched with `=`
 * comparisons, never as a SUMIFS/COUNTIFS criterion, which Sheets may read
 * as a number, a date ("2026-01"), a wildcard (`Brand*`) or a comparison
 * (`=Events`, `<none>`). `=` ignores case, as the add-on does; a cell is
 * compared as text (`&""`), so a channel named 2026 matches its number cell.
 * Built-in formulas cannot read amounts written as text ("$1,204.50"): each
 * row counts its own, and where it has any, its spend, cost per meeting,
 * CPQM and headroom say so instead of a number that leaves them out, and its
 * verdict is `check data`. The All channels rows sum the rows they cover, so
 * they say so too wherever one of those rows does.
 */

import { ALL_CHANNELS, ALL_PERIODS, NO_CHANNEL } from '../../metrics/grouping';
import { OUTCOME_LABELS } from '../../metrics/outcomes';
import { periodDays } from '../../metrics/period';
import { REPORT_COLUMNS } from '../../metrics/report';
import type { Day } from '../../sheets/dates';
import { channelKey } from '../../sheets/labels';
import { cellA1 } from '../../workbook/a1';
import { formula, type PlanCell } from '../../workbook/plan';
import type { RawData } from '../settings';
import type { Columns, Inputs } from './channel-report-layout';
import type { ReportNow } from './channel-report-now';
import { type Sources, type SpendSource, spendColumn, textLiteral } from './channel-report-sources';
import type { TemplatePlan } from './common';
import { openColumn, type SourceColumn } from './source-column';
import { verdictFormula } from './verdict';

/** The columns the native table adds after the verdict: what each row counted. */
const NATIVE_COUNT_COLUMNS = ['Spend rows counted', 'Meetings counted', 'Costs as text'];

/** What a figure made from spend shows on a row with costs written as text, instead of a number. */
export const COSTS_AS_TEXT = 'costs are text';

type PeriodDays = ReturnType<typeof periodDays>;

/** DATE(2026,1,5): the comparison reads the same in every spreadsheet. */
function dateLiteral(d: Day): string {
  return `DATE(${d.year},${d.month},${d.day})`;
}

/** 1 on the rows of `ref` whose text is one of `texts` (case ignored), else 0, as factors of a product. */
function anyOf(ref: string, texts: readonly string[]): string {
  const terms = texts.map((t) => `(${ref}&""=${textLiteral(t)})`);
  return terms.length === 1 ? terms[0]! : `(${terms.join('+')})`;
}

/** A product's factors for the rows of `dates` in a period; none without a period. */
function within(
  dates: SourceColumn | undefined,
  days: PeriodDays | undefined,
  ads?: SpendSource,
): string[] {
  if (!dates || !days) return [];
  const d = ads ? spendColumn(ads, dates) : openColumn(dates);
  return [`(${d}>=${dateLiteral(days.first)})`, `(${d}<=${dateLiteral(days.last)})`];
}

/** SUMPRODUCT of factors (each 1 or 0 per row), and of `values` when given. */
function sumOf(factors: readonly string[], values?: string): string {
  // A lone comparison is TRUE/FALSE, which SUMPRODUCT counts as 0 in other spreadsheets: made a number.
  const product = factors.length === 1 ? `1*${factors[0]}` : factors.join('*');
  return `SUMPRODUCT(${product}${values ? `,${values}` : ''})`;
}

/** The spend-side sums of one channel and period, each the sum over the ad exports it is in, as formula text. */
function spendSums(
  sources: readonly SpendSource[],
  name: string,
  names: readonly string[],
  days: PeriodDays | undefined,
) {
  const parts = sources.flatMap((s) => {
    if (!s.channel && channelKey(s.fixedChannel) !== channelKey(name)) return [];
    const spend = spendColumn(s, s.spend);
    const rows = [
      ...(s.channel ? [anyOf(spendColumn(s, s.channel), names)] : []),
      ...within(s.date, days, s),
    ];
    return [
      {
        spend: sumOf([`ISNUMBER(${spend})`, ...rows], spend),
        lines: sumOf([`(${spend}<>"")`, ...rows]),
        text: sumOf([`ISTEXT(${spend})`, ...rows]),
      },
    ];
  });
  const total = (pick: (p: (typeof parts)[number]) => string) =>
    parts.length === 0 ? '0' : parts.map(pick).join('+');
  return { spend: total((p) => p.spend), lines: total((p) => p.lines), text: total((p) => p.text) };
}

/**
 * One row per channel and period in the data now, then All channels rows
 * summing the table's own rows, Σ ÷ Σ.
 */
export function nativeTable(
  plan: TemplatePlan,
  src: Sources,
  raw: RawData,
  col: Columns,
  firstRow: number,
  inputs: Inputs,
  now: ReportNow,
): { rows: number; notShown: PlanCell } {
  const dated = raw.period !== null;
  const channelRows = now.rows.filter((r) => r[0] !== ALL_CHANNELS);
  const totalRows = now.rows.filter((r) => r[0] === ALL_CHANNELS);
  const lastChannelRow = firstRow + channelRows.length - 1;
  const meetChan = openColumn(src.meetingChannel);
  const outcomes = openColumn(src.outcome);
  const [q, nq1, nq2, nq3, ns, pending] = OUTCOME_LABELS;
  const counts = {
    lines: col.width,
    meetings: col.width + 1,
    text: col.width + 2,
  };

  const header: PlanCell[] = [
    'Channel',
    ...(dated ? ['Period'] : []),
    ...REPORT_COLUMNS,
    'Max CPQM',
    'Headroom',
    'Verdict',
    ...NATIVE_COUNT_COLUMNS,
  ];
  /** A figure made from the row's spend: where any of its costs are text, it says so instead. */
  const fromSpend = (row: number, value: string) =>
    formula(`=IF(${cellA1(row, counts.text)}>0,"${COSTS_AS_TEXT}",${value})`);
  /**
   * A row's cells from Spend to Unrecognised, its spend sum, and its counts of
   * held, no-shows, qualified and pending given. Unrecognised: the meetings
   * counted whose outcome is none of the six labels, so in none of the other
   * columns.
   */
  const figures = (
    row: number,
    spend: string,
    held: PlanCell,
    noShows: PlanCell,
    qualified: PlanCell,
    pending: PlanCell,
  ) => {
    const c = (k: number) => cellA1(row, k);
    const div = (num: number, den: number, name: string) =>
      `IF(${c(den)}=0,"#DIV/0! ${name} is 0",${c(num)}/${c(den)})`;
    return [
      fromSpend(row, spend),
      formula(`=${c(col.held)}+${c(col.noShows)}`),
      held,
      noShows,
      qualified,
      formula(`=${div(col.held, col.booked, 'booked')}`),
      formula(`=${div(col.qualified, col.held, 'held')}`),
      fromSpend(row, div(col.spend, col.booked, 'booked')),
      fromSpend(row, div(col.spend, col.qualified, 'qualified')),
      pending,
      formula(`=${c(counts.meetings)}-${c(col.booked)}-${c(col.pending)}`),
    ];
  };
  /** Max CPQM, headroom and the verdict: `check data` where outcomes or costs went uncounted. */
  const beside = (row: number): PlanCell[] => {
    const c = (k: number) => cellA1(row, k);
    return [
      formula(`=${inputs.max}`),
      fromSpend(row, `IF(ISNUMBER(${c(col.cpqm)}),1-${c(col.cpqm)}/${c(col.maxCpqm)},"")`),
      formula(
        `=${verdictFormula({
          present: `${c(0)}<>""`,
          spend: c(col.spend),
          headroom: c(col.headroom),
          noneQualified: `${c(col.qualified)}=0`,
          unchecked: `(${c(col.unrecognised)}>0)+(${c(counts.text)}>0)`,
        })}`,
      ),
    ];
  };

  /** A count of spend rows: a plain 0 where no ad export has the channel. */
  const count = (sum: string): PlanCell => (sum === '0' ? 0 : formula(`=${sum}`));

  const rows: PlanCell[][] = [header];
  channelRows.forEach((r, k) => {
    const row = firstRow + k;
    const name = String(r[0]);
    const label = dated ? String(r[1]) : '';
    const days = raw.period === null ? undefined : periodDays(raw.period, label);
    const names = name === NO_CHANNEL ? [''] : (now.spellings.get(name) ?? [name]);
    const meetingRows = [anyOf(meetChan, names), ...within(src.meetingDate, days)];
    const meetings = (labels: readonly string[]) =>
      formula(`=${sumOf([...meetingRows, anyOf(outcomes, labels)])}`);
    const spend =
      name === NO_CHANNEL
        ? { spend: '0', lines: '0', text: '0' }
        : spendSums(src.spend, name, names, days);
    rows.push([
      name,
      ...(dated ? [label] : []),
      ...figures(
        row,
        spend.spend,
        meetings([q!, nq1!, nq2!, nq3!]),
        meetings([ns!]),
        meetings([q!]),
        meetings([pending!]),
      ),
      ...beside(row),
      count(spend.lines),
      formula(`=${sumOf([...meetingRows, `(${outcomes}<>"")`])}`),
      count(spend.text),
    ]);
  });
  // All channels: per period, then overall, from the table's own channel rows.
  const range = (c: number) => `${cellA1(firstRow, c)}:${cellA1(lastChannelRow, c)}`;
  totalRows.forEach((r, k) => {
    const row = firstRow + channelRows.length + k;
    const label = dated ? String(r[1]) : '';
    const inGroup =
      dated && label !== ALL_PERIODS ? [`(${range(col.period)}=${textLiteral(label)})`] : [];
    // Text in the spend column (a row's "costs are text") is 0 to SUMPRODUCT and SUM; a group with any says so itself.
    const sum = (c: number) => (inGroup.length > 0 ? sumOf(inGroup, range(c)) : `SUM(${range(c)})`);
    const total = (c: number) => formula(`=${sum(c)}`);
    rows.push([
      ALL_CHANNELS,
      ...(dated ? [label] : []),
      ...figures(
        row,
        sum(col.spend),
        total(col.held),
        total(col.noShows),
        total(col.qualified),
        total(col.pending),
      ),
      ...beside(row),
      total(counts.lines),
      total(counts.meetings),
      total(counts.text),
    ]);
  });
  plan.blocks.push({ row: firstRow - 1, col: 0, cells: rows });
  return {
    rows: now.rows.length,
    notShown: notShownNote(src, firstRow + now.rows.length - 1, counts, now.rows.length > 0),
  };
}

/**
 * What the table is not showing: rows of channels or periods that came later,
 * dates written as text; and amounts built-in formulas cannot read.
 */
function notShownNote(
  src: Sources,
  overall: number,
  counts: { lines: number; meetings: number; text: number },
  hasRows: boolean,
): PlanCell {
  const sum = (parts: string[]) => (parts.length === 1 ? parts[0]! : `(${parts.join('+')})`);
  const lines = sum(
    src.spend.map((s) =>
      sumOf([
        ...(s.channel ? [`(${spendColumn(s, s.channel)}<>"")`] : []),
        `(${spendColumn(s, s.spend)}<>"")`,
      ]),
    ),
  );
  const booked = `COUNTIF(${openColumn(src.outcome)},"<>")`;
  // The overall row counts what the table shows; with no rows yet it shows nothing.
  const shown = (c: number) => (hasRows ? cellA1(overall, c) : '0');
  const missingSpend = `(${lines}-${shown(counts.lines)})`;
  const missingMeetings = `(${booked}-${shown(counts.meetings)})`;
  const textAmounts = sum(src.spend.map((s) => sumOf([`ISTEXT(${spendColumn(s, s.spend)})`])));
  return formula(
    `=IF(${missingSpend}+${missingMeetings}+${textAmounts}=0,"Every spend row and meeting of the raw sheets is in this table.",` +
      `IF(${missingSpend}+${missingMeetings}>0,${missingSpend}&" spend rows and "&${missingMeetings}&" meetings are not in this table (a channel or period added since it was made, or a date written as text): make the tab again to include them, or use the add-on style, which follows them. ","")&` +
      `IF(${textAmounts}>0,${textAmounts}&" spend cells hold text (such as $1,204.50), which built-in formulas cannot add up: their rows say check data, and show “${COSTS_AS_TEXT}” where their spend, cost per meeting, CPQM and headroom would be. Format the column as numbers, or use the add-on style, which reads them.",""))`,
  );
}
