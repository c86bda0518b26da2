/**
 * Reading a cell as one of a fixed set of labels: matching forgives case,
 * punctuation, spacing, symbols and filler words, and nothing else.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  channelKey,
  channelName,
  channelPattern,
  isPattern,
  isTotalsRow,
  Labels,
  labelKey,
} from '../../src/sheets/labels';
import { problem } from '../unit/throws';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('labelKey', () => {
  it('drops case, spacing and punctuation', () => {
    expect(labelKey('Held')).toBe('held');
    expect(labelKey('NO-SHOW')).toBe('noshow');
    expect(labelKey('  No   show  ')).toBe('noshow');
    expect(labelKey('Not qualified – role')).toBe('notqualifiedrole');
    expect(labelKey('no_show!')).toBe('noshow');
    expect(labelKey('no\tshow\n')).toBe('noshow');
  });

  it('drops filler words, whole words only', () => {
    expect(labelKey('x a an the by due to of for on in at is y')).toBe('xy');
    expect(labelKey('Not qualified by role')).toBe('notqualifiedrole');
    expect(labelKey('THE END')).toBe('end');
    expect(labelKey('Attended')).toBe('attended');
    expect(labelKey('Isolated')).toBe('isolated');
  });

  it('symbols decorate words, and are the label when there is nothing else', () => {
    expect(labelKey('✓ Met')).toBe('met');
    expect(labelKey('Met ✓')).toBe('met');
    expect(labelKey('In→Progress')).toBe('progress');
    expect(labelKey('✓')).toBe('✓');
    expect(labelKey('✓✓')).toBe('✓✓');
    expect(labelKey('👍\uFE0F')).toBe('👍');
  });
});

describe('Labels', () => {
  const outcomes = () =>
    new Labels(
      ['Qualified', 'No show', 'Not qualified'],
      ['q', 'n', 'x'],
      [
        ['✓', 'q'],
        ['Yes', 'q'],
      ],
    );

  it('reads each label however it is spelled, and its aliases', () => {
    const labels = outcomes();
    expect(labels.accepted).toEqual(['Qualified', 'No show', 'Not qualified']);
    expect(labels.read('outcome', 'Qualified')).toBe('q');
    expect(labels.read('outcome', 'qualified ')).toBe('q');
    expect(labels.read('outcome', 'NO-SHOW')).toBe('n');
    expect(labels.read('outcome', 'not qualified')).toBe('x');
    expect(labels.read('outcome', '✓')).toBe('q');
    expect(labels.read('outcome', 'yes')).toBe('q');
  });

  it('gives the same meaning when a spelling comes again', () => {
    const labels = outcomes();
    for (let k = 0; k < 3; k++) {
      expect(labels.read('outcome', 'No show')).toBe('n');
      expect(labels.read('outcome', 'Qualified')).toBe('q');
    }
  });

  it('refuses anything else, quoting it and listing the accepted labels', () => {
    const labels = outcomes();
    const p = problem(() => labels.read('outcome', 'maybe'));
    expect(p.code).toBe('#VALUE!');
    expect(p.text).toBe('outcome "maybe" is not one of the accepted labels');
    expect(p.detail).toMatch(/Qualified, No show, Not qualified$/);
    expect(problem(() => labels.read('outcome', 'maybe')).code).toBe('#VALUE!');
  });

  it('takes no aliases unless given', () => {
    const plain = new Labels(['Met'], ['met']);
    expect(problem(() => plain.read('status', 's')).code).toBe('#VALUE!');
    expect(plain.read('status', 'MET')).toBe('met');
  });

  it('reads booleans and numbers by their text', () => {
    const flags = new Labels(
      ['Met', 'Not met'],
      [true, false],
      [
        ['TRUE', true],
        ['FALSE', false],
      ],
    );
    expect(flags.read('status', true)).toBe(true);
    expect(flags.read('status', false)).toBe(false);
    const scores = new Labels(['1', '2', '3'], ['low', 'mid', 'high']);
    expect(scores.read('score', 2)).toBe('mid');
    expect(scores.read('score', '3')).toBe('high');
    expect(problem(() => scores.read('score', 4)).text).toBe(
      'score 4 is not one of the accepted labels',
    );
  });

  it('never reads a blank or a date as a label, even one spelled like it', () => {
    const odd = new Labels(['null', 'undefined'], [1, 2]);
    expect(problem(() => odd.read('x', null)).text).toBe(
      'x blank is not one of the accepted labels',
    );
    expect(problem(() => odd.read('x', undefined)).code).toBe('#VALUE!');
    const date = new Date(2026, 0, 5);
    expect(problem(() => new Labels([String(date)], [1]).read('x', date)).code).toBe('#VALUE!');
  });
});

describe('Labels remember spellings', () => {
  /** How many times reading `value` works out a label key (each key lowercases the text once). */
  function keysWorkedOut(labels: Labels<unknown>, value: unknown): number {
    const lower = vi.spyOn(String.prototype, 'toLowerCase');
    try {
      labels.read('x', value);
      return lower.mock.calls.length;
    } finally {
      lower.mockRestore();
    }
  }

  it('a text spelling seen before is not worked out again', () => {
    const labels = new Labels(['No show'], ['n']);
    expect(keysWorkedOut(labels, 'no-show')).toBe(1);
    expect(keysWorkedOut(labels, 'no-show')).toBe(0);
    expect(keysWorkedOut(labels, 'NO SHOW')).toBe(1);
  });

  it('numbers and booleans are worked out each time and take no room', () => {
    const numbers = Array.from({ length: 1000 }, (_, k) => String(k));
    const labels = new Labels([...numbers, 'TRUE'], [...numbers, 'yes']);
    for (let k = 0; k < 1000; k++) labels.read('x', k);
    expect(keysWorkedOut(labels, 7)).toBe(1);
    expect(keysWorkedOut(labels, true)).toBe(1);
    expect(keysWorkedOut(labels, true)).toBe(1);
    expect(keysWorkedOut(labels, '7 ')).toBe(1);
    expect(keysWorkedOut(labels, '7 ')).toBe(0);
  });

  it('at most 1000 spellings are remembered', () => {
    const labels = new Labels(['No show'], ['n']);
    const spellings = Array.from({ length: 1001 }, (_, k) => `${' '.repeat(k)}no show`);
    for (const s of spellings) labels.read('x', s);
    expect(keysWorkedOut(labels, spellings[0])).toBe(0);
    expect(keysWorkedOut(labels, spellings[999])).toBe(0);
    expect(keysWorkedOut(labels, spellings[1000])).toBe(1);
    expect(keysWorkedOut(labels, spellings[1000])).toBe(1);
  });
});

describe('channels', () => {
  it('are named trimmed with single spaces and keyed in lower case', () => {
    expect(channelName('\t Paid  \u00a0 Search ')).toBe('Paid Search');
    expect(channelKey('\t Paid  \u00a0 Search ')).toBe('paid search');
  });

  it('match a mapping pattern where * is any run of characters, none included', () => {
    const brand = channelPattern('Brand*');
    expect(brand.test(channelKey('Brand – Search UK'))).toBe(true);
    expect(brand.test(channelKey('brand'))).toBe(true);
    expect(brand.test(channelKey('Non-brand'))).toBe(false);
    const linked = channelPattern('  *LinkedIn*  ');
    expect(linked.test(channelKey('Q1 LINKEDIN   Lead Gen'))).toBe(true);
    expect(linked.test(channelKey('Linked In'))).toBe(false);
    // Doubled spaces in the pattern are one space, as in channels.
    expect(channelPattern('Paid   search *').test(channelKey('paid search  uk'))).toBe(true);
  });

  it('read every other character of a pattern literally', () => {
    const odd = channelPattern('(a+b).[c]?$^|{2}\\*');
    expect(odd.test('(a+b).[c]?$^|{2}\\ anything')).toBe(true);
    expect(odd.test('aab.c')).toBe(false);
    expect(channelPattern('a.c').test('abc')).toBe(false);
    expect(isPattern('Brand*')).toBe(true);
    expect(isPattern('Brand')).toBe(false);
  });
});

describe('totals rows', () => {
  it('are the closing rows exports write, in any case and spacing', () => {
    for (const text of [
      'Total',
      'total:',
      'Totals',
      'Total: All campaigns',
      '  TOTAL:   Account ',
      'Grand total',
      'Total – all',
    ]) {
      expect(isTotalsRow(text), text).toBe(true);
    }
  });

  it('are not data that merely mentions a total, nor numbers and dates', () => {
    for (const value of [
      'Total Wine ads',
      'Subtotal',
      'Totally',
      'Grand',
      0,
      new Date(2026, 0, 1),
    ]) {
      expect(isTotalsRow(value), String(value)).toBe(false);
    }
  });
});
