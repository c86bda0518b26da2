/**
 * CPQM_REPORT on raw tables the size a busy account exports: 200,000 spend
 * rows (day × campaign) and 50,000 meetings in one call, on the built
 * bundle, side by side with a bare JavaScript loop that does the same
 * grouping and sums on the same arrays with none of the rules (no channel
 * matching, no label matching, no checks). Target: within 3× the bare loop,
 * and within 4× with the spend rows named by campaign and a 50-row mapping
 * table of `*` patterns naming their channels.
 */
import { SHIPPED, sideBySide } from './shipped';

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
 * The same sums with nothing checked: channel → month → sums in nested maps
 * keyed by the exact channel text and the Date's year and month.
 */
function bare(t: Tables, byMonth: boolean): unknown[][] {
  const groups = new Map<unknown, Map<number, number[]>>();
  const get = (channel: unknown, date: Date) => {
    let byPeriod = groups.get(channel);
    if (!byPeriod) {
      byPeriod = new Map();
      groups.set(channel, byPeriod);
    }
    const key = byMonth ? date.getFullYear() * 12 + date.getMonth() : 0;
    let g = byPeriod.get(key);
    if (!g) {
      g = [0, 0, 0, 0];
      byPeriod.set(key, g);
    }
    return g;
  };
  for (let i = 0; i < SPEND_ROWS; i++) {
    get(t.spendChannels[i]![0], t.spendDates[i]![0] as Date)[0]! += t.spend[i]![0] as number;
  }
  for (let i = 0; i < MEETINGS; i++) {
    const g = get(t.meetingChannels[i]![0], t.meetingDates[i]![0] as Date);
    const o = t.outcomes[i]![0];
    if (o === 'No show') g[2]!++;
    else if (o !== 'Rescheduled – pending') {
      g[1]!++;
      if (o === 'Qualified') g[3]!++;
    }
  }
  const out: unknown[][] = [];
  for (const [channel, byPeriod] of groups) {
    for (const [period, [spend, held, noShows, qualified]] of byPeriod) {
      out.push([
        channel,
        period,
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
  }
  return out;
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
    'of the bare loop grouping by the campaign text.',
    '',
    '| call | CPQM_REPORT ms | bare loop ms | ratio |',
    '|---|---:|---:|---:|',
  ];
  const REPORT = SHIPPED.CPQM_REPORT!;
  const cases: [string, () => unknown, () => unknown][] = [
    [
      'by channel',
      () => REPORT(t.spendChannels, t.spend, t.meetingChannels, t.outcomes),
      () => bare(t, false),
    ],
    [
      'by channel and month',
      () =>
        REPORT(
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
      () => REPORT(campaigns, t.spend, t.meetingChannels, t.outcomes, '', '', '', MAPPING),
      () => bare(byCampaign, false),
    ],
  ];
  for (const [name, custom, loop] of cases) {
    const [ms, bareMs, ratio] = sideBySide(custom, loop, 9);
    lines.push(`| ${name} | ${ms.toFixed(1)} | ${bareMs.toFixed(1)} | ${ratio.toFixed(2)}× |`);
  }
  return lines.join('\n');
}
