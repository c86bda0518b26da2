/** Tabs a user reads without fixing them: columns wide enough, plurals right, no currency assumed. */
import { describe, expect, it } from 'vitest';
import type { FormulaStyle } from '../../src/addon/settings';
import { QUALIFICATION_CHECKLIST } from '../../src/addon/templates/meeting-outcomes';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { at, createOk, settingsWith, tab } from './helpers';

/** Sheets' default column width, which cuts off longer labels. */
const SHEETS_DEFAULT_PX = 100;

function built(style: FormulaStyle) {
  const wb = MemoryWorkbook.fromSheets({ Notes: [['x']] });
  const tabs = createOk(
    wb,
    settingsWith({
      formulaStyle: style,
      templates: ['funnelPlan', 'channelComparison', 'meetingOutcomes'],
    }),
  );
  return { wb, tabs };
}

describe('readable tabs', () => {
  for (const style of ['addon', 'native'] as const) {
    it(`${style}: every column a tab writes into gets a width, label columns wider than the default`, () => {
      const { wb, tabs } = built(style);
      for (const name of tabs) {
        const { widths } = wb.meta(name);
        const snap = tab(wb, name);
        const used = new Set<number>();
        snap.values.forEach((row) => {
          row.forEach((v, c) => {
            if (v !== null && v !== '') used.add(c);
          });
        });
        for (const c of used) expect(widths[c], `${name} column ${c + 1}`).toBeGreaterThan(0);
      }
      // Column A holds labels such as "Close rate from SQM to won deal" (31 characters).
      expect(wb.meta('Funnel plan').widths[0]).toBeGreaterThan(SHEETS_DEFAULT_PX);
      expect(wb.meta('Channel comparison').widths[0]).toBeGreaterThan(SHEETS_DEFAULT_PX);
    });
  }

  it('the last stage is named in the plural where the plan counts it', () => {
    const { wb } = built('native');
    const labels = tab(wb, 'Funnel plan').values.map((row) => String(row[0] ?? ''));
    expect(labels.some((l) => l.startsWith('Customers needed'))).toBe(true);
    expect(labels.some((l) => l.startsWith('Customer needed'))).toBe(false);
  });

  it('the checklist’s sample answers name no currency', () => {
    const { wb } = built('addon');
    const snap = tab(wb, 'Meeting outcomes');
    const answers = QUALIFICATION_CHECKLIST.map((row) => row[4]);
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) expect(answer).not.toMatch(/[$£€¥]|\b(USD|EUR|GBP)\b/);
    expect(snap.values.flat().some((v) => typeof v === 'string' && /[$£€¥]\d/.test(v))).toBe(false);
    expect(at(snap, 0, 0)).toBe('Meeting outcomes & qualification');
  });
});
