/**
 * Cost and efficiency, and capacity: each formula on numbers worked out by hand,
 * each zero divisor named in the order the arguments are checked, optional
 * arguments given, blank and omitted, and the rounding of whole people.
 */
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { ceilForgiving, NOISE, sameNumber } from '../../src/metrics/numbers';

const f = FUNCTIONS as Record<string, (...args: unknown[]) => any>;
const col = (...values: unknown[]) => values.map((v) => [v]);

function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the call did not throw');
}

/**
 * A single-value call's problem: it starts with the function and `text` (the
 * argument and what is wrong with it), says why or what to do after a comma,
 * and ends with the error code.
 */
function expectProblem(call: () => unknown, fn: string, text: string, code: string): void {
  const message = messageOf(call);
  expect(message.startsWith(`${fn}: ${text}, `), message).toBe(true);
  expect(message.endsWith(` (${code})`), message).toBe(true);
  expect(message.length, message).toBeGreaterThan(`${fn}: ${text},  (${code})`.length);
}

describe('CPQM', () => {
  it('is spend over booked meetings × show rate × qualification rate', () => {
    expect(f.CPQM!(1000, 10, 0.5, 0.8)).toBe(1000 / (10 * 0.8 * 0.5));
    expect(f.CPQM!(1000, 10, 0.5, 0.8)).toBe(250);
    expect(f.CPQM!(900, 12, 0.25, 0.6)).toBeCloseTo(500, 9);
    expect(f.CPQM!('$1,000', '10', '50%', '80%')).toBe(250);
  });

  it('takes an omitted or blank show rate as 100%', () => {
    expect(f.CPQM!(1000, 10, 0.5)).toBe(200);
    expect(f.CPQM!(1000, 10, 0.5, '')).toBe(200);
    expect(f.CPQM!(col(1000, 1000), col(10, 10), 0.5, col('', 0.5))).toEqual([[200], [400]]);
  });

  it('names the first zero divisor: meetings, then showRate, then qualRate', () => {
    expectProblem(() => f.CPQM!(100, 0, 0, 0), 'CPQM', 'meetings is 0', '#DIV/0!');
    expectProblem(() => f.CPQM!(100, 10, 0, 0), 'CPQM', 'showRate is 0', '#DIV/0!');
    expectProblem(() => f.CPQM!(100, 10, 0, 1), 'CPQM', 'qualRate is 0', '#DIV/0!');
    expectProblem(() => f.CPQM!(100, 10, 0), 'CPQM', 'qualRate is 0', '#DIV/0!');
    expect(f.CPQM!(col(100, 100, 100), col(0, 10, 10), col(0.5, 0.5, 0), col(1, 0, 1))).toEqual([
      ['#DIV/0! meetings is 0'],
      ['#DIV/0! showRate is 0'],
      ['#DIV/0! qualRate is 0'],
    ]);
  });
});

describe('COST_PER_MEETING and the other plain ratios', () => {
  it('divides the amount by the count', () => {
    expect(f.COST_PER_MEETING!(950, 10)).toBe(95);
    expect(f.CPC!(120, 48)).toBe(2.5);
    expect(f.CPL!(3000, 40)).toBe(75);
    expect(f.COST_PER_OPP!(9000, 12)).toBe(750);
    expect(f.CAC!(50000, 8)).toBe(6250);
    expect(f.ROAS!(60000, 20000)).toBe(3);
    expect(f.ROAS!('$60,000', '$20,000')).toBe(3);
    expect(f.COST_PER_MEETING!(1, 3)).toBe(1 / 3);
  });

  it('CPM is the cost of a thousand impressions', () => {
    expect(f.CPM!(5, 2000)).toBe(2.5);
    expect(f.CPM!(1, 3)).toBe((1 / 3) * 1000);
    expect(f.CPM!(col(30, 7), col(1500, 0))).toEqual([[20], ['#DIV/0! impressions is 0']]);
  });

  it('CONVERSION takes the earlier stage first', () => {
    expect(f.CONVERSION!(40, 10)).toBe(0.25);
    expect(f.CONVERSION!(10, 40)).toBe(4);
    expectProblem(() => f.CONVERSION!(0, 10), 'CONVERSION', 'fromCount is 0', '#DIV/0!');
    expect(f.CONVERSION!(col(0, 8), 2)).toEqual([['#DIV/0! fromCount is 0'], [0.25]]);
  });

  it('says why a zero count has no answer', () => {
    for (const [name, arg] of [
      ['COST_PER_MEETING', 'meetings'],
      ['CPM', 'impressions'],
      ['CPC', 'clicks'],
      ['CTR', 'impressions'],
      ['CPL', 'leads'],
      ['COST_PER_OPP', 'opportunities'],
      ['CAC', 'customers'],
      ['ROAS', 'spend'],
    ] as const) {
      expectProblem(() => f[name]!(0, 0), name, `${arg} is 0`, '#DIV/0!');
      expectProblem(() => f[name]!(7, 0), name, `${arg} is 0`, '#DIV/0!');
    }
  });

  it('CTR allows as many clicks as impressions, not more, and says what to check', () => {
    expect(f.CTR!(10, 10)).toBe(1);
    expect(f.CTR!(3, 40)).toBe(0.075);
    expect(f.CTR!(0, 40)).toBe(0);
    expectProblem(() => f.CTR!(11, 10), 'CTR', 'clicks 11 is more than impressions 10', '#NUM!');
    expectProblem(
      () => f.CTR!(10.5, 10.25),
      'CTR',
      'clicks 10.5 is more than impressions 10.25',
      '#NUM!',
    );
    // A zero denominator is reported before the comparison.
    expectProblem(() => f.CTR!(5, 0), 'CTR', 'impressions is 0', '#DIV/0!');
    expect(f.CTR!(col(4, 5, 6), 5)).toEqual([
      [0.8],
      [1],
      ['#NUM! clicks 6 is more than impressions 5'],
    ]);
  });
});

describe('MAX_CPQM and HEADROOM', () => {
  it('MAX_CPQM is deal size × close rate ÷ target ROAS', () => {
    expect(f.MAX_CPQM!(20000, 0.1, 4)).toBe(500);
    expect(f.MAX_CPQM!(30000, 0.2, 2)).toBe(3000);
    expect(f.MAX_CPQM!(20000, '10%', '4')).toBe(500);
    expectProblem(() => f.MAX_CPQM!(20000, 0.1, 0), 'MAX_CPQM', 'roas is 0', '#DIV/0!');
  });

  it('HEADROOM is 1 − cost ÷ maximum cost', () => {
    expect(f.HEADROOM!(30, 120)).toBe(0.75);
    expect(f.HEADROOM!(180, 120)).toBe(-0.5);
    expect(f.HEADROOM!(0, 120)).toBe(1);
    expectProblem(() => f.HEADROOM!(30, 0), 'HEADROOM', 'maxCost is 0', '#DIV/0!');
  });
});

describe('BLENDED_CPQM', () => {
  it('is Σ spend ÷ Σ meetings × show rate × qualification rate', () => {
    // 4 × 0.5 × 0.5 + 10 × 1 × 0.2 = 3 qualified meetings for 400 spent.
    expect(f.BLENDED_CPQM!(col(100, 300), col(4, 10), col(0.5, 0.2), col(0.5, 1))).toBeCloseTo(
      400 / 3,
      9,
    );
    expect(f.BLENDED_CPQM!(col(100, 300), col(4, 10), col(0.5, 0.2))).toBeCloseTo(400 / 4, 9);
    // A single row is that row's CPQM.
    expect(f.BLENDED_CPQM!(1000, 10, 0.5, 0.8)).toBe(250);
    expect(f.BLENDED_CPQM!([[1000]], [[10]], [[0.5]])).toBe(200);
  });

  it('is blank for a table of blank rows, and #DIV/0! when rows give no qualified meeting', () => {
    expect(f.BLENDED_CPQM!(col('', ''), col('', ''), col('', ''))).toBe('');
    expect(f.BLENDED_CPQM!('', '', '')).toBe('');
    const message = messageOf(() => f.BLENDED_CPQM!(col(100, ''), col(0, ''), col(0.5, '')));
    expect(message).toMatch(/^BLENDED_CPQM: \S.*, \S.* \(#DIV\/0!\)$/);
    expect(() => f.BLENDED_CPQM!(100, 10, 0)).toThrow(/\(#DIV\/0!\)$/);
    expect(() => f.BLENDED_CPQM!(100, 10, 0.5, 0)).toThrow(/\(#DIV\/0!\)$/);
  });
});

describe('SQMS_NEEDED and SDRS_NEEDED', () => {
  it('SQMS_NEEDED is quota × coverage ÷ (deal size × SQM-to-opportunity rate), unrounded', () => {
    expect(f.SQMS_NEEDED!(100000, 4, 50000, 0.5)).toBe(16);
    expect(f.SQMS_NEEDED!(90000, 3, 40000, 0.25)).toBe(27);
    expect(f.SQMS_NEEDED!(1000, 1, 400, 1)).toBe(2.5);
    expect(f.SQMS_NEEDED!('$100,000', '4', '$50,000', '50%')).toBe(16);
  });

  it('names the zero divisor of SQMS_NEEDED: dealSize first, then sqmToOpp', () => {
    expectProblem(() => f.SQMS_NEEDED!(1, 1, 0, 0), 'SQMS_NEEDED', 'dealSize is 0', '#DIV/0!');
    expectProblem(() => f.SQMS_NEEDED!(1, 1, 10, 0), 'SQMS_NEEDED', 'sqmToOpp is 0', '#DIV/0!');
    expect(f.SQMS_NEEDED!(col(1, 1), 1, col(0, 10), col(0.5, 0))).toEqual([
      ['#DIV/0! dealSize is 0'],
      ['#DIV/0! sqmToOpp is 0'],
    ]);
  });

  it('SDRS_NEEDED rounds up to whole people, forgiving floating-point noise', () => {
    expect(f.SDRS_NEEDED!(24, 12)).toBe(2);
    expect(f.SDRS_NEEDED!(24.5, 12)).toBe(3);
    expect(f.SDRS_NEEDED!(6, 4)).toBe(2);
    expect(f.SDRS_NEEDED!(2, 8)).toBe(1);
    // 21 ÷ 0.35 is 60 plus noise: 60 SDRs, not 61.
    expect(21 / 0.35).toBeGreaterThan(60);
    expect(f.SDRS_NEEDED!(21, 0.35)).toBe(60);
    expect(f.SDRS_NEEDED!(21.1, 0.35)).toBe(61);
    expectProblem(() => f.SDRS_NEEDED!(5, 0), 'SDRS_NEEDED', 'sqmsPerSdr is 0', '#DIV/0!');
  });
});

describe('numbers equal but for noise', () => {
  it('sameNumber: within 1e-13 of the larger magnitude, bounds included', () => {
    expect(NOISE).toBe(1e-13);
    expect(sameNumber(0, 0)).toBe(true);
    expect(sameNumber(5, 5)).toBe(true);
    expect(sameNumber(-0.3, -(0.1 + 0.2))).toBe(true);
    // A difference of exactly 1e-13 of the larger number is still the same number…
    expect(Math.abs(9999999999999 - 1e13)).toBe(1e13 * NOISE);
    expect(sameNumber(9999999999999, 1e13)).toBe(true);
    expect(sameNumber(1e13, 9999999999999)).toBe(true);
    // …a larger one is not.
    expect(sameNumber(99999999999990, 1e14 + 1)).toBe(false);
    expect(sameNumber(0, 1e-300)).toBe(false);
    expect(sameNumber(1, -1)).toBe(false);
  });

  it('ceilForgiving rounds up a real fraction and keeps a whole number plus noise', () => {
    expect(ceilForgiving(2.000000000001)).toBe(3);
    expect(ceilForgiving(2.0000000000001)).toBe(3);
    // Just above 2 the slack, 2 × 2^-49, is 8 units of 2^-51.
    expect(ceilForgiving(2 + 8 * 2 ** -51)).toBe(2);
    expect(ceilForgiving(2 + 9 * 2 ** -51)).toBe(3);
    expect(ceilForgiving(1.9999999999999998)).toBe(2);
    expect(ceilForgiving(0.2)).toBe(1);
    expect(ceilForgiving(7)).toBe(7);
    expect(ceilForgiving(21 / 0.35)).toBe(60);
  });

  it('ceilForgiving forgives at most 16 units in the last place, however large the value', () => {
    // 9007199254740991 / 591 is 15240607876042.285 exactly (591 × 15240607876042 = 9007199254740822, remainder 169).
    expect(ceilForgiving(9007199254740991 / 591)).toBe(15240607876043);
    expect(f.SDRS_NEEDED!(9007199254740991, 591)).toBe(15240607876043);
    // A unit in the last place is 2^-47 from 32 to 64, and 2^-9 from 2^43 to 2^44 (1.5e13);
    // the slack is 60 × 2^-49, 15 units of 2^-47, and never more than 16 units.
    expect(ceilForgiving(60 + 15 * 2 ** -47)).toBe(60);
    expect(ceilForgiving(60 + 16 * 2 ** -47)).toBe(61);
    expect(ceilForgiving(15240607876042 + 8 * 2 ** -9)).toBe(15240607876042);
    expect(ceilForgiving(15240607876042 + 17 * 2 ** -9)).toBe(15240607876043);
    expect(ceilForgiving(2 ** 50 + 0.25)).toBe(2 ** 50);
    expect(ceilForgiving(2 ** 53)).toBe(2 ** 53);
    expect(f.REVERSE_FUNNEL!(21, 0.35)).toEqual([[60], [21]]);
    expect(f.SDRS_NEEDED!(18, 12)).toBe(2);
  });
});
