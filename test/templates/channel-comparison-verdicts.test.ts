/**
 * Channel comparison's verdicts by the one rule, in the real engine and both
 * formula styles: no spend, spend without a qualified meeting, error cells
 * and text costs in the user's sheet, and channel names that a criterion
 * would misread.
 */
import { describe, expect, it } from 'vitest';
import type { FormulaStyle, Settings, TypedChannel } from '../../src/addon/settings';
import { CHANNEL_LAYOUT, COMPUTED } from '../../src/addon/templates/channel-comparison';
import { VERDICTS } from '../../src/metrics/verdict';
import { type Input, MemoryWorkbook } from '../../src/workbook/memory';
import { adCostsChannels, at, createOk, customFunctionCells, settingsWith, tab } from './helpers';

const TAB = 'Channel comparison';
const { blendedRow: BLENDED, firstChannelRow: FIRST } = CHANNEL_LAYOUT;
const STYLES: FormulaStyle[] = ['addon', 'native'];

/** Max CPQM = 18,000 × 25% ÷ 2.5 = 1,800. */
const economics: Settings['economics'] = {
  revenueTarget: 900_000,
  dealSize: 18_000,
  closeRate: 0.25,
  targetRoas: 2.5,
  budget: 50_000,
  currency: '€',
};

/** The comparison tab built over `sheets` with these channels. */
function comparison(
  style: FormulaStyle,
  channels: Settings['channels'],
  sheets: Record<string, Input[][]>,
) {
  const wb = MemoryWorkbook.fromSheets(sheets);
  createOk(
    wb,
    settingsWith({ templates: ['channelComparison'], economics, formulaStyle: style, channels }),
  );
  return tab(wb, TAB);
}

const typed = (style: FormulaStyle, rows: TypedChannel[]) =>
  comparison(style, { mode: 'typed', rows }, { Notes: [['x']] });

/** The user's sheet "Ad costs", headed Source, Cost, Booked, Show, Qual. */
const mapped = (style: FormulaStyle, data: Input[][]) =>
  comparison(style, adCostsChannels(), { 'Ad costs': data });

const verdicts = (snap: ReturnType<typeof tab>, n: number) =>
  Array.from({ length: n }, (_, k) => at(snap, FIRST + k, COMPUTED.verdict));

describe('channel comparison verdicts', () => {
  for (const style of STYLES) {
    it(`${style}: no spend is "no spend recorded", spend without a qualified meeting is uneconomical`, () => {
      // 900 ÷ (10 × 100% × 50%) = 180, headroom 90%; 5,000 ÷ (4 × 50% × 50%) = 5,000, headroom < 0.
      const rows: TypedChannel[] = [
        { name: 'Free referrals', spend: 0, meetings: 6, showRate: 1, qualRate: 0.5 },
        { name: 'Cold calls', spend: 700, meetings: 5, showRate: 1, qualRate: 0 },
        { name: 'Search', spend: 900, meetings: 10, showRate: 1, qualRate: 0.5 },
        { name: 'Events', spend: 5000, meetings: 4, showRate: 0.5, qualRate: 0.5 },
        { name: 'No-shows', spend: 300, meetings: 3, showRate: 0, qualRate: 0.5 },
      ];
      const snap = typed(style, rows);
      expect(verdicts(snap, rows.length)).toEqual([
        VERDICTS.noSpend,
        VERDICTS.uneconomical,
        VERDICTS.economical,
        VERDICTS.uneconomical,
        VERDICTS.uneconomical,
      ]);
      // Blended: 6,900 ÷ (3 + 5 + 1) qualified = 766.67 ≤ 1,800.
      expect(at(snap, BLENDED, COMPUTED.cpqm)).toBeCloseTo(6900 / 9, 9);
      expect(at(snap, BLENDED, COMPUTED.verdict)).toBe(VERDICTS.economical);
    });

    it(`${style}: a table whose channels spent nothing says so on the blended row too`, () => {
      const snap = typed(style, [
        { name: 'Referrals', spend: 0, meetings: 6, showRate: 1, qualRate: 0.5 },
      ]);
      expect(at(snap, FIRST, COMPUTED.verdict)).toBe(VERDICTS.noSpend);
      expect(at(snap, BLENDED, COMPUTED.verdict)).toBe(VERDICTS.noSpend);
    });

    it(`${style}: every channel spent and none qualified: the blended row is uneconomical`, () => {
      const snap = typed(style, [
        { name: 'A', spend: 400, meetings: 0, showRate: 1, qualRate: 0.5 },
        { name: 'B', spend: 600, meetings: 5, showRate: 1, qualRate: 0 },
      ]);
      expect(at(snap, BLENDED, COMPUTED.verdict)).toBe(VERDICTS.uneconomical);
    });

    it(`${style}: names a criterion would misread are plain names here`, () => {
      const names = ['Brand*', '=Events', '<none>', '2026'];
      const snap = typed(
        style,
        names.map((name) => ({ name, spend: 900, meetings: 10, showRate: 1, qualRate: 0.5 })),
      );
      names.forEach((name, k) => {
        expect(at(snap, FIRST + k, 0)).toBe(name);
        expect(at(snap, FIRST + k, COMPUTED.cpqm)).toBeCloseTo(180, 9);
        expect(at(snap, FIRST + k, COMPUTED.verdict)).toBe(VERDICTS.economical);
      });
      expect(at(snap, BLENDED, 1)).toBe(3600);
    });

    it(`${style}: an error cell in the user's sheet says check data, and the other rows still count`, () => {
      const snap = mapped(style, [
        ['Source', 'Cost', 'Booked', 'Show', 'Qual'],
        ['Search', 900, 10, 1, 0.5],
        ['Display', '=NA()', 10, 1, 0.5],
        ['Events', 4000, '=1/0', 1, 0.5],
      ]);
      expect(verdicts(snap, 3)).toEqual([
        VERDICTS.economical,
        VERDICTS.checkData,
        VERDICTS.checkData,
      ]);
      expect(at(snap, FIRST, COMPUTED.cpqm)).toBeCloseTo(180, 9);
      expect(at(snap, BLENDED, COMPUTED.verdict)).toBe(VERDICTS.checkData);
    });
  }

  it('add-on: no custom function is handed a range that may hold an error cell', () => {
    const snap = mapped('addon', [
      ['Source', 'Cost', 'Booked', 'Show', 'Qual'],
      ['Search', 900, 10, 1, 0.5],
    ]);
    /** The top-level arguments of `=NAME(a,b,…)`. */
    const args = (text: string) => {
      const out: string[] = [];
      let depth = 0;
      let current = '';
      for (const ch of text.slice(text.indexOf('(') + 1, -1)) {
        if (ch === ',' && depth === 0) {
          out.push(current);
          current = '';
          continue;
        }
        if (ch === '(') depth++;
        if (ch === ')') depth--;
        current += ch;
      }
      return [...out, current];
    };
    const calls = customFunctionCells(snap).map((key) => {
      const [r, c] = key.split(',').map(Number) as [number, number];
      return String(snap.formulas[r]![c]);
    });
    const guarded = calls.filter((t) => /^=(CPQM|COST_PER_MEETING|HEADROOM)\(/.test(t));
    expect(guarded).toHaveLength(3);
    for (const text of guarded) {
      const ranges = args(text).filter((a) => /^[A-Z]+\d+:[A-Z]+$/.test(a));
      expect(ranges, text).toEqual([]);
    }
  });

  it('costs written as text: the add-on reads them, natively the row says check data', () => {
    const data: Input[][] = [
      ['Source', 'Cost', 'Booked', 'Show', 'Qual'],
      ['Search', 900, 10, 1, 0.5],
      ['LinkedIn', '€332.37', 4, 1, 0.5],
    ];
    const addon = mapped('addon', data);
    expect(at(addon, FIRST + 1, COMPUTED.cpqm)).toBeCloseTo(332.37 / 2, 9);
    expect(at(addon, FIRST + 1, COMPUTED.verdict)).toBe(VERDICTS.economical);
    const native = mapped('native', data);
    expect(at(native, FIRST + 1, COMPUTED.verdict)).toBe(VERDICTS.checkData);
    // The blended spend natively leaves the text out, so the blend cannot be judged.
    expect(at(native, BLENDED, COMPUTED.verdict)).toBe(VERDICTS.checkData);
  });
});
