/** The playground grid's number formats, and the harness's word when Chromium is missing. */
import { describe, expect, it } from 'vitest';
import { formats } from '../../src/addon/templates/common';
import { asTyped } from '../../src/playground/typed';
import { formatNumber } from '../../src/workbook/number-format';
import { launchBrowser } from './harness';

describe('the playground grid', () => {
  it('shows numbers in the formats the templates write', () => {
    const pounds = formats('£');
    expect(formatNumber(1234567.891, pounds.money)).toBe('£1,234,568');
    expect(formatNumber(135.714285, pounds.cents)).toBe('£135.71');
    expect(formatNumber(0.35, pounds.percent)).toBe('35.0%');
    expect(formatNumber(3, pounds.multiple)).toBe('3.0×');
    expect(formatNumber(190000, pounds.count)).toBe('190,000');
    expect(formatNumber(1200, formats('CHF').money)).toBe('CHF 1,200');
    expect(formatNumber(46027, pounds.date)).toBe('2026-01-05');
    expect(formatNumber(46027.75, pounds.date)).toBe('2026-01-05');
    expect(formatNumber(1, 'dd/mm/yyyy')).toBeUndefined();
  });
});

describe('the formula bar', () => {
  it('shows text as typed, keeping the apostrophe only where the text would otherwise read as something else', () => {
    expect(asTyped("'Channel")).toBe('Channel');
    expect(asTyped("'Total: All campaigns")).toBe('Total: All campaigns');
    expect(asTyped("'Brand – Search UK")).toBe('Brand – Search UK');
    expect(asTyped('=CPQM(B2, C2, E2, D2)')).toBe('=CPQM(B2, C2, E2, D2)');
    expect(asTyped('950')).toBe('950');
    for (const kept of [
      "'$332.37",
      "'1,204.50",
      "'2026-01-15 10:32",
      "'TRUE",
      "'=A1",
      "''quoted",
      "'-5%",
    ]) {
      expect(asTyped(kept)).toBe(kept);
    }
  });
});

describe('the browser harness', () => {
  it('says how to install Chromium when it is missing', async () => {
    await expect(launchBrowser('/nowhere/chromium')).rejects.toThrow(/apt-get install -y chromium/);
  });
});
