/**
 * Meeting outcomes: what each CRM label and alias counts as, the show and
 * qualification rates, and the summary by segment.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE, FUNCTIONS } from '../../src/metrics/catalogue';
import { OUTCOME_LABELS, OUTCOME_MEANINGS, OUTCOMES } from '../../src/metrics/outcomes';
import type { WholeRangeSpec } from '../../src/metrics/spec';

const f = FUNCTIONS as Record<string, (...args: unknown[]) => any>;
const col = (...values: unknown[]) => values.map((v) => [v]);
const HEADER = [
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

function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the call did not throw');
}

/** Booked, held, no-shows and qualified of a log of one label, read from the summary. */
function counts(label: unknown): number[] {
  const table = f.OUTCOME_SUMMARY!(col(label)) as unknown[][];
  return table[1]!.slice(1, 5) as number[];
}

describe('outcome labels', () => {
  it('lists the six labels a CRM field should offer, in order', () => {
    expect([...OUTCOME_LABELS]).toEqual([
      'Qualified',
      'Not qualified – company size',
      'Not qualified – role',
      'Not qualified – budget',
      'No show',
      'Rescheduled – pending',
    ]);
  });

  it('counts each label and alias as booked, held, no-show or qualified', () => {
    const held = [1, 1, 0, 0];
    expect(counts('Qualified')).toEqual([1, 1, 0, 1]);
    expect(counts('Not qualified – company size')).toEqual(held);
    expect(counts('Not qualified – role')).toEqual(held);
    expect(counts('Not qualified – budget')).toEqual(held);
    expect(counts('Not qualified')).toEqual(held);
    expect(counts('not qualified by budget')).toEqual(held);
    expect(counts('No show')).toEqual([1, 0, 1, 0]);
    expect(counts('no-show')).toEqual([1, 0, 1, 0]);
    // Pending meetings count in none of them, but the segment is still listed.
    expect(counts('Rescheduled – pending')).toEqual([0, 0, 0, 0]);
    expect(counts('Rescheduled')).toEqual([0, 0, 0, 0]);
  });

  it('refuses anything else in a single rate, naming its row and how to map it', () => {
    expect(() => f.SHOW_RATE!(col('Qualified', 'Maybe'))).toThrow(
      /^SHOW_RATE: row 2: outcomes "Maybe" is not one of the accepted labels/,
    );
    expect(() => f.QUAL_RATE!(col('Qualified', true))).toThrow(/^QUAL_RATE: row 2: outcomes TRUE/);
    expect(messageOf(() => f.SHOW_RATE!(col('Qualified', ' Completed ')))).toBe(
      'SHOW_RATE: row 2: outcomes " Completed " is not one of the accepted labels, use one of: Qualified, Not qualified – company size, Not qualified – role, Not qualified – budget, No show, Rescheduled – pending; or map it with a mapping row: outcome, Completed, and the label it means (or Ignore) (#VALUE!)',
    );
  });

  it('counts anything else in the summary as Unrecognised, and in no other column (behaviour changed: it was refused)', () => {
    expect(f.OUTCOME_SUMMARY!(col('Pending', 'Qualified', true))).toEqual([
      HEADER,
      ['All', 1, 1, 0, 1, 1, 1, 0, 2],
    ]);
  });
});

describe('SHOW_RATE and QUAL_RATE', () => {
  it('SHOW_RATE is held ÷ (held + no-shows); pending meetings count in neither', () => {
    expect(f.SHOW_RATE!(col('Qualified', 'No show'))).toBe(0.5);
    expect(f.SHOW_RATE!(col('Qualified', 'No show', 'Not qualified', 'Rescheduled'))).toBe(2 / 3);
    expect(f.SHOW_RATE!(col('No show', 'No show', 'Qualified'))).toBe(1 / 3);
    expect(f.SHOW_RATE!(col('No show'))).toBe(0);
    expect(f.SHOW_RATE!('Qualified')).toBe(1);
  });

  it('QUAL_RATE is qualified ÷ held', () => {
    expect(f.QUAL_RATE!(col('Qualified', 'Not qualified', 'No show'))).toBe(0.5);
    expect(
      f.QUAL_RATE!(col('Qualified', 'Not qualified', 'Not qualified', 'Qualified', 'Qualified')),
    ).toBe(3 / 5);
    expect(f.QUAL_RATE!(col('Not qualified – role'))).toBe(0);
  });

  it('is blank for a log of blanks, and #DIV/0! without the meetings it divides by', () => {
    expect(f.SHOW_RATE!(col('', ''))).toBe('');
    expect(f.QUAL_RATE!(col('', ''))).toBe('');
    expect(messageOf(() => f.SHOW_RATE!(col('Rescheduled', '')))).toMatch(
      /^SHOW_RATE: outcomes \S.*, \S.* \(#DIV\/0!\)$/,
    );
    expect(messageOf(() => f.QUAL_RATE!(col('No show', 'Rescheduled')))).toMatch(
      /^QUAL_RATE: outcomes \S.*, \S.* \(#DIV\/0!\)$/,
    );
  });

  it('names the empty range a script passes', () => {
    expect(() => f.SHOW_RATE!([])).toThrow(/^SHOW_RATE: outcomes is an empty range/);
    expect(() => f.QUAL_RATE!([])).toThrow(/^QUAL_RATE: outcomes is an empty range/);
    expect(() => f.OUTCOME_SUMMARY!([])).toThrow(/^OUTCOME_SUMMARY: outcomes is an empty range/);
    expect(() => f.OUTCOME_SUMMARY!([], col('a', 'b'))).toThrow(
      /^OUTCOME_SUMMARY: outcomes is an empty range/,
    );
  });
});

describe('OUTCOME_SUMMARY', () => {
  it('one row per segment in order of first appearance, counts and rates per segment', () => {
    expect(
      f.OUTCOME_SUMMARY!(
        col('Qualified', 'No show', 'Qualified', 'Not qualified', 'Rescheduled', 'Qualified', ''),
        col('Events', 'Ads', 'Ads', 'Events', 'Ads', 'Events', 'Webinar'),
      ),
    ).toEqual([HEADER, ['Events', 3, 3, 0, 2, 1, 2 / 3, 0, 0], ['Ads', 2, 1, 1, 1, 0.5, 1, 1, 0]]);
  });

  it('puts meetings without a segment under (blank)', () => {
    expect(
      f.OUTCOME_SUMMARY!(col('Qualified', 'No show', 'Qualified'), col('Ads', '', '')),
    ).toEqual([HEADER, ['Ads', 1, 1, 0, 1, 1, 1, 0, 0], ['(blank)', 2, 1, 1, 1, 0.5, 1, 0, 0]]);
  });

  it('without segments, or with a blank one, gives one row All', () => {
    const log = col('Qualified', 'No show', 'Not qualified');
    const all = [HEADER, ['All', 3, 2, 1, 1, 2 / 3, 0.5, 0, 0]];
    expect(f.OUTCOME_SUMMARY!(log)).toEqual(all);
    expect(f.OUTCOME_SUMMARY!(log, '')).toEqual(all);
    expect(f.OUTCOME_SUMMARY!(log, [['']])).toEqual(all);
    // A single segment repeats down the log.
    expect(f.OUTCOME_SUMMARY!(log, 'Ads')).toEqual([HEADER, ['Ads', 3, 2, 1, 1, 2 / 3, 0.5, 0, 0]]);
  });

  it('shows a segment without held meetings as error texts in its rate cells only', () => {
    expect(f.OUTCOME_SUMMARY!(col('No show', 'Qualified'), col('A', 'B'))).toEqual([
      HEADER,
      ['A', 1, 0, 1, 0, 0, '#DIV/0! outcomes has no held meeting', 0, 0],
      ['B', 1, 1, 0, 1, 1, 1, 0, 0],
    ]);
  });

  it('names a segment that is not text, and segments of another size', () => {
    expect(() => f.OUTCOME_SUMMARY!(col('Qualified', 'Qualified'), col('Ads', true))).toThrow(
      /^OUTCOME_SUMMARY: row 2: segments TRUE is not text/,
    );
    expect(() =>
      f.OUTCOME_SUMMARY!(col('Qualified', 'Qualified', 'No show'), col('A', 'B')),
    ).toThrow('OUTCOME_SUMMARY: outcomes is 3×1 but segments is 2×1');
  });

  it('reads month dates as months and other dates as days', () => {
    const months = f.OUTCOME_SUMMARY!(
      col('Qualified', 'No show'),
      col(new Date(2026, 0, 1), new Date(2026, 1, 1)),
    ) as unknown[][];
    expect(months.slice(1).map((r) => r[0])).toEqual(['2026-01', '2026-02']);
    const days = f.OUTCOME_SUMMARY!(
      col('Qualified', 'No show'),
      col(new Date(2026, 0, 1), new Date(2026, 1, 3)),
    ) as unknown[][];
    expect(days.slice(1).map((r) => r[0])).toEqual(['2026-01-01', '2026-02-03']);
  });

  it('reserves a header and one row per cell of the larger range', () => {
    const size = (CATALOGUE.find((s) => s.name === 'OUTCOME_SUMMARY') as WholeRangeSpec)
      .resultSize!;
    expect(
      size([
        { rows: 5, cols: 1 },
        { rows: 5, cols: 1 },
      ]),
    ).toEqual({ rows: 6, cols: 9 });
    expect(
      size([
        { rows: 5, cols: 1 },
        { rows: 1, cols: 1 },
      ]),
    ).toEqual({ rows: 6, cols: 9 });
    expect(
      size([
        { rows: 1, cols: 1 },
        { rows: 2, cols: 3 },
      ]),
    ).toEqual({ rows: 7, cols: 9 });
    expect(size([{ rows: 5, cols: 1 }, undefined])).toEqual({ rows: 2, cols: 9 });
    expect(size([undefined, undefined])).toEqual({ rows: 2, cols: 9 });
  });
});

describe('the outcome meaning table', () => {
  it('starts with the six labels and gives each spelling its meaning', () => {
    expect(OUTCOME_MEANINGS.slice(0, 6).map(([label]) => label)).toEqual([...OUTCOME_LABELS]);
    const counted = { qualified: 0, notQualified: 0, noShow: 0, pending: 0 };
    for (const [spelling, meaning] of OUTCOME_MEANINGS) {
      expect(OUTCOMES.find(spelling), spelling).toBe(meaning);
      counted[meaning]++;
    }
    // Qualified; three reasons plus "Not qualified"; No show; Rescheduled – pending and "Rescheduled".
    expect(counted).toEqual({ qualified: 1, notQualified: 4, noShow: 1, pending: 2 });
  });
});

describe('outcomes with a mapping table', () => {
  const mapping = [
    ['Field', 'Value', 'Means'],
    ['outcome', 'Completed', 'qualified'],
    ['outcome', 'Cancel*', 'Ignore'],
    ['outcome', 'No show', 'Not qualified – role'],
    ['channel', 'Brand*', 'Paid search'],
  ];

  it('reads mapping rows before the labels, and counts Ignore nowhere', () => {
    // Completed is qualified and both cancellations ignored; the row for "No show" comes before
    // the label, so it is not qualified; "no-show" is another spelling (mapping values forgive
    // case and spacing, as channels do, not punctuation) and stays a no-show.
    const log = col('Completed', 'Canceled', 'No show', 'Cancelled by prospect', 'no-show');
    expect(f.SHOW_RATE!(log, mapping)).toBe(2 / 3);
    expect(f.QUAL_RATE!(log, mapping)).toBe(1 / 2);
    expect(f.SHOW_RATE!(col('Canceled'), mapping)).toBe('');
  });

  it('applies channel rows to the summary’s segments', () => {
    expect(
      f.OUTCOME_SUMMARY!(
        col('Completed', 'Qualified', 'Maybe'),
        col('Brand – UK', 'Brand – US', 'Events'),
        mapping,
      ),
    ).toEqual([
      HEADER,
      ['Paid search', 2, 2, 0, 2, 1, 1, 0, 0],
      [
        'Events',
        0,
        0,
        0,
        0,
        '#DIV/0! outcomes has no held meeting and no no-show',
        '#DIV/0! outcomes has no held meeting',
        0,
        1,
      ],
    ]);
  });

  it('names the mapping row the call cannot read', () => {
    expect(() => f.SHOW_RATE!(col('Completed'), [['outcome', 'Completed', 'Great']])).toThrow(
      'SHOW_RATE: mapping row 1: "Great" is not something an outcome can mean; use one of: Qualified, Not qualified – company size, Not qualified – role, Not qualified – budget, No show, Rescheduled – pending, Ignore',
    );
  });
});
