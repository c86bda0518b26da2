/**
 * What the chosen columns hold, read from the sheets: a column the user did
 * not mean as data gets a message in the user's words beside its field, and
 * the portable native style is refused where its built-in functions would
 * read costs written as text as 0 or could not apply mapping patterns. Every
 * problem comes back in one round.
 */
import { describe, expect, it } from 'vitest';
import type { FieldError, SheetInfo } from '../../src/addon/api';
import { defaultSettings, type Settings } from '../../src/addon/settings';
import { parseSettings } from '../../src/addon/validate';
import { CONTENT_LIMITS } from '../../src/addon/validate-contents';

type Rows = unknown[][];

const day = (d: number) => new Date(2026, 0, d);

function workbook(sheets: Record<string, Rows>) {
  const info: SheetInfo[] = Object.entries(sheets).map(([name, rows]) => ({
    name,
    headers: (rows[0] ?? []).map(String),
    dataRows: rows.length - 1,
  }));
  const read = (sheet: string, col: number) =>
    (sheets[sheet] ?? []).slice(1).map((r) => r[col] ?? '');
  return { info, read };
}

const ADS: Rows = [
  ['Day', 'Campaign', 'Network', 'Clicks', 'Cost'],
  [day(5), 'Brand – Search UK', 'Search', 120, 87.5],
  [day(5), 'Generic – Search DE', 'Search', 300, 120],
  [day(6), 'Brand – Search UK', 'Search', 90, 60.25],
  ['Total: All campaigns', '', '', 510, 267.75],
];
const CRM: Rows = [
  ['Meeting date', 'Source', 'Meeting outcome', 'Score'],
  [day(5), 'Paid Search', 'Qualified', 3],
  [day(6), 'Paid Search', 'No show', 1],
  [day(7), 'Referrals', 'Completed', 2],
];

function report(patch: (s: Settings) => void = () => {}): Settings {
  const s: Settings = {
    ...defaultSettings(),
    templates: ['channelReport'],
    raw: {
      spend: [
        {
          sheet: 'Ads',
          columns: { channel: 'Campaign', spend: 'Cost', date: 'Day' },
          fixedChannel: '',
        },
      ],
      meetings: {
        sheet: 'CRM',
        columns: { channel: 'Source', outcome: 'Meeting outcome', date: 'Meeting date' },
      },
      period: 'month',
    },
  };
  patch(s);
  return s;
}

function errors(s: Settings, sheets: Record<string, Rows> = { Ads: ADS, CRM }): FieldError[] {
  const { info, read } = workbook(sheets);
  const result = parseSettings(s, info, read);
  return result.ok ? [] : result.errors;
}

describe('what the chosen columns hold', () => {
  it('accepts real data, a totals row and an outcome a mapping row will name among it', () => {
    expect(errors(report())).toEqual([]);
  });

  it('says in words that a column holds numbers, text or dates, not what its field needs', () => {
    const got = errors(
      report((s) => {
        if (!s.raw) return;
        s.raw.spend[0]!.columns = { channel: 'Day', spend: 'Campaign', date: 'Network' };
        s.raw.meetings.columns.outcome = 'Score';
      }),
    );
    expect(got).toEqual([
      {
        field: 'raw.spend.0.columns.channel',
        message:
          'Column "Day" holds dates, not channels: pick the column with the channel, source or campaign.',
      },
      {
        field: 'raw.spend.0.columns.spend',
        message:
          'Column "Campaign" holds text such as "Brand – Search UK", not amounts: pick the column with the costs.',
      },
      {
        field: 'raw.spend.0.columns.date',
        message:
          'Column "Network" holds text such as "Search", not dates: pick the column with the day of each row.',
      },
      {
        field: 'raw.meetings.columns.outcome',
        message:
          'Column "Score" holds numbers, not outcomes: pick the column with the meeting outcomes.',
      },
    ]);
  });

  it('refuses a column of numbers picked as the dates, such as the clicks picked as the day', () => {
    const got = errors(
      report((s) => {
        if (!s.raw) return;
        s.raw.spend[0]!.columns.date = 'Clicks';
        s.raw.meetings.columns.date = 'Score';
      }),
    );
    expect(got).toEqual([
      {
        field: 'raw.spend.0.columns.date',
        message:
          'Column "Clicks" holds numbers, not dates: pick the column with the day of each row.',
      },
      {
        field: 'raw.meetings.columns.date',
        message:
          'Column "Score" holds numbers, not dates: pick the column with the day of each row.',
      },
    ]);
  });

  it('takes as dates what Sheets passes (Date objects), what other engines pass (serial days) and ISO text', () => {
    // 2026-01-05 and 2026-01-06 as serial days, with a meeting's time of day.
    const serial: Rows = ADS.map((r, k) =>
      k === 0 || k === 4 ? r : [46_027 + (k % 2), ...r.slice(1)],
    );
    const text: Rows = CRM.map((r, k) =>
      k === 0 ? r : [`2026-01-0${k + 4} 10:32`, ...r.slice(1)],
    );
    const timed: Rows = CRM.map((r, k) => (k === 0 ? r : [46_027.4375, ...r.slice(1)]));
    expect(errors(report(), { Ads: ADS, CRM })).toEqual([]);
    expect(errors(report(), { Ads: serial, CRM: text })).toEqual([]);
    expect(errors(report(), { Ads: serial, CRM: timed })).toEqual([]);
  });

  it('takes a serial day as a date from 1970-01-01 (25569) to 2099-12-31 (73050), no further', () => {
    const crmOn = (serial: number): Rows =>
      CRM.map((r, k) => (k === 0 ? r : [serial, ...r.slice(1)]));
    const refused = [
      {
        field: 'raw.meetings.columns.date',
        message:
          'Column "Meeting date" holds numbers, not dates: pick the column with the day of each row.',
      },
    ];
    expect(errors(report(), { Ads: ADS, CRM: crmOn(25_569) })).toEqual([]);
    expect(errors(report(), { Ads: ADS, CRM: crmOn(73_050.5) })).toEqual([]);
    expect(errors(report(), { Ads: ADS, CRM: crmOn(25_568) })).toEqual(refused);
    expect(errors(report(), { Ads: ADS, CRM: crmOn(73_051) })).toEqual(refused);
  });

  it('refuses a column of numbers picked as a deal date, with or without a period', () => {
    const DEALS: Rows = [
      ['Deal', 'Source', 'Amount', 'Probability', 'Created', 'Closed', 'Stage'],
      ['Acme', 'Paid Search', 12_000, 1, day(5), day(20), 'Closed won'],
      ['Beta', 'Referrals', 8_000, 0.4, day(6), '', 'Open'],
    ];
    const withDeals = (created: string) =>
      report((s) => {
        if (!s.raw) return;
        s.raw.period = null;
        s.raw.deals = {
          sheet: 'Deals',
          columns: {
            channel: 'Source',
            amount: 'Amount',
            created,
            closed: 'Closed',
            status: 'Stage',
            currency: '',
          },
        };
      });
    const sheets = { Ads: ADS, CRM, Deals: DEALS };
    expect(errors(withDeals('Created'), sheets)).toEqual([]);
    expect(errors(withDeals('Probability'), sheets)).toEqual([
      {
        field: 'raw.deals.columns.created',
        message:
          'Column "Probability" holds numbers, not dates: pick the column with the day of each row.',
      },
    ]);
  });

  it('refuses a contacts column of numbers picked as a stage date, and a date picked as the source', () => {
    const CONTACTS: Rows = [
      ['Record ID', 'Original Source', 'Create Date', 'Lead Score', 'Became a Customer Date'],
      [1, 'Paid Search', day(5), 40, ''],
      [2, 'Referrals', '2026-01-06 10:32', 85, day(30)],
      [3, 'Paid Search', day(7), 12, ''],
    ];
    const funnel = (channel: string, stages: string[]) =>
      report((s) => {
        s.templates = ['fullFunnel'];
        s.raw!.deals = {
          sheet: 'Deals',
          columns: {
            channel: 'Source',
            amount: 'Amount',
            created: 'Created',
            closed: 'Closed',
            status: 'Stage',
            currency: '',
          },
        };
        s.funnel = { contacts: { sheet: 'Contacts', channel, stages }, view: 'activity' };
      });
    const DEALS: Rows = [
      ['Source', 'Amount', 'Created', 'Closed', 'Stage'],
      ['Referrals', 8_000, day(20), day(30), 'Closed won'],
    ];
    const sheets = { Ads: ADS, CRM, Contacts: CONTACTS, Deals: DEALS };
    expect(
      errors(funnel('Original Source', ['Create Date', 'Became a Customer Date']), sheets),
    ).toEqual([]);
    expect(errors(funnel('Became a Customer Date', ['Create Date', 'Lead Score']), sheets)).toEqual(
      [
        {
          field: 'funnel.contacts.channel',
          message:
            'Column "Became a Customer Date" holds dates, not channels: pick the column with the channel, source or campaign.',
        },
        {
          field: 'funnel.contacts.stages.1',
          message:
            'Column "Lead Score" holds numbers, not dates: pick the column with the day each record reached the stage.',
        },
      ],
    );
  });

  it('checks the dates only when a period is asked', () => {
    const flat = report((s) => {
      if (!s.raw) return;
      s.raw.period = null;
      s.raw.spend[0]!.columns.date = 'Network';
    });
    expect(errors(flat)).toEqual([]);
  });

  it(`looks at the first ${CONTENT_LIMITS.sample} filled cells only`, () => {
    const rows: Rows = [['Day', 'Campaign', 'Cost']];
    for (let k = 0; k < CONTENT_LIMITS.sample; k++) rows.push([day(5), 'Brand', 10]);
    for (let k = 0; k < CONTENT_LIMITS.sample * 2; k++) rows.push([day(5), 'Brand', 'n/a']);
    expect(errors(report(), { Ads: rows, CRM })).toEqual([]);
  });

  it('gives these messages beside the ones about other steps, in one round', () => {
    const got = errors(
      report((s) => {
        s.stages[1]!.rate = 2;
        s.economics.dealSize = -1;
        if (s.raw) s.raw.meetings.columns.outcome = 'Score';
      }),
    );
    expect(got.map((e) => e.field)).toEqual([
      'stages.1.rate',
      'economics.dealSize',
      'raw.meetings.columns.outcome',
    ]);
  });

  it('reads nothing for a template not chosen', () => {
    const s = report((r) => {
      r.templates = ['funnelPlan'];
      if (r.raw) r.raw.meetings.columns.outcome = 'Score';
    });
    expect(errors(s)).toEqual([]);
  });
});

describe('the native style, where it cannot be honest', () => {
  const native = (patch: (s: Settings) => void = () => {}) =>
    report((s) => {
      s.formulaStyle = 'native';
      patch(s);
    });

  it('is refused for costs written as text, with the reason and what to do', () => {
    const text: Rows = ADS.map((r, k) => (k === 2 ? [...r.slice(0, 4), '$60.25'] : r));
    expect(errors(native(), { Ads: text, CRM })).toEqual([
      {
        field: 'formulaStyle',
        message:
          'Portable native formulas would count the costs in column "Cost" of "Ads" (such as "$60.25") as 0: they are written as text, and SUMIFS reads text as 0. Choose Funnel Math functions instead, or turn that column into numbers (select, then Format → Number) and choose again.',
      },
    ]);
    // Every sheet with text costs, and a mapping pattern too, in the one message beside the style.
    const both = native((s) => {
      s.raw?.spend.push({ ...s.raw.spend[0]!, sheet: 'More ads' });
      s.mapping = [{ field: 'channel', value: '*Search*', means: 'Paid search' }];
    });
    const [one, ...more] = errors(both, { Ads: text, 'More ads': text, CRM });
    expect(more).toEqual([]);
    expect(one?.message).toMatch(
      /^Portable native formulas would count the costs in column "Cost" of "Ads" \(such as "\$60.25"\) and column "Cost" of "More ads" \(such as "\$60.25"\) as 0: .* turn those columns into numbers .* Portable native formulas cannot apply the mapping table's patterns \(such as "\*Search\*"\)/,
    );
    // The add-on's functions read text costs: the same data is fine for them.
    expect(errors(report(), { Ads: text, CRM })).toEqual([]);
    expect(errors(native())).toEqual([]);
  });

  it('is refused for a mapping with patterns while a template reads the mapping', () => {
    const mapping = [{ field: 'channel' as const, value: 'Brand*', means: 'Paid search' }];
    expect(errors(native((s) => (s.mapping = mapping)))).toEqual([
      {
        field: 'formulaStyle',
        message:
          'Portable native formulas cannot apply the mapping table\'s patterns (such as "Brand*"): choose Funnel Math functions instead, or write each value out in full.',
      },
    ]);
    const noReader = native((s) => {
      s.mapping = mapping;
      s.templates = ['funnelPlan'];
    });
    expect(errors(noReader)).toEqual([]);
  });
});
