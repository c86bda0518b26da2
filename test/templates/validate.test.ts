/** One validator for everything the sidebar sends: field paths and messages that say what to fix. */
import { describe, expect, it } from 'vitest';
import type { SheetInfo } from '../../src/addon/api';
import { defaultSettings, type Settings } from '../../src/addon/settings';
import { buildPlans } from '../../src/addon/templates';
import { parseSettings, validateSettings } from '../../src/addon/validate';
import { mappedSettings } from './helpers';

const SHEETS: SheetInfo[] = [
  {
    name: 'My data',
    headers: ['Channel', 'Month', 'Cost', 'Booked', 'Show %', 'Qual %'],
    dataRows: 4,
  },
];

function errorsAfter(patch: (s: any) => void, base: Settings = defaultSettings()) {
  const s = structuredClone(base) as any;
  patch(s);
  return validateSettings(s, SHEETS);
}

describe('validateSettings', () => {
  it('accepts the defaults, which build straight away', () => {
    expect(validateSettings(defaultSettings(), SHEETS)).toEqual([]);
    expect(validateSettings(defaultSettings())).toEqual([]);
    const parsed = parseSettings(defaultSettings(), SHEETS);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(buildPlans({ settings: parsed.value, sheets: [] })).toHaveLength(4);
  });

  const cases: [string, (s: any) => void, string, RegExp][] = [
    [
      'rate 140',
      (s) => (s.stages[2].rate = 140),
      'stages.2.rate',
      /up to 100% \(you entered 140\)/,
    ],
    ['rate 1.4 (140%)', (s) => (s.stages[0].rate = 1.4), 'stages.0.rate', /\(you entered 140%\)/],
    ['rate 0 before the last stage', (s) => (s.stages[1].rate = 0), 'stages.1.rate', /above 0%/],
    [
      'missing rate',
      (s) => (s.stages[3].rate = null),
      'stages.3.rate',
      /rate from SQL to the next stage as a number/,
    ],
    [
      'a stage list of 1',
      (s) => (s.stages = [{ name: 'Lead', rate: null }]),
      'stages',
      /at least 2 stages \(you have 1\)/,
    ],
    [
      'duplicate stage',
      (s) => (s.stages[2].name = 'lead'),
      'stages.2.name',
      /"lead" is also stage 2/,
    ],
    ['empty stage name', (s) => (s.stages[0].name = ''), 'stages.0.name', /cannot be empty/],
    [
      'unknown meeting stage',
      (s) => (s.meetingStage = 'Demo'),
      'meetingStage',
      /"Demo" is not one of the stages; choose one of: Visitor, Lead/,
    ],
    [
      'deal size 0',
      (s) => (s.economics.dealSize = 0),
      'economics.dealSize',
      /above 0 \(you entered 0\)/,
    ],
    [
      'deal size text',
      (s) => (s.economics.dealSize = '£20k'),
      'economics.dealSize',
      /as a number \(you entered "£20k"\)/,
    ],
    ['negative budget', (s) => (s.economics.budget = -5), 'economics.budget', /0 or more/],
    [
      'close rate 10',
      (s) => (s.economics.closeRate = 10),
      'economics.closeRate',
      /\(you entered 10; enter 10% or 0\.1\)/,
    ],
    ['currency with a quote', (s) => (s.economics.currency = '"'), 'economics.currency', /quotes/],
    [
      'empty channel name',
      (s) => (s.channels.rows[1].name = ' '),
      'channels.rows.1.name',
      /name for channel 2; it cannot be empty/,
    ],
    [
      'negative meetings',
      (s) => (s.channels.rows[0].meetings = -1),
      'channels.rows.0.meetings',
      /Outbound of 0 or more/,
    ],
    [
      'show rate 80',
      (s) => (s.channels.rows[2].showRate = 80),
      'channels.rows.2.showRate',
      /\(you entered 80; enter 80% or 0\.8\)/,
    ],
    ['no channels', (s) => (s.channels.rows = []), 'channels.rows', /at least one channel/],
    ['no templates', (s) => (s.templates = []), 'templates', /at least one template/],
    ['unknown template', (s) => (s.templates = ['pivot']), 'templates', /Unknown template "pivot"/],
    [
      'unknown formula style',
      (s) => (s.formulaStyle = 'excel'),
      'formulaStyle',
      /add-on functions or portable native/,
    ],
  ];
  for (const [name, patch, field, message] of cases) {
    it(`${name} → ${field}`, () => {
      const errors = errorsAfter(patch);
      expect(errors.map((e) => e.field)).toEqual([field]);
      expect(errors[0]!.message).toMatch(message);
    });
  }

  it('mapped channels: the sheet and every header must exist, each column once', () => {
    expect(validateSettings(mappedSettings(), SHEETS)).toEqual([]);
    expect(errorsAfter((s) => (s.channels.sheet = 'Sheet9'), mappedSettings())).toEqual([
      {
        field: 'channels.sheet',
        message: 'There is no sheet named "Sheet9"; pick one of: My data.',
      },
    ]);
    expect(errorsAfter((s) => (s.channels.columns.spend = 'Spend'), mappedSettings())[0]).toEqual({
      field: 'channels.columns.spend',
      message:
        'No column headed "Spend" on sheet "My data"; pick one of: Channel, Month, Cost, Booked, Show %, Qual %.',
    });
    expect(errorsAfter((s) => (s.channels.columns.meetings = 'Cost'), mappedSettings())[0]).toEqual(
      {
        field: 'channels.columns.meetings',
        message: '"Cost" is already the spend column; pick a different column.',
      },
    );
    // Without the workbook (in the sidebar) only the shape is checked.
    const s = mappedSettings();
    if (s.channels.mode === 'mapped') s.channels.sheet = 'Sheet9';
    expect(validateSettings(s)).toEqual([]);
  });

  it('mapped channels: a header used by two columns must be renamed before it can be picked', () => {
    const twice: SheetInfo[] = [
      {
        name: 'My data',
        headers: ['Channel', 'Spend', 'Cost', 'Booked', 'Show %', 'Qual %', 'Spend '],
        dataRows: 4,
      },
    ];
    const s = mappedSettings();
    if (s.channels.mode === 'mapped') s.channels.columns.spend = 'Spend';
    expect(validateSettings(s, twice)).toEqual([
      {
        field: 'channels.columns.spend',
        message:
          'Columns B and G of sheet "My data" are both headed "Spend"; rename one of them, then pick the column again.',
      },
    ]);
    // A header that appears once is fine, even beside a repeated one.
    if (s.channels.mode === 'mapped') s.channels.columns.spend = 'Cost';
    expect(validateSettings(s, twice)).toEqual([]);
  });

  it('reports every bad field at once', () => {
    const errors = errorsAfter((s) => {
      s.stages[1].rate = 2;
      s.economics.targetRoas = 0;
      s.channels.rows[0].name = '';
    });
    expect(errors.map((e) => e.field)).toEqual([
      'stages.1.rate',
      'economics.targetRoas',
      'channels.rows.0.name',
    ]);
  });

  it('anything that is not settings at all', () => {
    for (const input of [null, 'x', 42, []]) {
      expect(validateSettings(input).length).toBeGreaterThan(0);
    }
    expect(validateSettings({}).map((e) => e.field)).toEqual([
      'templates',
      'stages',
      'meetingStage',
      'economics',
      'channels',
      'formulaStyle',
    ]);
  });

  it('keeps only known fields, trimmed, templates in their fixed order', () => {
    const s = { ...defaultSettings(), extra: 1, templates: ['definitions', 'funnelPlan'] } as any;
    s.stages[0].name = '  Visitor ';
    const parsed = parseSettings(s);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).not.toHaveProperty('extra');
    expect(parsed.value.templates).toEqual(['funnelPlan', 'definitions']);
    expect(parsed.value.stages[0]!.name).toBe('Visitor');
    // The last stage's rate is never used, so whatever it carries is dropped.
    s.stages[6].rate = 0.5;
    const again = parseSettings(s);
    expect(again.ok && again.value.stages[6]!.rate).toBeNull();
  });
});
