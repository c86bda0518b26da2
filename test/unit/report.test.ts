/**
 * CPQM_REPORT against an independent computation on random raw tables: the
 * report groups with maps in one pass; the reference below filters the rows
 * once per channel and period and adds them up, the slow and obvious way.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { type Period, periodLabel } from '../../src/metrics/period';
import { useCalendar } from '../../src/sheets/dates';
import { sheetsDate, ZONES, zoneCalendar } from '../fakes/time-zones';

const REPORT = FUNCTIONS.CPQM_REPORT!;
afterEach(() => useCalendar(undefined));

const HEADER = [
  'Channel',
  'Spend',
  'Booked',
  'Held',
  'No-shows',
  'Qualified',
  'Show rate',
  'Qual rate',
  'Cost per meeting',
  'CPQM',
];
const col = (...values: unknown[]) => values.map((v) => [v]);

describe('CPQM_REPORT by example', () => {
  it('joins spend and meetings by channel, Σ ÷ Σ, with (no channel) and the total', () => {
    const out = REPORT(
      col('LinkedIn', 'Events', ' linkedin', 'Google Ads', ''),
      col(1000, 3000, '$500.50', 200, ''),
      col('LinkedIn', 'linkedin', 'Events', '', 'Webinar', 'Events'),
      col(
        'Qualified',
        'No show',
        'not qualified by role',
        'Qualified',
        'Qualified',
        'Rescheduled – pending',
      ),
    );
    expect(out).toEqual([
      HEADER,
      ['LinkedIn', 1500.5, 2, 1, 1, 1, 0.5, 1, 750.25, 1500.5],
      ['Events', 3000, 1, 1, 0, 0, 1, 0, 3000, '#DIV/0! qualified is 0'],
      [
        'Google Ads',
        200,
        0,
        0,
        0,
        0,
        '#DIV/0! booked is 0',
        '#DIV/0! held is 0',
        '#DIV/0! booked is 0',
        '#DIV/0! qualified is 0',
      ],
      ['(no channel)', 0, 1, 1, 0, 1, 1, 1, 0, 0],
      ['Webinar', 0, 1, 1, 0, 1, 1, 1, 0, 0],
      // Σ spend 4700.5 over Σ 3 qualified: spend on channels without a qualified meeting still counts.
      ['All channels', 4700.5, 5, 4, 1, 3, 0.8, 0.75, 940.1, 4700.5 / 3],
    ]);
  });

  it('by month: periods ascending within each channel, then All channels per period and overall', () => {
    const out = REPORT(
      col('Ads', 'Ads', 'Events'),
      col(100, 200, 300),
      col('Ads', 'Events', 'Ads'),
      col('Qualified', 'Qualified', 'No show'),
      col(46082, 46054, 46054), // 2026-03-01, 2026-02-01, 2026-02-01 as serial numbers
      col(46054, 46060, 46083),
      'month',
    ) as unknown[][];
    expect(out.map((r) => r.slice(0, 3))).toEqual([
      ['Channel', 'Period', 'Spend'],
      ['Ads', '2026-02', 200],
      ['Ads', '2026-03', 100],
      ['Events', '2026-02', 300],
      ['All channels', '2026-02', 500],
      ['All channels', '2026-03', 100],
      ['All channels', 'All', 600],
    ]);
    // March: one no-show and no held meeting, so its rates have nothing to divide by.
    expect(out[5]!.slice(2)).toEqual([
      100,
      1,
      0,
      1,
      0,
      0,
      '#DIV/0! held is 0',
      100,
      '#DIV/0! qualified is 0',
    ]);
  });

  it('labels weeks, quarters and years', () => {
    const d = (year: number, month: number, day: number) => ({ year, month, day });
    expect(periodLabel('week', d(2026, 1, 1))).toBe('2026-W01');
    expect(periodLabel('week', d(2027, 1, 1))).toBe('2026-W53');
    expect(periodLabel('week', d(2024, 12, 30))).toBe('2025-W01');
    expect(periodLabel('week', d(2026, 1, 5))).toBe('2026-W02');
    expect(periodLabel('quarter', d(2026, 4, 1))).toBe('2026-Q2');
    expect(periodLabel('year', d(2026, 12, 31))).toBe('2026');
    expect(periodLabel('month', d(2026, 9, 30))).toBe('2026-09');
  });

  it('refuses an export totals row by its row number, so it is never counted twice', () => {
    for (const total of ['Total', 'Total:', 'Totals', 'Total: All campaigns', 'grand total']) {
      expect(() => REPORT(col('Ads', total), col(10, 10), col('Ads'), col('Qualified'))).toThrow(
        `CPQM_REPORT: spend row 2: spendChannels ${JSON.stringify(total)} looks like an export's totals row, end the range above it`,
      );
    }
    expect(REPORT(col('Total Recall'), col(10), col(''), col(''))).not.toBe('');
  });

  it('names the row of spend without a channel, a channel without spend, and a bad amount', () => {
    expect(() => REPORT(col('Ads', ''), col(10, 5), col('Ads'), col('Qualified'))).toThrow(
      /^CPQM_REPORT: spend row 2: spendChannels is blank beside spend 5/,
    );
    expect(() => REPORT(col('Ads', 'Events'), col(10, ''), col('Ads'), col('Qualified'))).toThrow(
      /^CPQM_REPORT: spend row 2: spend is blank for channel "Events"/,
    );
    expect(() =>
      REPORT(col('Ads', 'Events'), col(10, '1,204'), col('Ads'), col('Qualified')),
    ).toThrow(/^CPQM_REPORT: spend row 2: spend "1,204" could be 1204 or 1.204/);
    expect(() => REPORT(col('Ads'), col(-10), col('Ads'), col('Qualified'))).toThrow(
      /spend row 1: spend -10 is negative/,
    );
  });

  it('names the row of an unknown outcome, and skips blank outcomes', () => {
    expect(() =>
      REPORT(col('Ads'), col(10), col('Ads', 'Ads'), col('Qualified', 'Demo booked')),
    ).toThrow(
      /^CPQM_REPORT: meetings row 2: outcomes "Demo booked" is not one of the accepted labels/,
    );
    const out = REPORT(col('Ads'), col(10), col('Ads', 'Ads'), col('Qualified', '')) as unknown[][];
    expect(out[1]![2]).toBe(1);
  });

  it('needs the dates of every row for a period, and refuses an unknown period', () => {
    expect(() =>
      REPORT(col('Ads'), col(10), col('Ads'), col('Qualified'), '', '', 'month'),
    ).toThrow('CPQM_REPORT: a month report needs spendDates and meetingDates');
    expect(() =>
      REPORT(
        col('Ads', 'Ads'),
        col(10, 5),
        col('Ads'),
        col('Qualified'),
        col(46054, ''),
        col(46054),
        'month',
      ),
    ).toThrow(/^CPQM_REPORT: spend row 2: spendDates is blank/);
    expect(() =>
      REPORT(col('Ads'), col(10), col('Ads'), col('Qualified'), col(46054), col('soon'), 'week'),
    ).toThrow(/^CPQM_REPORT: meetings row 1: meetingDates "soon" is not a date/);
    expect(() =>
      REPORT(col('Ads'), col(10), col('Ads'), col('Qualified'), col(1), col(1), 'fortnight'),
    ).toThrow(/period "fortnight" is not a period; use one of: week, month, quarter, year/);
    // A blank period is no period: dates are not needed then.
    expect(
      (REPORT(col('Ads'), col(10), col('Ads'), col('Qualified'), '', '', '') as unknown[][])[0],
    ).toEqual(HEADER);
  });

  it('refuses tables whose columns differ in size, naming both', () => {
    expect(() => REPORT(col('Ads', 'Events'), col(10), col('Ads'), col('Qualified'))).toThrow(
      'CPQM_REPORT: spendChannels is 2×1 but spend is 1×1',
    );
    expect(() => REPORT(col('Ads'), col(10), col('Ads', 'Ads'), col('Qualified'))).toThrow(
      /meetingChannels is 2×1 but outcomes is 1×1/,
    );
  });

  it('skips thousands of blank rows of open columns', () => {
    const blanks = Array.from({ length: 5000 }, () => ['']);
    const out = REPORT(
      [['Ads'], ...blanks],
      [[10], ...blanks],
      [['Ads'], ...blanks],
      [['Qualified'], ...blanks],
    ) as unknown[][];
    expect(out).toHaveLength(3);
    expect(out[2]).toEqual(['All channels', 10, 1, 1, 0, 1, 1, 1, 10, 10]);
  });

  it('gives blank for blank tables', () => {
    expect(REPORT(col(''), col(''), col(''), col(''))).toBe('');
  });

  it.each(ZONES)('puts dates as Sheets passes them in %s on their own month', (zone) => {
    useCalendar(zoneCalendar(zone));
    // Midnight of 1 March in the sheet's zone is still February in UTC west of it, March east of it.
    const out = REPORT(
      col('Ads', 'Ads'),
      col(10, 20),
      col('Ads'),
      col('Qualified'),
      col(sheetsDate(zone, 2026, 3, 1), sheetsDate(zone, 2026, 2, 28)),
      col(sheetsDate(zone, 2026, 3, 31)),
      'month',
    ) as unknown[][];
    expect(out.slice(1, 3).map((r) => [r[1], r[2], r[4]])).toEqual([
      ['2026-02', 20, 0],
      ['2026-03', 10, 1],
    ]);
  });
});

// ---- The independent computation ----

interface Raw {
  spend: { channel: string; amount: number; day: number }[];
  meetings: { channel: string; outcome: string; day: number }[];
}

const OUTCOME_OF: Record<string, 'q' | 'nq' | 'ns' | 'p'> = {
  Qualified: 'q',
  'Not qualified – company size': 'nq',
  'Not qualified – role': 'nq',
  'Not qualified – budget': 'nq',
  'No show': 'ns',
  'Rescheduled – pending': 'p',
};

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
const serialToDay = (serial: number) => {
  const d = new Date((serial - 25569) * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

function expected(raw: Raw, period: Period | undefined): unknown[][] {
  const label = (serial: number) => (period ? periodLabel(period, serialToDay(serial)) : '');
  const channelOf = (c: string) => (c.trim() === '' ? '(no channel)' : norm(c));
  const order: string[] = [];
  const names = new Map<string, string>();
  for (const r of raw.spend) {
    const k = channelOf(r.channel);
    if (!names.has(k)) {
      names.set(k, r.channel.trim().replace(/\s+/g, ' '));
      order.push(k);
    }
  }
  for (const m of raw.meetings) {
    const k = channelOf(m.channel);
    if (!names.has(k)) {
      names.set(k, k === '(no channel)' ? k : m.channel.trim().replace(/\s+/g, ' '));
      order.push(k);
    }
  }
  const row = (spendRows: Raw['spend'], meetingRows: Raw['meetings']) => {
    const spend = spendRows.reduce((s, r) => s + r.amount, 0);
    const count = (o: string) => meetingRows.filter((m) => OUTCOME_OF[m.outcome] === o).length;
    const held = count('q') + count('nq');
    const noShows = count('ns');
    const booked = held + noShows;
    const q = count('q');
    const div = (a: number, b: number, name: string) => (b === 0 ? `#DIV/0! ${name} is 0` : a / b);
    return [
      spend,
      booked,
      held,
      noShows,
      q,
      div(held, booked, 'booked'),
      div(q, held, 'held'),
      div(spend, booked, 'booked'),
      div(spend, q, 'qualified'),
    ];
  };
  const out: unknown[][] = [period ? ['Channel', 'Period', ...HEADER.slice(1)] : HEADER];
  for (const k of order) {
    const s = raw.spend.filter((r) => channelOf(r.channel) === k);
    const m = raw.meetings.filter((r) => channelOf(r.channel) === k);
    const labels = [
      ...new Set([...s.map((r) => label(r.day)), ...m.map((r) => label(r.day))]),
    ].sort();
    for (const l of labels) {
      const cells = row(
        s.filter((r) => label(r.day) === l),
        m.filter((r) => label(r.day) === l),
      );
      out.push(period ? [names.get(k), l, ...cells] : [names.get(k), ...cells]);
    }
  }
  if (period) {
    const labels = [
      ...new Set([...raw.spend.map((r) => label(r.day)), ...raw.meetings.map((r) => label(r.day))]),
    ].sort();
    for (const l of labels) {
      out.push([
        'All channels',
        l,
        ...row(
          raw.spend.filter((r) => label(r.day) === l),
          raw.meetings.filter((r) => label(r.day) === l),
        ),
      ]);
    }
    out.push(['All channels', 'All', ...row(raw.spend, raw.meetings)]);
  } else out.push(['All channels', ...row(raw.spend, raw.meetings)]);
  return out;
}

/** Channel spellings that collide by case and spacing, as exports and CRMs write them. */
const channelArb = fc.constantFrom(
  'LinkedIn',
  'linkedin',
  ' LinkedIn ',
  'Google Ads',
  'google  ads',
  'Events',
  'Meta',
);
const dayArb = fc.integer({ min: 45_000, max: 46_500 });

const rawArb: fc.Arbitrary<Raw> = fc.record({
  spend: fc.array(
    fc.record({
      channel: channelArb,
      amount: fc.oneof(
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
      ),
      day: dayArb,
    }),
    { maxLength: 30 },
  ),
  meetings: fc.array(
    fc.record({
      channel: fc.oneof(channelArb, fc.constant(''), fc.constant('Webinar')),
      outcome: fc.constantFrom(...Object.keys(OUTCOME_OF)),
      day: dayArb,
    }),
    { maxLength: 30 },
  ),
});

/** How an amount may arrive: a number, or text as a connector writes it. */
function asCell(amount: number, style: number): unknown {
  if (style === 0 || !Number.isInteger(amount)) return amount;
  if (style === 1) return `$${amount.toLocaleString('en-US')}.00`;
  return `USD ${amount}`;
}

function closeTo(actual: unknown, wanted: unknown): boolean {
  if (typeof actual === 'number' && typeof wanted === 'number') {
    return Math.abs(actual - wanted) <= 1e-9 * Math.max(1, Math.abs(wanted));
  }
  return actual === wanted;
}

describe('CPQM_REPORT against the independent computation', () => {
  it('agrees on random raw tables, every period, amounts as numbers or text', () => {
    fc.assert(
      fc.property(
        rawArb,
        fc.constantFrom<Period | undefined>(undefined, 'week', 'month', 'quarter', 'year'),
        fc.integer({ min: 0, max: 2 }),
        fc.nat({ max: 5 }),
        (raw, period, style, blanks) => {
          const pad = (rows: unknown[][]) => [
            ...rows,
            ...Array.from({ length: blanks }, () => ['']),
          ];
          const args: unknown[] = [
            pad(raw.spend.map((r) => [r.channel])),
            pad(raw.spend.map((r) => [asCell(r.amount, style)])),
            pad(raw.meetings.map((m) => [m.channel])),
            pad(raw.meetings.map((m) => [m.outcome])),
          ];
          if (period) {
            args.push(
              pad(raw.spend.map((r) => [r.day])),
              pad(raw.meetings.map((m) => [m.day])),
              period,
            );
          }
          // An empty table is a 0×1 range; Sheets never passes one, so give one blank row.
          const safe = args.map((a) => (Array.isArray(a) && a.length === 0 ? [['']] : a));
          const got = REPORT(...safe);
          if (raw.spend.length === 0 && raw.meetings.length === 0) {
            expect(got).toBe('');
            return;
          }
          const want = expected(raw, period);
          const rows = got as unknown[][];
          expect(rows.length).toBe(want.length);
          rows.forEach((r, i) => {
            expect(r.length).toBe(want[i]!.length);
            r.forEach((cell, j) => {
              expect(
                closeTo(cell, want[i]![j]),
                `row ${i} col ${j}: ${cell} vs ${want[i]![j]}`,
              ).toBe(true);
            });
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the total is Σ spend ÷ Σ qualified, never the average of the channels’ CPQMs', () => {
    fc.assert(
      fc.property(rawArb, (raw) => {
        fc.pre(raw.spend.length > 0);
        const got = REPORT(
          raw.spend.map((r) => [r.channel]),
          raw.spend.map((r) => [r.amount]),
          raw.meetings.length ? raw.meetings.map((m) => [m.channel]) : [['']],
          raw.meetings.length ? raw.meetings.map((m) => [m.outcome]) : [['']],
        ) as unknown[][];
        const total = got[got.length - 1]!;
        const spend = raw.spend.reduce((s, r) => s + r.amount, 0);
        const qualified = raw.meetings.filter((m) => m.outcome === 'Qualified').length;
        expect(closeTo(total[1], spend)).toBe(true);
        expect(total[9]).toEqual(
          qualified === 0 ? '#DIV/0! qualified is 0' : expect.closeTo(spend / qualified, 6),
        );
      }),
    );
  });
});
