/**
 * CPQM_REPORT beyond the random tables: what counts as an export's totals row, how channels are
 * named and matched, tables laid out in rows or blocks, the optional date
 * columns and period, and the size an engine reserves for the result.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE, FUNCTIONS } from '../../src/metrics/catalogue';
import { reportHeader } from '../../src/metrics/report';
import type { WholeRangeSpec } from '../../src/metrics/spec';
import { channelKey, channelName } from '../../src/sheets/labels';

const REPORT = FUNCTIONS.CPQM_REPORT! as (...args: unknown[]) => any;
const col = (...values: unknown[]) => values.map((v) => [v]);

function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the call did not throw');
}

describe('the header', () => {
  it('the header has a Period column only with a period', () => {
    expect(reportHeader(false).slice(0, 2)).toEqual(['Channel', 'Spend']);
    expect(reportHeader(true).slice(0, 3)).toEqual(['Channel', 'Period', 'Spend']);
    expect(reportHeader(true)).toHaveLength(reportHeader(false).length + 1);
  });
});

describe('channels', () => {
  it('are shown as first spelled, trimmed and with single spaces, and matched ignoring case', () => {
    expect(channelName('  Google \t  Ads ')).toBe('Google Ads');
    expect(channelKey('  Google \t  Ads ')).toBe('google ads');
    const out = REPORT(
      col('  Google   Ads ', 'GOOGLE ADS'),
      col(100, 50),
      col('google ads', ' Google Ads'),
      col('Qualified', 'No show'),
    );
    expect(out.slice(1)).toEqual([
      ['Google Ads', 150, 2, 1, 1, 1, 0.5, 1, 75, 150, 0, 0],
      ['All channels', 150, 2, 1, 1, 1, 0.5, 1, 75, 150, 0, 0],
    ]);
  });

  it('fold case as the warehouse does, by lower case: Straße and STRASSE stay two channels', () => {
    expect(channelKey('Straße')).toBe('straße');
    const out = REPORT(col('Straße', 'STRASSE'), col(10, 20), col(''), col(''));
    expect(out.slice(1, 3).map((r: unknown[]) => r[0])).toEqual(['Straße', 'STRASSE']);
  });

  it('count meetings without a channel under (no channel), with spend typed as that', () => {
    const out = REPORT(
      col('Ads', '(No Channel)'),
      col(100, 40),
      col('', 'Ads', '', ''),
      col('Qualified', 'Qualified', 'No show', 'Not qualified'),
    );
    expect(out.slice(1, 3)).toEqual([
      ['Ads', 100, 1, 1, 0, 1, 1, 1, 100, 100, 0, 0],
      ['(No Channel)', 40, 3, 2, 1, 1, 2 / 3, 0.5, 40 / 3, 40, 0, 0],
    ]);
  });

  it('name a channel that is not text, with its table and row', () => {
    expect(() => REPORT(col('Ads', true), col(1, 2), col('Ads'), col('Qualified'))).toThrow(
      /^CPQM_REPORT: row 2 of the spend range: spendChannels TRUE is not text, \S.* \(#VALUE!\)$/,
    );
    expect(() =>
      REPORT(col('Ads'), col(1), col('Ads', false), col('Qualified', 'Qualified')),
    ).toThrow(/^CPQM_REPORT: row 2 of the meetings range: meetingChannels FALSE is not text/);
    // A number is its text.
    expect(REPORT(col(2026), col(5), col('2026'), col('Qualified'))[1]).toEqual([
      '2026',
      5,
      1,
      1,
      0,
      1,
      1,
      1,
      5,
      5,
      0,
      0,
    ]);
  });
});

describe("an export's totals row", () => {
  it('is refused in the spend table however it is written', () => {
    for (const total of [
      'Total',
      'TOTAL',
      'Totals',
      'Total:',
      'Total :',
      'Total - All campaigns',
      'Total – All campaigns',
      'Total — All campaigns',
      'Total: 12 campaigns',
      'Grand total',
      'Grand  Total:',
      ' grand   totals ',
    ]) {
      const message = messageOf(() =>
        REPORT(col('Ads', total), col(10, 10), col('Ads'), col('Qualified')),
      );
      expect(message, total).toMatch(
        /^CPQM_REPORT: row 2 of the spend range: spendChannels ".*" is an export's totals row, end the range above it or delete the row\S* \S.* \(#VALUE!\)$/,
      );
    }
  });

  it('is told apart from channels that only contain the word', () => {
    for (const channel of [
      'Teetotal',
      'TotalEnergies',
      'Totally Events',
      'Sub-total',
      'Grand Totality',
      'Total Recall',
    ]) {
      const out = REPORT(col(channel), col(10), col(''), col(''));
      expect(out[1][0], channel).toBe(channel);
    }
  });

  it('is refused in any passed column of either table (behaviour changed: a meeting channel "Total" was a channel)', () => {
    const calls: [string, () => unknown][] = [
      [
        'row 1 of the meetings range: meetingChannels "Total"',
        () => REPORT(col('Ads'), col(10), col('Total'), col('Qualified')),
      ],
      [
        'row 2 of the meetings range: outcomes "Total: 2 meetings"',
        () => REPORT(col('Ads'), col(10), col('Ads', ''), col('Qualified', 'Total: 2 meetings')),
      ],
      // The export's totals row with the channel blank and the total in the day column: never "fill in its channel".
      [
        'row 2 of the spend range: spendDates "Total: All campaigns"',
        () =>
          REPORT(
            col('Ads', ''),
            col(10, 10),
            col('Ads'),
            col('Qualified'),
            col(46054, 'Total: All campaigns'),
            col(46054),
            'month',
          ),
      ],
      [
        'row 1 of the meetings range: meetingDates "Totals"',
        () =>
          REPORT(
            col('Ads'),
            col(10),
            col('Ads'),
            col('Qualified'),
            col(46054),
            col('Totals'),
            'year',
          ),
      ],
    ];
    for (const [start, call] of calls) {
      expect(messageOf(call)).toMatch(
        new RegExp(
          `^CPQM_REPORT: ${start.replace(/[()]/g, '\\$&')} is an export's totals row, end the range above it or delete the row`,
        ),
      );
    }
  });
});

describe('table layouts', () => {
  it('takes single values as a table of one line', () => {
    expect(REPORT('Ads', 100, 'Ads', 'Qualified')).toEqual([
      reportHeader(false),
      ['Ads', 100, 1, 1, 0, 1, 1, 1, 100, 100, 0, 0],
      ['All channels', 100, 1, 1, 0, 1, 1, 1, 100, 100, 0, 0],
    ]);
    expect(REPORT('Ads', 100, 'Ads', 'Qualified', 46054, 46054, 'month')[1]).toEqual([
      'Ads',
      '2026-02',
      100,
      1,
      1,
      0,
      1,
      1,
      1,
      100,
      100,
      0,
      0,
    ]);
  });

  it('reads tables laid out in a row, naming columns', () => {
    const out = REPORT([['Ads', 'Events', 'Ads']], [[10, 20, 30]], [['Events']], [['No show']]);
    expect(out.slice(1).map((r: unknown[]) => r.slice(0, 3))).toEqual([
      ['Ads', 40, 0],
      ['Events', 20, 1],
      ['All channels', 60, 1],
    ]);
    expect(() => REPORT([['Ads', 'Events', '']], [[10, 20, 5]], [['']], [['']])).toThrow(
      /^CPQM_REPORT: column 3 of the spend range: spendChannels is blank beside spend 5/,
    );
  });

  it('reads blocks in reading order, naming row and column', () => {
    const out = REPORT(
      [
        ['Ads', 'Events'],
        ['Events', 'Webinar'],
      ],
      [
        [1, 2],
        [4, 8],
      ],
      [
        ['Webinar', 'Ads'],
        ['Ads', ''],
      ],
      [
        ['Qualified', 'No show'],
        ['Qualified', ''],
      ],
    );
    expect(out.slice(1).map((r: unknown[]) => r.slice(0, 5))).toEqual([
      ['Ads', 1, 2, 1, 1],
      ['Events', 6, 0, 0, 0],
      ['Webinar', 8, 1, 1, 0],
      ['All channels', 15, 3, 2, 1],
    ]);
    expect(() =>
      REPORT(
        [
          ['Ads', 'Events'],
          ['Ads', ''],
        ],
        [
          [1, 2],
          [3, 4],
        ],
        [['']],
        [['']],
      ),
    ).toThrow(
      /^CPQM_REPORT: row 2, column 2 of the spend range: spendChannels is blank beside spend 4/,
    );
    expect(() =>
      REPORT(
        [['Ads']],
        [[1]],
        [
          ['Ads', 'Ads'],
          [true, 'Ads'],
        ],
        [
          ['Qualified', 'Qualified'],
          ['Qualified', ''],
        ],
      ),
    ).toThrow(
      /^CPQM_REPORT: row 2, column 1 of the meetings range: meetingChannels TRUE is not text/,
    );
  });
});

describe('problems in the spend table', () => {
  it('carry a #VALUE! code and say what to do', () => {
    for (const [channels, amounts, start] of [
      [
        col('Ads', ''),
        col(10, 5),
        'row 2 of the spend range: spendChannels is blank beside spend 5',
      ],
      [
        col('Ads', 'Events'),
        col(10, ''),
        'row 2 of the spend range: spend is blank for channel "Events"',
      ],
      [col('Ads', 'Total'), col(10, 3), 'row 2 of the spend range: spendChannels "Total"'],
    ] as const) {
      const message = messageOf(() => REPORT(channels, amounts, col('Ads'), col('Qualified')));
      expect(message.startsWith(`CPQM_REPORT: ${start}`), message).toBe(true);
      expect(message, message).toMatch(/, \S.* \(#VALUE!\)$/);
    }
  });
});

describe('periods and dates', () => {
  const spend = [col('Ads', 'Events'), col(100, 50)];
  const meetings = [col('Ads', 'Events'), col('Qualified', 'No show')];

  it('reads the period however it is capitalised or spaced', () => {
    for (const period of ['month', ' Month ', 'MONTH', [['month']]]) {
      const out = REPORT(...spend, ...meetings, col(46054, 46082), col(46054, 46054), period);
      expect(out[0][1], String(period)).toBe('Period');
      expect(out[1].slice(0, 2)).toEqual(['Ads', '2026-02']);
    }
  });

  it('refuses a period that is not one, whatever its type', () => {
    for (const [period, shown] of [
      [5, '5'],
      [true, 'TRUE'],
      ['weekly', '"weekly"'],
    ] as const) {
      expect(
        () => REPORT(...spend, ...meetings, col(1, 1), col(1, 1), period),
        String(period),
      ).toThrow(
        `CPQM_REPORT: period ${shown} is not a period; use one of: week, month, quarter, year, or leave it blank`,
      );
    }
    expect(() => REPORT(...spend, ...meetings, col(1, 1), col(1, 1), col('month', 'year'))).toThrow(
      /^CPQM_REPORT: period is a 2×1 range/,
    );
  });

  it('needs both date columns for a period, and reads no dates without one', () => {
    const need = 'CPQM_REPORT: a quarter report needs spendDates and meetingDates';
    expect(() => REPORT(...spend, ...meetings, col(46054, 46054), '', 'quarter')).toThrow(need);
    expect(() => REPORT(...spend, ...meetings, '', col(46054, 46054), 'quarter')).toThrow(need);
    expect(() => REPORT(...spend, ...meetings, col(46054, 46054))).not.toThrow();
    expect(() => REPORT(...spend, ...meetings, undefined, col(46054, 46054), 'quarter')).toThrow(
      need,
    );
    // Without a period, date columns are not read: junk in them is no problem.
    const undated = REPORT(...spend, ...meetings, col('soon', ''), col('', 'later'));
    expect(undated[0]).toEqual(reportHeader(false));
    expect(REPORT(...spend, ...meetings, col('soon', ''), col('', 'later'), '')).toEqual(undated);
    expect(undated).toEqual(REPORT(...spend, ...meetings));
  });

  it('names a date column of another size', () => {
    expect(() => REPORT(...spend, ...meetings, col(1, 2, 3), col(1, 2), 'year')).toThrow(
      'CPQM_REPORT: spendChannels is 2×1 but spendDates is 3×1',
    );
    expect(() => REPORT(...spend, ...meetings, col(1, 2), col(1), 'year')).toThrow(
      'CPQM_REPORT: meetingChannels is 2×1 but meetingDates is 1×1',
    );
  });

  it('a blank date is a #VALUE! problem of its row, with what to do', () => {
    expect(
      messageOf(() => REPORT(...spend, ...meetings, col(46054, 46054), col(46054, ''), 'week')),
    ).toMatch(
      /^CPQM_REPORT: row 2 of the meetings range: meetingDates is blank, \S.* \(#VALUE!\)$/,
    );
  });

  it('reads dates as Date cells, serial numbers or ISO text, repeated or not', () => {
    const out = REPORT(
      col('Ads', 'Ads', 'Ads', 'Ads'),
      col(1, 2, 4, 8),
      col('Ads', 'Ads'),
      col('Qualified', 'No show'),
      col(new Date(2026, 0, 5), '2026-01-07', 46028, new Date(2026, 3, 1)),
      col('2026-04-02', new Date(2026, 0, 6)),
      'quarter',
    );
    expect(out.slice(1).map((r: unknown[]) => r.slice(0, 5))).toEqual([
      ['Ads', '2026-Q1', 7, 1, 0],
      ['Ads', '2026-Q2', 8, 1, 1],
      ['All channels', '2026-Q1', 7, 1, 0],
      ['All channels', '2026-Q2', 8, 1, 1],
      ['All channels', 'All', 15, 2, 1],
    ]);
  });

  it('lists the periods of all channels in order, whichever channel saw them first', () => {
    const out = REPORT(
      col('Ads', 'Events', 'Events'),
      col(10, 20, 40),
      col(''),
      col(''),
      col('2026-03-01', '2026-01-10', '2026-02-01'),
      col(''),
      'month',
    );
    expect(out.slice(1).map((r: unknown[]) => r.slice(0, 3))).toEqual([
      ['Ads', '2026-03', 10],
      ['Events', '2026-01', 20],
      ['Events', '2026-02', 40],
      ['All channels', '2026-01', 20],
      ['All channels', '2026-02', 40],
      ['All channels', '2026-03', 10],
      ['All channels', 'All', 70],
    ]);
  });
});

describe('the size an engine reserves', () => {
  const size = (CATALOGUE.find((s) => s.name === 'CPQM_REPORT') as WholeRangeSpec).resultSize!;
  const shape = (rows: number, cols = 1) => ({ rows, cols });

  it('is a header, a row per line and the total; with a period also a total per period', () => {
    // Twelve columns: Channel and eleven figures (Pending and Unrecognised joined them); thirteen with Period.
    expect(size([shape(3), shape(3), shape(4), shape(4)])).toEqual({ rows: 9, cols: 12 });
    expect(size([shape(3), shape(3), shape(4), shape(4), shape(3), shape(4), shape(1)])).toEqual({
      rows: 16,
      cols: 13,
    });
    expect(size([shape(2, 3), shape(2, 3), undefined, undefined])).toEqual({ rows: 9, cols: 12 });
    expect(size([undefined, undefined, undefined, undefined])).toEqual({ rows: 4, cols: 12 });
  });

  it('holds every report', () => {
    const out = REPORT(
      col('A', 'B', 'C'),
      col(1, 2, 3),
      col('D', 'E'),
      col('Qualified', 'Qualified'),
      col(45000, 45100, 45200),
      col(45300, 45400),
      'month',
    );
    const reserved = size([shape(3), shape(3), shape(2), shape(2), shape(3), shape(2), shape(1)]);
    expect(out.length).toBeLessThanOrEqual(reserved.rows);
    expect(out[0].length).toBe(reserved.cols);
  });
});
