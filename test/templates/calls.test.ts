/**
 * AppsScriptWorkbook against a recording fake of SpreadsheetApp: writing a
 * template takes the same number of calls however many stages or channels
 * it has, and the add-on's server calls run under the document lock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appsScriptHost, SETTINGS_KEY } from '../../src/addon/apps-script-host';
import { type Settings, TEMPLATE_IDS, type TemplateId } from '../../src/addon/settings';
import { buildPlans } from '../../src/addon/templates';
import { parseSettings } from '../../src/addon/validate';
import { AppsScriptWorkbook } from '../../src/workbook/apps-script';
import { writePlans } from '../../src/workbook/write';
import { type FakeServices, type FakeServicesOptions, fakeServices } from '../fakes/services';
import { wizardOn } from '../fakes/sidebar-calls';
import { type FakeSheetSpec, type FakeSpreadsheet, fakeSpreadsheet } from '../fakes/spreadsheet';
import { channels, DATA_SHEET, mappedSettings, settingsWith, stages } from './helpers';

const USER_SHEETS: FakeSheetSpec[] = [
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
  const plans = buildPlans({
    settings: parsed.value,
    sheets: workbook.sheets(),
    read: (sheet, col) => workbook.columnValues(sheet, col),
  });
  const before = f.rec.calls.length;
  writePlans(workbook, plans);
  return f.rec.calls.length - before;
}

describe('calls per template do not grow with its size', () => {
  // The Channel report reads raw tables, not the channels of the settings: counted below.
  // The Full funnel reads CRM exports too: template-full-funnel.test.ts counts its cells.
  for (const template of TEMPLATE_IDS.filter((t) => t !== 'channelReport' && t !== 'fullFunnel')) {
    for (const style of ['addon', 'native'] as const) {
      it(`${template} (${style}): 3 vs 30 channels, 4 vs 12 stages, typed vs mapped`, () => {
        const counts = [
          settingsWith({ formulaStyle: style, channels: { mode: 'typed', rows: channels(3) } }),
          settingsWith({ formulaStyle: style, channels: { mode: 'typed', rows: channels(30) } }),
          settingsWith({ formulaStyle: style, stages: stages(4), meetingStage: 'Stage 2' }),
          settingsWith({ formulaStyle: style, stages: stages(12), meetingStage: 'Stage 2' }),
          mappedSettings({ formulaStyle: style }),
        ].map((s) => callsFor(template, s, fakeSpreadsheet(USER_SHEETS)));
        // Mapped channels are formulas where typed ones are values: another cut of the rows, at any size.
        expect(new Set(counts.slice(0, 4)).size, counts.join(', ')).toBe(1);
        expect(Math.max(...counts)).toBeLessThan(60);
      });
    }
  }

  for (const style of ['addon', 'native'] as const) {
    it(`channelReport (${style}): raw tables of 3 vs 30 channels, by month and without a period`, () => {
      const raw = (channels: number): FakeSheetSpec[] => [
        {
          name: 'Ads export',
          headers: ['Day', 'Channel', 'Cost'],
          values: Array.from({ length: 120 }, (_, k) => [
            new Date(2026, k % 3, 1 + (k % 28)),
            `Channel ${(k % channels) + 1}`,
            100 + k,
          ]),
        },
        {
          name: 'CRM meetings',
          headers: ['Meeting date', 'Source', 'Meeting outcome'],
          values: Array.from({ length: 90 }, (_, k) => [
            new Date(2026, k % 3, 2 + (k % 27)),
            `Channel ${(k % channels) + 1}`,
            k % 3 === 0 ? 'Qualified' : 'No show',
          ]),
        },
      ];
      const counts = [3, 30].flatMap((channels) =>
        (['month', null] as const).map((period) =>
          callsFor(
            'channelReport',
            settingsWith({
              formulaStyle: style,
              raw: {
                spend: [
                  {
                    sheet: 'Ads export',
                    columns: { channel: 'Channel', spend: 'Cost', date: 'Day' },
                    fixedChannel: '',
                  },
                ],
                meetings: {
                  sheet: 'CRM meetings',
                  columns: { channel: 'Source', outcome: 'Meeting outcome', date: 'Meeting date' },
                },
                period,
              },
            }),
            fakeSpreadsheet(raw(channels)),
          ),
        ),
      );
      // With a period the tab also has its chart: one more call, at any size.
      expect(counts[0], counts.join(', ')).toBe(counts[2]);
      expect(counts[1], counts.join(', ')).toBe(counts[3]);
      expect(counts[0]! - counts[1]!).toBeGreaterThan(0);
      // Column widths, the one read-back of the tab after writing, and formulas
      // written apart from values (setFormulas) take a few calls more.
      expect(Math.max(...counts)).toBeLessThan(80);
    });
  }

  it('writes values with setValues and formulas with setFormulas, a table’s rows in one call each', () => {
    const writes = (n: number) => {
      const f = fakeSpreadsheet(USER_SHEETS);
      callsFor(
        'channelComparison',
        settingsWith({ channels: { mode: 'typed', rows: channels(n) } }),
        f,
      );
      return f.rec.calls.filter(
        (c) => c.path === 'Range.setValues' || c.path === 'Range.setFormulas',
      );
    };
    const [three, thirty] = [writes(3), writes(30)];
    expect(thirty.map((c) => c.path)).toEqual(three.map((c) => c.path));
    const grids = (calls: typeof thirty, path: string) =>
      calls.filter((c) => c.path === path).map((c) => c.args[0] as unknown[][]);
    // The 27 more channels make the same calls 27 rows taller: their typed cells and their computed columns.
    const height = (calls: typeof thirty, path: string) =>
      grids(calls, path).reduce((n, g) => n + g.length, 0);
    expect(height(thirty, 'Range.setValues') - height(three, 'Range.setValues')).toBe(27);
    expect(height(thirty, 'Range.setFormulas') - height(three, 'Range.setFormulas')).toBe(27);
    // No formula goes through setValues, and nothing but formulas (or blanks) through setFormulas.
    for (const g of grids(thirty, 'Range.setValues')) {
      expect(g.flat().some((v) => typeof v === 'string' && v.startsWith('='))).toBe(false);
    }
    for (const g of grids(thirty, 'Range.setFormulas')) {
      expect(g.flat().every((v) => v === '' || (typeof v === 'string' && v.startsWith('=')))).toBe(
        true,
      );
    }
    expect(
      fake.rec.calls.some((c) => c.path === 'Range.setValue' || c.path === 'Range.setFormula'),
    ).toBe(false);
    // Text is written as text: a leading apostrophe keeps Sheets from parsing it.
    expect(grids(thirty, 'Range.setValues').flat(2)).toContain("'Channel 1");
  });

  it('the outcome dropdown only warns with add-on functions; natively every dropdown is strict', () => {
    for (const style of ['addon', 'native'] as const) {
      const before = fake.rec.calls.length;
      callsFor('meetingOutcomes', settingsWith({ formulaStyle: style }));
      const strictness = fake.rec.calls
        .slice(before)
        .filter((c) => c.path === 'DataValidationBuilder.setAllowInvalid')
        .map((c) => c.args[0]);
      expect(strictness, style).toEqual([false, false, style === 'addon']);
    }
  });

  it('a failure midway deletes the half-made tab and reports why', () => {
    const workbook = new AppsScriptWorkbook(fake.spreadsheet);
    const parsed = parseSettings(settingsWith(), workbook.sheets());
    if (!parsed.ok) throw new Error('bad settings');
    const plans = buildPlans({
      settings: parsed.value,
      sheets: workbook.sheets(),
      read: (sheet, col) => workbook.columnValues(sheet, col),
    });
    fake.failOn('setDataValidation');
    expect(() => writePlans(workbook, plans)).toThrow(
      'Could not create "Meeting outcomes": Service error: setDataValidation',
    );
    expect(fake.names()).toEqual(['My data', 'Notes']);
    expect(fake.rec.count('Spreadsheet.deleteSheet')).toBe(3);
  });
});

describe('the Apps Script host', () => {
  /** Google's services as recording fakes, installed as the globals Apps Script code reads. */
  function install(specs = USER_SHEETS, options: FakeServicesOptions = {}): FakeServices {
    const services = fakeServices(specs, options);
    for (const [name, value] of Object.entries(services.globals)) vi.stubGlobal(name, value);
    return services;
  }

  /** The calls to the document's properties and lock, and flush, in order. */
  function serviceCalls(services: FakeServices): string[] {
    return services.rec.calls
      .map((c) => c.path)
      .filter((path) => /^(Properties|Lock)|^SpreadsheetApp\.flush$/.test(path));
  }

  it('creates under the document lock, flushes before saving, and saves the settings in document properties', () => {
    const services = install();
    const result = wizardOn(appsScriptHost()).createTemplates(settingsWith());
    expect(result).toEqual({
      ok: true,
      value: { tabs: ['Funnel plan', 'Channel comparison', 'Meeting outcomes', 'Definitions'] },
    });
    expect(serviceCalls(services)).toEqual([
      'PropertiesService.getDocumentProperties',
      'LockService.getDocumentLock',
      'Lock.tryLock',
      'SpreadsheetApp.flush',
      'Properties.setProperty',
      'Lock.releaseLock',
    ]);
    expect(JSON.parse(services.properties.get(SETTINGS_KEY)!)).toEqual(settingsWith());
  });

  it('without a document lock (not run from a spreadsheet) writes nothing and says why', () => {
    const services = install(USER_SHEETS, { lock: 'none' });
    const result = wizardOn(appsScriptHost()).createTemplates(settingsWith());
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
    expect(services.names()).toEqual(['My data', 'Notes']);
    expect(serviceCalls(services)).toEqual([
      'PropertiesService.getDocumentProperties',
      'LockService.getDocumentLock',
    ]);
  });

  it('a busy lock writes nothing and says to try again', () => {
    const services = install(USER_SHEETS, { lock: 'busy' });
    const result = wizardOn(appsScriptHost()).createTemplates(settingsWith());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/in progress; try again/);
    expect(services.names()).toEqual(['My data', 'Notes']);
    expect(services.rec.count('Lock.releaseLock')).toBe(0);
  });

  it('a failing flush removes every new tab, says what failed, and saves no settings', () => {
    const services = install();
    services.failOn('flush');
    const result = wizardOn(appsScriptHost()).createTemplates(settingsWith());
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'templates',
          message: 'Could not create the new tabs: Service error: flush. Nothing was changed.',
        },
      ],
    });
    expect(services.names()).toEqual(['My data', 'Notes']);
    expect(services.rec.count('Spreadsheet.deleteSheet')).toBe(4);
    expect(services.rec.count('Properties.setProperty')).toBe(0);
    expect(services.properties.has(SETTINGS_KEY)).toBe(false);
    expect(services.rec.count('Lock.releaseLock')).toBe(1);
  });
});

describe('a chart on its own sheet (SheetType.OBJECT) and a data source sheet (DATASOURCE)', () => {
  const WITH_CHART_SHEET: FakeSheetSpec[] = [
    ...USER_SHEETS,
    { name: 'Funnel plan', type: 'OBJECT' },
    { name: 'Pipeline chart', type: 'OBJECT' },
    { name: 'BigQuery leads', type: 'DATASOURCE' },
  ];

  function install(saved?: Settings): FakeServices {
    const services = fakeServices(WITH_CHART_SHEET);
    for (const [name, value] of Object.entries(services.globals)) vi.stubGlobal(name, value);
    if (saved) services.properties.set(SETTINGS_KEY, JSON.stringify(saved));
    return services;
  }

  const typed = (n: number) => settingsWith({ channels: { mode: 'typed', rows: channels(n) } });

  it('is left out of the sheets to map, but its name stays taken', () => {
    const services = install();
    const workbook = new AppsScriptWorkbook(services.spreadsheet);
    expect(workbook.sheets().map((s) => s.name)).toEqual(['My data', 'Notes']);
    expect(workbook.sheetNames()).toEqual([
      'My data',
      'Notes',
      'Funnel plan',
      'Pipeline chart',
      'BigQuery leads',
    ]);
  });

  it('the fake answers grid calls on it as Sheets does', () => {
    const services = install();
    const chart = services.spreadsheet.getSheetByName('Pipeline chart')!;
    expect(chart.getType()).toBe(SpreadsheetApp.SheetType.OBJECT);
    expect(chart.getName()).toBe('Pipeline chart');
    for (const call of [
      () => chart.getLastRow(),
      () => chart.getLastColumn(),
      () => chart.getMaxRows(),
      () => chart.getMaxColumns(),
      () => chart.getDataRange(),
      () => chart.getRange(1, 1),
    ]) {
      expect(call).toThrow('The action is not supported for OBJECT sheet.');
    }
    const source = services.spreadsheet.getSheetByName('BigQuery leads')!;
    expect(String(source.getType())).toBe('DATASOURCE');
    expect(() => source.getLastRow()).toThrow('The action is not supported for DATASOURCE sheet.');
  });

  it('the set-up state lists the grid sheets only', () => {
    install();
    const state = wizardOn(appsScriptHost()).getSetupState();
    expect(state.sheets.map((s) => s.name)).toEqual(['My data', 'Notes']);
  });

  it('Create gives the new tab a name unlike the chart sheet’s', () => {
    const services = install();
    const created = wizardOn(appsScriptHost()).createTemplates(mappedSettings());
    expect(created.ok && created.value.tabs).toEqual([
      'Funnel plan (2)',
      'Channel comparison',
      'Meeting outcomes',
      'Definitions',
    ]);
    expect(services.names()).toEqual([
      ...WITH_CHART_SHEET.map((s) => s.name),
      'Funnel plan (2)',
      'Channel comparison',
      'Meeting outcomes',
      'Definitions',
    ]);
  });

  it('the preview works beside it', () => {
    install();
    const preview = wizardOn(appsScriptHost()).previewTemplates(settingsWith());
    expect(preview.ok && preview.value.map((p) => p.tabName).slice(1)).toEqual([
      'Channel comparison',
      'Meeting outcomes',
      'Definitions',
    ]);
  });

  // sheets() leaves chart sheets out; the preview must still count their names.
  it('the preview names the tab as Create will', () => {
    install();
    const preview = wizardOn(appsScriptHost()).previewTemplates(settingsWith());
    expect(preview.ok && preview.value[0]!.tabName).toBe('Funnel plan (2)');
  });

  it('each server call takes the same number of calls at 3 and 30 channels', () => {
    const measure = (n: number) => {
      const setup = install(typed(n));
      wizardOn(appsScriptHost()).getSetupState();
      const preview = install();
      wizardOn(appsScriptHost()).previewTemplates(typed(n));
      const create = install();
      const result = wizardOn(appsScriptHost()).createTemplates(typed(n));
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return [setup.rec.calls.length, preview.rec.calls.length, create.rec.calls.length];
    };
    const [three, thirty] = [measure(3), measure(30)];
    expect(three).toEqual(thirty);
    const [setup, preview, create] = three as [number, number, number];
    console.log('COUNTS', three);
    // Every reading costs a few calls per sheet (one for a chart sheet), plus the tabs' names
    // and one developer metadata search for the tabs the add-on made; writing, calls per template.
    expect(setup).toBeLessThan(40);
    expect(preview).toBeLessThan(40);
    // Create reads once to build (without a preview before it) and once more under the lock, to
    // check nothing changed. Column widths add one call per run of equal widths on each tab;
    // formulas go apart from values.
    expect(create).toBeLessThan(280);
  });
});

describe('a spreadsheet whose locale reads commas as decimal separators', () => {
  function install(locale: string): FakeServices {
    const services = fakeServices(USER_SHEETS, { locale });
    for (const [name, value] of Object.entries(services.globals)) vi.stubGlobal(name, value);
    return services;
  }

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('a formula that does not parse rolls the template back, naming the cell and the locale', () => {
    const services = install('de_DE');
    const before = services.names();
    const created = wizardOn(appsScriptHost()).createTemplates(
      settingsWith({ formulaStyle: 'native' }),
    );
    expect(created.ok).toBe(false);
    const text = created.ok ? '' : created.errors.map((e) => e.message).join(' ');
    expect(text).toMatch(/"Funnel plan": cell [A-Z]+\d+ shows a formula parse error/);
    expect(text).toContain('de_DE');
    expect(services.names()).toEqual(before);
    // The tab was read back once, in one call.
    expect(services.rec.count('Range.getDisplayValues')).toBeGreaterThan(0);
  });

  it('in an English locale the same templates are created', () => {
    const services = install('en_GB');
    const created = wizardOn(appsScriptHost()).createTemplates(
      settingsWith({ formulaStyle: 'native' }),
    );
    expect(created.ok).toBe(true);
    expect(services.names().length).toBe(USER_SHEETS.length + 4);
  });
});

describe('tabs the add-on made are marked with developer metadata', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('each new tab is marked with its template; a tab the user named alike is not', () => {
    const services = fakeServices([
      ...USER_SHEETS,
      { name: 'Meeting outcomes', headers: ['Mine'] },
    ]);
    for (const [name, value] of Object.entries(services.globals)) vi.stubGlobal(name, value);
    const created = wizardOn(appsScriptHost()).createTemplates(settingsWith());
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const marks = services.rec.calls.filter((c) => c.path === 'Sheet.addDeveloperMetadata');
    expect(marks.map((c) => c.args.slice(0, 2))).toEqual([
      ['funnelMath.template', 'funnelPlan'],
      ['funnelMath.template', 'channelComparison'],
      ['funnelMath.template', 'meetingOutcomes'],
      ['funnelMath.template', 'definitions'],
    ]);
    // Visible to this add-on's script only.
    for (const c of marks) expect(String(c.args[2])).toBe('PROJECT');
    expect(new AppsScriptWorkbook(services.spreadsheet).templateTabs()).toEqual([
      { name: 'Funnel plan', template: 'funnelPlan' },
      { name: 'Channel comparison', template: 'channelComparison' },
      { name: 'Meeting outcomes (2)', template: 'meetingOutcomes' },
      { name: 'Definitions', template: 'definitions' },
    ]);
  });
});
