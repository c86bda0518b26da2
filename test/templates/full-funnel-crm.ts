/**
 * CRM exports for the Full funnel tests, and the reports worked out from them
 * independently: for every channel and period, the records, deals, spend and
 * meetings that belong to it are filtered out of the raw rows and counted,
 * one group at a time, as a person with a filter would do it.
 */
import fc from 'fast-check';
import type { FunnelView, RawData, Settings } from '../../src/addon/settings';
import type { Input } from '../../src/workbook/memory';
import { settingsWith } from './helpers';

/** 2026-01-01 as a spreadsheet day number. */
export const JAN_1 = 46_023;

/** The contacts export's stage columns, in the export's order (not the funnel's). */
export const CONTACT_HEADERS = [
  'Record ID',
  'Create Date',
  'Became a Customer Date',
  'Became a Lead Date',
  'Became a Marketing Qualified Lead Date',
  'Became a Sales Qualified Lead Date',
  'Became an Opportunity Date',
  'Original Source',
] as const;

/** The stage columns in funnel order, and the stage each names. */
export const FUNNEL_STAGES: readonly (readonly [header: string, stage: string])[] = [
  ['Create Date', 'Created'],
  ['Became a Lead Date', 'Lead'],
  ['Became a Marketing Qualified Lead Date', 'Marketing Qualified Lead'],
  ['Became a Sales Qualified Lead Date', 'Sales Qualified Lead'],
  ['Became an Opportunity Date', 'Opportunity'],
  ['Became a Customer Date', 'Customer'],
];

export type Spend = [day: number, channel: string, cost: number];
export type Meeting = [day: number, channel: string, outcome: string];
/** A contact: its source and, in funnel order, the day it reached each stage (null: not recorded). */
export interface Contact {
  source: string;
  days: (number | null)[];
  /** Written as export text "2026-01-15 10:32" instead of a day number. */
  asText: boolean;
}
export type DealStatus = 'won' | 'lost' | 'open';
export interface Deal {
  source: string;
  amount: number;
  /** Written as export text "$1,204.50". */
  amountAsText: boolean;
  created: number;
  /** Null for an open deal with no expected close date. */
  closed: number | null;
  status: DealStatus;
}

export interface Crm {
  spend: Spend[];
  meetings: Meeting[];
  contacts: Contact[];
  deals: Deal[];
}

const STATUS_TEXT: Record<DealStatus, string> = {
  won: 'closedwon',
  lost: 'closedlost',
  open: 'appointmentscheduled',
};

function isoText(day: number): string {
  const d = new Date((day - 25_569) * 86_400_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} 10:32`;
}

function moneyText(n: number): string {
  return `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The workbook's sheets: an ad export, a meeting log, the contacts and the deals exports. */
export function crmSheets(crm: Crm): Record<string, Input[][]> {
  const byHeader = (c: Contact, header: string): Input => {
    const k = FUNNEL_STAGES.findIndex(([h]) => h === header);
    const day = c.days[k];
    if (day === null || day === undefined) return null;
    return c.asText ? isoText(day) : day;
  };
  return {
    Ads: [['Day', 'Channel', 'Cost'], ...crm.spend.map(([d, c, v]) => [d, c, v])],
    Meetings: [
      ['Meeting date', 'Source', 'Outcome'],
      ...crm.meetings.map(([d, c, o]) => [d, c, o]),
    ],
    Contacts: [
      [...CONTACT_HEADERS],
      ...crm.contacts.map((c, k) =>
        CONTACT_HEADERS.map((h): Input => {
          if (h === 'Record ID') return 1000 + k;
          if (h === 'Original Source') return c.source;
          return byHeader(c, h);
        }),
      ),
    ],
    Deals: [
      ['Deal Name', 'Deal Stage', 'Amount', 'Create Date', 'Close Date', 'Original Traffic Source'],
      ...crm.deals.map((d, k) => [
        `Deal ${k + 1}`,
        STATUS_TEXT[d.status],
        d.amountAsText ? moneyText(d.amount) : d.amount,
        d.created,
        d.closed,
        d.source,
      ]),
    ],
  };
}

export function crmSettings(
  period: RawData['period'],
  view: FunnelView,
  patch: Partial<Settings> = {},
): Settings {
  return settingsWith({
    templates: ['fullFunnel'],
    raw: {
      spend: [
        {
          sheet: 'Ads',
          columns: { channel: 'Channel', spend: 'Cost', date: 'Day' },
          fixedChannel: '',
        },
      ],
      meetings: {
        sheet: 'Meetings',
        columns: { channel: 'Source', outcome: 'Outcome', date: 'Meeting date' },
      },
      deals: {
        sheet: 'Deals',
        columns: {
          channel: 'Original Traffic Source',
          amount: 'Amount',
          created: 'Create Date',
          closed: 'Close Date',
          status: 'Deal Stage',
          currency: '',
        },
      },
      period,
    },
    funnel: {
      contacts: {
        sheet: 'Contacts',
        channel: 'Original Source',
        stages: FUNNEL_STAGES.map(([h]) => h),
      },
      view,
    },
    ...patch,
  });
}

// ---- The reports by hand -------------------------------------------------

export type Period = RawData['period'];

/** A day's period label: 2026-01, 2026-Q1; "All" without a period. */
export function labelOf(period: Period, day: number): string {
  const d = new Date((day - 25_569) * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  if (period === 'month') return `${y}-${String(m).padStart(2, '0')}`;
  if (period === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  if (period === null) return 'All';
  throw new Error(`no label for ${period} here`);
}

const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
const sourceKey = (name: string) => (name.trim() === '' ? '(no channel)' : key(name));

/** A cell's expected value: a number, or a #DIV/0! text where the denominator is 0. */
export type Want = number | 'div0';
const ratio = (a: number, b: number): Want => (b === 0 ? 'div0' : a / b);

/** The day each stage counts on: its own, or (skipped) the next stage the record reached. */
function stageDays(c: Contact): (number | null)[] {
  return c.days.map((_, k) => c.days.slice(k).find((d) => d !== null) ?? null);
}

/** Records, cost per stage and step ratios of one group, in FUNNEL_REPORT's column order. */
export interface FunnelLine {
  spend: number;
  cells: Want[];
}

/** Which group a row of the tab is: a channel key (or "all") and a period label ("All"). */
export interface Group {
  channel: string | 'all';
  period: string;
}

function inGroup(channelKey: string, day: number | null, g: Group, period: Period): boolean {
  if (g.channel !== 'all' && channelKey !== g.channel) return false;
  if (g.period === 'All') return true;
  return day !== null && labelOf(period, day) === g.period;
}

function spendOf(crm: Crm, g: Group, period: Period): number {
  return crm.spend
    .filter(([d, c]) => inGroup(key(c), d, g, period))
    .reduce((s, [, , v]) => s + v, 0);
}

export function funnelLine(crm: Crm, g: Group, period: Period, view: FunnelView): FunnelLine {
  const spend = spendOf(crm, g, period);
  const counts = FUNNEL_STAGES.map(
    (_, k) =>
      crm.contacts.filter((c) => {
        const days = stageDays(c);
        if (days[k] === null) return false;
        // Activity: the day this stage was reached; cohort: the day the record entered.
        const day = view === 'activity' ? days[k]! : days[0]!;
        return inGroup(sourceKey(c.source), day, g, period);
      }).length,
  );
  const cells: Want[] = [];
  counts.forEach((n, k) => {
    cells.push(n, ratio(spend, n));
    if (k > 0) cells.push(ratio(n, counts[k - 1]!));
  });
  return { spend, cells };
}

/** DEALS_REPORT's columns after Channel (and Period), for one group. */
export function dealsLine(crm: Crm, g: Group, period: Period, view: FunnelView): Want[] {
  const spend = spendOf(crm, g, period);
  const ours = crm.deals.filter((d) => inGroup(sourceKey(d.source), d.created, g, period));
  const closedIn = (status: DealStatus) =>
    view === 'cohort'
      ? ours.filter((d) => d.status === status)
      : crm.deals.filter(
          (d) => d.status === status && inGroup(sourceKey(d.source), d.closed, g, period),
        );
  const won = closedIn('won');
  const lost = closedIn('lost');
  const sum = (ds: Deal[]) => ds.reduce((s, d) => s + d.amount, 0);
  const pipeline = sum(ours);
  const revenue = sum(won);
  return [
    spend,
    ours.length,
    pipeline,
    ratio(spend, ours.length),
    ratio(pipeline, spend),
    won.length,
    lost.length,
    ours.filter((d) => d.status === 'open').length,
    revenue,
    ratio(won.length, won.length + lost.length),
    ratio(revenue, won.length),
    ratio(spend, won.length),
    ratio(revenue, spend),
  ];
}

/** Qualified meetings of a channel (or all), every date. */
export function qualifiedOf(crm: Crm, channel: string | 'all'): number {
  return crm.meetings.filter(
    ([, c, o]) => o === 'Qualified' && (channel === 'all' || sourceKey(c) === channel),
  ).length;
}

/** Won revenue of a channel (or all), every date. */
export function revenueOf(crm: Crm, channel: string | 'all'): number {
  return crm.deals
    .filter((d) => d.status === 'won' && (channel === 'all' || sourceKey(d.source) === channel))
    .reduce((s, d) => s + d.amount, 0);
}

export { key as channelKeyOf, sourceKey };

// ---- Random CRM tables ----------------------------------------------------

/**
 * Channels spelled as exports do: "Paid search" and " paid  SEARCH " are one;
 * "Events" spends and has no records, "Referral" has records and no spend.
 */
const SPEND_CHANNELS = ['Paid search', ' paid  SEARCH ', 'LinkedIn', 'Events'];
const RECORD_CHANNELS = ['Paid search', 'LinkedIn', 'linkedin', 'Referral', ''];
const OUTCOMES = ['Qualified', 'Qualified', 'No show', 'Not qualified – budget'];

/** Days in the first half of 2026, so months and quarters both have several. */
const day = fc.integer({ min: JAN_1, max: JAN_1 + 180 });

export const crmArb: fc.Arbitrary<Crm> = fc.record({
  spend: fc.array(
    fc.tuple(day, fc.constantFrom(...SPEND_CHANNELS), fc.integer({ min: 0, max: 5000 })),
    { minLength: 1, maxLength: 25 },
  ),
  meetings: fc.array(
    fc.tuple(day, fc.constantFrom(...RECORD_CHANNELS), fc.constantFrom(...OUTCOMES)),
    { maxLength: 15 },
  ),
  contacts: fc.array(
    fc.record({
      source: fc.constantFrom(...RECORD_CHANNELS),
      // Each stage reached (a day, out of order now and then) or not recorded; skips included.
      days: fc.array(fc.option(day, { nil: null, freq: 2 }), { minLength: 6, maxLength: 6 }),
      asText: fc.boolean(),
    }),
    { maxLength: 30 },
  ),
  deals: fc.array(
    fc
      .record({
        source: fc.constantFrom(...RECORD_CHANNELS),
        amount: fc.integer({ min: 0, max: 90_000 }).map((n) => n + 0.5 * (n % 2)),
        amountAsText: fc.boolean(),
        created: day,
        wait: fc.integer({ min: 0, max: 60 }),
        status: fc.constantFrom<DealStatus>('won', 'lost', 'open', 'open'),
        expected: fc.boolean(),
      })
      .map(({ wait, expected, ...d }) => ({
        ...d,
        // An open deal may carry the expected close date a CRM keeps; it is not a close.
        closed: d.status === 'open' && !expected ? null : d.created + wait,
      })),
    { maxLength: 20 },
  ),
});
