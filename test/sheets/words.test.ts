/** Words in messages: lists read as sentences, and a message ended so another can follow it. */
import { describe, expect, it } from 'vitest';
import { capitalised, listed, sentence } from '../../src/sheets/words';

describe('words', () => {
  it('lists names as a sentence would', () => {
    expect([[], ['A'], ['A', 'B'], ['A', 'B', 'C']].map((n) => listed(n))).toEqual([
      '',
      'A',
      'A and B',
      'A, B and C',
    ]);
    expect(capitalised('booked meetings')).toBe('Booked meetings');
  });

  it('ends a message with a full stop unless it has one, so the next sentence reads apart', () => {
    expect(sentence('Service error: flush')).toBe('Service error: flush.');
    expect(sentence('(use the company-currency column)')).toBe(
      '(use the company-currency column).',
    );
    expect(sentence('Nothing was changed. ')).toBe('Nothing was changed.');
    expect(sentence('Try again?')).toBe('Try again?');
  });
});
