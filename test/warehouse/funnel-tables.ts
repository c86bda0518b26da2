/**
 * Records and deals tables shared by the DuckDB and BigQuery tests of
 * funnel_report and deals_report: the rows of the views, the sheet's own
 * FUNNEL_REPORT and DEALS_REPORT on the same rows (the expected result,
 * worked out by the sheet functions, not by the SQL), generated tables with
 * and without problems, and the properties every engine must meet.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { SQL_DEALS_COLUMNS } from '../../src/warehouse/deals';
import { SQL_FUNNEL_COLUMNS, stageColumns } from '../../src/warehouse/funnel';
import {
  day,
  type MappingRow,
  mappingRow,
  number,
  periods,
  type SpendRow,
  spendRow,
} from './report-tables';

/** A CRM record as the sheet reads it: its channel and one date (or blank) per stage. */
export interface CrmRecord {
  channel: string | null;
  days: (string | null)[];
}
/** A row of funnel_records: one per record, its channel, a date column per stage and source_row. */
export type RecordRow = Record<string, string | number | null>;
export interface DealRow {
  channel: string | null;
  amount: string | null;
  created: string | null;
  closed: string | null;
  status: string | null;
  source_row?: number | null;
}
export type FunnelRow = Record<(typeof SQL_FUNNEL_COLUMNS)[number], string | number | null>;
export type DealsRow = Record<(typeof SQL_DEALS_COLUMNS)[number], string | number | null>;

export const VIEWS = fc.constantFrom(null, 'activity', 'cohort', ' Cohort ');

/**
 * The records as funnel_records rows: a record's source_row is its row in the export, whose
 * header is row 1, as the sheet counts rows in a records range that starts at the header.
 */
export function recordRows(stages: readonly string[], records: CrmRecord[]): RecordRow[] {
  const columns = stageColumns(stages);
  return records.map((r, i) => ({
    channel: r.channel,
    ...Object.fromEntries(columns.map((c, s) => [c, r.days[s] ?? null])),
    source_row: i + 2,
  }));
}

const col = <T>(rows: T[], pick: (r: T) => unknown) =>
  rows.length === 0 ? [['']] : rows.map((r) => [pick(r) ?? '']);

const mappingArg = (mapping: MappingRow[]) =>
  mapping.length === 0
    ? ''
    : [
        ['Field', 'Value', 'Means'],
        ...mapping.map((r) => [r.field ?? '', r.value ?? '', r.means ?? '']),
      ];

/**
 * A sheet problem as the SQL tells it: the function in lower case, rows named in their view,
 * arguments by the views' column names.
 */
function sqlMessage(fn: string, e: unknown, ranges: Record<string, string>): string {
  let m = (e as Error).message
    .replace(new RegExp(`^${fn}: mapping (row \\d+)`), `${fn}: $1 of funnel_mapping`)
    .replace(new RegExp(`^${fn}: `), `${fn.toLowerCase()}: `)
    .replace(/ \(#[A-Z/0!]+\)$/, '')
    .replace('end the range above it', 'end the data above it')
    .replace(/spendDates is blank/, 'day is blank');
  for (const [range, view] of Object.entries(ranges)) {
    m = m.replaceAll(`of the ${range} range`, `of ${view}`);
  }
  return m;
}

/** The sheet's FUNNEL_REPORT on the same rows, long: one row per line and stage. */
export function sheetFunnel(
  spend: SpendRow[],
  stages: readonly string[],
  records: CrmRecord[],
  period: string | null,
  view: string | null,
  mapping: MappingRow[] = [],
): FunnelRow[] | string {
  try {
    const out = FUNCTIONS.FUNNEL_REPORT!(
      col(spend, (r) => r.channel),
      col(spend, (r) => r.spend),
      [['Channel'], ...records.map((r) => [r.channel ?? ''])],
      [[...stages], ...records.map((r) => stages.map((_, s) => r.days[s] ?? ''))],
      col(spend, (r) => r.day),
      period ?? '',
      view ?? '',
      mappingArg(mapping),
    );
    if (out === '') return [];
    const [header, ...lines] = out as unknown[][];
    const dated = header![1] === 'Period';
    const n = (v: unknown) => (typeof v === 'string' ? null : (v as number));
    return lines.flatMap((line) => {
      const cells = dated ? line : [line[0], null, ...line.slice(1)];
      let at = 3;
      return stages.map((stage, s) => {
        const row: FunnelRow = {
          channel: cells[0] as string,
          period: cells[1] as string | null,
          stage,
          spend: cells[2] as number,
          records: cells[at] as number,
          cost_per_record: n(cells[at + 1]),
          from_previous: s === 0 ? null : n(cells[at + 2]),
        };
        at += s === 0 ? 2 : 3;
        return row;
      });
    });
  } catch (e) {
    return sqlMessage('FUNNEL_REPORT', e, {
      spend: 'funnel_spend',
      records: 'funnel_records',
    }).replace(/(spendChannels|channels) (is|")/, 'channel $2');
  }
}

/** The sheet's DEALS_REPORT on the same rows. */
export function sheetDeals(
  spend: SpendRow[],
  deals: DealRow[],
  period: string | null,
  view: string | null,
  mapping: MappingRow[] = [],
): DealsRow[] | string {
  try {
    const out = FUNCTIONS.DEALS_REPORT!(
      col(spend, (r) => r.channel),
      col(spend, (r) => r.spend),
      col(deals, (r) => r.channel),
      col(deals, (r) => r.amount),
      col(deals, (r) => r.created),
      col(deals, (r) => r.closed),
      col(deals, (r) => r.status),
      col(spend, (r) => r.day),
      period ?? '',
      view ?? '',
      mappingArg(mapping),
    );
    if (out === '') return [];
    const [header, ...lines] = out as unknown[][];
    const dated = header![1] === 'Period';
    return lines.map((line) => {
      const cells = dated ? line : [line[0], null, ...line.slice(1)];
      return Object.fromEntries(
        SQL_DEALS_COLUMNS.map((c, k) => [
          c,
          k > 1 && typeof cells[k] === 'string' ? null : cells[k],
        ]),
      ) as DealsRow;
    });
  } catch (e) {
    return sqlMessage('DEALS_REPORT', e, { spend: 'funnel_spend', deals: 'funnel_deals' })
      .replace(/(spendChannels|dealChannels) (is|")/, 'channel $2')
      .replace(/: amounts (is|")/, ': amount $1')
      .replace(/: amounts (-?[\d.e+-]+ is negative)/, ': amount $1');
  }
}

/** Rows equal column for column, numbers to 12 significant digits (sums may be added in another order). */
export function assertSameRows<R extends Record<string, unknown>>(
  got: R[],
  want: R[],
  columns: readonly string[],
  context: string,
): void {
  assert.equal(
    got.length,
    want.length,
    `${context}: ${got.length} rows, not ${want.length}\n${JSON.stringify(got)}\n${JSON.stringify(want)}`,
  );
  got.forEach((g, i) => {
    assert.deepEqual(Object.keys(g), columns, `${context}: columns`);
    for (const c of columns) {
      const a = g[c];
      const b = want[i]![c];
      if (typeof a === 'number' && typeof b === 'number') {
        assert.ok(
          Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)),
          `${context} row ${i + 1} ${c}: ${a} vs ${b}`,
        );
      } else assert.equal(a, b, `${context} row ${i + 1} ${c}`);
    }
  });
}

const STAGE_NAMES = ['Created', 'Lead', 'MQL', 'SQL', 'Customer'];
export const stageList = fc.integer({ min: 1, max: 4 }).map((m) => STAGE_NAMES.slice(0, m));

/** Generated records: channels as exports spell them, stages reached or skipped; with `bad`, totals rows as channels. */
export const crmRecord = (bad: boolean) =>
  fc.record({
    channel: fc.constantFrom(
      'Search',
      'search ',
      'LinkedIn',
      'Linked  In',
      'Webinar',
      'Events',
      null,
      '',
      ...(bad ? ['Total', 'Grand total'] : []),
    ),
    days: fc.array(fc.option(day, { freq: 2 }), { minLength: 4, maxLength: 4 }),
  });

const amountText = (bad: boolean) =>
  fc.constantFrom(
    '1000',
    '$1,204.50',
    '250.5',
    '0',
    'USD 300',
    '1.204,50 USD',
    '12,5',
    ...(bad ? ['EUR 1.000', '12.000 €', '£5', 'Total', '', null, '1,204', 'abc', '-5', '$-3'] : []),
  );
export const dealRow = (bad: boolean) =>
  fc.record({
    channel: fc.constantFrom(
      'Search',
      ' search',
      'LinkedIn',
      'Webinar',
      null,
      '',
      ...(bad ? ['Total'] : []),
    ),
    amount: amountText(bad),
    created: bad ? fc.option(day, { freq: 8 }) : day,
    closed: bad ? fc.option(day, { freq: 4 }) : day,
    status: fc.constantFrom(
      'Closed won',
      'closedwon',
      'won',
      'Lost',
      'closed-lost',
      'Negotiation',
      'Open',
      'Appointment scheduled',
      'TRUE',
      '',
      null,
      ...(bad ? ['FALSE', ' false', 'Total'] : []),
    ),
  });

/** Mapping tables with deal status rows besides channel and outcome rows. */
export const dealsMapping = (bad: boolean) =>
  fc.oneof(
    fc.constant([] as MappingRow[]),
    fc
      .array(
        fc.oneof(
          mappingRow(bad),
          fc.record({
            field: fc.constantFrom('deal status', 'Deal Status'),
            value: fc.constantFrom('Negotiation', 'Appointment*', '*won', 'Open', ''),
            means: fc.constantFrom('Won', 'lost', 'Open', ...(bad ? ['Maybe'] : [])),
          }),
        ),
        { maxLength: 6 },
      )
      .map((rows) => rows.map((r, i): MappingRow => ({ ...r, source_row: i + 2 }))),
  );

export type FunnelEngine = (
  spend: SpendRow[],
  stages: readonly string[],
  records: RecordRow[],
  period: string | null,
  view: string | null,
  mapping: MappingRow[],
) => Promise<FunnelRow[] | string>;

export type DealsEngine = (
  spend: SpendRow[],
  deals: DealRow[],
  period: string | null,
  view: string | null,
  mapping: MappingRow[],
) => Promise<DealsRow[] | string>;

interface Runs {
  bad: boolean;
  maxLength: number;
  numRuns: number;
  atLeast?: number;
}

/**
 * Generated tables, with `bad` the problems the sheet refuses: the engine gives the sheet's rows,
 * or raises the sheet's problem naming the same row. At least `atLeast` runs have a problem.
 */
async function agree<T, R extends Record<string, unknown>>(
  tables: fc.Arbitrary<T>,
  sheet: (t: T) => R[] | string,
  engine: (t: T) => Promise<R[] | string>,
  columns: readonly string[],
  { bad, numRuns, atLeast = 0 }: Runs,
): Promise<void> {
  let problems = 0;
  await fc.assert(
    fc.asyncProperty(tables, async (t) => {
      const want = sheet(t);
      const got = await engine(t);
      if (typeof want === 'string') {
        problems++;
        assert.ok(bad, `the sheet refused a table without problems: ${want}`);
        assert.equal(got, want);
      } else {
        assert.notEqual(typeof got, 'string', `unexpected problem: ${got}`);
        assertSameRows(got as R[], want, columns, JSON.stringify(t).slice(0, 200));
      }
    }),
    { numRuns },
  );
  assert.ok(problems >= atLeast, `only ${problems} of ${numRuns} tables had a problem`);
}

/** Generated spend and records (every period and view), as the sheet's FUNNEL_REPORT reads them. */
export function funnelAgrees(engine: FunnelEngine, runs: Runs): Promise<void> {
  const tables = fc.record({
    spend: fc.array(spendRow(runs.bad), { maxLength: runs.maxLength }).map(number),
    stages: stageList,
    records: fc.array(crmRecord(runs.bad), { minLength: 1, maxLength: runs.maxLength }),
    period: periods,
    view: VIEWS,
    mapping: dealsMapping(runs.bad),
  });
  return agree(
    tables,
    (t) => sheetFunnel(t.spend, t.stages, t.records, t.period, t.view, t.mapping),
    (t) => engine(t.spend, t.stages, recordRows(t.stages, t.records), t.period, t.view, t.mapping),
    SQL_FUNNEL_COLUMNS,
    runs,
  );
}

/** Generated spend and deals (every period and view), as the sheet's DEALS_REPORT reads them. */
export function dealsAgree(engine: DealsEngine, runs: Runs): Promise<void> {
  const tables = fc.record({
    spend: fc.array(spendRow(runs.bad), { maxLength: runs.maxLength }).map(number),
    deals: fc.array(dealRow(runs.bad), { maxLength: runs.maxLength }).map(number),
    period: periods,
    view: VIEWS,
    mapping: dealsMapping(runs.bad),
  });
  return agree(
    tables,
    (t) => sheetDeals(t.spend, t.deals, t.period, t.view, t.mapping),
    (t) => engine(t.spend, t.deals, t.period, t.view, t.mapping),
    SQL_DEALS_COLUMNS,
    runs,
  );
}
