/** The wizard's draft ↔ Settings conversion and header matching, without a browser. */
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/addon/settings';
import { BUDGET_ROWS } from '../../src/playground/sample';
import {
  bestSheet,
  fromSettings,
  parseNumber,
  percent,
  suggestColumns,
  toSettings,
} from '../../src/sidebar/model';
import { PREVIEW, STEPS, stepOf } from '../../src/sidebar/state';

describe('the wizard draft', () => {
  it('gives the defaults back unchanged when nothing is edited', () => {
    const { settings, errors } = toSettings(fromSettings(defaultSettings(), []));
    expect(errors).toEqual([]);
    expect(settings).toEqual(defaultSettings());
  });

  it('shows rates as percent without float noise and reads them back as fractions', () => {
    expect(percent(0.07)).toBe('7');
    expect(percent(0.035)).toBe('3.5');
    expect(percent(null)).toBe('');
    const draft = fromSettings(defaultSettings(), []);
    draft.stages[1]!.rate = '7';
    draft.economics.closeRate = '12.5%';
    const { settings } = toSettings(draft);
    expect(settings.stages[1]!.rate).toBe(0.07);
    expect(settings.economics.closeRate).toBe(0.125);
  });

  it('passes a rate of 140% on as 1.4 for the server to refuse, and flags text that is no number', () => {
    const draft = fromSettings(defaultSettings(), []);
    draft.stages[2]!.rate = '140';
    draft.economics.dealSize = 'lots';
    draft.economics.budget = '';
    const { settings, errors } = toSettings(draft);
    expect(settings.stages[2]!.rate).toBe(1.4);
    expect(errors.map((e) => e.field)).toEqual(['economics.dealSize', 'economics.budget']);
    expect(errors[0]!.message).toContain('lots');
  });

  it('keeps the meeting stage through renames and moves', () => {
    const draft = fromSettings(defaultSettings(), []);
    const sqm = draft.stages.findIndex((s) => s.name === 'SQM');
    draft.stages[sqm]!.name = 'Qualified meeting';
    const [moved] = draft.stages.splice(sqm, 1);
    draft.stages.splice(1, 0, moved!);
    const { settings } = toSettings(draft);
    expect(settings.meetingStage).toBe('Qualified meeting');
    expect(settings.stages.at(-1)!.rate).toBeNull();
  });

  it('reads numbers as people type them', () => {
    expect(parseNumber('1,200')).toBe(1200);
    expect(parseNumber(' 35% ')).toBe(35);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('£1200')).toBeNaN();
    expect(parseNumber('1.2.3')).toBeNaN();
  });
});

describe('matching channel fields to headers', () => {
  it('finds every field in the sample budget sheet', () => {
    expect(suggestColumns(BUDGET_ROWS[0] as string[])).toEqual({
      name: 'Channel',
      spend: 'Spend',
      meetings: 'Meetings',
      showRate: 'Show rate',
      qualRate: 'Qual %',
    });
  });

  it('does not let "Meetings" take a "Meeting show rate" column, and leaves unknown fields open', () => {
    expect(suggestColumns(['Source', 'Cost', 'Meeting show rate', 'Booked meetings'])).toEqual({
      name: 'Source',
      spend: 'Cost',
      meetings: 'Booked meetings',
      showRate: 'Meeting show rate',
      qualRate: '',
    });
  });

  it('picks the sheet whose headers match the most fields', () => {
    const sheets = [
      { name: 'Meeting log', headers: ['Date', 'Channel', 'Outcome'], dataRows: 10 },
      { name: 'Budget', headers: BUDGET_ROWS[0] as string[], dataRows: 4 },
    ];
    expect(bestSheet(sheets)?.name).toBe('Budget');
    expect(bestSheet([])).toBeUndefined();
  });
});

describe('placing a server message', () => {
  it('opens the step that holds the field', () => {
    const step = (field: string) => STEPS[stepOf(field)]!.key;
    expect(step('templates')).toBe('templates');
    expect(step('stages.2.rate')).toBe('stages');
    expect(step('meetingStage')).toBe('stages');
    expect(step('economics.dealSize')).toBe('economics');
    expect(step('attributionWindow')).toBe('economics');
    expect(step('channels.columns.spend')).toBe('channels');
    expect(step('channels.rows.1.qualRate')).toBe('channels');
    expect(step('formulaStyle')).toBe('style');
    expect(stepOf('')).toBe(PREVIEW);
  });
});
