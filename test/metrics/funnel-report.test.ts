/**
 * FUNNEL_REPORT: stage names from export headers, reached-or-beyond, both
 * views against a filter-per-group computation on random CRM tables, and
 * the problems it names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { stageName } from '../../src/metrics/funnel-stages';
import type { Period } from '../../src/metrics/period';
import { thrown } from '../unit/throws';
import {
  type Contribution,
  dateCell,
  div,
  expectedTable,
  labelOf,
  sameTable,
  tidy,
} from './crm-tables';

const FUNNEL = FUNCTIONS.FUNNEL_REPORT!;
const col = (...values: unknown[]) => values.map((v) => [v]);

describe('stage names from export headers', () => {
  it('read HubSpot’s old and new date headers and Salesforce’s', () => {
    expect(stageName('Became a Marketing Qualified Lead Date')).toBe('Marketing Qualified Lead');
    expect(stageName('Date entered "Marketing Qualified Lead (Lifecycle Stage Pipeline)"')).toBe(
      'Marketing Qualified Lead',
    );
    expect(stageName('Became an Opportunity Date')).toBe('Opportunity');
    expect(stageName('Became a Lead Date')).toBe('Lead');
    expect(stageName('Create Date')).toBe('Created');
    expect(stageName('Created Date')).toBe('Created');
    expect(stageName('  Demo   booked ')).toBe('Demo booked');
  });
});

const HEADERS = [
  ['Create Date', 'Created'],
  ['Became a Lead Date', 'Lead'],
  ['Became a Marketing Qualified Lead Date', 'Marketing Qualified Lead'],
  ['Date entered "Sales Qualified Lead (Lifecycle Stage Pipeline)"', 'Sales Qualified Lead'],
  ['Became an Opportunity Date', 'Opportunity'],
  ['Became a Customer Date', 'Customer'],
] as const;

interface Crm {
  stages: number;
  spend: { channel: string; amount: number; day: number }[];
  records: { channel: string; dates: (number | '')[] }[];
  mapping: string[][];
}

const channelArb = fc.constantFrom('LinkedIn', 'linkedin ', 'Google Ads', 'Events', 'Meta');
const dayArb = fc.integer({ min: 45_600, max: 46_100 });
const crmArb: fc.Arbitrary<Crm> = fc.integer({ min: 1, max: 6 }).chain((stages) =>
  fc.record({
    stages: fc.constant(stages),
    spend: fc.array(
      fc.record({
        channel: fc.constantFrom('LinkedIn', 'Google Ads', 'Webinar', 'Brand – Search UK'),
        amount: fc.integer({ min: 0, max: 5000 }),
        day: dayArb,
      }),
      { maxLength: 15 },
    ),
    records: fc.array(
      fc.record({
        channel: fc.oneof(channelArb, fc.constant('')),
        // Skipped stages, records that reached nothing, dates out of order.
        dates: fc.array(fc.oneof(dayArb, fc.constant('' as const)), {
          minLength: stages,
          maxLength: stages,
        }),
      }),
      { maxLength: 25 },
    ),
    mapping: fc.constantFrom<string[][]>(
      [],
      [['channel', 'Brand*', 'Google Ads']],
      [
        ['channel', '*in*', 'Social'],
        ['channel', 'Events', 'Field'],
      ],
    ),
  }),
);

function mapped(rows: string[][], text: string): string | undefined {
  for (const [, value, means] of rows) {
    const source = tidy(value!)
      .toLowerCase()
      .split('*')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    if (new RegExp(`^${source}$`).test(tidy(text).toLowerCase())) return means;
  }
  return undefined;
}

function expected(crm: Crm, period: Period | undefined, view: 'activity' | 'cohort'): unknown[][] {
  const label = labelOf(period);
  const names = HEADERS.slice(0, crm.stages).map(([, name]) => name);
  const shown = (c: string) =>
    c.trim() === '' ? '(no channel)' : tidy(mapped(crm.mapping, c) ?? c);
  const contributions: Contribution[] = crm.spend.map((r) => ({
    channel: shown(r.channel),
    label: label(r.day),
    col: 0,
    amount: r.amount,
  }));
  for (const r of crm.records) {
    // The date each stage counts on: its own, or the next stage's the record reached.
    const reached = r.dates.map((_, s) => r.dates.slice(s).find((d) => d !== '') ?? '');
    if (reached[0] === '') continue;
    reached.forEach((d, s) => {
      if (d === '') return;
      contributions.push({
        channel: shown(r.channel),
        label: label(view === 'cohort' ? (reached[0] as number) : d),
        col: 1 + s,
        amount: 1,
      });
    });
  }
  const header = period ? ['Channel', 'Period', 'Spend'] : ['Channel', 'Spend'];
  names.forEach((n, s) => {
    header.push(n, `Cost per ${n}`);
    if (s > 0) header.push(`${names[s - 1]} → ${n}`);
  });
  return expectedTable(header, contributions, 1 + crm.stages, period !== undefined, (t) => {
    const cells: unknown[] = [t[0]];
    names.forEach((n, s) => {
      cells.push(t[1 + s], div(t[0]!, t[1 + s]!, n));
      if (s > 0) cells.push(div(t[1 + s]!, t[s]!, names[s - 1]!));
    });
    return cells;
  });
}

function call(crm: Crm, period: Period | undefined, view: string, style: number): unknown {
  const spendCol = (f: (r: Crm['spend'][number]) => unknown) =>
    crm.spend.length ? crm.spend.map((r) => [f(r)]) : [['']];
  const header = HEADERS.slice(0, crm.stages).map(([h]) => h);
  return FUNNEL(
    spendCol((r) => r.channel),
    spendCol((r) => r.amount),
    [['Original Source'], ...crm.records.map((r) => [r.channel])],
    [header, ...crm.records.map((r) => r.dates.map((d) => (d === '' ? '' : dateCell(d, style))))],
    period ? spendCol((r) => r.day) : '',
    period ?? '',
    view,
    crm.mapping.length ? crm.mapping : '',
  );
}

describe('FUNNEL_REPORT against a filter-per-group computation', () => {
  it('agrees in both views and every period, dates as serials or ISO text', () => {
    fc.assert(
      fc.property(
        crmArb,
        fc.constantFrom<Period | undefined>(undefined, 'week', 'month', 'quarter', 'year'),
        fc.constantFrom('activity', 'cohort'),
        fc.integer({ min: 0, max: 2 }),
        (crm, period, view, style) => {
          const problem = sameTable(
            call(crm, period, view, style),
            expected(crm, period, view as 'activity'),
          );
          expect(problem).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same table in both views without a period', () => {
    fc.assert(
      fc.property(crmArb, (crm) => {
        expect(call(crm, undefined, 'cohort', 0)).toEqual(call(crm, undefined, 'activity', 0));
      }),
      { numRuns: 100 },
    );
  });
});

describe('FUNNEL_REPORT by example', () => {
  const header = [['Create Date', 'Became a Lead Date']];

  it('counts by the date each stage was reached, or by the month records arrived', () => {
    const records = [
      ['2026-01-30', '2026-02-02'],
      ['2026-02-03', ''],
    ];
    const args = [
      col('Ads', 'Ads'),
      col(100, 50),
      col('Source', 'Ads', 'Ads'),
      [...header, ...records],
      col('2026-01-15', '2026-02-15'),
      'month',
    ];
    const activity = FUNNEL(...args, 'activity') as unknown[][];
    const cohort = FUNNEL(...args, 'cohort') as unknown[][];
    // January: one record created, none became a lead until February.
    expect(activity.slice(1, 3).map((r) => r.slice(0, 6))).toEqual([
      ['Ads', '2026-01', 100, 1, 100, 0],
      ['Ads', '2026-02', 50, 1, 50, 1],
    ]);
    // The January cohort's lead counts in January, however late it came.
    expect(cohort.slice(1, 3).map((r) => r.slice(0, 6))).toEqual([
      ['Ads', '2026-01', 100, 1, 100, 1],
      ['Ads', '2026-02', 50, 1, 50, 0],
    ]);
  });

  it('gives zeros and #DIV/0! texts for an empty contacts sheet, never an error', () => {
    expect(FUNNEL(col('Ads'), col(100), col('Source', ''), [...header, ['', '']])).toEqual([
      [
        'Channel',
        'Spend',
        'Created',
        'Cost per Created',
        'Lead',
        'Cost per Lead',
        'Created → Lead',
      ],
      ['Ads', 100, 0, '#DIV/0! Created is 0', 0, '#DIV/0! Lead is 0', '#DIV/0! Created is 0'],
      [
        'All channels',
        100,
        0,
        '#DIV/0! Created is 0',
        0,
        '#DIV/0! Lead is 0',
        '#DIV/0! Created is 0',
      ],
    ]);
  });

  it('names the row and stage of a cell that is not a date', () => {
    const e = thrown(() =>
      FUNNEL(col('Ads'), col(100), col('Source', 'Ads', 'Ads'), [
        ...header,
        ['2026-01-05', ''],
        ['2026-01-05', 'soon'],
      ]),
    ) as Error;
    expect(e.message).toBe(
      'FUNNEL_REPORT: row 3 of the records range: Lead "soon" is not a date, enter the date the record reached the stage (2026-01-05), or leave it blank (#VALUE!)',
    );
  });

  it('refuses a view that is not one, channels of another length, and a totals row', () => {
    expect(() =>
      FUNNEL(
        col('Ads'),
        col(1),
        col('S', 'Ads'),
        [...header, ['2026-01-05', '']],
        '',
        '',
        'weekly',
      ),
    ).toThrow(
      'FUNNEL_REPORT: view "weekly" is not a view; use activity or cohort, or leave it blank',
    );
    expect(() => FUNNEL(col('Ads'), col(1), col('S'), [...header, ['2026-01-05', '']])).toThrow(
      'FUNNEL_REPORT: channels is 1×1 but stages is 2×2',
    );
    expect(() =>
      FUNNEL(col('Ads'), col(1), col('S', 'Total'), [...header, ['2026-01-05', '']]),
    ).toThrow(
      /^FUNNEL_REPORT: row 2 of the records range: channels "Total" is an export's totals row/,
    );
  });
});

describe('FUNNEL_REPORT dates in every view', () => {
  it('refuses a stage cell that is not a date whether or not the view labels it', () => {
    const header = [['Create Date', 'Became a Lead Date']];
    for (const [period, view] of [
      ['', 'activity'],
      ['', 'cohort'],
      ['month', 'activity'],
      ['month', 'cohort'],
    ]) {
      expect(
        () =>
          FUNNEL(
            col('Ads'),
            col(1),
            col('S', 'Ads'),
            [...header, ['2026-01-05', 'soon']],
            col(46054),
            period,
            view,
          ),
        `${period} ${view}`,
      ).toThrow(/^FUNNEL_REPORT: row 2 of the records range: Lead "soon" is not a date/);
    }
  });
});

describe('FUNNEL_REPORT over open ranges of an empty sheet', () => {
  it('is blank when the contacts sheet holds nothing, and asks for the header row when it holds records only', () => {
    const blanks = Array.from({ length: 50 }, () => ['', '']);
    expect(
      FUNNEL(
        col('Ads'),
        col(100),
        blanks.map(() => ['']),
        blanks,
      ),
    ).toBe('');
    expect(() =>
      FUNNEL(col('Ads'), col(100), col('', 'Ads'), [
        ['', ''],
        ['2026-01-05', ''],
      ]),
    ).toThrow(
      "FUNNEL_REPORT: stages has no header row: start channels and stages at the export's header row",
    );
  });
});
