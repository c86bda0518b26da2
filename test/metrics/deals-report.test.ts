/**
 * DEALS_REPORT: both views against a filter-per-group computation on random
 * deals exports (open deals, text amounts, blank sources, spend-only and
 * deal-only channels, a mapped stage), and the problems it names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import type { Period } from '../../src/metrics/period';
import { currencyOf } from '../../src/sheets/number-text';
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

const DEALS = FUNCTIONS.DEALS_REPORT!;
const col = (...values: unknown[]) => values.map((v) => [v]);

/** Each status as a CRM exports it, and what it means, worked out by hand. */
const STATUS: [unknown, 'won' | 'lost' | 'open'][] = [
  ['Closed Won', 'won'],
  ['closedwon', 'won'],
  ['won', 'won'],
  [true, 'won'],
  ['Closed Lost', 'lost'],
  ['lost', 'lost'],
  ['Appointment scheduled', 'open'],
  ['Contract sent', 'open'],
  ['', 'open'],
];

interface Deal {
  channel: string;
  amount: number;
  text: boolean;
  created: number;
  closed: number | '';
  status: number;
  signed: boolean;
}

interface Export {
  spend: { channel: string; amount: number; day: number }[];
  deals: Deal[];
  /** Whether the mapping row `deal status, Signed, Won` is passed. */
  mapped: boolean;
}

const dayArb = fc.integer({ min: 45_600, max: 46_100 });
const exportArb: fc.Arbitrary<Export> = fc.record({
  spend: fc.array(
    fc.record({
      channel: fc.constantFrom('LinkedIn', 'Google Ads', 'Webinar'),
      amount: fc.integer({ min: 0, max: 5000 }),
      day: dayArb,
    }),
    { maxLength: 12 },
  ),
  deals: fc.array(
    fc.record({
      channel: fc.constantFrom('LinkedIn', ' linkedin', 'Events', 'Meta', ''),
      amount: fc.integer({ min: 0, max: 90_000 }),
      text: fc.boolean(),
      created: dayArb,
      closed: fc.oneof(dayArb, fc.constant('' as const)),
      status: fc.integer({ min: 0, max: STATUS.length - 1 }),
      signed: fc.boolean(),
    }),
    { maxLength: 20 },
  ),
  mapped: fc.boolean(),
});

/** What a deal means: Signed is won only with the mapping row, open without it. */
function meaning(d: Deal, mapped: boolean): 'won' | 'lost' | 'open' {
  if (d.signed) return mapped ? 'won' : 'open';
  return STATUS[d.status]![1];
}

/** Won and lost deals need a close date: the generator gives one where the status needs it. */
function closedOf(d: Deal, mapped: boolean): number | '' {
  return meaning(d, mapped) !== 'open' && d.closed === '' ? d.created + 7 : d.closed;
}

function expected(x: Export, period: Period | undefined, view: 'activity' | 'cohort'): unknown[][] {
  const label = labelOf(period);
  const shown = (c: string) => (c.trim() === '' ? '(no channel)' : tidy(c));
  const contributions: Contribution[] = x.spend.map((r) => ({
    channel: shown(r.channel),
    label: label(r.day),
    col: 0,
    amount: r.amount,
  }));
  for (const d of x.deals) {
    const m = meaning(d, x.mapped);
    const at = (col: number, amount: number, day: number) =>
      contributions.push({ channel: shown(d.channel), label: label(day), col, amount });
    at(1, 1, d.created);
    at(2, d.amount, d.created);
    if (m === 'open') at(5, 1, d.created);
    const closedDay = view === 'cohort' ? d.created : (closedOf(d, x.mapped) as number);
    if (m === 'won') {
      at(3, 1, closedDay);
      at(6, d.amount, closedDay);
    }
    if (m === 'lost') at(4, 1, closedDay);
  }
  const columns = [
    'Spend',
    'Opportunities',
    'Pipeline',
    'Cost per opportunity',
    'Pipeline per spend',
    'Won',
    'Lost',
    'Open',
    'Revenue',
    'Win rate',
    'Average deal',
    'CAC',
    'ROAS',
  ];
  const header = period ? ['Channel', 'Period', ...columns] : ['Channel', ...columns];
  return expectedTable(header, contributions, 7, period !== undefined, (t) => {
    const [spend, opps, pipeline, won, lost, open, revenue] = t as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    return [
      spend,
      opps,
      pipeline,
      div(spend, opps, 'opportunities'),
      div(pipeline, spend, 'spend'),
      won,
      lost,
      open,
      revenue,
      div(won, won + lost, 'won + lost'),
      div(revenue, won, 'won'),
      div(spend, won, 'won'),
      div(revenue, spend, 'spend'),
    ];
  });
}

function call(x: Export, period: Period | undefined, view: string, style: number): unknown {
  const spendCol = (f: (r: Export['spend'][number]) => unknown) =>
    x.spend.length ? x.spend.map((r) => [f(r)]) : [['']];
  const dealCol = (f: (d: Deal) => unknown) =>
    x.deals.length ? x.deals.map((d) => [f(d)]) : [['']];
  return DEALS(
    spendCol((r) => r.channel),
    spendCol((r) => r.amount),
    dealCol((d) => d.channel),
    dealCol((d) => (d.text ? `$${d.amount.toLocaleString('en-US')}.00` : d.amount)),
    dealCol((d) => dateCell(d.created, style)),
    dealCol((d) => {
      const c = closedOf(d, x.mapped);
      return c === '' ? '' : dateCell(c, style);
    }),
    dealCol((d) => (d.signed ? 'Signed' : STATUS[d.status]![0])),
    period ? spendCol((r) => r.day) : '',
    period ?? '',
    view,
    x.mapped ? [['deal status', 'Signed', 'Won']] : '',
  );
}

describe('DEALS_REPORT against a filter-per-group computation', () => {
  it('agrees in both views and every period, amounts as numbers or text', () => {
    fc.assert(
      fc.property(
        exportArb,
        fc.constantFrom<Period | undefined>(undefined, 'week', 'month', 'quarter', 'year'),
        fc.constantFrom('activity', 'cohort'),
        fc.integer({ min: 0, max: 2 }),
        (x, period, view, style) => {
          const got = call(x, period, view, style);
          if (x.spend.length === 0 && x.deals.length === 0) {
            expect(got).toBe('');
            return;
          }
          expect(sameTable(got, expected(x, period, view as 'activity'))).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same table in both views without a period', () => {
    fc.assert(
      fc.property(exportArb, (x) => {
        expect(call(x, undefined, 'cohort', 1)).toEqual(call(x, undefined, 'activity', 1));
      }),
      { numRuns: 100 },
    );
  });
});

describe('DEALS_REPORT problems', () => {
  const spend = [col('Ads'), col(100)];

  it('refuses FALSE, which cannot tell a lost deal from an open one, naming the row', () => {
    expect(() =>
      DEALS(
        ...spend,
        col('Ads', 'Ads'),
        col(10, 20),
        col(46054, 46054),
        col(46060, 46060),
        col(true, false),
      ),
    ).toThrow(
      'DEALS_REPORT: row 2 of the deals range: status FALSE cannot tell a lost deal from an open one, pass the deal stage column instead of a Won or Is Closed Won column (#VALUE!)',
    );
  });

  it('names the row of a won or lost deal without a close date; an open one needs none', () => {
    expect(() =>
      DEALS(
        ...spend,
        col('Ads', 'Ads'),
        col(10, 20),
        col(46054, 46054),
        col('', ''),
        col('open', 'Closed Lost'),
      ),
    ).toThrow(
      /^DEALS_REPORT: row 2 of the deals range: closed is blank for a lost deal, fill in its close date/,
    );
  });

  it('refuses two currencies, naming a row of each', () => {
    expect(() =>
      DEALS(
        ...spend,
        col('Ads', 'Ads', 'Ads'),
        col('EUR 12,000', 5000, 'USD 900'),
        col(46054, 46054, 46054),
        col('', '', ''),
        col('', '', ''),
      ),
    ).toThrow(
      'DEALS_REPORT: amounts are in two currencies: row 1 of the deals range is in EUR and row 3 of the deals range in USD; amounts in different currencies are never added, so pass them in one currency (the company-currency amount column the CRM exports)',
    );
    expect(currencyOf('1.204,50 €')).toBe('EUR');
    expect(currencyOf('£950')).toBe('GBP');
    expect(currencyOf(950)).toBeUndefined();
    expect(currencyOf('$950')).toBe('USD');
  });

  it('names a deal without an amount', () => {
    const e = thrown(() =>
      DEALS(...spend, col('Ads'), col(''), col(46054), col(''), col('open')),
    ) as Error;
    expect(e.message).toBe(
      'DEALS_REPORT: row 1 of the deals range: amounts is blank, fill in the deal amount (0 if none), or clear the row (#VALUE!)',
    );
  });
});

describe('DEALS_REPORT dates in every view', () => {
  it('refuses a close or create date that is not a date whether or not the view labels it', () => {
    for (const [period, view] of [
      ['', 'activity'],
      ['', 'cohort'],
      ['month', 'activity'],
      ['month', 'cohort'],
    ]) {
      expect(
        () =>
          DEALS(
            col('Ads'),
            col(1),
            col('Ads'),
            col(5),
            col(46054),
            col('soon'),
            col('won'),
            col(46054),
            period,
            view,
          ),
        `${period} ${view}`,
      ).toThrow(/^DEALS_REPORT: row 1 of the deals range: closed "soon" is not a date/);
      expect(
        () =>
          DEALS(
            col('Ads'),
            col(1),
            col('Ads'),
            col(5),
            col('later'),
            col(''),
            col('open'),
            col(46054),
            period,
            view,
          ),
        `${period} ${view}`,
      ).toThrow(/^DEALS_REPORT: row 1 of the deals range: created "later" is not a date/);
    }
  });
});
