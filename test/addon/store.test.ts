/** Settings read back from the document go through the parser, not a cast. */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/addon/memory-host';
import { loadSettings } from '../../src/addon/saved-settings';
import { defaultSettings } from '../../src/addon/settings';
import { saveSettingsText } from '../../src/addon/store';
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
    const loaded = loadSettings(JSON.stringify(stored));
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
    const loaded = loadSettings(JSON.stringify(stored));
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
      expect(loadSettings(JSON.stringify(value))).toBeNull();
    }
    expect(loadSettings('{"templates": ')).toBeNull();
    expect(loadSettings('')).toBeNull();
    expect(loadSettings(null)).toBeNull();
  });

  it('reopens settings an earlier version saved with every value the user set, new fields at their defaults', () => {
    // The shape of the first versions: mapped channels as mapSheet/mapColumns, one ad-spend
    // sheet as an object with no fixed channel, the period "none", no mapping table, no
    // Full funnel, no formula style, and economics without a budget.
    const columns = {
      name: 'Channel',
      spend: 'Spend',
      meetings: 'Meetings',
      showRate: 'Show',
      qualRate: 'Qual',
    };
    const older = {
      templates: ['channelComparison', 'channelReport'],
      stages: [
        { name: 'Lead', rate: 0.3 },
        { name: 'SQM', rate: 0.5 },
        { name: 'Won', rate: null },
      ],
      meetingStage: 'SQM',
      economics: {
        revenueTarget: 250_000,
        dealSize: 12_000,
        closeRate: 0.15,
        targetRoas: 4,
        currency: '$',
      },
      channels: { mode: 'mapped', mapSheet: 'Budget', mapColumns: columns },
      raw: {
        spend: { sheet: 'Ads', columns: { channel: 'Network', spend: 'Cost', date: '' } },
        meetings: { sheet: 'CRM', columns: { channel: 'Source', outcome: 'Outcome', date: '' } },
        period: 'none',
      },
      meetingLog: null,
      attributionWindow: '30 days',
    };
    const loaded = loadSettings(JSON.stringify(older));
    expect(loaded).toEqual({
      templates: ['channelComparison', 'channelReport'],
      stages: older.stages,
      meetingStage: 'SQM',
      economics: {
        revenueTarget: 250_000,
        dealSize: 12_000,
        closeRate: 0.15,
        targetRoas: 4,
        budget: defaultSettings().economics.budget,
        currency: '$',
      },
      channels: { mode: 'mapped', sheet: 'Budget', columns },
      raw: {
        spend: [
          {
            sheet: 'Ads',
            columns: { channel: 'Network', spend: 'Cost', date: '' },
            fixedChannel: '',
          },
        ],
        meetings: { sheet: 'CRM', columns: { channel: 'Source', outcome: 'Outcome', date: '' } },
        period: null,
      },
      meetingLog: null,
      funnel: null,
      mapping: [],
      formulaStyle: 'addon',
      attributionWindow: '30 days',
    });
  });

  it('reopens a Full funnel saved with its deals sheet: the deals move to the raw data', () => {
    const deals = {
      sheet: 'Deals',
      columns: {
        channel: 'Source',
        amount: 'Amount',
        created: 'Created',
        closed: 'Closed',
        status: 'Stage',
        currency: '',
      },
    };
    const raw = {
      spend: [
        {
          sheet: 'Ads',
          columns: { channel: 'Network', spend: 'Cost', date: 'Day' },
          fixedChannel: '',
        },
      ],
      meetings: { sheet: 'CRM', columns: { channel: 'Source', outcome: 'Outcome', date: 'Date' } },
      period: 'month',
    };
    const contacts = { sheet: 'Contacts', channel: 'Source', stages: ['Created', 'Lead date'] };
    const older = {
      ...defaultSettings(),
      templates: ['fullFunnel'],
      raw,
      funnel: { contacts, deals, view: 'cohort' },
    };
    const loaded = loadSettings(JSON.stringify(older));
    expect(loaded?.raw).toEqual({ ...raw, deals });
    expect(loaded?.funnel).toEqual({ contacts, view: 'cohort' });
  });

  it('reads back what it saved', () => {
    const store = new MemoryStore();
    expect(saveSettingsText(store, JSON.stringify(mappedSettings()))).toBe(true);
    expect(loadSettings(store.read())).toEqual(mappedSettings());
  });
});
