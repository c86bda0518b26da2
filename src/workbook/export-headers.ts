/**
 * Every kind of table the user maps — ad exports, meeting logs, contacts,
 * deals, a sheet of channels — with its fields, what each field is called in
 * a sentence, and the headers real exports give its columns. The wizard
 * suggests sheets and columns with it and the CSV report finds columns with
 * it, so a file recognised in a sheet is recognised as a CSV too.
 */

import type { SheetInfo } from './workbook';

/** Case, spaces and punctuation aside: "Amount spent (USD)" reads as "amountspentusd". */
export function normalise(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9%]/g, '');
}

/**
 * One kind of table: its fields; for each, its name in a sentence ("the
 * spend column") and the header patterns it goes by, best first, over
 * normalised headers; fields are claimed in `order`, so a more telling
 * column is taken before a looser pattern can take it; a sheet is a
 * candidate only when `key` is found.
 */
export interface TableKind<F extends string> {
  fields: readonly F[];
  labels: Record<F, string>;
  hints: Record<F, RegExp[]>;
  order: readonly F[];
  key: F;
}

/**
 * A channel: "Channel" and "Source" (and "Lead source", "Original source")
 * before "Campaign" and "Campaign name", so a campaign column is used only
 * when the export has no channel column. Ids and types are never names.
 */
const CHANNEL_HINTS: RegExp[] = [
  /^(channel|source)(name)?$/,
  /^(?!.*(id|type)$).*(channel|source|platform)/,
  /^campaign(name)?$/,
  /^(?!.*(id|type|status|budget)$).*campaign/,
];

/** A header naming campaigns, not channels: its cells need the mapping table's channel rows. */
export function isCampaignHeader(header: string): boolean {
  return /campaign/.test(normalise(header));
}

/** A date: the day of a spend line or of a meeting, as the exports head it. */
const DATE_HINTS: RegExp[] = [
  /^(day|date|meetingdate|reportingstarts|startdate|startdateinutc|timeperiod|week|month)$/,
  /^(?!.*(ofweek|weekday|end|zone)).*(date|day|starts|period)/,
];

/** The fields of a raw ad-spend export: one row per day × campaign. */
export const SPEND_FIELDS = ['channel', 'spend', 'date'] as const;
export type SpendField = (typeof SPEND_FIELDS)[number];

/**
 * Google Ads (Day, Campaign, Cost), Meta (Reporting starts, Campaign name,
 * Amount spent (USD)), LinkedIn (Start Date (in UTC), Campaign Name, Total
 * Spent), Microsoft Advertising (TimePeriod, CampaignName, Spend).
 */
export const SPEND_TABLE: TableKind<SpendField> = {
  fields: SPEND_FIELDS,
  labels: { channel: 'channel', spend: 'spend', date: 'date' },
  hints: {
    channel: CHANNEL_HINTS,
    // Cost, Spend, Spent, Total spent, Amount spent (USD), Cost (GBP); never a cost per click.
    spend: [
      /^(total)?(spend|spent|cost|costs|amountspent)([a-z]{3})?$/,
      /^(?!.*(per|avg|average|conv|budget)).*(spend|spent|cost|amount)/,
    ],
    date: DATE_HINTS,
  },
  order: ['spend', 'date', 'channel'],
  key: 'spend',
};

/** The fields of a CRM meeting log: one row per booked meeting. */
export const MEETING_FIELDS = ['channel', 'outcome', 'date'] as const;
export type MeetingField = (typeof MEETING_FIELDS)[number];

export const MEETING_TABLE: TableKind<MeetingField> = {
  fields: MEETING_FIELDS,
  labels: { channel: 'channel or source', outcome: 'outcome', date: 'meeting date' },
  hints: {
    channel: CHANNEL_HINTS,
    outcome: [/^(meeting)?(outcome|result)$/, /outcome/, /^(meeting)?status$/],
    date: DATE_HINTS,
  },
  order: ['outcome', 'date', 'channel'],
  key: 'outcome',
};

/** A sheet with one channel per row: what the Channel comparison reads instead of typed rows. */
export const CHANNEL_FIELDS = ['name', 'spend', 'meetings', 'showRate', 'qualRate'] as const;
export type ChannelField = (typeof CHANNEL_FIELDS)[number];

/** Rate columns are claimed first, so "Meetings" does not take "Meeting show rate". */
export const CHANNEL_TABLE: TableKind<ChannelField> = {
  fields: CHANNEL_FIELDS,
  labels: {
    name: 'channel name',
    spend: 'spend',
    meetings: 'booked meetings',
    showRate: 'show rate',
    qualRate: 'qual rate',
  },
  hints: {
    name: [/^channel(name)?$/, /^(source|campaign|name)$/, /channel|source|campaign/],
    spend: [/^spend$/, /^(cost|budget|amount)$/, /spend|cost|budget/],
    meetings: [/^(booked)?meetings(booked)?$/, /^booked$/, /meeting|booked/],
    showRate: [/^show(rate|%|up)?$/, /showrate|show%|showup/, /show/],
    qualRate: [/^qual(ification|ified)?(rate|%)$/, /^qual(ified)?%?$/, /qual/],
  },
  order: ['showRate', 'qualRate', 'spend', 'meetings', 'name'],
  key: 'name',
};

/** A CRM's contacts or leads: one row per record, its source and the day it reached each stage. */
export const CONTACT_FIELDS = [
  'channel',
  'created',
  'lead',
  'mql',
  'sql',
  'opportunity',
  'customer',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/**
 * A lifecycle stage's date as HubSpot heads it ("Became a Lead Date") and as
 * newer portals do ('Date entered "Lead (Lifecycle Stage Pipeline)"').
 */
function stageDate(stage: string): RegExp[] {
  return [new RegExp(`^became(a|an)${stage}date$`), new RegExp(`^dateentered${stage}lifecycle`)];
}

/**
 * HubSpot (Original Source, Create Date, Became a … Date), Salesforce (Lead
 * Source, Created Date, Converted Date).
 */
export const CONTACTS_TABLE: TableKind<ContactField> = {
  fields: CONTACT_FIELDS,
  labels: {
    channel: 'source',
    created: 'created date',
    lead: 'lead date',
    mql: 'marketing qualified lead date',
    sql: 'sales qualified lead date',
    opportunity: 'opportunity date',
    customer: 'customer date',
  },
  hints: {
    channel: [/^(original|lead)?source$/, /^originaltrafficsource$/, ...CHANNEL_HINTS],
    created: [/^(create|created)(date|on)$/],
    lead: stageDate('lead'),
    mql: stageDate('marketingqualifiedlead'),
    sql: stageDate('salesqualifiedlead'),
    opportunity: [...stageDate('opportunity'), /^converteddate$/],
    customer: stageDate('customer'),
  },
  order: ['created', 'lead', 'mql', 'sql', 'opportunity', 'customer', 'channel'],
  key: 'created',
};

/**
 * A CRM's deals: one row per deal. The currency may be left out; where it is
 * there, each amount is read with it, so two currencies are never added.
 */
export const DEAL_FIELDS = [
  'channel',
  'amount',
  'created',
  'closed',
  'status',
  'currency',
] as const;
export type DealField = (typeof DEAL_FIELDS)[number];

/**
 * HubSpot (Original Traffic Source, Amount, Create Date, Close Date, Deal
 * Stage), Salesforce (Lead Source, Amount, Created Date, Close Date, Stage),
 * Pipedrive (Deal - Source, Deal - Value, Deal - Deal created, Deal - Won
 * time, Deal - Status).
 */
export const DEALS_TABLE: TableKind<DealField> = {
  fields: DEAL_FIELDS,
  labels: {
    channel: 'source',
    amount: 'amount',
    created: 'created date',
    closed: 'close date',
    status: 'status or stage',
    currency: 'currency',
  },
  hints: {
    channel: [/^(originaltraffic|lead|deal)?source$/, ...CHANNEL_HINTS],
    amount: [/^(deal)?(amount|value)$/, /^amountincompanycurrency$/],
    created: [/^(deal)?(create|created)(date)?$/, /^dealdealcreated$/],
    closed: [/^(deal)?close(d)?date$/, /^dealwontime$/],
    status: [/^(deal)?(stage|status)$/, /^won$/],
    // HubSpot's Currency, Salesforce's Opportunity Currency, Pipedrive's Deal - Currency.
    currency: [/^(deal|opportunity)?currency$/],
  },
  order: ['amount', 'created', 'closed', 'status', 'currency', 'channel'],
  key: 'amount',
};

/** The ad platforms whose exports the wizard recognises. */
export const PLATFORMS = ['Google Ads', 'Microsoft Advertising', 'Meta', 'LinkedIn'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** A platform's words in a sheet's name, then the headers only its export uses. */
const PLATFORM_SIGNS: Record<Platform, { name: RegExp; headers: RegExp }> = {
  'Google Ads': { name: /google|adwords/, headers: /^(impr|avgcpc|costconv)$/ },
  'Microsoft Advertising': { name: /microsoft|bing/, headers: /^timeperiod$/ },
  Meta: { name: /meta|facebook|instagram/, headers: /^(amountspent[a-z]*|reportingstarts)$/ },
  LinkedIn: { name: /linkedin/, headers: /^(totalspent|startdateinutc)$/ },
};

/** Which platform exported a sheet, by its name or else its headers; undefined when unclear. */
export function exportPlatform(sheet: string, headers: readonly string[]): Platform | undefined {
  const name = normalise(sheet);
  const keys = headers.map(normalise);
  return (
    PLATFORMS.find((p) => PLATFORM_SIGNS[p].name.test(name)) ??
    PLATFORMS.find((p) => keys.some((k) => PLATFORM_SIGNS[p].headers.test(k)))
  );
}

/**
 * Which header to use for each field of a table, and how well they match:
 * ten for each field found, plus more the better its pattern.
 */
export function suggestTable<F extends string>(
  headers: readonly string[],
  kind: TableKind<F>,
): { columns: Record<F, string>; score: number } {
  const columns = Object.fromEntries(kind.fields.map((f) => [f, ''])) as Record<F, string>;
  const taken = new Set<number>();
  const keys = headers.map(normalise);
  let score = 0;
  for (const field of kind.order) {
    const hints = kind.hints[field];
    for (const [tier, hint] of hints.entries()) {
      const k = keys.findIndex((key, i) => key !== '' && !taken.has(i) && hint.test(key));
      const header = headers[k];
      if (header !== undefined) {
        taken.add(k);
        columns[field] = header;
        score += 10 + hints.length - tier;
        break;
      }
    }
  }
  return { columns, score: columns[kind.key] === '' ? 0 : score };
}

/** Every kind of table the user maps, to tell one from another. */
const TABLE_KINDS: readonly TableKind<string>[] = [
  SPEND_TABLE,
  MEETING_TABLE,
  CHANNEL_TABLE,
  CONTACTS_TABLE,
  DEALS_TABLE,
];

/**
 * Whether a sheet's headers match `kind` at least as well as any other kind:
 * a deals export has an amount and a date too, but reads better as deals.
 */
export function readsAs<F extends string>(headers: readonly string[], kind: TableKind<F>): boolean {
  const score = suggestTable(headers, kind).score;
  return score > 0 && TABLE_KINDS.every((k) => suggestTable(headers, k).score <= score);
}

/**
 * The sheet whose headers best match a kind of table, with its suggested
 * columns; between equal matches, the one with more rows (the raw export
 * rather than a small summary with the same headers).
 */
export function bestSheet<F extends string>(
  sheets: readonly SheetInfo[],
  kind: TableKind<F>,
): { sheet: SheetInfo; columns: Record<F, string> } | undefined {
  let best: { sheet: SheetInfo; columns: Record<F, string>; score: number } | undefined;
  for (const sheet of sheets) {
    const { columns, score } = suggestTable(sheet.headers, kind);
    if (score === 0) continue;
    if (
      !best ||
      score > best.score ||
      (score === best.score && sheet.dataRows > best.sheet.dataRows)
    )
      best = { sheet, columns, score };
  }
  return best && { sheet: best.sheet, columns: best.columns };
}
