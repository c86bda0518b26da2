/** Settings read back from the document go through the parser, not a cast. */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/addon/memory-host';
import { defaultSettings } from '../../src/addon/settings';
import { loadSettings, saveSettings } from '../../src/addon/store';
import { mappedSettings } from '../templates/helpers';

describe('loadSettings', () => {
  it('gives stored settings back typed and trimmed, without fields it does not know', () => {
    const stored = structuredClone(defaultSettings()) as any;
    stored.extra = '<script>';
    stored.economics.extra = 1;
    stored.stages[0].name = '  Visitor ';
    stored.stages[0].note = 'kept out';
    stored.channels.rows[1].name = ' Paid social  ';
    stored.channels.rows[1].colour = 'red';
    stored.meetingStage = ' SQM ';
    stored.attributionWindow = ' 90 days from first touch ';
    const loaded = loadSettings(new MemoryStore(JSON.stringify(stored)));
    expect(loaded).toEqual(defaultSettings());
    expect(loaded).not.toHaveProperty('extra');
    expect(loaded!.economics).not.toHaveProperty('extra');
    expect(loaded!.stages[0]).not.toHaveProperty('note');
    expect(loaded!.channels.mode === 'typed' && loaded!.channels.rows[1]).not.toHaveProperty(
      'colour',
    );
  });

  it('keeps a mapped sheet name as it is, and the mapped columns without extras', () => {
    const stored = structuredClone(mappedSettings()) as any;
    stored.channels.sheet = 'Data ';
    stored.channels.columns.spend = ' Cost ';
    stored.channels.columns.budget = 'Budget';
    const loaded = loadSettings(new MemoryStore(JSON.stringify(stored)));
    expect(loaded?.channels).toEqual({
      mode: 'mapped',
      sheet: 'Data ',
      columns: {
        name: 'Channel',
        spend: 'Cost',
        meetings: 'Booked',
        showRate: 'Show %',
        qualRate: 'Qual %',
      },
    });
  });

  it('gives null for stored settings that do not parse', () => {
    const bad: unknown[] = [
      { ...defaultSettings(), stages: [] },
      { ...defaultSettings(), templates: ['pivot'] },
      { ...defaultSettings(), formulaStyle: 'excel' },
      { ...defaultSettings(), economics: { ...defaultSettings().economics, closeRate: 60 } },
      [],
      'settings',
      null,
    ];
    for (const value of bad) {
      expect(loadSettings(new MemoryStore(JSON.stringify(value)))).toBeNull();
    }
    expect(loadSettings(new MemoryStore('{"templates": '))).toBeNull();
    expect(loadSettings(new MemoryStore(''))).toBeNull();
    expect(loadSettings(new MemoryStore())).toBeNull();
  });

  it('reads back what it saved', () => {
    const store = new MemoryStore();
    expect(saveSettings(store, mappedSettings())).toBe(true);
    expect(loadSettings(store)).toEqual(mappedSettings());
  });
});
