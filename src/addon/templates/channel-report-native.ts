/**
 * The native style's table: one row per channel and period found in the data
 * when the tab is made, each a SUMIFS/COUNTIFS over the open columns, so the
 * numbers keep following new rows of those channels and periods. A channel
 * or period that appears later is not in the table: the tab counts the spend
 * rows and meetings it is not showing and says so. Built-in SUMIFS cannot
 * read amounts written as text ("$1,204.50"), so the tab counts those cells too.
 */
import { OUTCOME_LABELS } from '../../metrics/outcomes';
import { NO_CHANNEL, type Period, REPORT_COLUMNS } from '../../metrics/report';
import { serialDay } from '../../sheets/dates';
import { cellA1 } from '../../workbook/a1';
import { formula, type PlanCell } from '../../workbook/plan';
import type { RawData } from '../settings';
import type { Columns, Inputs } from './channel-report-layout';
import type { Sources } from './channel-report-sources';
import { verdict } from './channel-report-verdict';
import type { TemplatePlan } from './common';
import { openColumn, type SourceColumn } from './source-column';

/** The first and the day after the last day of a period label, as serial numbers. */
function periodBounds(period: Period, label: string): [number, number] {
  const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
  const year = Number(label.slice(0, 4));
  switch (period) {
    case 'month': {
      const m = Number(label.slice(5, 7));
      return [day(year, m, 1), day(year, m + 1, 1)];
    }
    case 'quarter': {
      const q = Number(label.slice(6, 7));
      return [day(year, 3 * q - 2, 1), day(year, 3 * q + 1, 1)];
    }
    case 'year':
      return [day(year, 1, 1), day(year + 1, 1, 1)];
    case 'week': {
      // The Monday of ISO week 1 is the Monday on or before 4 January.
      const jan4 = day(year, 1, 4);
      const weekday = (jan4 - 25_569 + 3) % 7; // 0 = Monday
      const start = jan4 - weekday + 7 * (Number(label.slice(6)) - 1);
      return [start, start + 7];
    }
  }
}

/** DATE(2026,1,5) for a serial number: the criteria read the same in every spreadsheet. */
function dateLiteral(serial: number): string {
  const d = serialDay(serial);
  return `DATE(${d.year},${d.month},${d.day})`;
}

/**
 * A SUMIFS/COUNTIFS criterion that matches exactly this text: "=" keeps a
 * name such as "<5" or "Brand*" from reading as a comparison or a wildcard;
 * a blank spelling matches empty cells.
 */
export function exactly(text: string): string {
  if (text === '') return '""';
  return `"=${text.replace(/[~*?]/g, '~$&').replace(/"/g, '""')}"`;
}

/** Cell `row` (0-based) of column `c` as A1, and a column's cells over table rows. */
const at = (row: number, c: number) => cellA1(row, c);

/**
 * One row per channel and period in the data now, each a sum of SUMIFS or
 * COUNTIFS over every spelling of the channel (case is ignored by both, like
 * the add-on; surrounding spaces are not, so each spelling is summed), then
 * All channels rows summing the table's own rows, Σ ÷ Σ.
 */
export function nativeTable(
  plan: TemplatePlan,
  src: Sources,
  raw: RawData,
  col: Columns,
  firstRow: number,
  inputs: Inputs,
  reportRows: unknown[][],
  spellings: Map<string, string[]>,
): { rows: number; notShown: PlanCell } {
  const dated = raw.period !== null;
  const period = raw.period as Period;
  const channelRows = reportRows.filter((r) => r[0] !== 'All channels');
  const totalRows = reportRows.filter((r) => r[0] === 'All channels');
  const lastChannelRow = firstRow + channelRows.length - 1;
  const spendCol = openColumn(src.spend);
  const spendChan = openColumn(src.spendChannel);
  const meetChan = openColumn(src.meetingChannel);
  const outcomes = openColumn(src.outcome);
  const [q, nq1, nq2, nq3, ns] = OUTCOME_LABELS;

  const header: PlanCell[] = [
    'Channel',
    ...(dated ? ['Period'] : []),
    ...REPORT_COLUMNS,
    'Max CPQM',
    'Headroom',
    'Verdict',
    'Spend rows counted',
    'Meetings counted',
  ];
  const counted = col.width;
  const ratios = (row: number): PlanCell[] => {
    const c = (k: number) => at(row, k);
    const div = (num: number, den: number, name: string) =>
      formula(`=IF(${c(den)}=0,"#DIV/0! ${name} is 0",${c(num)}/${c(den)})`);
    return [
      formula(`=${c(col.held)}+${c(col.noShows)}`),
      null, // held, no-shows and qualified are filled in by the caller
      null,
      null,
      div(col.held, col.booked, 'booked'),
      div(col.qualified, col.held, 'held'),
      div(col.spend, col.booked, 'booked'),
      div(col.spend, col.qualified, 'qualified'),
    ];
  };
  const beside = (row: number): PlanCell[] => {
    const c = (k: number) => at(row, k);
    return [
      formula(`=${inputs.max}`),
      formula(`=IF(ISNUMBER(${c(col.cpqm)}),1-${c(col.cpqm)}/${c(col.maxCpqm)},"")`),
      formula(`=${verdict(c(col.headroom), c(col.spend), c(col.qualified))}`),
    ];
  };

  const rows: PlanCell[][] = [header];
  channelRows.forEach((r, k) => {
    const row = firstRow + k;
    const name = String(r[0]);
    const label = dated ? String(r[1]) : '';
    const names = name === NO_CHANNEL ? [''] : (spellings.get(name) ?? [name]);
    const when = (dates: SourceColumn | undefined) => {
      if (!dated || !dates) return '';
      const [from, to] = periodBounds(period, label);
      const d = openColumn(dates);
      return `,${d},">="&${dateLiteral(from)},${d},"<"&${dateLiteral(to)}`;
    };
    const sum = (parts: string[]) => formula(`=${parts.join('+')}`);
    const meetings = (labels: string[]) =>
      sum(
        names.flatMap((n) =>
          labels.map(
            (l) =>
              `COUNTIFS(${meetChan},${exactly(n)},${outcomes},${exactly(l)}${when(src.meetingDate)})`,
          ),
        ),
      );
    const spend =
      name === NO_CHANNEL
        ? 0
        : sum(
            names.map(
              (n) => `SUMIFS(${spendCol},${spendChan},${exactly(n)}${when(src.spendDate)})`,
            ),
          );
    const cells = ratios(row);
    cells[1] = meetings([q!, nq1!, nq2!, nq3!]);
    cells[2] = meetings([ns!]);
    cells[3] = meetings([q!]);
    const spendRows =
      name === NO_CHANNEL
        ? 0
        : sum(names.map((n) => `COUNTIFS(${spendChan},${exactly(n)}${when(src.spendDate)})`));
    rows.push([
      name,
      ...(dated ? [label] : []),
      spend,
      ...cells,
      ...beside(row),
      spendRows,
      meetings([...OUTCOME_LABELS]),
    ]);
  });
  // All channels: per period, then overall, from the table's own channel rows.
  const range = (c: number) => `${at(firstRow, c)}:${at(lastChannelRow, c)}`;
  totalRows.forEach((r, k) => {
    const row = firstRow + channelRows.length + k;
    const label = dated ? String(r[1]) : '';
    const total = (c: number) =>
      formula(
        dated && label !== 'All'
          ? `=SUMIFS(${range(c)},${range(col.period)},${exactly(label)})`
          : `=SUM(${range(c)})`,
      );
    const cells = ratios(row);
    cells[1] = total(col.held);
    cells[2] = total(col.noShows);
    cells[3] = total(col.qualified);
    rows.push([
      'All channels',
      ...(dated ? [label] : []),
      total(col.spend),
      ...cells,
      ...beside(row),
      total(counted),
      total(counted + 1),
    ]);
  });
  plan.blocks.push({ row: firstRow - 1, col: 0, cells: rows });

  // What the table is not showing: rows of channels or periods that came later, outcomes
  // spelled other than the six labels, dates written as text; and amounts SUMIFS reads as 0.
  const lines = `COUNTIFS(${spendChan},"<>",${spendCol},"<>")`;
  const booked = `COUNTIFS(${outcomes},"<>")`;
  // The overall row counts what the table shows; with no rows yet it shows nothing.
  const overall = firstRow + reportRows.length - 1;
  const shown = (c: number) => (reportRows.length === 0 ? '0' : at(overall, c));
  const missingSpend = `(${lines}-${shown(counted)})`;
  const missingMeetings = `(${booked}-${shown(counted + 1)})`;
  const textAmounts = `SUMPRODUCT(ISTEXT(${spendCol})*1)`;
  const notShown = formula(
    `=IF(${missingSpend}+${missingMeetings}+${textAmounts}=0,"Every spend row and meeting of the raw sheets is in this table.",` +
      `IF(${missingSpend}+${missingMeetings}>0,${missingSpend}&" spend rows and "&${missingMeetings}&" meetings are not in this table (a channel or period added since it was made, an outcome not spelled as one of the six labels, or a date written as text): make the tab again to include them, or use the add-on style, which follows them. ","")&` +
      `IF(${textAmounts}>0,${textAmounts}&" spend cells hold text (such as $1,204.50), which built-in SUMIFS reads as 0: format the column as numbers, or use the add-on style, which reads them.",""))`,
  );
  return { rows: reportRows.length, notShown };
}
