/**
 * Listing the values a report cannot read by itself, from the tables the
 * user picked: outcome labels that are not one of the six and the campaigns
 * of campaign columns, most frequent first, bounded, each once.
 */
import { describe, expect, it } from 'vitest';
import { listMeanings, type MappedTables, MEANING_LIMITS } from '../../src/addon/meanings';
import type { MeetingField, SheetColumns } from '../../src/addon/settings';
import type { SheetInfo } from '../../src/workbook/workbook';

type Rows = unknown[][];

/** Sheets as the workbook gives them: headers from row 1, columns read below it. */
function workbook(sheets: Record<string, Rows>) {
  const info: SheetInfo[] = Object.entries(sheets).map(([name, rows]) => ({
    name,
    headers: (rows[0] ?? []).map(String),
    dataRows: rows.length - 1,
  }));
  const reads: string[] = [];
  const read = (sheet: string, col: number) => {
    reads.push(`${sheet}:${col}`);
    return (sheets[sheet] ?? []).slice(1).map((r) => r[col] ?? '');
  };
  return { info, read, reads };
}

const times = (n: number, row: unknown[]): Rows => Array.from({ length: n }, () => [...row]);

const SHEETS: Record<string, Rows> = {
  'Google Ads': [
    ['Day', 'Campaign', 'Impr.', 'Cost'],
    ...times(3, [46027, 'Brand – Search UK', 10, 5]),
    ...times(2, [46027, 'YouTube – Launch', 10, 5]),
    // Another spelling of the same campaign is the same campaign.
    [46028, ' brand  – search uk', 10, 5],
  ],
  LinkedIn: [
    ['Start Date (in UTC)', 'Campaign Name', 'Total Spent'],
    [46027, 'ABM', '$1.00'],
  ],
  CRM: [
    ['Meeting date', 'Source', 'Meeting outcome'],
    ...times(4, [46027, 'Paid Search', 'Qualified']),
    ...times(3, [46027, 'Paid Social', 'Completed']),
    ...times(2, [46027, 'Referrals', 'Canceled']),
    [46027, 'Referrals', 'no-show'],
    [46027, 'Referrals', ''],
    [46027, 'Referrals', 7],
  ],
};

const RAW: MappedTables = {
  raw: {
    spend: [
      {
        sheet: 'Google Ads',
        columns: { channel: 'Campaign', spend: 'Cost', date: '' },
        fixedChannel: '',
      },
      {
        sheet: 'LinkedIn',
        columns: { channel: '', spend: 'Total Spent', date: '' },
        fixedChannel: 'LinkedIn',
      },
    ],
    meetings: {
      sheet: 'CRM',
      columns: { channel: 'Source', outcome: 'Meeting outcome', date: '' },
    },
    period: null,
  },
  meetingLog: null,
};

/** The report's tables with one ad export, sheet "Ads", whose channel is read from `channel`. */
function oneExport(channel: string, meetings: SheetColumns<MeetingField>): MappedTables {
  return {
    raw: {
      spend: [{ sheet: 'Ads', columns: { channel, spend: 'Cost', date: '' }, fixedChannel: '' }],
      meetings,
      period: null,
    },
    meetingLog: null,
  };
}

describe('listMeanings', () => {
  it('lists unread outcome labels and campaigns, most frequent first, with suggestions', () => {
    const { info, read } = workbook(SHEETS);
    const { rows, channels } = listMeanings(RAW, info, read);
    expect(rows.map(({ field, value, count, means }) => ({ field, value, count, means }))).toEqual([
      { field: 'outcome', value: 'Completed', count: 3, means: '' },
      { field: 'outcome', value: 'Canceled', count: 2, means: 'Ignore' },
      { field: 'channel', value: 'Brand – Search UK', count: 4, means: 'Paid Search' },
      { field: 'channel', value: 'YouTube – Launch', count: 2, means: 'Video' },
    ]);
    // The channels the data spells out: the fixed one and the meetings' sources.
    expect(channels).toEqual(['LinkedIn', 'Paid Search', 'Paid Social', 'Referrals']);
  });

  it('does not list a sheet that is one channel, nor a channel column, and says when nothing needs a meaning', () => {
    const { info, read, reads } = workbook({
      Ads: [
        ['Day', 'Channel', 'Cost'],
        [46027, 'Brand – Search UK', 5],
      ],
      CRM: [
        ['Source', 'Outcome'],
        ['Paid Search', 'Qualified'],
      ],
    });
    const tables = oneExport('Channel', {
      sheet: 'CRM',
      columns: { channel: 'Source', outcome: 'Outcome', date: '' },
    });
    const { rows, notes } = listMeanings(tables, info, read);
    expect(rows).toEqual([]);
    expect(notes.join(' ')).toMatch(/nothing to map/);
    // Costs are never read to list meanings.
    expect(reads).not.toContain('Ads:2');
  });

  it('lists a meeting log’s labels once when it is also the report’s meetings sheet', () => {
    const { info, read } = workbook(SHEETS);
    const raw = RAW.raw;
    const { rows } = listMeanings({ raw, meetingLog: raw && { ...raw.meetings } }, info, read);
    expect(rows.filter((r) => r.value === 'Completed')).toHaveLength(1);
  });

  it(`shows at most ${MEANING_LIMITS.valuesShown} values of a column and says how many it left out`, () => {
    const many = Array.from({ length: MEANING_LIMITS.valuesShown + 5 }, (_, k) => [
      46027,
      `Campaign ${k + 1}`,
      1,
    ]);
    // Campaign 45 is the most frequent: it is shown first.
    many.push([46028, `Campaign ${MEANING_LIMITS.valuesShown + 5}`, 1]);
    const { info, read } = workbook({ Ads: [['Day', 'Campaign', 'Cost'], ...many] });
    const tables = oneExport('Campaign', {
      sheet: 'Ads',
      columns: { channel: '', outcome: 'Day', date: '' },
    });
    const { rows, notes } = listMeanings(tables, info, read);
    const campaigns = rows.filter((r) => r.field === 'channel');
    expect(campaigns).toHaveLength(MEANING_LIMITS.valuesShown);
    expect(campaigns[0]).toMatchObject({ value: 'Campaign 45', count: 2 });
    expect(notes).toContain(
      `Showing the 40 most frequent of 45 campaigns in column “Campaign” of “Ads”; add the others to the mapping table on the Definitions tab.`,
    );
  });

  it(`reads at most ${MEANING_LIMITS.rowsRead} rows of a column, and says so`, () => {
    const rows: Rows = [['Outcome']];
    for (let k = 0; k < MEANING_LIMITS.rowsRead; k++) rows.push(['Qualified']);
    rows.push(['Completed']);
    const { info, read } = workbook({ Log: rows });
    const { rows: listed, notes } = listMeanings(
      {
        raw: null,
        meetingLog: { sheet: 'Log', columns: { channel: '', outcome: 'Outcome', date: '' } },
      },
      info,
      read,
    );
    expect(listed).toEqual([]);
    expect(notes.join(' ')).toContain('Read the first 50,000 rows of column “Outcome” of “Log”.');
  });
});
