/**
 * The CSV report recognises columns by the wizard's own header suggestions:
 * the same patterns, in the same order, claiming headers the same way.
 */
import { describe, expect, it } from 'vitest';
import { MEETING_TABLE, SPEND_TABLE, suggestTable } from '../../src/sidebar/model';
import { MEETING_HEADERS, SPEND_HEADERS, suggestHeaders } from '../../src/warehouse/columns';

const sources = (hints: Record<string, RegExp[]>) =>
  Object.fromEntries(Object.entries(hints).map(([k, v]) => [k, v.map((r) => r.source)]));

const EXPORTS = [
  ['Day', 'Campaign', 'Impr.', 'Clicks', 'Cost'],
  ['Reporting starts', 'Reporting ends', 'Campaign name', 'Amount spent (GBP)', 'Impressions'],
  ['Start Date (in UTC)', 'Campaign Name', 'Campaign ID', 'Total Spent', 'Impressions', 'Clicks'],
  ['TimePeriod', 'CampaignName', 'CampaignId', 'Spend', 'Avg. CPC'],
  ['Date', 'Source', 'Meeting outcome', 'Owner'],
  ['Meeting date', 'Lead source', 'Campaign', 'Status', 'Result'],
  ['When', 'Where', 'Money', 'Outcome'],
  ['Cost per click', 'Cost', 'Channel type', 'Channel', 'Day of week', 'Date'],
];

describe('header suggestions', () => {
  it('are the wizard’s patterns, in its order', () => {
    for (const [mine, wizard] of [
      [SPEND_HEADERS, SPEND_TABLE],
      [MEETING_HEADERS, MEETING_TABLE],
    ] as const) {
      expect(sources(mine.hints)).toEqual(sources(wizard.hints));
      expect([...mine.order]).toEqual([...wizard.order]);
      expect([...mine.fields].sort()).toEqual([...wizard.fields].sort());
    }
  });

  it('suggest the columns the wizard suggests', () => {
    for (const headers of EXPORTS) {
      expect(suggestHeaders(headers, SPEND_HEADERS)).toEqual(
        suggestTable(headers, SPEND_TABLE).columns,
      );
      expect(suggestHeaders(headers, MEETING_HEADERS)).toEqual(
        suggestTable(headers, MEETING_TABLE).columns,
      );
    }
  });
});
