/**
 * The Channel report on the playground's sample, tallied from its raw rows:
 * by channel and month, and All channels by month and overall. Campaigns
 * count under the channel the sample made them for, the Google Ads totals
 * row is left out, and outcomes mean what the user confirmed. Shared by the
 * engine-level and the browser tests of the report on the sample.
 */
import { OUTCOME_LABELS } from '../../src/metrics/outcomes';
import {
  crmMeetings,
  GOOGLE_ADS_CAMPAIGNS,
  GOOGLE_ADS_TOTAL,
  googleAdsExport,
  LINKEDIN_CAMPAIGNS,
  linkedinExport,
} from '../../src/playground/raw-sample';
import { monthOf } from './report-tally';

/** An export's cost as a number: 172.45, "$172.45" or "1,204.50". */
export const money = (v: unknown) =>
  typeof v === 'number' ? v : Number(String(v).replace(/[$,]/g, ''));

export interface Tally {
  spend: number;
  held: number;
  noShows: number;
  qualified: number;
}

/**
 * The report by channel and month, and All channels by month and overall,
 * from the raw rows: campaigns counted under the channel the sample made
 * them for, the totals row left out, outcomes by the meaning confirmed.
 */
export function tally(outcomeMeaning: (label: string) => string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  const at = (channel: string, month: string) => {
    for (const key of [`${channel}|${month}`, `All channels|${month}`, 'All channels|All']) {
      if (!out.has(key)) out.set(key, { spend: 0, held: 0, noShows: 0, qualified: 0 });
    }
    return [
      out.get(`${channel}|${month}`)!,
      out.get(`All channels|${month}`)!,
      out.get('All channels|All')!,
    ];
  };
  const channelOf = new Map(
    [...GOOGLE_ADS_CAMPAIGNS, ...LINKEDIN_CAMPAIGNS].map((c) => [c.name, c.channel]),
  );
  for (const [rows, cost] of [
    [googleAdsExport(), 4],
    [linkedinExport(), 2],
  ] as const) {
    for (const row of rows.slice(1)) {
      if (row[0] === GOOGLE_ADS_TOTAL) continue;
      for (const t of at(channelOf.get(String(row[1]))!, monthOf(row[0] as number)))
        t.spend += money(row[cost]);
    }
  }
  for (const [day, source, , outcome] of crmMeetings().slice(1)) {
    const means = outcomeMeaning(String(outcome));
    if (means === 'Ignore' || means === OUTCOME_LABELS[5]) continue;
    for (const t of at(source === '' ? '(no channel)' : String(source), monthOf(day as number))) {
      if (means === 'No show') t.noShows++;
      else {
        t.held++;
        if (means === 'Qualified') t.qualified++;
      }
    }
  }
  return out;
}
