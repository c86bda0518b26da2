/**
 * CPQM_REPORT on raw tables the size a busy account exports: 200,000 spend
 * rows (day × campaign) and 50,000 meetings in one call, on the built
 * bundle, side by side with a bare JavaScript loop that does the same
 * grouping and sums on the same arrays with none of the rules (no channel
 * matching, no label matching, no checks). Target: within 3× the bare loop,
 * and within 4× with the spend rows named by campaign and a 50-row mapping
 * table of `*` patterns naming their channels.
 */
import { loadavg } from 'node:os';
import { BASELINE_COLUMN, type Functions, SHIPPED, sideBySide } from './shipped';

const CHANNELS = ['Google Ads', 'LinkedIn', 'Meta', 'Microsoft Ads', 'Events', 'Webinars'];
const OUTCOMES = [
  'Qualified',
  'Not qualified – company size',
  'Not qualified – role',
  'Not qualified – budget',
  'No show',
  'Rescheduled – pending',
];
const SPEND_ROWS = 200_000;
const MEETINGS = 50_000;

/** Dates as Sheets passes them: midnight of each day, here in the process's zone. */
const DAYS = Array.from({ length: 365 }, (_, d) => new Date(2026, 0, 1 + d));

function tables() {
  const col = (n: number, at: (i: number) => unknown) =>
    Array.from({ length: n }, (_, i) => [at(i)]);
  return {
    spendChannels: col(SPEND_ROWS, (i) => CHANNELS[i % CHANNELS.length]),
    spend: col(SPEND_ROWS, (i) => 10 + ((i * 7919) % 50_000) / 100),
    spendDates: col(SPEND_ROWS, (i) => DAYS[Math.floor(i / 548)]),
    meetingChannels: col(MEETINGS, (i) => CHANNELS[(i * 5) % CHANNELS.length]),
    outcomes: col(MEETINGS, (i) => OUTCOMES[(i * 3 + (i >> 4)) % OUTCOMES.length]),
    meetingDates: col(MEETINGS, (i) => DAYS[Math.floor(i / 137)]),
  };
}

type Tables = ReturnType<typeof tables>;

/** Campaign names as an ad export writes them, 240 of them, and 50 mapping rows of * patterns. */
const CAMPAIGN_KINDS = ['Brand – Search', 'Generic – Search', 'Prospecting', 'Retargeting'];
const campaignOf = (i: number) =>
  `${CAMPAIGN_KINDS[i % 4]} ${['UK', 'US', 'DE'][i % 3]} #${i % 20}`;
const MAPPING = [
  ['Field', 'Value', 'Means'],
  // 46 rows that match none of the campaigns, read before the four that do: the slow case.
  ...Array.from({ length: 46 }, (_, k) => ['channel', `*Display ${k}*`, 'Display']),
  ['channel', 'Brand*', 'Google Ads'],
  ['channel', 'Generic*', 'Microsoft Ads'],
  ['channel', '*Prospecting*', 'Meta'],
  ['channel', '*Retargeting*', 'LinkedIn'],
];

/**
 * The bare loops' grouping: channel → month → sums in nested maps keyed by the exact
 * channel text and the Date's year and month, with the spend rows already added at 0.
 */
function bareGroups(t: Tables, width: number, byMonth: boolean) {
  const groups = new Map<unknown, Map<number, number[]>>();
  const get = (channel: unknown, date: Date | undefined) => {
    let byPeriod = groups.get(channel);
    if (!byPeriod) {
      byPeriod = new Map();
      groups.set(channel, byPeriod);
    }
    const key = date ? date.getFullYear() * 12 + date.getMonth() : 0;
    let g = byPeriod.get(key);
    if (!g) {
      g = new Array<number>(width).fill(0);
      byPeriod.set(key, g);
    }
    return g;
  };
  // The dates are read only by month, as the report reads them only with a period.
  const day = (dates: unknown[][], i: number) => (byMonth ? (dates[i]![0] as Date) : undefined);
  for (let i = 0; i < SPEND_ROWS; i++) {
    get(t.spendChannels[i]![0], day(t.spendDates, i))[0]! += t.spend[i]![0] as number;
  }
  return { groups, get, day };
}

/** The same sums with nothing checked. */
function bare(t: Tables, byMonth: boolean): unknown[][] {
  const { groups, get, day } = bareGroups(t, 4, byMonth);
  for (let i = 0; i < MEETINGS; i++) {
    const g = get(t.meetingChannels[i]![0], day(t.meetingDates, i));
    const o = t.outcomes[i]![0];
    if (o === 'No show') g[2]!++;
    else if (o !== 'Rescheduled – pending') {
      g[1]!++;
      if (o === 'Qualified') g[3]!++;
    }
  }
  return tableOf(groups, ([spend, held, noShows, qualified]) => [
    spend,
    held! + noShows!,
    held,
    noShows,
    qualified,
    held! / (held! + noShows!),
    qualified! / held!,
    spend! / (held! + noShows!),
    spend! / qualified!,
  ]);
}

const RECORDS = 100_000;
const STAGES = [
  'Create Date',
  'Became a Lead Date',
  'Became a Marketing Qualified Lead Date',
  'Became a Sales Qualified Lead Date',
  'Became an Opportunity Date',
  'Became a Customer Date',
];
const DEALS = 100_000;
const STATUSES = ['Closed Won', 'Closed Lost', 'Appointment scheduled'];

/** A contacts export: one row per record from the header row, later stages reached by fewer, some skipped. */
function records() {
  const dates: unknown[][] = [STAGES];
  const sources: unknown[][] = [['Original Source']];
  for (let i = 0; i < RECORDS; i++) {
    const base = i % 330;
    const row: unknown[] = [];
    for (let s = 0; s < STAGES.length; s++) {
      const reached = (i * 7 + s * 13) % 10 > s;
      const skipped = (i + s) % 9 === 0;
      row.push(reached && !skipped ? DAYS[base + s * 5] : '');
    }
    dates.push(row);
    sources.push([CHANNELS[(i * 5) % CHANNELS.length]]);
  }
  return { sources, dates };
}

/** The same funnel grouping with nothing checked: reached-or-beyond, by exact channel text and month. */
function bareFunnel(t: Tables, r: ReturnType<typeof records>): unknown[][] {
  const { groups, get } = bareGroups(t, 1 + STAGES.length, true);
  const reached: unknown[] = new Array(STAGES.length);
  for (let i = 1; i <= RECORDS; i++) {
    const row = r.dates[i]!;
    let next: unknown = '';
    for (let s = STAGES.length - 1; s >= 0; s--) {
      if (row[s] !== '') next = row[s];
      reached[s] = next;
    }
    for (let s = 0; s < STAGES.length; s++) {
      if (reached[s] === '') break;
      get(r.sources[i]![0], reached[s] as Date)[1 + s]!++;
    }
  }
  return tableOf(groups, (g) => {
    const cells: unknown[] = [g[0]];
    for (let s = 1; s < g.length; s++)
      cells.push(g[s], g[0]! / g[s]!, s > 1 ? g[s]! / g[s - 1]! : 0);
    return cells;
  });
}

/** A deals export: one row per deal. */
function dealRows() {
  const col = (at: (i: number) => unknown) => Array.from({ length: DEALS }, (_, i) => [at(i)]);
  return {
    channels: col((i) => CHANNELS[(i * 5) % CHANNELS.length]),
    amounts: col((i) => 1000 + ((i * 7919) % 90_000)),
    created: col((i) => DAYS[i % 330]),
    closed: col((i) => DAYS[(i % 330) + 30]),
    status: col((i) => STATUSES[(i * 3 + (i >> 4)) % STATUSES.length]),
  };
}

/** The same deals grouping with nothing checked: created month and closed month, by exact channel text. */
function bareDeals(t: Tables, d: ReturnType<typeof dealRows>): unknown[][] {
  const { groups, get } = bareGroups(t, 7, true);
  for (let i = 0; i < DEALS; i++) {
    const channel = d.channels[i]![0];
    const amount = d.amounts[i]![0] as number;
    const opened = get(channel, d.created[i]![0] as Date);
    opened[1]!++;
    opened[2]! += amount;
    const status = d.status[i]![0];
    if (status === 'Closed Won') {
      const done = get(channel, d.closed[i]![0] as Date);
      done[3]!++;
      done[6]! += amount;
    } else if (status === 'Closed Lost') get(channel, d.closed[i]![0] as Date)[4]!++;
    else opened[5]!++;
  }
  return tableOf(groups, ([spend, opps, pipeline, won, lost, open, revenue]) => [
    spend,
    opps,
    pipeline,
    spend! / opps!,
    pipeline! / spend!,
    won,
    lost,
    open,
    revenue,
    won! / (won! + lost!),
    revenue! / won!,
    spend! / won!,
    revenue! / spend!,
  ]);
}

function tableOf(
  groups: Map<unknown, Map<number, number[]>>,
  cells: (g: number[]) => unknown[],
): unknown[][] {
  const out: unknown[][] = [];
  for (const [channel, byPeriod] of groups) {
    for (const [period, g] of byPeriod) out.push([channel, period, ...cells(g)]);
  }
  return out;
}

/** One table row: this build's call beside the bare loop (and an earlier build's ratio, with a baseline). */
function row([name, call, loop]: [string, (fns: Functions) => unknown, () => unknown]): string {
  const [ms, bareMs, ratio] = sideBySide(() => call(SHIPPED), loop, 9);
  return `| ${name} | ${ms.toFixed(1)} | ${bareMs.toFixed(1)} | ${ratio.toFixed(2)}× |${BASELINE_COLUMN.ratio(call, loop, 9)}`;
}

export default async function reportBench(): Promise<string> {
  const t = tables();
  const campaigns = t.spendChannels.map((_, i) => [campaignOf(i)]);
  const byCampaign = { ...t, spendChannels: campaigns };
  const lines = [
    '## CPQM_REPORT on raw tables',
    '',
    `${SPEND_ROWS.toLocaleString('en-GB')} spend rows and ${MEETINGS.toLocaleString('en-GB')} meetings (${CHANNELS.length} channels, dates as Date objects, the six outcome labels) in one call`,
    'of the built dist/Code.js, loaded in this process, through the top-level CPQM_REPORT. The bare loop groups the same',
    'arrays by exact channel text (and month) and adds up the same sums, with no matching, reading or checks. Median of 9',
    "runs after warm-up, each after a garbage collection; the ratio is the median of the runs' own ratios. Target: within 3×;",
    'with the spend rows named by 240 campaigns and a 50-row mapping of `*` patterns (46 matching none, read first), within 4×',
    'of the bare loop grouping by the campaign text. Until 2026-12-07 the bare loop also read every row’s date when grouping',
    'by channel alone, work the report does not do: fixed, which raises the ratios by channel.',
    '',
    `Load average (1 min) when the section started: ${loadavg()[0]!.toFixed(1)}; on a busy machine the ratios move between runs. ${BASELINE_COLUMN.note}`,
    '',
    `| call | CPQM_REPORT ms | bare loop ms | ratio |${BASELINE_COLUMN.header}`,
    `|---|---:|---:|---:|${BASELINE_COLUMN.align}`,
  ];
  const cases: [string, (fns: Functions) => unknown, () => unknown][] = [
    [
      'by channel',
      (fns) => fns.CPQM_REPORT!(t.spendChannels, t.spend, t.meetingChannels, t.outcomes),
      () => bare(t, false),
    ],
    [
      'by channel and month',
      (fns) =>
        fns.CPQM_REPORT!(
          t.spendChannels,
          t.spend,
          t.meetingChannels,
          t.outcomes,
          t.spendDates,
          t.meetingDates,
          'month',
        ),
      () => bare(t, true),
    ],
    [
      'by channel, campaigns mapped (50 rows)',
      (fns) =>
        fns.CPQM_REPORT!(campaigns, t.spend, t.meetingChannels, t.outcomes, '', '', '', MAPPING),
      () => bare(byCampaign, false),
    ],
  ];
  lines.push(...cases.map(row));
  const r = records();
  const d = dealRows();
  lines.push(
    '',
    '## FUNNEL_REPORT and DEALS_REPORT on CRM exports',
    '',
    `${RECORDS.toLocaleString('en-GB')} contact records × ${STAGES.length} stage dates (some skipped, as Date objects), and ${DEALS.toLocaleString('en-GB')} deals`,
    `(won, lost, open), each with the same ${SPEND_ROWS.toLocaleString('en-GB')} spend rows, by channel and month (activity view), in one call of the built bundle.`,
    'The bare loop does the same grouping (reached-or-beyond for the funnel; created and closed months for the deals) by exact',
    'channel text, with no reading or checks. Same method as above. Target: within 3×.',
    '',
    `| call | function ms | bare loop ms | ratio |${BASELINE_COLUMN.header}`,
    `|---|---:|---:|---:|${BASELINE_COLUMN.align}`,
  );
  const crm: [string, (fns: Functions) => unknown, () => unknown][] = [
    [
      'FUNNEL_REPORT',
      (fns) =>
        fns.FUNNEL_REPORT!(t.spendChannels, t.spend, r.sources, r.dates, t.spendDates, 'month'),
      () => bareFunnel(t, r),
    ],
    [
      'DEALS_REPORT',
      (fns) =>
        fns.DEALS_REPORT!(
          t.spendChannels,
          t.spend,
          d.channels,
          d.amounts,
          d.created,
          d.closed,
          d.status,
          t.spendDates,
          'month',
        ),
      () => bareDeals(t, d),
    ],
  ];
  lines.push(...crm.map(row));
  return lines.join('\n');
}
