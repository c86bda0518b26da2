/**
 * The validator's rules on numbers, the one wording of the fix for a rate
 * entered as a percentage, and messages that stay short whatever was typed.
 */
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/addon/settings';
import { parseSettings, validateSettings } from '../../src/addon/validate';
import { nonNegative, positive, positiveRate, rate } from '../../src/addon/validate-rules';
import { toRate } from '../../src/sheets/coerce';
import { percentFix, QUOTE_LIMIT } from '../../src/sheets/format';
import { mappedSettings } from '../templates/helpers';

describe('rules', () => {
  it('positive: above 0', () => {
    expect(positive(0.01)).toBeUndefined();
    expect(positive(0)).toBe('above 0 (you entered 0)');
    expect(positive(-3)).toBe('above 0 (you entered -3)');
  });

  it('nonNegative: 0 or more', () => {
    expect(nonNegative(0)).toBeUndefined();
    expect(nonNegative(12)).toBeUndefined();
    expect(nonNegative(-0.5)).toBe('of 0 or more (you entered -0.5)');
  });

  it('rate: from 0 to 1, both ends included', () => {
    expect(rate(0)).toBeUndefined();
    expect(rate(1)).toBeUndefined();
    expect(rate(-0.1)).toBe('from 0% up to 100% (you entered -10%)');
    expect(rate(1.4)).toBe('from 0% up to 100% (you entered 140%)');
  });

  it('positiveRate: above 0 up to 1', () => {
    expect(positiveRate(0)).toBe('above 0% up to 100% (you entered 0%)');
    expect(positiveRate(0.001)).toBeUndefined();
    expect(positiveRate(1)).toBeUndefined();
    expect(positiveRate(1.0001)).toMatch(/you entered 100\.01%/);
  });

  it('a whole number up to 100 was meant as a percentage, with the fix the cells give', () => {
    for (const n of [2, 10, 60, 100]) {
      const fix = percentFix(n);
      expect(rate(n)).toBe(`from 0% up to 100% (you entered ${n}; ${fix})`);
      expect(positiveRate(n)).toBe(`above 0% up to 100% (you entered ${n}; ${fix})`);
      // The cell functions word the same fix the same way.
      expect(() => toRate('qualRate', n)).toThrow(fix);
    }
    expect(percentFix(60)).toBe('enter 60% or 0.6');
    // Above 100 it was no percentage either; the number is shown as entered.
    expect(rate(140)).toBe('from 0% up to 100% (you entered 140)');
  });

  it('put together into messages about named fields', () => {
    const s = defaultSettings() as any;
    s.economics.closeRate = 60;
    s.economics.revenueTarget = 0;
    expect(validateSettings(s)).toEqual([
      {
        field: 'economics.revenueTarget',
        message: 'Enter a revenue target above 0 (you entered 0).',
      },
      {
        field: 'economics.closeRate',
        message:
          'Enter the close rate from qualified meeting to won deal above 0% up to 100% (you entered 60; enter 60% or 0.6).',
      },
    ]);
  });
});

describe('messages stay short whatever was typed', () => {
  const huge = 'x'.repeat(1_000_000);
  /** Each place a setting can hold text, set to one long string. */
  const patches: [string, (s: any) => void][] = [
    ['templates', (s) => (s.templates = [huge])],
    ['a stage name', (s) => (s.stages[1].name = huge)],
    ['a stage rate', (s) => (s.stages[1].rate = huge)],
    ['the meeting stage', (s) => (s.meetingStage = huge)],
    ['the deal size', (s) => (s.economics.dealSize = huge)],
    ['the close rate', (s) => (s.economics.closeRate = huge)],
    ['the currency', (s) => (s.economics.currency = huge)],
    ['a channel name', (s) => (s.channels.rows[0].name = huge)],
    ['a channel spend', (s) => (s.channels.rows[0].spend = huge)],
    ['a show rate', (s) => (s.channels.rows[0].showRate = huge)],
    ['the channel mode', (s) => (s.channels.mode = huge)],
    ['the formula style', (s) => (s.formulaStyle = huge)],
    ['the attribution window', (s) => (s.attributionWindow = huge)],
  ];
  const mapped: [string, (s: any) => void][] = [
    ['the mapped sheet', (s) => (s.channels.sheet = huge)],
    ['a mapped column', (s) => (s.channels.columns.spend = huge)],
  ];
  const sheets = [
    { name: 'My data', headers: ['Channel', 'Cost', 'Booked', 'Show %', 'Qual %'], dataRows: 4 },
  ];

  for (const [what, patch, base] of [
    ...patches.map(([w, p]) => [w, p, defaultSettings] as const),
    ...mapped.map(([w, p]) => [w, p, mappedSettings] as const),
  ]) {
    it(`a 1,000,000-character string in ${what}`, () => {
      const s = structuredClone(base()) as any;
      patch(s);
      const errors = validateSettings(s, sheets);
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e.message.length).toBeLessThan(300);
        expect(e.message).not.toContain('x'.repeat(QUOTE_LIMIT + 1));
      }
    });
  }

  it('quotes the start of long text and says how long it is', () => {
    const s = defaultSettings() as any;
    s.meetingStage = `Qualified ${huge}`;
    const [error] = validateSettings(s);
    expect(error!.field).toBe('meetingStage');
    expect(error!.message).toMatch(/^"Qualified x+…" \(1,000,010 characters\) is not one/);
  });

  it('still parses a long attribution window within its limit', () => {
    const s = defaultSettings();
    s.attributionWindow = 'y'.repeat(200);
    expect(parseSettings(s).ok).toBe(true);
  });
});
