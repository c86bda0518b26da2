/**
 * AppsScriptWorkbook against a recording fake of SpreadsheetApp: writing a
 * template takes the same number of calls however many stages or channels
 * it has, and the add-on's server calls run under the document lock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appsScriptHost, SETTINGS_KEY } from '../../src/addon/apps-script-host';
import { createTemplates } from '../../src/addon/server';
import { type Settings, TEMPLATE_IDS, type TemplateId } from '../../src/addon/settings';
import { buildPlans } from '../../src/addon/templates';
import { parseSettings } from '../../src/addon/validate';
import { AppsScriptWorkbook } from '../../src/workbook/apps-script';
import { writePlans } from '../../src/workbook/write';
import { type Recorder, recorder } from '../fakes/recorder';
import { type FakeSpreadsheet, fakeSpreadsheet } from '../fakes/spreadsheet';
import { channels, DATA_SHEET, mappedSettings, seedSettings, stages } from './helpers';

const USER_SHEETS = [
  { name: 'My data', headers: DATA_SHEET[0]!.map(String), dataRows: 4 },
  { name: 'Notes', headers: ['Quarter plan'], dataRows: 1 },
];

let fake: FakeSpreadsheet;
beforeEach(() => {
  fake = fakeSpreadsheet(USER_SHEETS);
  vi.stubGlobal('SpreadsheetApp', fake.app);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** Spreadsheet calls to write one template with these settings. */
function callsFor(template: TemplateId, settings: Settings, f: FakeSpreadsheet = fake): number {
  const workbook = new AppsScriptWorkbook(f.spreadsheet);
  const parsed = parseSettings({ ...settings, templates: [template] }, workbook.sheets());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const plans = buildPlans({ settings: parsed.value, sheets: workbook.sheets() });
  const before = f.rec.calls.length;
  writePlans(workbook, plans);
  return f.rec.calls.length - before;
}

describe('calls per template do not grow with its size', () => {
  for (const template of TEMPLATE_IDS) {
    for (const style of ['addon', 'native'] as const) {
      it(`${template} (${style}): 3 vs 30 channels, 4 vs 12 stages, typed vs mapped`, () => {
        const counts = [
          seedSettings({ formulaStyle: style, channels: { mode: 'typed', rows: channels(3) } }),
          seedSettings({ formulaStyle: style, channels: { mode: 'typed', rows: channels(30) } }),
          seedSettings({ formulaStyle: style, stages: stages(4), meetingStage: 'Stage 2' }),
          seedSettings({ formulaStyle: style, stages: stages(12), meetingStage: 'Stage 2' }),
          mappedSettings({ formulaStyle: style }),
        ].map((s) => callsFor(template, s, fakeSpreadsheet(USER_SHEETS)));
        expect(new Set(counts).size, counts.join(', ')).toBe(1);
        expect(counts[0]).toBeLessThan(50);
      });
    }
  }

  it('writes each block with one setValues over the whole range', () => {
    callsFor(
      'channelComparison',
      seedSettings({ channels: { mode: 'typed', rows: channels(30) } }),
    );
    const writes = fake.rec.calls.filter((c) => c.path === 'Sheet.setValues');
    const grids = writes.map((c) => c.args[0] as unknown[][]);
    expect(grids.some((g) => g.length === 32)).toBe(true);
    expect(fake.rec.count('Sheet.setValue(')).toBe(0);
    expect(
      fake.rec.calls.some((c) => c.path === 'Sheet.setValue' || c.path === 'Sheet.setFormula'),
    ).toBe(false);
    // Text is written as text: a leading apostrophe keeps Sheets from parsing it.
    expect(grids.flat(2)).toContain("'Channel 1");
  });

  it('the outcome dropdown only warns with add-on functions; natively every dropdown is strict', () => {
    for (const style of ['addon', 'native'] as const) {
      const before = fake.rec.calls.length;
      callsFor('meetingOutcomes', seedSettings({ formulaStyle: style }));
      const strictness = fake.rec.calls
        .slice(before)
        .filter((c) => c.path === 'SpreadsheetApp.setAllowInvalid')
        .map((c) => c.args[0]);
      expect(strictness, style).toEqual([false, false, style === 'addon']);
    }
  });

  it('a failure midway deletes the half-made tab and reports why', () => {
    const workbook = new AppsScriptWorkbook(fake.spreadsheet);
    const parsed = parseSettings(seedSettings(), workbook.sheets());
    if (!parsed.ok) throw new Error('bad settings');
    const plans = buildPlans({ settings: parsed.value, sheets: workbook.sheets() });
    fake.failOn('setDataValidation');
    expect(() => writePlans(workbook, plans)).toThrow(
      'Could not create "Meeting outcomes": Service error: setDataValidation',
    );
    expect(fake.names()).toEqual(['My data', 'Notes']);
    expect(fake.rec.count('Spreadsheet.deleteSheet')).toBe(3);
  });
});

describe('the Apps Script host', () => {
  /** The spreadsheet fake, recorded properties, and a LockService answering as `lock` says. */
  function stubServicesWithLock(lock: (path: string) => unknown): Recorder {
    const rec = recorder();
    vi.stubGlobal(
      'SpreadsheetApp',
      Object.assign(Object.create(null), { getActive: () => fake.spreadsheet }),
    );
    vi.stubGlobal('PropertiesService', rec.service('PropertiesService'));
    vi.stubGlobal('LockService', rec.service('LockService', lock));
    return rec;
  }

  it('creates under the document lock, flushes, and saves the settings in document properties', () => {
    const rec = recorder();
    let saved: string | null = null;
    vi.stubGlobal(
      'SpreadsheetApp',
      Object.assign(Object.create(null), {
        getActive: () => fake.spreadsheet,
        flush: () => rec.calls.push({ path: 'SpreadsheetApp.flush', args: [] }),
        newDataValidation: () => (fake.app as any).newDataValidation(),
        newConditionalFormatRule: () => (fake.app as any).newConditionalFormatRule(),
      }),
    );
    vi.stubGlobal(
      'PropertiesService',
      rec.service('PropertiesService', (path, args) => {
        if (path.endsWith('.getProperty')) return saved;
        if (path.endsWith('.setProperty')) {
          saved = args[1] as string;
          return null;
        }
        return undefined;
      }),
    );
    vi.stubGlobal(
      'LockService',
      rec.service('LockService', (path) => (path.endsWith('.tryLock') ? true : undefined)),
    );
    const result = createTemplates(appsScriptHost(), seedSettings());
    expect(result).toEqual({
      ok: true,
      value: { tabs: ['Funnel plan', 'Channel comparison', 'Meeting outcomes', 'Definitions'] },
    });
    expect(rec.calls.map((c) => c.path)).toEqual([
      'PropertiesService.getDocumentProperties',
      'LockService.getDocumentLock',
      'LockService.tryLock',
      'PropertiesService.setProperty',
      'SpreadsheetApp.flush',
      'LockService.releaseLock',
    ]);
    expect(rec.calls[3]!.args[0]).toBe(SETTINGS_KEY);
    expect(JSON.parse(saved!)).toEqual(seedSettings());
  });

  it('without a document lock (not run from a spreadsheet) writes nothing and says why', () => {
    const rec = stubServicesWithLock((path) =>
      path.endsWith('.getDocumentLock') ? null : undefined,
    );
    const result = createTemplates(appsScriptHost(), seedSettings());
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'templates',
          message:
            'Funnel Math can only change the spreadsheet it runs in: open the spreadsheet and use Extensions → Funnel Math. Nothing was changed.',
        },
      ],
    });
    expect(fake.names()).toEqual(['My data', 'Notes']);
    expect(rec.calls.map((c) => c.path)).toEqual([
      'PropertiesService.getDocumentProperties',
      'LockService.getDocumentLock',
    ]);
  });

  it('a busy lock writes nothing and says to try again', () => {
    const rec = stubServicesWithLock((path) => (path.endsWith('.tryLock') ? false : undefined));
    const result = createTemplates(appsScriptHost(), seedSettings());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/in progress; try again/);
    expect(fake.names()).toEqual(['My data', 'Notes']);
    expect(rec.count('LockService.releaseLock')).toBe(0);
  });
});
