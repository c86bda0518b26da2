/**
 * The raw data users really have, for the playground and the tests: an ad
 * platforms' spend export (one row per day × campaign, headers as exports
 * write them, some costs as connector text such as "$1,204.50") and a CRM
 * meeting log (one row per meeting, with its source and outcome), over three
 * months. Generated from fixed starting numbers, so every run and every test sees the
 * same few hundred rows.
 */
import { OUTCOME_LABELS } from '../metrics/outcomes';
import type { Cell } from './sample';

export const ADS_SHEET = 'Ads export';
export const CRM_SHEET = 'CRM meetings';

export const ADS_HEADERS = ['Day', 'Channel', 'Campaign', 'Impr.', 'Clicks', 'Cost'] as const;
export const CRM_HEADERS = ['Meeting date', 'Source', 'Owner', 'Meeting outcome'] as const;

/** 2026-01-05 (a Monday) as a spreadsheet serial number, and the days sampled from it. */
const FIRST_DAY = 46_027;
const DAYS = 84;

/** A small, fast, seeded generator (mulberry32): the same sequence on every machine. */
function random(start: number): () => number {
  let a = start >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Campaign {
  channel: string;
  name: string;
  /** Typical spend per day, and whether it runs at weekends. */
  daily: number;
  weekends: boolean;
  /** Costs arrive as connector text ("$1,204.50"), not numbers. */
  asText: boolean;
  cpm: number;
  ctr: number;
}

const CAMPAIGNS: Campaign[] = [
  {
    channel: 'Google Ads',
    name: 'Search – Brand',
    daily: 90,
    weekends: true,
    asText: false,
    cpm: 38,
    ctr: 0.06,
  },
  {
    channel: 'Google Ads',
    name: 'Search – Generic',
    daily: 240,
    weekends: true,
    asText: false,
    cpm: 45,
    ctr: 0.035,
  },
  {
    channel: 'LinkedIn',
    name: 'ABM – Target accounts',
    daily: 420,
    weekends: false,
    asText: true,
    cpm: 95,
    ctr: 0.006,
  },
  {
    channel: 'Meta',
    name: 'Retargeting',
    daily: 110,
    weekends: true,
    asText: false,
    cpm: 12,
    ctr: 0.011,
  },
  {
    channel: 'Microsoft Ads',
    name: 'Search – Generic',
    daily: 70,
    weekends: false,
    asText: false,
    cpm: 30,
    ctr: 0.03,
  },
];

const isWeekend = (serial: number) => {
  const weekday = (((serial - FIRST_DAY) % 7) + 7) % 7; // 0 = Monday
  return weekday >= 5;
};

const money = (n: number) => Math.round(n * 100) / 100;

/** "$1,204.50", as connectors write amounts into cells. */
const dollars = (n: number) =>
  `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function adsExport(): Cell[][] {
  const next = random(2026);
  const rows: Cell[][] = [[...ADS_HEADERS]];
  for (let d = 0; d < DAYS; d++) {
    const day = FIRST_DAY + d;
    for (const c of CAMPAIGNS) {
      if (!c.weekends && isWeekend(day)) continue;
      const cost = money(c.daily * (0.7 + 0.6 * next()));
      const impressions = Math.round((cost / c.cpm) * 1000);
      const clicks = Math.round(impressions * c.ctr * (0.8 + 0.4 * next()));
      rows.push([day, c.channel, c.name, impressions, clicks, c.asText ? dollars(cost) : cost]);
    }
  }
  return rows;
}

interface Source {
  /** As the CRM spells it: not always as the ad export does. */
  source: string;
  meetings: number;
  /** Chances of a no-show, of rescheduling, and of qualifying once held. */
  noShow: number;
  pending: number;
  qualified: number;
}

const SOURCES: Source[] = [
  { source: 'Google Ads', meetings: 95, noShow: 0.12, pending: 0.04, qualified: 0.55 },
  { source: 'linkedin', meetings: 80, noShow: 0.08, pending: 0.05, qualified: 0.7 },
  { source: 'Meta', meetings: 45, noShow: 0.2, pending: 0.04, qualified: 0.35 },
  { source: 'Microsoft Ads', meetings: 20, noShow: 0.1, pending: 0.05, qualified: 0.5 },
  // Meetings from a channel with no ad spend, and a few whose source was never filled in.
  { source: 'Events', meetings: 30, noShow: 0.05, pending: 0.03, qualified: 0.6 },
  { source: '', meetings: 10, noShow: 0.15, pending: 0.05, qualified: 0.4 },
];

const OWNERS = ['Priya', 'Marcus', 'Lena', 'Tom'];
const NOT_QUALIFIED = OUTCOME_LABELS.slice(1, 4);

export function crmMeetings(): Cell[][] {
  const next = random(1204);
  const meetings: Cell[][] = [];
  for (const s of SOURCES) {
    for (let k = 0; k < s.meetings; k++) {
      const day = FIRST_DAY + Math.floor(next() * DAYS);
      const roll = next();
      const outcome =
        roll < s.noShow
          ? 'No show'
          : roll < s.noShow + s.pending
            ? 'Rescheduled – pending'
            : next() < s.qualified
              ? 'Qualified'
              : NOT_QUALIFIED[Math.floor(next() * NOT_QUALIFIED.length)]!;
      meetings.push([day, s.source, OWNERS[Math.floor(next() * OWNERS.length)]!, outcome]);
    }
  }
  // A CRM export lists meetings by date.
  meetings.sort((a, b) => (a[0] as number) - (b[0] as number));
  return [[...CRM_HEADERS], ...meetings];
}

/** Where the sample's dates are, for the grid's date format. */
export const RAW_DATE_COLUMNS: { sheet: string; col: number; rows: number }[] = [
  { sheet: ADS_SHEET, col: 0, rows: adsExport().length - 1 },
  { sheet: CRM_SHEET, col: 0, rows: crmMeetings().length - 1 },
];
