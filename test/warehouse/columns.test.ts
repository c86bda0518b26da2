/**
 * The CSV report finds columns as the wizard suggests them: one set of
 * export-header patterns (src/workbook/export-headers.ts) serves both.
 */
import { describe, expect, it } from 'vitest';
import { pickColumns } from '../../src/warehouse/csv-columns';
import { MEETING_TABLE, SPEND_TABLE, suggestTable } from '../../src/workbook/export-headers';

const EXPORTS = [
  ['Day', 'Campaign', 'Impr.', 'Clicks', 'Cost'],
  ['Reporting starts', 'Reporting ends', 'Campaign name', 'Amount spent (GBP)', 'Impressions'],
  ['Start Date (in UTC)', 'Campaign Name', 'Campaign ID', 'Total Spent', 'Impressions', 'Clicks'],
  ['TimePeriod', 'CampaignName', 'CampaignId', 'Spend', 'Avg. CPC'],
  ['Date', 'Source', 'Meeting outcome', 'Owner'],
  ['Meeting date', 'Lead source', 'Campaign', 'Status', 'Result'],
  ['Cost per click', 'Cost', 'Channel type', 'Channel', 'Day of week', 'Date'],
];

const FLAGS = { channel: '--c', spend: '--s', outcome: '--o', date: '--d' };

describe('header suggestions', () => {
  it('the CSV report picks the columns the wizard suggests', () => {
    for (const headers of EXPORTS) {
      const columns = headers.map((name) => ({ name, type: 'VARCHAR' }));
      for (const kind of [SPEND_TABLE, MEETING_TABLE] as const) {
        const wizard = suggestTable(headers, kind as typeof SPEND_TABLE).columns;
        const picked = pickColumns('f.csv', columns, kind as typeof SPEND_TABLE, {}, FLAGS, []);
        const names = Object.fromEntries(
          Object.keys(wizard).map((f) => [f, picked[f as keyof typeof picked]?.name ?? '']),
        );
        expect(names, headers.join(', ')).toEqual(wizard);
      }
    }
  });

  it('recognises the exports’ own headers', () => {
    expect(suggestTable(EXPORTS[1]!, SPEND_TABLE).columns).toEqual({
      channel: 'Campaign name',
      spend: 'Amount spent (GBP)',
      date: 'Reporting starts',
    });
    expect(suggestTable(EXPORTS[6]!, SPEND_TABLE).columns).toEqual({
      channel: 'Channel',
      spend: 'Cost',
      date: 'Date',
    });
  });
});
