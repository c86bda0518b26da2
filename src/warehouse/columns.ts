/**
 * Which columns of a CSV export hold the channel, the spend, the outcome and
 * the day: the header suggestions the wizard's Channel report makes (its raw
 * spend and meeting tables), so a file the wizard recognises in a sheet is
 * recognised here too. The patterns are the wizard's, kept in step by
 * test/warehouse/columns.test.ts; they match headers with case, spaces and
 * punctuation aside ("Amount spent (USD)" reads as "amountspentusd").
 */

export type SpendRole = 'channel' | 'spend' | 'date';
export type MeetingRole = 'channel' | 'outcome' | 'date';

/** How to recognise one kind of table by its headers: patterns per field, best first. */
export interface HeaderHints<F extends string> {
  fields: readonly F[];
  hints: Record<F, RegExp[]>;
  /** Fields are claimed in this order, so a more telling column is taken first. */
  order: readonly F[];
}

/** "Channel" and "Source" before "Campaign"; ids and types are never names. */
const CHANNEL_HINTS: RegExp[] = [
  /^(channel|source)(name)?$/,
  /^(?!.*(id|type)$).*(channel|source|platform)/,
  /^campaign(name)?$/,
  /^(?!.*(id|type|status|budget)$).*campaign/,
];

const DATE_HINTS: RegExp[] = [
  /^(day|date|meetingdate|reportingstarts|startdate|startdateinutc|timeperiod|week|month)$/,
  /^(?!.*(ofweek|weekday|end|zone)).*(date|day|starts|period)/,
];

export const SPEND_HEADERS: HeaderHints<SpendRole> = {
  fields: ['channel', 'spend', 'date'],
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
};

export const MEETING_HEADERS: HeaderHints<MeetingRole> = {
  fields: ['channel', 'outcome', 'date'],
  hints: {
    channel: CHANNEL_HINTS,
    outcome: [/^(meeting)?(outcome|result)$/, /outcome/, /^(meeting)?status$/],
    date: DATE_HINTS,
  },
  order: ['outcome', 'date', 'channel'],
};

/** Case, spaces and punctuation aside, as the wizard compares headers. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9%]/g, '');
}

/**
 * The header suggested for each field ('' when none fits): each header is used at most once,
 * fields claimed in order, each by its best pattern that finds a free header.
 */
export function suggestHeaders<F extends string>(
  headers: readonly string[],
  kind: HeaderHints<F>,
): Record<F, string> {
  const out = Object.fromEntries(kind.fields.map((f) => [f, ''])) as Record<F, string>;
  const taken = new Set<number>();
  const keys = headers.map(normaliseHeader);
  for (const field of kind.order) {
    for (const hint of kind.hints[field]) {
      const k = keys.findIndex((key, i) => key !== '' && !taken.has(i) && hint.test(key));
      if (k >= 0) {
        taken.add(k);
        out[field] = headers[k]!;
        break;
      }
    }
  }
  return out;
}
