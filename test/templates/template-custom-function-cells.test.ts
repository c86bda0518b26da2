/**
 * In Sheets every cell holding a custom function is a separate server call,
 * so each template computes a function column with one range call: the
 * number of cells calling a Funnel Math function in a tab must not grow with
 * the channels or the stages. Native tabs call none.
 */
import { describe, expect, it } from 'vitest';
import { type FormulaStyle, type Settings, TEMPLATE_TITLES } from '../../src/addon/settings';
import type { Input } from '../../src/workbook/memory';
import {
  channels,
  createOk,
  customFunctionCells,
  DATA_SHEET,
  mappedSettings,
  settingsWith,
  stages,
  tab,
  userWorkbook,
} from './helpers';

/** Cells calling a catalogue function on each tab, built in memory with every template. */
function counts(settings: Settings, data?: Input[][]): Record<string, number> {
  const wb = userWorkbook(data);
  const tabs = createOk(wb, settings);
  return Object.fromEntries(tabs.map((name) => [name, customFunctionCells(tab(wb, name)).length]));
}

function typed(style: FormulaStyle, channelCount: number, stageCount: number): Settings {
  return settingsWith({
    formulaStyle: style,
    stages: stages(stageCount),
    meetingStage: 'Stage 2',
    channels: { mode: 'typed', rows: channels(channelCount) },
  });
}

/** The user's sheet with `n` channels, in the columns mappedSettings() names. */
function dataSheet(n: number): Input[][] {
  return [
    DATA_SHEET[0]!,
    ...channels(n).map((c) => [c.name, 'Jan', c.spend, c.meetings, c.showRate, c.qualRate]),
  ];
}

/** Every template a new spreadsheet gets. */
const TITLES = settingsWith().templates.map((id) => TEMPLATE_TITLES[id]);

describe('custom-function cells per tab', () => {
  const small = counts(typed('addon', 3, 4));
  const large = counts(typed('addon', 30, 12));

  it.each(TITLES)('%s: as many at 30 channels and 12 stages as at 3 and 4', (title) => {
    expect(Object.keys(small)).toContain(title);
    expect(large[title], title).toBe(small[title]);
  });

  it('every template but Definitions calls the add-on, in a handful of cells', () => {
    for (const title of TITLES) {
      if (title === TEMPLATE_TITLES.definitions) expect(small[title]).toBe(0);
      else expect(small[title], title).toBeGreaterThan(0);
      expect(small[title], title).toBeLessThanOrEqual(6);
    }
  });

  it('a mapped table: as many for 30 channels on the user’s sheet as for 4', () => {
    const four = counts(mappedSettings({ formulaStyle: 'addon' }), dataSheet(4));
    const thirty = counts(mappedSettings({ formulaStyle: 'addon' }), dataSheet(30));
    expect(thirty).toEqual(four);
    // The mapped table's 100 spare rows do not add calls either.
    expect(four[TEMPLATE_TITLES.channelComparison]).toBe(small[TEMPLATE_TITLES.channelComparison]);
  });

  it('native tabs call no custom function, at any size', () => {
    for (const settings of [
      typed('native', 3, 4),
      typed('native', 30, 12),
      mappedSettings({ formulaStyle: 'native' }),
    ]) {
      const found = counts(settings);
      expect(Object.keys(found).sort()).toEqual([...TITLES].sort());
      for (const title of TITLES) expect(found[title], title).toBe(0);
    }
  });
});
