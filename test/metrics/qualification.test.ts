/**
 * Qualification: the schedule decision from an SQM checklist (every status
 * and requirement spelling, the grade, the criteria named), and where a value
 * stands against the benchmark table, exactly at each edge and beside it.
 */
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { REQUIRED_LABELS, STATUS_LABELS } from '../../src/metrics/qualification';

const f = FUNCTIONS as Record<string, (...args: unknown[]) => any>;
const col = (...values: unknown[]) => values.map((v) => [v]);
const decide = (statuses: unknown[], required: unknown[], criteria?: unknown[]) =>
  criteria === undefined
    ? f.SQM_DECISION!(col(...statuses), col(...required))
    : f.SQM_DECISION!(col(...statuses), col(...required), col(...criteria));

const schedule = (met: number, of: number, grade: string) =>
  `SCHEDULE SQM (${met}/${of} required criteria met, ${grade}-Quality)`;
const noDecision =
  'NO DECISION (no criterion is marked Required; mark the ones a meeting must meet)';
const doNot = (met: number, of: number, missing: string) =>
  `DO NOT SCHEDULE (${met}/${of} required criteria met; missing: ${missing})`;

describe('SQM_DECISION', () => {
  it('offers the statuses and requirements a checklist dropdown needs', () => {
    expect([...STATUS_LABELS]).toEqual(['Met', 'Partial', 'Not met']);
    expect([...REQUIRED_LABELS]).toEqual(['Required', 'Optional']);
  });

  it('reads every spelling of met, partial and not met on a required criterion', () => {
    for (const met of ['Met', '✓', '✔', '✅', 'yes', 'true', true, '✓ Met', ' MET ']) {
      expect(decide([met], ['Required']), String(met)).toBe(schedule(1, 1, 'A'));
    }
    for (const partial of ['Partial', '⚠', 'partly', '⚠ Partial']) {
      expect(decide([partial], ['Required']), partial).toBe(schedule(1, 1, 'B'));
    }
    for (const notMet of ['Not met', '✗', '✘', '❌', 'no', 'false', false, '']) {
      expect(decide([notMet], ['Required']), String(notMet)).toBe(doNot(0, 1, 'criterion 1'));
    }
  });

  it('reads every spelling of required and optional', () => {
    for (const required of ['Required', 'true', 'yes', true, '✓ Required', 'REQUIRED']) {
      expect(decide(['Not met'], [required]), String(required)).toBe(doNot(0, 1, 'criterion 1'));
    }
    // An optional, unticked or blank requirement does not hold the meeting back.
    for (const optional of ['Optional', 'false', 'no', false, '']) {
      expect(decide(['Not met', 'Met'], [optional, 'Required']), String(optional)).toBe(
        schedule(1, 1, 'A'),
      );
    }
  });

  it('counts met and partial required criteria as met, and grades by the partial ones', () => {
    expect(decide(['Met', 'Partial', 'Met'], ['Required', 'Required', 'Required'])).toBe(
      schedule(3, 3, 'B'),
    );
    expect(decide(['Partial', 'Partial', 'Met'], ['Required', 'Required', 'Required'])).toBe(
      schedule(3, 3, 'C'),
    );
    expect(decide(['Partial', 'Partial', 'Partial'], ['Required', 'Required', 'Required'])).toBe(
      schedule(3, 3, 'C'),
    );
    // Partial optional criteria do not lower the grade.
    expect(decide(['Met', 'Partial', 'Partial'], ['Required', 'Optional', 'Optional'])).toBe(
      schedule(1, 1, 'A'),
    );
  });

  it('with no criterion marked required, says there is no decision and what to do', () => {
    expect(decide(['Not met', 'Partial'], ['Optional', 'Optional'])).toBe(noDecision);
    expect(decide(['Met', 'Met'], ['', false], ['ICP', 'Budget'])).toBe(noDecision);
    // One required criterion is enough for a decision.
    expect(decide(['Met', 'Met'], ['', 'Required'])).toBe(schedule(1, 1, 'A'));
  });

  it('names the criteria missing, by name or by number', () => {
    expect(
      decide(
        ['Not met', 'Met', 'Partial', '✗'],
        ['Required', 'Required', 'Required', 'Required'],
        ['ICP', 'Budget', 'Pain', 'Timeline'],
      ),
    ).toBe(doNot(2, 4, 'ICP, Timeline'));
    expect(decide(['Met', 'Not met', 'Met', 'no'], ['yes', 'yes', 'yes', 'yes'])).toBe(
      doNot(2, 4, 'criterion 2, criterion 4'),
    );
    // A blank name is numbered; a number is its text.
    expect(decide(['no', 'no', 'Met'], ['yes', 'yes', 'yes'], ['', 42, 'Pain'])).toBe(
      doNot(1, 3, 'criterion 1, 42'),
    );
    // A missing optional criterion is not named.
    expect(decide(['no', 'no'], ['Optional', 'Required'], ['ICP', 'Budget'])).toBe(
      doNot(0, 1, 'Budget'),
    );
  });

  it('skips wholly blank rows but not a row with only a name', () => {
    expect(decide(['', 'Met', ''], ['', 'Required', ''])).toBe(schedule(1, 1, 'A'));
    expect(decide(['', 'Met', ''], ['', 'Required', ''], ['', 'ICP', ''])).toBe(
      schedule(1, 1, 'A'),
    );
    expect(decide(['', ''], ['', ''])).toBe('');
    expect(decide(['', ''], ['', ''], ['', ''])).toBe('');
    // A named row with nothing ticked is an optional criterion: counted as a row, never missing.
    expect(decide([''], [''], ['ICP'])).toBe(noDecision);
  });

  it('names an unknown requirement or a criterion that is not text, with its row', () => {
    expect(() => decide(['Met', 'Met'], ['Required', 'Maybe'])).toThrow(
      /^SQM_DECISION: row 2: required "Maybe" is not one of the accepted labels, use one of: Required, Optional/,
    );
    expect(() => decide(['Met', 'no'], ['Required', 'Required'], ['ICP', true])).toThrow(
      /^SQM_DECISION: row 2: criteria TRUE is not text/,
    );
    expect(() => decide(['Met', 'Met'], ['Required', 'Required'], ['ICP', 'B', 'C'])).toThrow(
      'SQM_DECISION: statuses is 2×1 but criteria is 3×1',
    );
    expect(() => f.SQM_DECISION!(col('Met', 'Met'), col('yes', 'yes', 'yes'))).toThrow(
      'SQM_DECISION: statuses is 2×1 but required is 3×1',
    );
  });

  it('reads a checklist laid out in a row, numbering criteria in reading order', () => {
    expect(f.SQM_DECISION!([['Met', 'no', 'no']], [['yes', 'yes', 'yes']])).toBe(
      doNot(1, 3, 'criterion 2, criterion 3'),
    );
  });
});

/** [metric, top edge, average edge, higher is better, only strictly better than top is top]. */
const TABLE: [string, number, number, boolean, boolean][] = [
  ['sqms_per_sdr', 12, 8, true, false],
  ['sqm_to_opp', 0.45, 0.25, true, false],
  ['sqm_to_close', 0.15, 0.08, true, false],
  ['deal_size', 65000, 42000, true, false],
  ['days_to_close', 58, 82, false, false],
  ['no_show', 0.08, 0.2, false, true],
  ['ae_accept', 0.9, 0.7, true, false],
];

describe('SQM_BENCHMARK', () => {
  const place = (metric: string, value: unknown) => f.SQM_BENCHMARK!(metric, value);

  it.each(TABLE)(
    '%s: exactly at each edge, equal but for noise, and 1% beside it',
    (metric, top, average, higher, strict) => {
      const better = (edge: number) => (higher ? edge * 1.01 : edge * 0.99);
      const worse = (edge: number) => (higher ? edge * 0.99 : edge * 1.01);
      const atTop = strict ? 'Average' : 'Top performer';
      for (const v of [top, top * (1 + 1e-14), top * (1 - 1e-14)]) {
        expect(place(metric, v), `${v}`).toBe(atTop);
      }
      expect(place(metric, better(top))).toBe('Top performer');
      expect(place(metric, worse(top))).toBe('Average');
      for (const v of [average, average * (1 + 1e-14), average * (1 - 1e-14)]) {
        expect(place(metric, v), `${v}`).toBe('Average');
      }
      expect(place(metric, better(average))).toBe('Average');
      expect(place(metric, worse(average))).toBe('Below average');
    },
  );

  it('wants rates as fractions, and counts, money and days as 0 or more', () => {
    for (const [metric, top, , , strict] of TABLE) {
      if (top < 1) {
        expect(() => place(metric, top * 100), metric).toThrow(
          new RegExp(`^SQM_BENCHMARK: value ${top * 100}( \\(\\d+%\\))? is above 100%`),
        );
        expect(() => place(metric, -0.1), metric).toThrow(
          /^SQM_BENCHMARK: value -0\.1 is negative/,
        );
        expect(place(metric, 1), metric).toBe(strict ? 'Below average' : 'Top performer');
        expect(place(metric, 0), metric).toBe(strict ? 'Top performer' : 'Below average');
      } else {
        expect(() => place(metric, -1), metric).toThrow(/^SQM_BENCHMARK: value -1 is negative/);
        expect(place(metric, String(top)), metric).toBe('Top performer');
      }
    }
  });

  it('reads its value by rule 4: a percentage for a rate metric, an amount for deal size', () => {
    expect(place('sqm_to_opp', '60%')).toBe('Top performer');
    expect(place('sqm_to_opp', '30 %')).toBe('Average');
    expect(place('no_show', '5%')).toBe('Top performer');
    expect(place('no_show', '25%')).toBe('Below average');
    expect(place('deal_size', '$65,000')).toBe('Top performer');
    expect(place('deal_size', '42.000 €')).toBe('Average');
    expect(place('days_to_close', '58')).toBe('Top performer');
    expect(f.SQM_BENCHMARK!(col('sqm_to_opp', 'deal_size'), col('20%', 'USD 50,000'))).toEqual([
      ['Below average'],
      ['Average'],
    ]);
  });

  it('refuses a decoration that does not fit the metric', () => {
    expect(() => place('sqm_to_opp', '$0.5')).toThrow(
      /^SQM_BENCHMARK: value "\$0\.5" is not a number, enter a number such as 0\.35 or 35%/,
    );
    expect(() => place('deal_size', '60%')).toThrow(
      /^SQM_BENCHMARK: value "60%" is not a number, enter a number such as 1200, 1,204\.50 or \$950/,
    );
    expect(() => place('sqms_per_sdr', '$12')).toThrow(
      /^SQM_BENCHMARK: value "\$12" is not a number/,
    );
    expect(() => place('sqm_to_opp', '#N/A')).toThrow(
      'SQM_BENCHMARK: value is the sheet error "#N/A", the sheet has an error there: fix it first (#VALUE!)',
    );
    expect(() => place('deal_size', new Date(2026, 0, 5))).toThrow(/is a date, not a number/);
  });

  it('matches metric keys however they are spelled', () => {
    expect(place('SQMs per SDR', 12)).toBe('Top performer');
    expect(place('Days to close', 100)).toBe('Below average');
    expect(place('  NO SHOW ', 0.05)).toBe('Top performer');
  });
});
