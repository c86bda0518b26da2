/**
 * Report tables shared by the DuckDB and BigQuery report tests: the rows of
 * the two views, the sheet's own CPQM_REPORT on the same rows (the expected
 * result, worked out by the sheet function, not by the SQL), and generated
 * tables with and without problems.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { NO_CPQM } from '../../src/metrics/report-trend';
import { SQL_REPORT_COLUMNS } from '../../src/warehouse/report';

export interface SpendRow {
  channel: string | null;
  spend: number | null;
  day: string | null;
  source_row?: number | null;
  /** The currency the row's spend names, where the view gives one. */
  currency?: string | null;
}
export interface MeetingRow {
  channel: string | null;
  outcome: string | null;
  day: string | null;
  source_row?: number | null;
}
/** A row of the mapping table; source_row counts the header as row 1, as the sheet's mapping range does. */
export interface MappingRow {
  field: string | null;
  value: string | null;
  means: string | null;
  source_row?: number | null;
}
export interface ReportRow {
  channel: string;
  period: string | null;
  spend: number;
  booked: number;
  held: number;
  no_shows: number;
  qualified: number;
  show_rate: number | null;
  qual_rate: number | null;
  cost_per_meeting: number | null;
  cpqm: number | null;
  pending: number;
  unrecognised: number;
}

/** The report functions' arguments over the rows: a blank cell for NULL, ISO text for days. */
function sheetArguments(
  spend: SpendRow[],
  meetings: MeetingRow[],
  period: string | null,
  mapping: MappingRow[],
): unknown[] {
  const col = <T>(rows: T[], pick: (r: T) => unknown) =>
    rows.length === 0 ? [['']] : rows.map((r) => [pick(r) ?? '']);
  return [
    col(spend, (r) => r.channel),
    col(spend, (r) => r.spend),
    col(meetings, (r) => r.channel),
    col(meetings, (r) => r.outcome),
    col(spend, (r) => r.day),
    col(meetings, (r) => r.day),
    period ?? '',
    mapping.length === 0
      ? ''
      : [
          ['Field', 'Value', 'Means'],
          ...mapping.map((r) => [r.field ?? '', r.value ?? '', r.means ?? '']),
        ],
  ];
}

/**
 * The sheet's own CPQM_REPORT on the same rows: a blank cell for NULL, ISO text for days;
 * its #DIV/0! cells are SQL's NULL, and its problems read as the SQL's do once the
 * argument names are the views' column names.
 */
export function sheetReport(
  spend: SpendRow[],
  meetings: MeetingRow[],
  period: string | null,
  mapping: MappingRow[] = [],
): ReportRow[] | string {
  try {
    const out = FUNCTIONS.CPQM_REPORT!(...sheetArguments(spend, meetings, period, mapping));
    if (out === '') return [];
    const [header, ...lines] = out as unknown[][];
    const dated = header![1] === 'Period';
    return lines.map((line) => {
      const cells = dated ? line : [line[0], null, ...line.slice(1)];
      const n = (v: unknown) => (typeof v === 'string' ? null : (v as number));
      return {
        channel: cells[0] as string,
        period: cells[1] as string | null,
        spend: cells[2] as number,
        booked: cells[3] as number,
        held: cells[4] as number,
        no_shows: cells[5] as number,
        qualified: cells[6] as number,
        show_rate: n(cells[7]),
        qual_rate: n(cells[8]),
        cost_per_meeting: n(cells[9]),
        cpqm: n(cells[10]),
        pending: cells[11] as number,
        unrecognised: cells[12] as number,
      };
    });
  } catch (e) {
    return asSqlProblem((e as Error).message, 'CPQM_REPORT');
  }
}

/** A sheet function's problem as the SQL says it: the function in lower case, the views' column names. */
function asSqlProblem(message: string, fn: string): string {
  const sqlFn = fn.toLowerCase();
  return message
    .replace(
      new RegExp(`^${fn}: (row \\d+) of the (spend|meetings) range`),
      `${sqlFn}: $1 of funnel_$2`,
    )
    .replace(new RegExp(`^${fn}: mapping (row \\d+)`), `${sqlFn}: $1 of funnel_mapping`)
    .replace(new RegExp(`^${fn}: `), `${sqlFn}: `)
    .replace(/(spendChannels|meetingChannels) (is|")/, 'channel $2')
    .replace('end the range above it', 'end the data above it')
    .replace(/(spendDates|meetingDates) is blank/, 'day is blank')
    .replace(/^(.*: )outcomes "/, '$1outcome "')
    .replace(/ \(#[A-Z/0!]+\)$/, '');
}

export interface TrendRow {
  period: string;
  channel: string;
  cpqm: number | null;
}

/**
 * The sheet's own CPQM_TREND on the same rows, its grid read row by row into the long form
 * (period, channel, cpqm), its #N/A text as NULL; or its problem as the SQL says it.
 */
export function sheetTrend(
  spend: SpendRow[],
  meetings: MeetingRow[],
  period: string | null,
  mapping: MappingRow[] = [],
): TrendRow[] | string {
  try {
    const out = FUNCTIONS.CPQM_TREND!(...sheetArguments(spend, meetings, period, mapping));
    if (out === '') return [];
    const [header, ...lines] = out as unknown[][];
    return lines.flatMap((line) =>
      header!.slice(1).map((channel, k) => ({
        period: line[0] as string,
        channel: channel as string,
        cpqm: line[k + 1] === NO_CPQM ? null : (line[k + 1] as number),
      })),
    );
  } catch (e) {
    return asSqlProblem((e as Error).message, 'CPQM_TREND');
  }
}

export function assertSameReport(got: ReportRow[], want: ReportRow[], context: string) {
  assert.equal(
    got.length,
    want.length,
    `${context}: ${got.length} rows, not ${want.length}\n${JSON.stringify(got)}\n${JSON.stringify(want)}`,
  );
  got.forEach((g, i) => {
    const w = want[i]!;
    for (const c of SQL_REPORT_COLUMNS) {
      const a = g[c];
      const b = w[c];
      if (typeof a === 'number' && typeof b === 'number') {
        assert.ok(
          Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)),
          `${context} row ${i + 1} ${c}: ${a} vs ${b}`,
        );
      } else assert.equal(a, b, `${context} row ${i + 1} ${c}`);
    }
  });
}

export const S = (
  channel: string | null,
  spend: number | null,
  day: string | null,
  source_row: number,
): SpendRow => ({
  channel,
  spend,
  day,
  source_row,
});
export const M = (
  channel: string | null,
  outcome: string | null,
  day: string | null,
  source_row: number,
): MeetingRow => ({
  channel,
  outcome,
  day,
  source_row,
});

/** Generated rows: with `bad`, the blanks, negatives and totals rows the sheet refuses. */
export const day = fc.constantFrom(
  '2020-12-27',
  '2020-12-28',
  '2020-12-31',
  '2021-01-03',
  '2021-01-04',
  '2021-03-31',
  '2021-04-01',
  '2021-06-30',
  '2021-12-31',
  '2022-01-02',
);
export const spendRow = (bad: boolean) =>
  fc.record({
    channel: fc.constantFrom(
      'Search',
      'search',
      ' Search ',
      'SEARCH  ',
      'LinkedIn',
      'Linked  In',
      'Linked\u00a0In',
      'Events',
      ...(bad ? ['Total', 'Totals:', 'Grand total', 'Total – all', null, '', '  '] : []),
    ),
    spend: bad
      ? fc.constantFrom(
          0,
          1.5,
          100,
          0.1,
          0.2,
          1204.5,
          null,
          -5,
          Number.NaN,
          Number.NEGATIVE_INFINITY,
        )
      : fc.constantFrom(0, 1.5, 100, 0.1, 0.2, 1204.5, 33.333),
    day: bad ? fc.option(day, { freq: 8 }) : day,
  });
export const meetingRow = (bad: boolean) =>
  fc.record({
    channel: fc.constantFrom(
      'Search',
      'search',
      'LinkedIn',
      'linkedin',
      'Webinar',
      'Events',
      null,
      '',
      ...(bad ? ['  ', 'Total', 'Grand total'] : []),
    ),
    outcome: fc.constantFrom(
      'Qualified',
      'qualified ',
      'Not qualified – company size',
      'NOT QUALIFIED BY ROLE',
      'not-qualified: budget',
      'Not qualified',
      'No show',
      'no-show',
      'Rescheduled – pending',
      'Rescheduled',
      'Maybe',
      'qualifed',
      null,
      '',
      ...(bad ? ['  ', 'Total', 'Totals:'] : []),
    ),
    day: bad ? fc.option(day, { freq: 8 }) : day,
  });
/**
 * Generated mapping tables: channel and outcome rows, exact and `*` patterns, Ignore, rows that
 * overlap (the first wins); with `bad`, the rows the sheet refuses (a blank or unknown field, a
 * Means the field does not allow).
 */
export const mappingRow = (bad: boolean) =>
  fc.oneof(
    fc.record({
      field: fc.constantFrom('channel', 'Channel', ' CHANNEL '),
      value: fc.constantFrom('search', 'Linked*', '*in', '*', 'Events', 'web*', 'Total', '', null),
      means: fc.constantFrom('Paid search', 'LinkedIn', 'Other  channels', 'search', '', null),
    }),
    fc.record({
      field: fc.constantFrom('outcome', 'Outcome'),
      value: fc.constantFrom('Maybe', 'qualif*', 'no*', '*pending', 'Qualified', '*', '', '  '),
      means: fc.constantFrom(
        'Qualified',
        'no show',
        'Ignore',
        'Rescheduled – pending',
        'Not qualified – role',
        ...(bad ? ['Maybe', 'Won'] : []),
      ),
    }),
    ...(bad
      ? [
          fc.record({
            field: fc.constantFrom('Source', '', null, 'deal status'),
            value: fc.constantFrom('Search', 'Won'),
            means: fc.constantFrom('Won', 'Lost', 'Maybe'),
          }),
        ]
      : []),
  );
export const mappingTable = (bad: boolean) =>
  fc.oneof(
    fc.constant([] as MappingRow[]),
    fc
      .array(mappingRow(bad), { maxLength: 6 })
      .map((rows) => rows.map((r, i): MappingRow => ({ ...r, source_row: i + 2 }))),
  );
export const number = <T>(list: T[]) => list.map((r, i) => ({ ...r, source_row: i + 1 }));
export const periods = fc.constantFrom(null, 'week', 'month', 'quarter', 'year');

/** A report engine run on two tables: its rows, or the message of the problem it raised. */
export type ReportEngine = (
  spend: SpendRow[],
  meetings: MeetingRow[],
  period: string | null,
  mapping: MappingRow[],
) => Promise<ReportRow[] | string>;

/** Generated tables without problems: the engine gives the sheet's rows, column for column. */
export async function agreesOnTables(
  engine: ReportEngine,
  { maxLength, numRuns }: { maxLength: number; numRuns: number },
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      fc.array(spendRow(false), { maxLength }),
      fc.array(meetingRow(false), { maxLength }),
      periods,
      mappingTable(false),
      async (s, m, period, mapping) => {
        const spend = number(s);
        const meetings = number(m);
        const want = sheetReport(spend, meetings, period, mapping);
        assert.notEqual(typeof want, 'string', String(want));
        const got = await engine(spend, meetings, period, mapping);
        assert.notEqual(typeof got, 'string', `unexpected problem: ${got}`);
        assert.deepEqual(
          Object.keys((got as ReportRow[])[0] ?? {}),
          (want as ReportRow[]).length ? SQL_REPORT_COLUMNS : [],
        );
        assertSameReport(got as ReportRow[], want as ReportRow[], `period ${period}`);
      },
    ),
    { numRuns },
  );
}

/** Generated tables with problems: the engine raises the sheet's problem, naming the same row. */
export async function agreesOnProblems(
  engine: ReportEngine,
  { maxLength, numRuns, atLeast }: { maxLength: number; numRuns: number; atLeast: number },
): Promise<void> {
  let problems = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(spendRow(true), { maxLength }),
      fc.array(meetingRow(true), { maxLength }),
      periods,
      mappingTable(true),
      async (s, m, period, mapping) => {
        const spend = number(s);
        const meetings = number(m);
        const want = sheetReport(spend, meetings, period, mapping);
        const got = await engine(spend, meetings, period, mapping);
        if (typeof want === 'string') {
          problems++;
          assert.equal(got, want);
        } else {
          assert.notEqual(typeof got, 'string', `unexpected problem: ${got}`);
          assertSameReport(got as ReportRow[], want, `period ${period}`);
        }
      },
    ),
    { numRuns },
  );
  assert.ok(problems >= atLeast, `only ${problems} of ${numRuns} tables had a problem`);
}

/** A trend engine run on two tables: its rows, or the message of the problem it raised. */
export type TrendEngine = (
  spend: SpendRow[],
  meetings: MeetingRow[],
  period: string | null,
  mapping: MappingRow[],
) => Promise<TrendRow[] | string>;

/**
 * Generated tables, with and without problems: the engine gives the sheet's trend read row by
 * row (NULL for #N/A), or raises the sheet's problem naming the same row.
 */
export async function agreesOnTrend(
  engine: TrendEngine,
  {
    maxLength,
    numRuns,
    atLeast,
  }: { maxLength: number; numRuns: number; atLeast: { problems: number; figures: number } },
): Promise<void> {
  let problems = 0;
  let figures = 0;
  await fc.assert(
    fc.asyncProperty(
      fc
        .boolean()
        .chain((bad) =>
          fc.tuple(
            fc.array(spendRow(bad), { maxLength }),
            fc.array(meetingRow(bad), { maxLength }),
            periods,
            mappingTable(bad),
          ),
        ),
      async ([s, m, period, mapping]) => {
        const spend = number(s);
        const meetings = number(m);
        const want = sheetTrend(spend, meetings, period, mapping);
        const got = await engine(spend, meetings, period, mapping);
        if (typeof want === 'string') {
          problems++;
          assert.equal(got, want);
          return;
        }
        assert.notEqual(typeof got, 'string', `unexpected problem: ${got}`);
        const rows = got as TrendRow[];
        assert.equal(rows.length, want.length, `${JSON.stringify(rows)}\n${JSON.stringify(want)}`);
        rows.forEach((g, i) => {
          const w = want[i]!;
          assert.deepEqual([g.period, g.channel], [w.period, w.channel], `row ${i + 1}`);
          if (w.cpqm === null) assert.equal(g.cpqm, null, `row ${i + 1} cpqm`);
          else {
            figures++;
            assert.ok(
              g.cpqm !== null && Math.abs(g.cpqm - w.cpqm) <= 1e-12 * Math.max(1, Math.abs(w.cpqm)),
              `row ${i + 1} cpqm: ${g.cpqm} vs ${w.cpqm}`,
            );
          }
        });
      },
    ),
    { numRuns },
  );
  assert.ok(problems >= atLeast.problems, `only ${problems} of ${numRuns} tables had a problem`);
  assert.ok(figures >= atLeast.figures, `only ${figures} CPQM figures compared`);
}
