/** The edge cases a finance user hits, function by function. */
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { reverseFunnelStep } from '../../src/metrics/funnel';
import { ceilForgiving, sameNumber } from '../../src/metrics/numbers';
import { labelKey } from '../../src/sheets/labels';

const f = FUNCTIONS as Record<string, (...a: unknown[]) => any>;
const col = (...values: unknown[]) => values.map((v) => [v]);

describe('cost and efficiency', () => {
  it('gives #DIV/0! for zero meetings, clicks, impressions and the like', () => {
    for (const [name, args, arg] of [
      ['COST_PER_MEETING', [100, 0], 'meetings'],
      ['CPM', [100, 0], 'impressions'],
      ['CPC', [100, 0], 'clicks'],
      ['CTR', [0, 0], 'impressions'],
      ['CPL', [100, 0], 'leads'],
      ['COST_PER_OPP', [100, 0], 'opportunities'],
      ['CAC', [100, 0], 'customers'],
      ['ROAS', [100, 0], 'spend'],
      ['HEADROOM', [100, 0], 'maxCost'],
      ['CONVERSION', [0, 5], 'fromCount'],
      ['SQMS_NEEDED', [1, 1, 0, 0.5], 'dealSize'],
      ['SDRS_NEEDED', [18, 0], 'sqmsPerSdr'],
    ] as const) {
      expect(() => f[name]!(...args), name).toThrow(
        new RegExp(`^${name}: ${arg} is 0, .*\\(#DIV/0!\\)$`),
      );
      expect(
        f[name]!(col(...args.slice(0, 1)), col(...args.slice(1, 2)), ...args.slice(2)),
      ).toEqual([[`#DIV/0! ${arg} is 0`]]);
    }
  });

  it('takes 100% rates as they are, and 0 spend as free', () => {
    expect(f.CPQM!(1000, 10, 1, 1)).toBe(100);
    expect(f.CPQM!(0, 10, 0.5)).toBe(0);
    expect(f.MAX_CPQM!(20000, 1, 1)).toBe(20000);
  });

  it('works on a row range, a 1×1 range and a column with a header in its first cell', () => {
    expect(f.CPC!([[100, 200]], [[10, 20]])).toEqual([[10, 10]]);
    expect(f.CPC!([[100]], [[10]])).toEqual([[10]]);
    expect(f.CPL!(col('Spend', 300, ''), col('Leads', 10, 5))).toEqual([
      ['#VALUE! spend "Spend" is not a number'],
      [30],
      [''],
    ]);
  });

  it('reports clicks above impressions as #NUM!', () => {
    expect(() => f.CTR!(11, 10)).toThrow('CTR: clicks 11 is more than impressions 10');
    expect(f.CTR!(col(5, 11), col(10, 10))).toEqual([
      [0.5],
      ['#NUM! clicks 11 is more than impressions 10'],
    ]);
  });

  it('says when the cost is over the maximum with a negative headroom', () => {
    expect(f.HEADROOM!(50, 100)).toBe(0.5);
    expect(f.HEADROOM!(100, 100)).toBe(0);
    expect(f.HEADROOM!(150, 100)).toBeLessThan(0);
  });

  it('CPM is per thousand impressions', () => {
    expect(f.CPM!(1, 1000)).toBe(1);
  });
});

describe('BLENDED_CPQM', () => {
  const spend = col(1000, 500, 300);
  const meetings = col(10, 0, 3);
  const qual = col(0.5, 0.5, 1);

  it('is Σ spend / Σ qualified meetings, not an average of the rows', () => {
    const rows = f.CPQM!(col(1000, 300), col(10, 3), col(0.5, 1)) as number[][];
    const average = (rows[0]![0]! + rows[1]![0]!) / 2;
    expect(f.BLENDED_CPQM!(spend, meetings, qual)).toBeCloseTo(1800 / 8, 9);
    expect(f.BLENDED_CPQM!(spend, meetings, qual)).not.toBeCloseTo(average, 3);
  });

  it('counts spend on rows with 0 meetings, skips blank rows, repeats single values', () => {
    expect(f.BLENDED_CPQM!(col(100, 100, ''), col(2, 0, ''), 0.5)).toBe(200);
    expect(f.BLENDED_CPQM!(col(100, 100), col(2, 2), 0.5, col('', 0.5))).toBeCloseTo(200 / 1.5, 9);
    // An open column: the repeated rate does not make the empty rows below the table filled.
    expect(f.BLENDED_CPQM!(col(100, 100, '', ''), col(2, 0, '', ''), 0.5, 0.8)).toBe(250);
    // A row whose required cells are all blank is blank, whatever its optional showRate holds.
    expect(f.BLENDED_CPQM!(col(100, ''), col(2, ''), col(0.5, ''), col(1, 'abc'))).toBe(100);
  });

  it('throws for a half-filled row, naming the row and what to fill in, rather than dropping its spend', () => {
    expect(() => f.BLENDED_CPQM!(col(1000, 500), col(10, ''), col(0.5, 0.5))).toThrow(
      'BLENDED_CPQM: row 2: meetings is blank, fill it in, or also clear spend and qualRate to skip it (#VALUE!)',
    );
    expect(() => f.BLENDED_CPQM!(col(1000, 500), col(10, ''), col(0.5, ''))).toThrow(
      'BLENDED_CPQM: row 2: meetings and qualRate are blank, fill them in, or also clear spend to skip it',
    );
    expect(() => f.BLENDED_CPQM!([[1000, 500]], [[10, 5]], [[0.5, '']])).toThrow(
      'BLENDED_CPQM: column 2: qualRate is blank',
    );
    // A repeated single value that is blank leaves every row half-filled.
    expect(() => f.BLENDED_CPQM!(col(1000, 500), '', 0.5)).toThrow(
      'BLENDED_CPQM: row 1: meetings is blank, fill it in, or also clear spend to skip it',
    );
  });

  it('names the blank cell of a half-filled row whichever other cell holds junk', () => {
    expect(() => f.BLENDED_CPQM!(col(1000, 'abc'), col(10, ''), 0.5)).toThrow(
      'BLENDED_CPQM: row 2: meetings is blank',
    );
    expect(() => f.BLENDED_CPQM!(col(1000, ''), col(10, 'abc'), 0.5)).toThrow(
      'BLENDED_CPQM: row 2: spend is blank',
    );
  });

  it('throws naming the row of a bad cell, and on shape mismatch', () => {
    expect(() => f.BLENDED_CPQM!(col('Spend', 100), col('Meetings', 2), 0.5)).toThrow(
      'BLENDED_CPQM: row 1: spend "Spend" is not a number',
    );
    expect(() => f.BLENDED_CPQM!(col(1, 2), col(-1, 2), 0.5)).toThrow(
      'BLENDED_CPQM: row 1: meetings -1 is negative',
    );
    expect(() => f.BLENDED_CPQM!(col(1, 2), col(1, 2, 3), 0.5)).toThrow(
      'BLENDED_CPQM: spend is 2×1 but meetings is 3×1',
    );
  });

  it('is #DIV/0! when no row has a qualified meeting', () => {
    expect(() => f.BLENDED_CPQM!(col(100, 50), col(0, 0), 0.5)).toThrow(/#DIV\/0!/);
  });
});

describe('funnel', () => {
  it('CONVERSION may exceed 100% when stages lag', () => {
    expect(f.CONVERSION!(10, 12)).toBe(1.2);
  });

  it('FUNNEL_RATES keeps the orientation and ignores blanks at the end of an open range', () => {
    expect(f.FUNNEL_RATES!([[100, 50, 10]])).toEqual([[0.5, 0.2]]);
    expect(f.FUNNEL_RATES!(col(100, 50, '', ''))).toEqual([[0.5]]);
    expect(f.FUNNEL_RATES!(col(100, 0, 5))).toEqual([[0], ['#DIV/0! row 2: counts is 0']]);
    expect(() => f.FUNNEL_RATES!(col(100, '', 5))).toThrow('FUNNEL_RATES: row 2: counts is blank');
    expect(() => f.FUNNEL_RATES!(col('Count', 5))).toThrow(
      'FUNNEL_RATES: row 1: counts "Count" is not a number',
    );
    expect(() => f.FUNNEL_RATES!([[1]])).toThrow(/single stage/);
  });

  it('REVERSE_FUNNEL: n rates give n + 1 needs in the rates’ orientation, ending with the target', () => {
    expect(f.REVERSE_FUNNEL!(10, [[0.5, 0.25]])).toEqual([[80, 40, 10]]);
    expect(f.REVERSE_FUNNEL!(10, col(0.5, 0.25))).toEqual(col(80, 40, 10));
    expect(f.REVERSE_FUNNEL!(10, [[0.3]])).toEqual(col(34, 10));
    expect(f.REVERSE_FUNNEL!(10, 0.3, false)).toEqual(col(10 / 0.3, 10));
    expect(f.REVERSE_FUNNEL!(10, 1)).toEqual(col(10, 10));
  });

  it('REVERSE_FUNNEL rounds each stage from the rounded stage below it', () => {
    const rates = [0.4, 0.5, 0.6];
    let need = 7;
    const expected = [need];
    for (let k = rates.length - 1; k >= 0; k--) {
      need = Math.ceil(need / rates[k]! - 1e-9);
      expected.unshift(need);
    }
    expect(f.REVERSE_FUNNEL!(7, col(...rates))).toEqual(expected.map((v) => [v]));
  });

  it('REVERSE_FUNNEL names a zero rate and wants a single target', () => {
    expect(() => f.REVERSE_FUNNEL!(10, col(0.5, 0))).toThrow(
      'REVERSE_FUNNEL: row 2: rates is 0, so no volume at that stage reaches the next (#DIV/0!)',
    );
    expect(() => f.REVERSE_FUNNEL!(col(1, 2), 0.5)).toThrow(
      'REVERSE_FUNNEL: target is a 2×1 range; give a single value',
    );
    expect(() => f.REVERSE_FUNNEL!(10, 35)).toThrow('rates 35 is above 100%: enter 35% or 0.35');
  });

  it('REVERSE_FUNNEL is blank for a blank target or blank rates, whatever the other holds', () => {
    expect(f.REVERSE_FUNNEL!('abc', col('', ''))).toBe('');
    expect(f.REVERSE_FUNNEL!('', col('abc', 0.5))).toBe('');
    expect(f.REVERSE_FUNNEL!('', 'abc')).toBe('');
  });
});

describe('forgiving floating-point noise', () => {
  it('rounds whole numbers plus noise to themselves and everything else up', () => {
    expect(ceilForgiving(21 / 0.35)).toBe(60);
    expect(ceilForgiving(745 / 0.02)).toBe(37250);
    expect(ceilForgiving(60.001)).toBe(61);
    expect(ceilForgiving(1e15 + 2)).toBe(1e15 + 2);
    expect(ceilForgiving(0)).toBe(0);
    expect(reverseFunnelStep(21, 0.35, true)).toBe(60);
    expect(sameNumber(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameNumber(0.3, 0.31)).toBe(false);
  });
});

describe('meeting outcomes', () => {
  const log = col(
    'Qualified',
    'no-show',
    'NOT QUALIFIED BY ROLE',
    'qualified ',
    'Rescheduled – pending',
    '',
    'Not qualified – company size',
  );

  it('matches labels ignoring case, punctuation and filler words', () => {
    expect(labelKey('Not qualified – role')).toBe(labelKey('NOT QUALIFIED BY ROLE'));
    expect(labelKey('No show')).toBe(labelKey('no-show'));
    expect(f.SHOW_RATE!(log)).toBe(4 / 5);
    expect(f.QUAL_RATE!(log)).toBe(2 / 4);
  });

  it('quotes an unknown label and lists the accepted ones', () => {
    expect(() => f.SHOW_RATE!(col('Qualified', 'Maybe'))).toThrow(
      'SHOW_RATE: row 2: outcomes "Maybe" is not one of the accepted labels, use one of: Qualified, Not qualified – company size, Not qualified – role, Not qualified – budget, No show, Rescheduled – pending; or map it with a mapping row: outcome, Maybe, and the label it means (or Ignore) (#VALUE!)',
    );
    expect(() => f.QUAL_RATE!(col('Outcome', 'Qualified'))).toThrow(/row 1: outcomes "Outcome"/);
  });

  it('has no rate without meetings', () => {
    expect(() => f.SHOW_RATE!(col('Rescheduled – pending'))).toThrow(/#DIV\/0!/);
    expect(() => f.QUAL_RATE!(col('No show'))).toThrow(/#DIV\/0!/);
    expect(f.SHOW_RATE!(col('', ''))).toBe('');
  });

  it('OUTCOME_SUMMARY: one row per segment in order of first appearance', () => {
    const segments = col('Ads', 'Ads', 'Events', 'Ads', 'Events', 'Ads', 'Events');
    expect(f.OUTCOME_SUMMARY!(log, segments)).toEqual([
      SUMMARY,
      ['Ads', 3, 2, 1, 2, 2 / 3, 1, 0, 0],
      ['Events', 2, 2, 0, 0, 1, 0, 1, 0],
    ]);
    expect(f.OUTCOME_SUMMARY!(log)).toEqual([SUMMARY, ['All', 5, 4, 1, 2, 0.8, 0.5, 1, 0]]);
  });

  it('OUTCOME_SUMMARY shows a segment without meetings held as an error text in its cells only', () => {
    const table = f.OUTCOME_SUMMARY!(col('Qualified', 'Rescheduled – pending'), col('A', 'B'));
    expect(table[2]).toEqual([
      'B',
      0,
      0,
      0,
      0,
      '#DIV/0! outcomes has no held meeting and no no-show',
      '#DIV/0! outcomes has no held meeting',
      1,
      0,
    ]);
  });
});

const SUMMARY = [
  'Segment',
  'Booked',
  'Held',
  'No-shows',
  'Qualified',
  'Show rate',
  'Qual rate',
  'Pending',
  'Unrecognised',
];

describe('capacity', () => {
  it('SQMS_NEEDED is quota × coverage / (deal size × SQM-to-opportunity rate)', () => {
    expect(f.SQMS_NEEDED!(100000, 4, 50000, 0.5)).toBe(16);
  });

  it('SDRS_NEEDED rounds up to whole people, forgiving noise', () => {
    expect(f.SDRS_NEEDED!(24, 12)).toBe(2);
    expect(f.SDRS_NEEDED!(25, 12)).toBe(3);
    expect(f.SDRS_NEEDED!(0, 12)).toBe(0);
    expect(f.SDRS_NEEDED!(0.7 * 30, 0.35 * 30)).toBe(2);
  });
});

describe('SQM_DECISION', () => {
  const criteria = col('ICP', 'Budget', 'Timeline', 'Pain');

  it('does not schedule while a required criterion is not met, naming it', () => {
    expect(
      f.SQM_DECISION!(col('Met', '✗', '', 'yes'), col(true, 'Required', 'yes', false), criteria),
    ).toBe('DO NOT SCHEDULE (1/3 required criteria met; missing: Budget, Timeline)');
    expect(f.SQM_DECISION!(col('Met', 'no'), col(true, true))).toBe(
      'DO NOT SCHEDULE (1/2 required criteria met; missing: criterion 2)',
    );
  });

  it('grades A with no partial required criterion, B with one, C with more', () => {
    expect(f.SQM_DECISION!(col('✓', 'Met'), col(true, true))).toBe(
      'SCHEDULE SQM (2/2 required criteria met, A-Quality)',
    );
    expect(f.SQM_DECISION!(col('⚠', 'partly', 'Met'), col(true, true, true))).toBe(
      'SCHEDULE SQM (3/3 required criteria met, C-Quality)',
    );
    expect(f.SQM_DECISION!(col('⚠', 'Not met'), col(true, 'Optional'))).toBe(
      'SCHEDULE SQM (1/1 required criteria met, B-Quality)',
    );
  });

  it('quotes an unknown status', () => {
    expect(() => f.SQM_DECISION!(col('Met', 'Probably'), col(true, true))).toThrow(
      /SQM_DECISION: row 2: statuses "Probably" is not one of the accepted labels, use one of: Met, Partial, Not met/,
    );
  });

  it('quotes an unknown status on an optional row too, rather than ignore it', () => {
    expect(() => f.SQM_DECISION!(col('Met', 'Mett'), col(true, 'Optional'))).toThrow(
      /SQM_DECISION: row 2: statuses "Mett" is not one of the accepted labels/,
    );
    expect(() => f.SQM_DECISION!(col('Met', 'Mett'), col(true, ''))).toThrow(/"Mett"/);
  });
});

describe('SQM_BENCHMARK', () => {
  it('places values against the benchmark table', () => {
    const b = f.SQM_BENCHMARK!;
    expect(b('sqms_per_sdr', 12)).toBe('Top performer');
    expect(b('sqms_per_sdr', 8)).toBe('Average');
    expect(b('sqms_per_sdr', 7.9)).toBe('Below average');
    expect(b('SQM to opp', 0.45)).toBe('Top performer');
    expect(b('sqm_to_opp', 0.1 + 0.35)).toBe('Top performer');
    expect(b('sqm_to_close', 0.08)).toBe('Average');
    expect(b('deal_size', 65000)).toBe('Top performer');
    expect(b('deal_size', 41999)).toBe('Below average');
    expect(b('days_to_close', 58)).toBe('Top performer');
    expect(b('days_to_close', 82)).toBe('Average');
    expect(b('days_to_close', 83)).toBe('Below average');
    expect(b('no_show', 0.079)).toBe('Top performer');
    expect(b('no_show', 0.2)).toBe('Average');
    expect(b('no_show', 0.21)).toBe('Below average');
    expect(b('ae_accept', 0.9)).toBe('Top performer');
    expect(b('ae_accept', 0.69)).toBe('Below average');
  });

  it('wants rates as fractions', () => {
    expect(() => f.SQM_BENCHMARK!('no_show', 8)).toThrow(
      'value 8 (800%) is above 100%: a rate is at most 100%; for 8%, enter 8% or 0.08',
    );
  });

  it('throws on an unknown metric, listing the keys, even inside a range', () => {
    const message =
      'SQM_BENCHMARK: metric "pipeline" is not a benchmark; use one of: sqms_per_sdr, sqm_to_opp, sqm_to_close, deal_size, days_to_close, no_show, ae_accept';
    expect(() => f.SQM_BENCHMARK!('pipeline', 1)).toThrow(message);
    expect(() => f.SQM_BENCHMARK!(col('deal_size', 'pipeline'), 1)).toThrow(message);
  });
});

describe('edges at large magnitudes and overflow', () => {
  const f = FUNCTIONS as Record<string, (...a: unknown[]) => unknown>;

  it('rounds up a real fraction however large the number', () => {
    expect(f.SDRS_NEEDED!(1000000000000.4, 1)).toBe(1000000000001);
    expect(f.SDRS_NEEDED!(10000000000.5, 1)).toBe(10000000001);
    expect(f.REVERSE_FUNNEL!(21, 0.35)).toEqual([[60], [21]]);
  });

  it('one overflowing rate is that element’s problem, not the whole range’s', () => {
    expect(f.FUNNEL_RATES!([[1e-300], [1e300], [2e300]])).toEqual([
      ['#NUM! row 1: the result is too large to show'],
      [2],
    ]);
  });
});
