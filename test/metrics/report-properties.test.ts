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
const TREND = FUNCTIONS.CPQM_TREND!;
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
  'Pending',
  'Unrecognised',
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
      ['LinkedIn', 1500.5, 2, 1, 1, 1, 0.5, 1, 750.25, 1500.5, 0, 0],
      ['Events', 3000, 1, 1, 0, 0, 1, 0, 3000, '#DIV/0! qualified is 0', 1, 0],
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
        0,
        0,
      ],
      ['(no channel)', 0, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0],
      ['Webinar', 0, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0],
      // Σ spend 4700.5 over Σ 3 qualified: spend on channels without a qualified meeting still counts.
      ['All channels', 4700.5, 5, 4, 1, 3, 0.8, 0.75, 940.1, 4700.5 / 3, 1, 0],
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
      0,
      0,
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

  it('refuses an export totals row by its row in the range, so it is never counted twice', () => {
    // Behaviour changed: the row is named by its place in the range, and the message says totals row.
    for (const total of ['Total', 'Total:', 'Totals', 'Total: All campaigns', 'grand total']) {
      expect(() => REPORT(col('Ads', total), col(10, 10), col('Ads'), col('Qualified'))).toThrow(
        `CPQM_REPORT: row 2 of the spend range: spendChannels ${JSON.stringify(total)} is an export's totals row, end the range above it or delete the row`,
      );
    }
    expect(REPORT(col('Total Recall'), col(10), col(''), col(''))).not.toBe('');
  });

  it('names the row of spend without a channel, a channel without spend, and a bad amount', () => {
    expect(() => REPORT(col('Ads', ''), col(10, 5), col('Ads'), col('Qualified'))).toThrow(
      /^CPQM_REPORT: row 2 of the spend range: spendChannels is blank beside spend 5/,
    );
    expect(() => REPORT(col('Ads', 'Events'), col(10, ''), col('Ads'), col('Qualified'))).toThrow(
      /^CPQM_REPORT: row 2 of the spend range: spend is blank for channel "Events"/,
    );
    expect(() =>
      REPORT(col('Ads', 'Events'), col(10, '1,204'), col('Ads'), col('Qualified')),
    ).toThrow(/^CPQM_REPORT: row 2 of the spend range: spend "1,204" could be 1204 or 1.204/);
    expect(() => REPORT(col('Ads'), col(-10), col('Ads'), col('Qualified'))).toThrow(
      /row 1 of the spend range: spend -10 is negative/,
    );
  });

  it('counts an unknown outcome as Unrecognised and nowhere else, and skips blank outcomes', () => {
    // Behaviour changed: one unknown CRM label no longer sinks the report.
    expect(REPORT(col('Ads'), col(10), col('Ads', 'Ads'), col('Qualified', 'Demo booked'))).toEqual(
      [
        HEADER,
        ['Ads', 10, 1, 1, 0, 1, 1, 1, 10, 10, 0, 1],
        ['All channels', 10, 1, 1, 0, 1, 1, 1, 10, 10, 0, 1],
      ],
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
    ).toThrow(/^CPQM_REPORT: row 2 of the spend range: spendDates is blank/);
    expect(() =>
      REPORT(col('Ads'), col(10), col('Ads'), col('Qualified'), col(46054), col('soon'), 'week'),
    ).toThrow(/^CPQM_REPORT: row 1 of the meetings range: meetingDates "soon" is not a date/);
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
    expect(out[2]).toEqual(['All channels', 10, 1, 1, 0, 1, 1, 1, 10, 10, 0, 0]);
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
  /** Field, Value, Means rows; empty for no mapping argument. */
  mapping: string[][];
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
const tidy = (s: string) => s.trim().replace(/\s+/g, ' ');

/** The Means of the first mapping row of a field whose Value matches, tried row by row. */
function mapped(rows: string[][], field: string, text: string): string | undefined {
  for (const [f, value, means] of rows) {
    if (f !== field) continue;
    let source = '';
    for (const ch of norm(value!)) {
      source += ch === '*' ? '[^]*' : `\\u{${ch.codePointAt(0)!.toString(16)}}`;
    }
    if (new RegExp(`^${source}$`, 'u').test(norm(text))) return means;
  }
  return undefined;
}
const serialToDay = (serial: number) => {
  const d = new Date((serial - 25569) * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

function expected(raw: Raw, period: Period | undefined): unknown[][] {
  const label = (serial: number) => (period ? periodLabel(period, serialToDay(serial)) : '');
  const shown = (c: string) =>
    c.trim() === '' ? '(no channel)' : tidy(mapped(raw.mapping, 'channel', c) ?? c);
  const channelOf = (c: string) => shown(c).toLowerCase();
  const order: string[] = [];
  const names = new Map<string, string>();
  const meetings = raw.meetings.filter(
    (m) => mapped(raw.mapping, 'outcome', m.outcome) !== 'Ignore',
  );
  for (const r of [...raw.spend, ...meetings]) {
    const k = channelOf(r.channel);
    if (!names.has(k)) {
      names.set(k, shown(r.channel));
      order.push(k);
    }
  }
  const meaning = (o: string) => {
    const label = mapped(raw.mapping, 'outcome', o) ?? o;
    return OUTCOME_OF[label] ?? 'u';
  };
  const row = (spendRows: Raw['spend'], meetingRows: Raw['meetings']) => {
    const spend = spendRows.reduce((s, r) => s + r.amount, 0);
    const count = (o: string) => meetingRows.filter((m) => meaning(m.outcome) === o).length;
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
      count('p'),
      count('u'),
    ];
  };
  const out: unknown[][] = [period ? ['Channel', 'Period', ...HEADER.slice(1)] : HEADER];
  for (const k of order) {
    const s = raw.spend.filter((r) => channelOf(r.channel) === k);
    const m = meetings.filter((r) => channelOf(r.channel) === k);
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
      ...new Set([...raw.spend.map((r) => label(r.day)), ...meetings.map((r) => label(r.day))]),
    ].sort();
    for (const l of labels) {
      out.push([
        'All channels',
        l,
        ...row(
          raw.spend.filter((r) => label(r.day) === l),
          meetings.filter((r) => label(r.day) === l),
        ),
      ]);
    }
    out.push(['All channels', 'All', ...row(raw.spend, meetings)]);
  } else out.push(['All channels', ...row(raw.spend, meetings)]);
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
      outcome: fc.constantFrom(...Object.keys(OUTCOME_OF), 'Completed', 'Canceled', 'Demo booked'),
      day: dayArb,
    }),
    { maxLength: 30 },
  ),
  mapping: fc.oneof(
    fc.constant<string[][]>([]),
    fc.array(
      fc.oneof(
        fc.tuple(
          fc.constant('channel'),
          fc.constantFrom('linkedin', '*in*', 'Google*', 'events', '*', 'Webinar'),
          fc.constantFrom('Social', 'Paid search', 'LinkedIn'),
        ),
        fc.tuple(
          fc.constant('outcome'),
          fc.constantFrom('Completed', 'canceled', 'Demo*', '*'),
          fc.constantFrom('Qualified', 'No show', 'Ignore', 'Rescheduled – pending'),
        ),
      ),
      { maxLength: 5 },
    ),
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
          } else if (raw.mapping.length > 0) args.push('', '', '');
          if (raw.mapping.length > 0) args.push([['Field', 'Value', 'Means'], ...raw.mapping]);
          // An empty table is a 0×1 range; Sheets never passes one, so give one blank row.
          const safe = args.map((a) => (Array.isArray(a) && a.length === 0 ? [['']] : a));
          const got = REPORT(...safe);
          const counted = raw.meetings.filter(
            (m) => mapped(raw.mapping, 'outcome', m.outcome) !== 'Ignore',
          );
          if (raw.spend.length === 0 && counted.length === 0) {
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

describe('CPQM_TREND against the independent computation', () => {
  it('is the report pivoted: a row per period, All channels then each channel, #N/A without a CPQM', () => {
    fc.assert(
      fc.property(
        rawArb,
        fc.constantFrom<Period>('week', 'month', 'quarter', 'year'),
        (raw, period) => {
          const args: unknown[] = [
            raw.spend.map((r) => [r.channel]),
            raw.spend.map((r) => [r.amount]),
            raw.meetings.map((m) => [m.channel]),
            raw.meetings.map((m) => [m.outcome]),
            raw.spend.map((r) => [r.day]),
            raw.meetings.map((m) => [m.day]),
            period,
          ];
          if (raw.mapping.length > 0) args.push([['Field', 'Value', 'Means'], ...raw.mapping]);
          const safe = args.map((a) => (Array.isArray(a) && a.length === 0 ? [['']] : a));
          const got = TREND(...safe);
          const report = expected(raw, period);
          // Report rows: Channel, Period, Spend, Booked, Held, No-shows, Qualified, …
          const channels: string[] = [];
          const cell = new Map<string, unknown>();
          const cpqm = (spend: number, qualified: number) =>
            spend === 0 || qualified === 0 ? '#N/A' : spend / qualified;
          for (const r of report.slice(1)) {
            const [channel, label, spend, , , , qualified] = r as [
              string,
              string,
              number,
              0,
              0,
              0,
              number,
            ];
            if (label === 'All') continue;
            if (channel !== 'All channels' && !channels.includes(channel)) channels.push(channel);
            cell.set(`${channel}|${label}`, cpqm(spend, qualified));
          }
          const labels = [...new Set(report.slice(1).map((r) => r[1] as string))]
            .filter((l) => l !== 'All')
            .sort();
          const want = [
            ['Period', 'All channels', ...channels],
            ...labels.map((l) => [
              l,
              cell.get(`All channels|${l}`),
              ...channels.map((c) => cell.get(`${c}|${l}`) ?? '#N/A'),
            ]),
          ];
          if (labels.length === 0) {
            expect(got).toBe('');
            return;
          }
          const rows = got as unknown[][];
          expect(rows.length).toBe(want.length);
          rows.forEach((r, i) => {
            expect(r.length).toBe(want[i]!.length);
            r.forEach((c, j) => {
              expect(closeTo(c, want[i]![j]), `row ${i} col ${j}: ${c} vs ${want[i]![j]}`).toBe(
                true,
              );
            });
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('needs a period, and names the row of a problem as the report does', () => {
    expect(() =>
      TREND(col('Ads'), col(10), col('Ads'), col('Qualified'), col(1), col(1), ''),
    ).toThrow('CPQM_TREND: period is blank; a trend needs one: week, month, quarter, year');
    expect(TREND(col(''), col(''), col(''), col(''), col(''), col(''), '')).toBe('');
    expect(() =>
      TREND(
        col('Ads', 'Total'),
        col(10, 10),
        col('Ads'),
        col('Qualified'),
        col(46054, 46054),
        col(46054),
        'month',
      ),
    ).toThrow(
      /^CPQM_TREND: row 2 of the spend range: spendChannels "Total" is an export's totals row/,
    );
  });
});
