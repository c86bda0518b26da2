/**
 * Channel report: CPQM by channel (and period) from the raw tables the user
 * already has — an ad-spend export and a CRM meeting log — with Max CPQM,
 * headroom and a verdict beside every row, and with a period a line chart of
 * CPQM per period for the blended figure and each channel.
 *
 * Add-on style: one CPQM_REPORT call over open columns, so new rows, new
 * channels and new periods flow in by themselves; Max CPQM, headroom and the
 * verdict are one call or one array formula per column, not one per row.
 *
 * Native style: one row per channel and period found in the data when the
 * tab is made, each a SUMIFS/COUNTIFS over the open columns, so the numbers
 * keep following new rows of those channels and periods. A channel or period
 * that appears later is not in the table: the tab counts the spend rows and
 * meetings it is not showing and says so. Built-in SUMIFS cannot read amounts
 * written as text ("$1,204.50"), so the tab counts those cells too.
 */
import { FUNCTIONS } from '../../metrics/catalogue';
import { NO_CHANNEL } from '../../metrics/grouping';
import { OUTCOME_LABELS } from '../../metrics/outcomes';
import type { Period } from '../../metrics/period';
import { REPORT_COLUMNS } from '../../metrics/report';
import { serialDay } from '../../sheets/dates';
import { channelKey } from '../../sheets/labels';
import { cellA1, columnLetter, openColumnA1, rect, sheetRef } from '../../workbook/a1';
import { columnsHeaded } from '../../workbook/headers';
import { emptyPlan, formula, type PlanCell } from '../../workbook/plan';
import { type RawData, TEMPLATE_TITLES } from '../settings';
import { type BuildContext, formats, type TemplatePlan } from './common';
import { call } from './formulas';

export const REPORT_VERDICT_OK = 'economical';
export const REPORT_VERDICT_BAD = 'uneconomical';

export const REPORT_LAYOUT = {
  inputsRow: 4,
  /** The report's header row; its rows follow. */
  tableRow: 9,
};

type Columns = ReturnType<typeof columns>;
type Sources = ReturnType<typeof sources>;

/** Where a raw column is: its sheet and letter, as open-range text ('Ads export'!F2:F). */
interface Source {
  sheet: string;
  col: number;
}

function sourceOf(ctx: BuildContext, sheet: string, header: string): Source {
  const info = ctx.sheets.find((s) => s.name === sheet);
  if (!info) throw new Error(`There is no sheet named "${sheet}".`);
  const col = columnsHeaded(info.headers, header)[0];
  if (col === undefined) throw new Error(`No column headed "${header}" on sheet "${sheet}".`);
  return { sheet, col };
}

function open(s: Source): string {
  return `${sheetRef(s.sheet)}!${openColumnA1(1, s.col)}`;
}

/** The report's columns, and the three the tab adds beside them. */
function columns(dated: boolean) {
  const first = dated ? 2 : 1;
  const at = (name: (typeof REPORT_COLUMNS)[number]) => first + REPORT_COLUMNS.indexOf(name);
  const after = first + REPORT_COLUMNS.length;
  return {
    period: dated ? 1 : -1,
    spend: at('Spend'),
    booked: at('Booked'),
    held: at('Held'),
    noShows: at('No-shows'),
    qualified: at('Qualified'),
    showRate: at('Show rate'),
    qualRate: at('Qual rate'),
    costPerMeeting: at('Cost per meeting'),
    cpqm: at('CPQM'),
    maxCpqm: after,
    headroom: after + 1,
    verdict: after + 2,
    width: after + 3,
  };
}

/**
 * The report as CPQM_REPORT computes it from the data now (its rows without
 * the header), and every spelling of each channel, by the name the report
 * shows: what the native rows and the chart are built from. A bad row (an
 * export's totals row, spend without a channel) stops the tab being made,
 * with the function's own message naming the row.
 */
function reportNow(
  ctx: BuildContext,
  raw: RawData,
  src: Sources,
): { rows: unknown[][]; spellings: Map<string, string[]> } {
  const read = (s: Source | undefined) => (s ? (ctx.read?.(s.sheet, s.col) ?? []) : []);
  const column = (values: unknown[]) => (values.length > 0 ? values.map((v) => [v]) : [['']]);
  const spendNames = read(src.spendChannel);
  const meetingNames = read(src.meetingChannel);
  const args = [
    column(spendNames),
    column(read(src.spend)),
    column(meetingNames),
    column(read(src.outcome)),
  ];
  const dated = raw.period !== null;
  const out = FUNCTIONS.CPQM_REPORT!(
    ...args,
    ...(dated ? [column(read(src.spendDate)), column(read(src.meetingDate)), raw.period] : []),
  );
  const rows = Array.isArray(out) ? out.slice(1) : [];
  // Spellings by the report's name: matched as the report matches them, one per
  // case-insensitive form (SUMIFS ignores case itself, so two would count twice).
  const key = (v: unknown) => channelKey(String(v));
  const shown = new Map<string, string>();
  for (const r of rows) shown.set(key(r[0]), String(r[0]));
  const spellings = new Map<string, string[]>();
  for (const v of [...spendNames, ...meetingNames]) {
    if (v === '' || v === null || v === undefined) continue;
    const name = shown.get(key(v));
    if (name === undefined) continue;
    const list = spellings.get(name) ?? [];
    const text = String(v);
    if (!list.some((t) => t.toLowerCase() === text.toLowerCase())) list.push(text);
    spellings.set(name, list);
  }
  return { rows, spellings };
}

function sources(ctx: BuildContext, raw: RawData) {
  const dated = raw.period !== null;
  return {
    spendChannel: sourceOf(ctx, raw.spend[0].sheet, raw.spend[0].columns.channel),
    spend: sourceOf(ctx, raw.spend[0].sheet, raw.spend[0].columns.spend),
    spendDate: dated ? sourceOf(ctx, raw.spend[0].sheet, raw.spend[0].columns.date) : undefined,
    meetingChannel: sourceOf(ctx, raw.meetings.sheet, raw.meetings.columns.channel),
    outcome: sourceOf(ctx, raw.meetings.sheet, raw.meetings.columns.outcome),
    meetingDate: dated ? sourceOf(ctx, raw.meetings.sheet, raw.meetings.columns.date) : undefined,
  };
}

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

export function buildChannelReport(ctx: BuildContext): TemplatePlan {
  const { settings } = ctx;
  const raw = settings.raw;
  if (!raw) throw new Error('The Channel report needs the raw ad-spend and meeting sheets.');
  const { economics: e, formulaStyle: style } = settings;
  const fmt = formats(e.currency);
  const plan = emptyPlan('channelReport', TEMPLATE_TITLES.channelReport);
  const dated = raw.period !== null;
  const src = sources(ctx, raw);
  const col = columns(dated);
  const { inputsRow, tableRow } = REPORT_LAYOUT;
  const firstRow = tableRow + 1;
  const per = dated ? ` and ${raw.period}` : '';

  const [deal, close, roas, max] = [0, 1, 2, 3].map((k) => cellA1(inputsRow + k, 1, true)) as [
    string,
    string,
    string,
    string,
  ];
  const inputs: Inputs = { deal, close, roas, max };
  plan.blocks.push({
    row: 0,
    col: 0,
    cells: [
      ['Channel report', null],
      [
        `CPQM by channel${per} from the raw rows of ${sheetRef(raw.spend[0].sheet)} and ${sheetRef(raw.meetings.sheet)}: every total is Σ spend ÷ Σ qualified meetings over the rows it covers, never an average of rates.`,
        null,
      ],
      [
        `Spend and meetings are matched by channel${dated ? ` and by the ${raw.period} of their own dates` : ''}. Attribution window: ${settings.attributionWindow || 'not set: agree one and write it in the Definitions tab'}.`,
        null,
      ],
      [null, null],
      ['Average deal size', e.dealSize],
      [`Close rate from ${settings.meetingStage} to won deal`, e.closeRate],
      ['Target ROAS', e.targetRoas],
      ['Max CPQM at target ROAS', formula(call(style, 'MAX_CPQM', [deal, close, roas]))],
    ],
  });

  const { rows: reportRows, spellings } = reportNow(ctx, raw, src);
  let rows: number;
  let notShown: PlanCell = null;
  if (style === 'addon') {
    rows = addonTable(plan, src, raw, col, firstRow, inputs);
  } else {
    const built = nativeTable(plan, src, raw, col, firstRow, inputs, reportRows, spellings);
    rows = built.rows;
    notShown = built.notShown;
  }
  plan.blocks.push({
    row: tableRow - 1,
    col: 0,
    cells: [
      [
        style === 'addon'
          ? 'New rows, channels and periods in the raw sheets flow in by themselves.'
          : notShown,
      ],
    ],
  });

  // Formats for the table's rows, as far down as the report can reach.
  const span = (c: number, n = 1) => rect(firstRow, c, rows, n);
  plan.formats.push(
    { pattern: fmt.money, ranges: [rect(inputsRow, 1), span(col.spend)] },
    {
      pattern: fmt.percent,
      ranges: [rect(inputsRow + 1, 1), span(col.showRate, 2), span(col.headroom)],
    },
    { pattern: fmt.multiple, ranges: [rect(inputsRow + 2, 1)] },
    {
      pattern: fmt.cents,
      ranges: [rect(inputsRow + 3, 1), span(col.costPerMeeting, 2), span(col.maxCpqm)],
    },
    { pattern: fmt.count, ranges: [span(col.booked, 4)] },
  );
  plan.bold.push(rect(0, 0), rect(tableRow, 0, 1, col.width));
  plan.conditional.push(
    {
      range: span(col.verdict),
      text: REPORT_VERDICT_BAD,
      background: '#f4c7c3',
      fontColor: '#a50e0e',
    },
    {
      range: span(col.verdict),
      text: REPORT_VERDICT_OK,
      background: '#b7e1cd',
      fontColor: '#0d652d',
    },
  );
  if (dated) chart(plan, raw, col, firstRow, reportRows);
  plan.rows = Math.max(plan.rows, firstRow + rows + 1);
  // Wide enough for every block and the chart beside the table (one column per channel).
  const widest = Math.max(
    ...plan.blocks.map((b) => b.col + Math.max(...b.cells.map((r) => r.length))),
    ...plan.charts.map((c) => c.col + 8),
  );
  plan.cols = Math.max(plan.cols, widest);
  plan.summary.push(
    `CPQM by channel${per} from sheet "${raw.spend[0].sheet}" (columns ${[src.spendChannel, src.spend, src.spendDate].flatMap((s) => (s ? [columnLetter(s.col)] : [])).join(', ')}) and sheet "${raw.meetings.sheet}" (columns ${[src.meetingChannel, src.outcome, src.meetingDate].flatMap((s) => (s ? [columnLetter(s.col)] : [])).join(', ')}).`,
    style === 'addon'
      ? `One CPQM_REPORT over open columns: ${reportRows.length} rows now, and new rows flow in. Max CPQM, headroom and a verdict beside every row.`
      : `${reportRows.length} rows of built-in SUMIFS/COUNTIFS for the channels and periods there are now; the tab counts rows it is not showing.`,
    dated ? `A line chart of CPQM per ${raw.period}: the blended figure and each channel.` : '',
  );
  plan.summary = plan.summary.filter((line) => line !== '');
  return plan;
}

/**
 * The verdict of a row from its headroom; a row that spent money and got no
 * qualified meeting has no CPQM but is plainly uneconomical. Products, not
 * AND(), so the same text works on one row and inside ARRAYFORMULA.
 */
function verdict(headroom: string, spend: string, qualified: string): string {
  return `IF(ISNUMBER(${headroom}),IF(${headroom}>=0,"${REPORT_VERDICT_OK}","${REPORT_VERDICT_BAD}"),IF(ISNUMBER(${spend})*(${spend}>0)*(${qualified}=0),"${REPORT_VERDICT_BAD}",""))`;
}

/** One CPQM_REPORT call, and one call or array formula for each column beside it. */
function addonTable(
  plan: TemplatePlan,
  src: Sources,
  raw: RawData,
  col: Columns,
  firstRow: number,
  inputs: Inputs,
): number {
  const refs = [src.spendChannel, src.spend, src.meetingChannel, src.outcome].map(open);
  if (raw.period !== null)
    refs.push(open(src.spendDate!), open(src.meetingDate!), `"${raw.period}"`);
  const down = (c: number) => `${cellA1(firstRow, c)}:${columnLetter(c)}`;
  const name = down(0);
  plan.blocks.push({
    row: firstRow - 1,
    col: 0,
    cells: [
      [
        formula(`=CPQM_REPORT(${refs.join(',')})`),
        ...Array.from({ length: col.maxCpqm - 1 }, () => null),
        'Max CPQM',
        'Headroom',
        'Verdict',
      ],
      [
        ...Array.from({ length: col.maxCpqm }, () => null),
        // One MAX_CPQM call for the whole column: the deal size on every row of the report, blank below it.
        formula(
          `=MAX_CPQM(ARRAYFORMULA(IF(${name}="","",${inputs.deal})),${inputs.close},${inputs.roas})`,
        ),
        formula(
          `=HEADROOM(ARRAYFORMULA(IF(ISNUMBER(${down(col.cpqm)}),${down(col.cpqm)},"")),${down(col.maxCpqm)})`,
        ),
        formula(
          `=ARRAYFORMULA(IF(${name}="","",${verdict(down(col.headroom), down(col.spend), down(col.qualified))}))`,
        ),
      ],
    ],
  });
  return plan.rows - firstRow - 1;
}

/** The input cells the table refers to. */
interface Inputs {
  deal: string;
  close: string;
  roas: string;
  max: string;
}

/**
 * A SUMIFS/COUNTIFS criterion that matches exactly this text: "=" keeps a
 * name such as "<5" or "Brand*" from reading as a comparison or a wildcard;
 * a blank spelling matches empty cells.
 */
function exactly(text: string): string {
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
function nativeTable(
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
  const spendCol = open(src.spend);
  const spendChan = open(src.spendChannel);
  const meetChan = open(src.meetingChannel);
  const outcomes = open(src.outcome);
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
    const when = (dates: Source | undefined) => {
      if (!dated || !dates) return '';
      const [from, to] = periodBounds(period, label);
      const d = open(dates);
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

/**
 * A line chart of CPQM per period: a small table beside the report with a
 * row per period and a column for the blended figure and each channel, each
 * cell looked up from the report (#N/A where there is no CPQM, so the line
 * breaks instead of dropping to 0).
 */
function chart(
  plan: TemplatePlan,
  raw: RawData,
  col: Columns,
  firstRow: number,
  reportRows: unknown[][],
) {
  const channels = [...new Set(reportRows.map((r) => String(r[0])))].filter(
    (c) => c !== 'All channels',
  );
  const periods = [...new Set(reportRows.map((r) => String(r[1])))]
    .filter((p) => p !== 'All')
    .sort();
  const left = col.width + 3;
  const top = firstRow - 1;
  const whole = (c: number) => `$${columnLetter(c)}$${firstRow + 1}:$${columnLetter(c)}`;
  const series = ['All channels', ...channels];
  const cells: PlanCell[][] = [[`CPQM per ${raw.period}`, ...series]];
  periods.forEach((p, k) => {
    const row = top + 1 + k;
    const pRef = `$${columnLetter(left)}${row + 1}`;
    cells.push([
      p,
      ...series.map((name) => {
        // The name itself, matched exactly: the header cell as a criterion would read
        // "Brand*" as a wildcard and "<5k" as a comparison.
        const match = `${whole(0)},${exactly(name)},${whole(col.period)},${pRef}`;
        return formula(
          `=IF(COUNTIFS(${match},${whole(col.cpqm)},">=0")=1,SUMIFS(${whole(col.cpqm)},${match}),NA())`,
        );
      }),
    ]);
  });
  plan.blocks.push({ row: top, col: left, cells });
  plan.charts.push({
    kind: 'line',
    title: `CPQM per ${raw.period}: blended and by channel`,
    ranges: [rect(top, left, periods.length + 1, series.length + 1)],
    headerRows: 1,
    row: top,
    col: left + series.length + 2,
  });
}
