/**
 * The raw data users really have, for the playground and the tests, as each
 * system exports it: a Google Ads and a LinkedIn Ads export (campaign names,
 * no channel; some costs as text), a CRM meeting log, and HubSpot contacts and
 * deals exports. All cover the same twelve weeks of 2026 and speak of the same
 * channels: the CRM's source values (HubSpot's "Original Source": Paid Search,
 * Paid Social, Offline Sources, …), which the ad exports' campaigns map to —
 * every Google Ads campaign is Paid Search, every LinkedIn campaign Paid
 * Social. Generated from fixed starting numbers (seeded.ts), so every run and
 * every test sees the same rows.
 */
import { OUTCOME_LABELS } from '../metrics/outcomes';
import type { Cell } from './sample';
import {
  amountText,
  cents,
  DAYS,
  dateTimeText,
  FIRST_DAY,
  isWeekend,
  LAST_DAY,
  pick,
  random,
} from './seeded';

export const GOOGLE_ADS_SHEET = 'Google Ads';
export const LINKEDIN_SHEET = 'LinkedIn Ads';
export const CRM_SHEET = 'CRM meetings';
export const CONTACTS_SHEET = 'HubSpot contacts';
export const DEALS_SHEET = 'HubSpot deals';

export const GOOGLE_ADS_HEADERS = ['Day', 'Campaign', 'Impr.', 'Clicks', 'Cost'] as const;
export const LINKEDIN_HEADERS = [
  'Start Date (in UTC)',
  'Campaign Name',
  'Total Spent',
  'Impressions',
  'Clicks',
] as const;
export const CRM_HEADERS = ['Meeting date', 'Source', 'Owner', 'Meeting outcome'] as const;
/** HubSpot's export order (not the funnel's): the lifecycle dates are alphabetical. */
export const CONTACTS_HEADERS = [
  'Record ID',
  'First Name',
  'Last Name',
  'Email',
  'Contact owner',
  'Lifecycle Stage',
  'Create Date',
  'Became a Customer Date',
  'Became a Lead Date',
  'Became a Marketing Qualified Lead Date',
  'Became a Sales Qualified Lead Date',
  'Became an Opportunity Date',
  'Original Source',
  'Original Source Drill-Down 1',
] as const;
export const DEALS_HEADERS = [
  'Record ID',
  'Deal Name',
  'Deal Stage',
  'Amount',
  'Create Date',
  'Close Date',
  'Deal owner',
  'Pipeline',
  'Original Traffic Source',
  'Currency',
] as const;

/** The exports' totals row, as Google Ads closes a report. */
export const GOOGLE_ADS_TOTAL = 'Total: All campaigns';

export const PAID_SEARCH = 'Paid Search';
export const PAID_SOCIAL = 'Paid Social';

interface Campaign {
  name: string;
  /** The CRM source its clicks arrive as. */
  channel: string;
  /** Typical spend per day, and whether it runs at weekends. */
  daily: number;
  weekends: boolean;
  cpm: number;
  ctr: number;
}

export const GOOGLE_ADS_CAMPAIGNS: readonly Campaign[] = [
  {
    name: 'Brand – Search UK',
    channel: PAID_SEARCH,
    daily: 90,
    weekends: true,
    cpm: 38,
    ctr: 0.06,
  },
  {
    name: 'Generic – Search DE',
    channel: PAID_SEARCH,
    daily: 800,
    weekends: true,
    cpm: 45,
    ctr: 0.035,
  },
  {
    name: 'Competitor – Search',
    channel: PAID_SEARCH,
    daily: 150,
    weekends: false,
    cpm: 52,
    ctr: 0.028,
  },
];

export const LINKEDIN_CAMPAIGNS: readonly Campaign[] = [
  {
    name: 'ABM – Target accounts',
    channel: PAID_SOCIAL,
    daily: 420,
    weekends: false,
    cpm: 95,
    ctr: 0.006,
  },
  {
    name: 'Thought leadership – Sponsored content',
    channel: PAID_SOCIAL,
    daily: 180,
    weekends: false,
    cpm: 70,
    ctr: 0.009,
  },
];

/** One day × campaign: what every ad platform reports, before each writes it its own way. */
interface AdDay {
  day: number;
  campaign: string;
  impressions: number;
  clicks: number;
  cost: number;
}

function adDays(campaigns: readonly Campaign[], next: () => number): AdDay[] {
  const rows: AdDay[] = [];
  for (let d = 0; d < DAYS; d++) {
    const day = FIRST_DAY + d;
    for (const c of campaigns) {
      if (!c.weekends && isWeekend(day)) continue;
      const cost = cents(c.daily * (0.7 + 0.6 * next()));
      const impressions = Math.round((cost / c.cpm) * 1000);
      const clicks = Math.round(impressions * c.ctr * (0.8 + 0.4 * next()));
      rows.push({ day, campaign: c.name, impressions, clicks, cost });
    }
  }
  return rows;
}

/**
 * Day, Campaign, Impr., Clicks, Cost: about one cost in five written as
 * "$172.45" and one in five as "1,204.50", as sheet connectors leave them,
 * and the closing totals row Google Ads adds.
 */
export function googleAdsExport(): Cell[][] {
  const next = random(2026);
  const days = adDays(GOOGLE_ADS_CAMPAIGNS, next);
  const rows: Cell[][] = days.map(({ day, campaign, impressions, clicks, cost }) => {
    const roll = next();
    const written = roll < 0.2 ? `$${amountText(cost)}` : roll < 0.4 ? amountText(cost) : cost;
    return [day, campaign, impressions, clicks, written];
  });
  const sum = (f: (r: AdDay) => number) => days.reduce((s, r) => s + f(r), 0);
  rows.push([
    GOOGLE_ADS_TOTAL,
    '',
    sum((r) => r.impressions),
    sum((r) => r.clicks),
    cents(sum((r) => r.cost)),
  ]);
  return [[...GOOGLE_ADS_HEADERS], ...rows];
}

/** Start Date (in UTC), Campaign Name, Total Spent ("$332.37", always text), Impressions, Clicks. */
export function linkedinExport(): Cell[][] {
  const next = random(4242);
  const rows: Cell[][] = adDays(LINKEDIN_CAMPAIGNS, next).map((r) => [
    r.day,
    r.campaign,
    `$${amountText(r.cost)}`,
    r.impressions,
    r.clicks,
  ]);
  return [[...LINKEDIN_HEADERS], ...rows];
}

/** Where a CRM record came from, and how it tends to go. */
interface Source {
  /** As the CRM spells it. */
  source: string;
  /** HubSpot's second word on it. */
  drillDown: readonly string[];
  meetings: number;
  contacts: number;
  /** Chances of a no-show, of rescheduling, and of qualifying once held. */
  noShow: number;
  pending: number;
  qualified: number;
  /** Chance of moving on to the next lifecycle stage, and a typical deal. */
  progress: number;
  dealSize: number;
}

const SOURCES: readonly Source[] = [
  {
    source: PAID_SEARCH,
    drillDown: ['google'],
    meetings: 110,
    contacts: 220,
    noShow: 0.12,
    pending: 0.04,
    qualified: 0.55,
    progress: 0.6,
    dealSize: 14_000,
  },
  {
    source: PAID_SOCIAL,
    drillDown: ['linkedin'],
    meetings: 85,
    contacts: 150,
    noShow: 0.08,
    pending: 0.05,
    qualified: 0.7,
    progress: 0.65,
    dealSize: 22_000,
  },
  // Sources with no ad spend, and meetings whose source was never filled in.
  {
    source: 'Offline Sources',
    drillDown: ['IMPORT', 'CRM_UI'],
    meetings: 35,
    contacts: 70,
    noShow: 0.05,
    pending: 0.03,
    qualified: 0.6,
    progress: 0.6,
    dealSize: 18_000,
  },
  {
    source: 'Organic Search',
    drillDown: ['google', 'bing'],
    meetings: 0,
    contacts: 110,
    noShow: 0.1,
    pending: 0.05,
    qualified: 0.5,
    progress: 0.5,
    dealSize: 12_000,
  },
  {
    source: 'Referrals',
    drillDown: ['partner-site.com', 'g2.com'],
    meetings: 20,
    contacts: 40,
    noShow: 0.05,
    pending: 0.05,
    qualified: 0.75,
    progress: 0.7,
    dealSize: 25_000,
  },
  {
    source: '',
    drillDown: [''],
    meetings: 12,
    contacts: 0,
    noShow: 0.15,
    pending: 0.05,
    qualified: 0.4,
    progress: 0,
    dealSize: 0,
  },
];

const OWNERS = ['Priya Shah', 'Marcus Webb', 'Lena Vogel', 'Tom Okafor'];
const NOT_QUALIFIED = OUTCOME_LABELS.slice(1, 4);
/** An outcome as the CRM logged it: the six labels, and beside them the CRM's own "Completed" (it took place) and "Canceled". */
function outcomeOf(s: Source, next: () => number): string {
  const roll = next();
  if (roll < 0.06) return 'Canceled';
  if (roll < 0.14) return 'Completed';
  if (roll < 0.14 + s.noShow) return 'No show';
  if (roll < 0.14 + s.noShow + s.pending) return 'Rescheduled – pending';
  return next() < s.qualified ? 'Qualified' : pick(next, NOT_QUALIFIED);
}

/** Meeting date, Source, Owner, Meeting outcome: one row per booked meeting, by date. */
export function crmMeetings(): Cell[][] {
  const next = random(1204);
  const meetings: Cell[][] = [];
  for (const s of SOURCES) {
    for (let k = 0; k < s.meetings; k++) {
      const day = FIRST_DAY + Math.floor(next() * DAYS);
      const outcome = outcomeOf(s, next);
      meetings.push([day, s.source, pick(next, OWNERS), outcome]);
    }
  }
  meetings.sort((a, b) => (a[0] as number) - (b[0] as number));
  return [[...CRM_HEADERS], ...meetings];
}

/** HubSpot's lifecycle stages after Create Date, in funnel order, as its Lifecycle Stage column names them. */
const STAGES = [
  'Lead',
  'Marketing Qualified Lead',
  'Sales Qualified Lead',
  'Opportunity',
  'Customer',
];
/** Typical days from one stage to the next. */
const STAGE_DAYS = [1, 5, 7, 8, 18];

interface Contact {
  id: number;
  first: string;
  last: string;
  owner: string;
  source: Source;
  drillDown: string;
  created: number;
  /** The serial date each of STAGES was reached, or undefined where skipped or not (yet) reached. */
  stages: (number | undefined)[];
}

const FIRST_NAMES = [
  'Ava',
  'Ben',
  'Chloé',
  'Dev',
  'Elif',
  'Finn',
  'Grace',
  'Hiro',
  'Isla',
  'Jonas',
];
const LAST_NAMES = ['Adams', 'Berger', 'Chen', 'Dubois', 'Evans', 'Fischer', 'García', 'Hughes'];
const COMPANIES = ['northwind', 'contoso', 'fabrikam', 'tailspin', 'wingtip', 'litware'];

/** A time of day between 08:00 and 19:59, in whole minutes, as a fraction of a day. */
const workingTime = (next: () => number) => (480 + Math.floor(next() * 720)) / 1440;

function contacts(): Contact[] {
  const next = random(3131);
  const all: Omit<Contact, 'id'>[] = [];
  for (const source of SOURCES) {
    for (let k = 0; k < source.contacts; k++) {
      const created = FIRST_DAY + Math.floor(next() * DAYS) + workingTime(next);
      const stages: (number | undefined)[] = [];
      let at = created;
      for (let s = 0; s < STAGES.length; s++) {
        // Most records become a lead on creation (some stay subscribers); fewer reach each later stage, days later.
        if (next() > (s === 0 ? 0.9 : source.progress)) break;
        at =
          s === 0 && next() < 0.8
            ? at + 2 / 1440
            : Math.floor(at) +
              Math.max(1, Math.round(STAGE_DAYS[s]! * (0.3 + 1.4 * next()))) +
              workingTime(next);
        if (at > LAST_DAY + 1) break;
        stages.push(at);
      }
      // Records skip stages: created straight as an MQL, accepted by sales without an MQL date,
      // or won without ever being marked an opportunity.
      for (const [stage, chance] of [
        [0, 0.08],
        [1, 0.12],
        [3, 0.2],
      ] as const) {
        if (stages.length > stage + 1 && next() < chance) stages[stage] = undefined;
      }
      all.push({
        first: pick(next, FIRST_NAMES),
        last: pick(next, LAST_NAMES),
        owner: pick(next, OWNERS),
        source,
        drillDown: pick(next, source.drillDown),
        created,
        stages,
      });
    }
  }
  // Record IDs grow in creation order, with the gaps deleted records leave.
  all.sort((a, b) => a.created - b.created);
  let id = 51_200;
  return all.map((c) => {
    id += 1 + Math.floor(next() * 4);
    return { ...c, id };
  });
}

/** A name as an email address spells it: "Chloé García" → chloe.garcia. */
const plain = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Text as HubSpot exports dates, or blank. */
const when = (serial: number | undefined): Cell =>
  serial === undefined ? '' : dateTimeText(serial);

/** The HubSpot contacts export: one row per record, its lifecycle dates as text, some stages skipped. */
export function contactsExport(): Cell[][] {
  const rows = contacts().map((c) => {
    const reached = c.stages.length;
    const [lead, mql, sql, opportunity, customer] = [0, 1, 2, 3, 4].map((s) => c.stages[s]);
    const company = COMPANIES[c.id % COMPANIES.length]!;
    return [
      c.id,
      c.first,
      c.last,
      `${plain(c.first)}.${plain(c.last)}@${company}.com`,
      c.owner,
      reached === 0 ? 'Subscriber' : STAGES[reached - 1]!,
      dateTimeText(c.created),
      when(customer),
      when(lead),
      when(mql),
      when(sql),
      when(opportunity),
      c.source.source,
      c.drillDown,
    ];
  });
  return [[...CONTACTS_HEADERS], ...rows];
}

/** HubSpot's default pipeline: its open stages, then its two closed ones. */
const OPEN_STAGES = [
  'appointmentscheduled',
  'qualifiedtobuy',
  'presentationscheduled',
  'decisionmakerboughtin',
  'contractsent',
];
export const SECOND_CURRENCY = 'EUR';

/**
 * The HubSpot deals export: one deal per contact that became an opportunity
 * or a customer, created on that day; won when the contact became a
 * customer, otherwise lost or still open (with the expected close date CRMs
 * keep). Most amounts are in USD; some are in EUR, as a CRM with several
 * currencies exports them.
 */
export function dealsExport(): Cell[][] {
  const next = random(777);
  const deals = contacts().flatMap((c) => {
    const opened = c.stages[3] ?? c.stages[4];
    if (opened === undefined) return [];
    const customer = c.stages[4];
    const lost = customer === undefined && next() < 0.4;
    const close =
      customer ??
      Math.floor(opened) + (lost ? 5 : 30) + Math.floor(next() * 30) + workingTime(next);
    const status =
      customer !== undefined
        ? 'closedwon'
        : lost && close <= LAST_DAY + 1
          ? 'closedlost'
          : pick(next, OPEN_STAGES);
    const amount = Math.round((c.source.dealSize * (0.5 + next())) / 100) * 100;
    const company = COMPANIES[c.id % COMPANIES.length]!;
    const name = `${company[0]!.toUpperCase()}${company.slice(1)} – ${c.last}`;
    return [{ name, status, amount, opened, close, owner: c.owner, source: c.source.source }];
  });
  deals.sort((a, b) => a.opened - b.opened);
  const rows = deals.map((d, k) => [
    18_400 + 3 * k,
    d.name,
    d.status,
    d.amount,
    dateTimeText(d.opened),
    dateTimeText(d.close),
    d.owner,
    'Sales Pipeline',
    d.source,
    next() < 0.12 ? SECOND_CURRENCY : 'USD',
  ]);
  return [[...DEALS_HEADERS], ...rows];
}

/** Where the sample's date cells are (the rows below the header, before any totals row), for the grid's date format. */
export const RAW_DATE_COLUMNS: { sheet: string; col: number; rows: number }[] = [
  { sheet: GOOGLE_ADS_SHEET, col: 0, rows: googleAdsExport().length - 2 },
  { sheet: LINKEDIN_SHEET, col: 0, rows: linkedinExport().length - 1 },
  { sheet: CRM_SHEET, col: 0, rows: crmMeetings().length - 1 },
];

/** The raw sheets, in the order the playground shows them. */
export function rawSheets(): Record<string, Cell[][]> {
  return {
    [GOOGLE_ADS_SHEET]: googleAdsExport(),
    [LINKEDIN_SHEET]: linkedinExport(),
    [CRM_SHEET]: crmMeetings(),
    [CONTACTS_SHEET]: contactsExport(),
    [DEALS_SHEET]: dealsExport(),
  };
}
