/**
 * The mapping table (rule 13): its rows, header, blanks and errors, first
 * match in table order, and a random comparison with a naive reading that
 * tries every row in order with a regular expression built character by character.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAPPING_FIELDS, type Mapping, readMapping } from '../../src/sheets/mapping';
import { CallError } from '../../src/sheets/problem';
import { thrown } from '../unit/throws';

const MEANINGS = {
  outcome: ['Qualified', 'No show', 'Ignore'],
  'deal status': ['Won', 'Lost', 'Open'],
};
const read = (rows: unknown[][]) => readMapping(rows, MEANINGS);
const message = (rows: unknown) => {
  const e = thrown(() => readMapping(rows, MEANINGS));
  expect(e).toBeInstanceOf(CallError);
  return (e as Error).message;
};

describe('the mapping table', () => {
  it('is empty when omitted or blank', () => {
    for (const blank of [undefined, '', [['']]]) {
      const m = readMapping(blank, MEANINGS);
      expect(m.channel.size + m.outcome.size + m.dealStatus.size).toBe(0);
      expect(m.channel.lookup('Brand')).toBeUndefined();
    }
  });

  it('lists its fields', () => {
    expect(MAPPING_FIELDS).toEqual(['channel', 'outcome', 'deal status']);
  });

  it('skips a header row of Field, Value, Means in any case, and only as the first row', () => {
    const m = read([
      ['FIELD', ' value', 'Means'],
      ['channel', 'Brand*', 'Paid search'],
    ]);
    expect(m.channel.size).toBe(1);
    expect(
      message([
        ['channel', 'Brand*', 'Paid search'],
        ['Field', 'Value', 'Means'],
      ]),
    ).toBe('mapping row 2: field "Field" is not a field; use channel, outcome or deal status');
  });

  it('reads fields in any case and spacing, and Means as the canonical label', () => {
    const m = read([
      [' Channel ', 'li', ' Linked  In '],
      ['OUTCOME', 'Completed', 'qualified'],
      ['Deal  Status', 'Signed', 'WON'],
    ]);
    expect(m.channel.lookup('LI')).toBe('Linked In');
    expect(m.outcome.lookup('completed')).toBe('Qualified');
    expect(m.dealStatus.lookup(' signed ')).toBe('Won');
  });

  it('skips rows with a blank value or meaning, whatever their field says', () => {
    const m = read([
      ['channel', '', 'Paid search'],
      ['nonsense', 'x', ''],
      ['outcome', '   ', 'Qualified'],
      ['channel', 'a', 'A'],
    ]);
    expect(m.channel.size).toBe(1);
    expect(m.outcome.size).toBe(0);
  });

  it('lets the first matching row win, exact and pattern rows taken in table order', () => {
    const m = read([
      ['channel', 'Brand*', 'Paid search'],
      ['channel', 'Brand – Search UK', 'Brand UK'],
      ['channel', 'brand – search us', 'Brand US'],
      ['channel', '*US', 'America'],
      ['channel', 'Generic US', 'Generic'],
      ['channel', 'Generic US', 'Second'],
    ]);
    expect(m.channel.lookup('Brand – Search UK')).toBe('Paid search');
    expect(m.channel.lookup('Generic US')).toBe('America');
    expect(m.channel.lookup('Display')).toBeUndefined();
    const later = read([
      ['channel', 'Generic US', 'Generic'],
      ['channel', '*US', 'America'],
      ['channel', 'generic  us', 'Second'],
    ]);
    expect(later.channel.lookup(' GENERIC US')).toBe('Generic');
    expect(later.channel.lookup('Other US')).toBe('America');
  });

  it('matches numbers and TRUE by their text', () => {
    const m = read([
      ['channel', 2026, 'Year'],
      ['deal status', true, 'Won'],
    ]);
    expect(m.channel.lookup('2026')).toBe('Year');
    expect(m.dealStatus.lookup('true')).toBe('Won');
  });

  it('names the mapping row of an unknown field or a meaning its field does not allow', () => {
    expect(message([['Campaign', 'Brand*', 'Paid search']])).toBe(
      'mapping row 1: field "Campaign" is not a field; use channel, outcome or deal status',
    );
    expect(message([['', 'Brand*', 'Paid search']])).toBe(
      'mapping row 1: the field is blank; use channel, outcome or deal status',
    );
    expect(
      message([
        ['Field', 'Value', 'Means'],
        ['outcome', 'Completed', 'Qualified'],
        ['outcome', 'Canceled', 'Maybe'],
      ]),
    ).toBe(
      'mapping row 3: "Maybe" is not something an outcome can mean; use one of: Qualified, No show, Ignore',
    );
    expect(message([['deal status', 'Signed', 'Closed']])).toBe(
      'mapping row 1: "Closed" is not something a deal status can mean; use one of: Won, Lost, Open',
    );
  });

  it('quotes at most 40 characters of a value', () => {
    const long = 'x'.repeat(100);
    expect(message([[long, 'a', 'b']])).toBe(
      `mapping row 1: field "${'x'.repeat(40)}…" (100 characters) is not a field; use channel, outcome or deal status`,
    );
  });

  it('must be three columns, not a single value', () => {
    expect(message([['channel', 'a']])).toBe(
      'mapping is 1×2; give a range of three columns: Field, Value, Means',
    );
    expect(message('channel')).toBe(
      'mapping "channel" is a single value; give a range of three columns: Field, Value, Means',
    );
  });

  it('answers a 10,000-row table over 200,000 cells without slowing to a crawl', () => {
    const rows: unknown[][] = [];
    for (let k = 0; k < 10_000; k++) rows.push(['channel', `Campaign ${k}`, `Channel ${k % 7}`]);
    rows.push(['channel', '*', 'Everything else']);
    const m = read(rows);
    const counted = new Map<string | undefined, number>();
    for (let k = 0; k < 200_000; k++) {
      const found = m.channel.lookup(`Campaign ${k % 12_000}`);
      counted.set(found, (counted.get(found) ?? 0) + 1);
    }
    // Campaigns 10,000 to 11,999 match only the closing * row: 2,000 in each of the 16 full
    // rounds of 12,000 cells; the last 8,000 cells stop at Campaign 7,999.
    expect(counted.get('Everything else')).toBe(32_000);
    expect(counted.get(undefined)).toBeUndefined();
    expect(m.channel.lookup('Campaign 9999')).toBe('Channel 3');
  });
});

/** The naive reading: every row in order, a regular expression built one character at a time. */
function naive(rows: unknown[][], field: string, text: string): string | undefined {
  const tidy = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  for (const [f, value, means] of rows) {
    if (typeof f !== 'string' || tidy(f) !== field) continue;
    if (tidy(String(value)) === '' || tidy(String(means)) === '') continue;
    let source = '';
    for (const ch of tidy(String(value))) {
      source += ch === '*' ? '[^]*' : `\\u{${ch.codePointAt(0)!.toString(16)}}`;
    }
    if (new RegExp(`^${source}$`, 'u').test(tidy(text))) {
      return field === 'channel'
        ? String(means).trim().replace(/\s+/g, ' ')
        : MEANINGS[field as 'outcome'].find((m) => m.toLowerCase() === tidy(String(means)));
    }
  }
  return undefined;
}

const piece = fc.constantFrom(
  'brand',
  'Brand',
  ' search',
  'uk',
  'US',
  ' ',
  '  ',
  '-',
  '.',
  '(',
  '*',
);
const textArb = fc.array(piece, { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
const rowArb = fc.oneof(
  fc.tuple(
    fc.constantFrom('channel', 'Channel '),
    textArb,
    fc.constantFrom('Paid', 'Brand  X', 'y'),
  ),
  fc.tuple(fc.constant('outcome'), textArb, fc.constantFrom(...MEANINGS.outcome, 'NO SHOW')),
);

describe('the mapping table against a naive reading', () => {
  it('gives every cell the meaning of its first matching row', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 12 }),
        fc.array(
          textArb.map((t) => t.replace(/\*/g, '')),
          { minLength: 1, maxLength: 20 },
        ),
        (rows, cells) => {
          const m: Mapping = read(rows);
          for (const cell of cells) {
            expect(m.channel.lookup(cell), cell).toBe(naive(rows, 'channel', cell));
            expect(m.outcome.lookup(cell), cell).toBe(naive(rows, 'outcome', cell));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
