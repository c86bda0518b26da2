/**
 * How raw exports head their columns, and which column to suggest for each
 * field of a raw table (ad spend: channel, spend, date; meetings: channel,
 * outcome, date). The wizard suggests sheets and columns with it and the CSV
 * report finds columns with it, so a file recognised in a sheet is
 * recognised as a CSV too.
 */

/** The fields of a raw ad-spend export: one row per day × campaign. */
export const SPEND_FIELDS = ['channel', 'spend', 'date'] as const;
export type SpendField = (typeof SPEND_FIELDS)[number];

/** The fields of a CRM meeting log: one row per booked meeting. */
export const MEETING_FIELDS = ['channel', 'outcome', 'date'] as const;
export type MeetingField = (typeof MEETING_FIELDS)[number];

/** Case, spaces and punctuation aside: "Amount spent (USD)" reads as "amountspentusd". */
export function normalise(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9%]/g, '');
}

/**
 * How to recognise one kind of raw table by its headers: for each field the
 * header patterns it goes by, best first, over normalised headers; fields are
 * claimed in `order`, so a more telling column is taken before a looser
 * pattern can take it; a sheet is a candidate only when `key` is found.
 */
export interface TableKind<F extends string> {
  fields: readonly F[];
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

/** A date: the day of a spend line or of a meeting, as the exports head it. */
const DATE_HINTS: RegExp[] = [
  /^(day|date|meetingdate|reportingstarts|startdate|startdateinutc|timeperiod|week|month)$/,
  /^(?!.*(ofweek|weekday|end|zone)).*(date|day|starts|period)/,
];

export const SPEND_TABLE: TableKind<SpendField> = {
  fields: SPEND_FIELDS,
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

export const MEETING_TABLE: TableKind<MeetingField> = {
  fields: MEETING_FIELDS,
  hints: {
    channel: CHANNEL_HINTS,
    outcome: [/^(meeting)?(outcome|result)$/, /outcome/, /^(meeting)?status$/],
    date: DATE_HINTS,
  },
  order: ['outcome', 'date', 'channel'],
  key: 'outcome',
};

/**
 * Which header to use for each field of a raw table, and how well they
 * match: ten for each field found, plus more the better its pattern.
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
      if (k >= 0) {
        taken.add(k);
        columns[field] = headers[k]!;
        score += 10 + hints.length - tier;
        break;
      }
    }
  }
  return { columns, score: columns[kind.key] === '' ? 0 : score };
}
