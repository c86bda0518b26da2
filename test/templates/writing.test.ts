/**
 * The rules for writing into a user's spreadsheet: new tabs only, nothing
 * outside them changes, all or nothing, under the lock; mapped channels
 * follow the user's data; settings remembered per document.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStore, memoryHost } from '../../src/addon/memory-host';
import { loadSettings } from '../../src/addon/saved-settings';
import { defaultSettings, type Settings } from '../../src/addon/settings';
import { PROPERTY_VALUE_LIMIT, saveSettingsText, utf8Length } from '../../src/addon/store';
import { buildPlans } from '../../src/addon/templates';
import { CHANNEL_LAYOUT } from '../../src/addon/templates/channel-comparison';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { sheetRef } from '../../src/workbook/a1';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { uniqueName } from '../../src/workbook/workbook';
import { wizardOn } from '../fakes/sidebar-calls';
import {
  at,
  channels,
  create,
  createOk,
  DATA_SHEET,
  mappedSettings,
  settingsWith,
  tab,
  userWorkbook,
} from './helpers';

function others(wb: MemoryWorkbook, except: string[]) {
  return JSON.stringify(wb.snapshot().filter((s) => !except.includes(s.name)));
}

describe('never overwrite', () => {
  it('makes new tabs with unique names and changes no other sheet', () => {
    const wb = userWorkbook();
    wb.addSheet('Funnel plan', 1000, 26);
    wb.setCell('Funnel plan', 0, 0, 'mine');
    const before = others(wb, []);
    const tabs = createOk(wb, settingsWith({ formulaStyle: 'native' }));
    expect(tabs).toEqual([
      'Funnel plan (2)',
      'Channel comparison',
      'Meeting outcomes',
      'Definitions',
    ]);
    expect(others(wb, tabs)).toBe(before);
    const again = createOk(wb, settingsWith());
    expect(again).toEqual([
      'Funnel plan (3)',
      'Channel comparison (2)',
      'Meeting outcomes (2)',
      'Definitions (2)',
    ]);
  });

  it('a second Create leaves the first one’s tabs exactly as they were', () => {
    const wb = userWorkbook();
    const first = createOk(wb, settingsWith());
    const before = others(wb, []);
    const second = createOk(wb, settingsWith({ formulaStyle: 'native' }));
    expect(second.every((name) => / \(2\)$/.test(name))).toBe(true);
    expect(others(wb, second)).toBe(before);
    expect(first.every((name) => wb.sheetNames().includes(name))).toBe(true);
  });

  it('compares every other sheet before and after, mapped channels included', () => {
    const wb = userWorkbook();
    const before = others(wb, []);
    const tabs = createOk(wb, mappedSettings());
    expect(others(wb, tabs)).toBe(before);
  });

  it('treats names case-insensitively, as Sheets does', () => {
    expect(uniqueName('Funnel plan', ['funnel PLAN', 'Funnel plan (2)'])).toBe('Funnel plan (3)');
    expect(uniqueName('Definitions', ['Data'])).toBe('Definitions');
  });

  it('the preview names the tabs Create will make and writes nothing', () => {
    const wb = userWorkbook();
    wb.addSheet('Definitions', 1000, 26);
    const before = JSON.stringify(wb.snapshot());
    const preview = wizardOn(memoryHost(wb)).previewTemplates(settingsWith());
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.map((p) => p.tabName)).toEqual([
      'Funnel plan',
      'Channel comparison',
      'Meeting outcomes',
      'Definitions (2)',
    ]);
    for (const item of preview.value) expect(item.lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });
});

describe('all or nothing', () => {
  for (const method of [
    'writeBlock',
    'setValidationList',
    'addChart',
    'setConditionalRules',
    'flush',
  ] as const) {
    it(`a failure in ${method} removes every tab made and says why`, () => {
      const wb = userWorkbook();
      const before = JSON.stringify(wb.snapshot());
      const original = wb[method].bind(wb) as (...a: unknown[]) => void;
      let calls = 0;
      (wb as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        // Let the first tab through so the failure comes midway.
        if (++calls > (method === 'writeBlock' ? 4 : 0))
          throw new Error('Service Spreadsheets failed');
        original(...args);
      };
      const result = create(wb, settingsWith());
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors[0]!.message).toMatch(
        method === 'flush'
          ? /^Could not create the new tabs: Service Spreadsheets failed/
          : /^Could not create "[^"]+": Service Spreadsheets failed/,
      );
      expect(result.errors[0]!.message).toContain('Nothing was changed');
      expect(JSON.stringify(wb.snapshot())).toBe(before);
      expect(wb.sheetNames()).toEqual(['My data', 'Notes']);
    });
  }

  it('says which new tabs are left when removing them fails too, instead of "nothing was changed"', () => {
    const wb = userWorkbook();
    wb.flush = () => {
      throw new Error('Service Spreadsheets failed');
    };
    const remove = wb.removeSheet.bind(wb);
    wb.removeSheet = (name: string) => {
      if (name === 'Channel comparison') throw new Error('still busy');
      remove(name);
    };
    const result = create(wb, settingsWith());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).not.toContain('Nothing was changed');
    expect(result.errors[0]!.message).toContain(
      'These new tabs could not be removed again: "Channel comparison"; delete them by hand.',
    );
    expect(wb.sheetNames()).toEqual(['My data', 'Notes', 'Channel comparison']);
  });

  it('does not save settings when Create fails', () => {
    for (const method of ['addChart', 'flush'] as const) {
      const wb = userWorkbook();
      const store = new MemoryStore();
      wb[method] = () => {
        throw new Error('no charts today');
      };
      const result = wizardOn(memoryHost(wb, store)).createTemplates(settingsWith());
      expect(result.ok, method).toBe(false);
      expect(store.read(), method).toBeNull();
    }
  });
});

describe('bad settings write nothing', () => {
  const cases: [string, (s: Settings) => void, string][] = [
    ['unknown meeting stage', (s) => (s.meetingStage = 'Demo'), 'meetingStage'],
    ['rate 140', (s) => (s.stages[2]!.rate = 140), 'stages.2.rate'],
    [
      'empty channel name',
      (s) => {
        if (s.channels.mode === 'typed') s.channels.rows[1]!.name = ' ';
      },
      'channels.rows.1.name',
    ],
    ['a stage list of 1', (s) => (s.stages = [{ name: 'Lead', rate: null }]), 'stages'],
  ];
  for (const [name, patch, field] of cases) {
    it(`${name}: a message on ${field}, no tab`, () => {
      const wb = userWorkbook();
      const before = JSON.stringify(wb.snapshot());
      const settings = defaultSettings();
      patch(settings);
      const result = create(wb, settings);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors.map((e) => e.field)).toContain(field);
      expect(JSON.stringify(wb.snapshot())).toBe(before);
    });
  }

  it('a mapped column that does not exist', () => {
    const wb = userWorkbook();
    const settings = mappedSettings();
    if (settings.channels.mode === 'mapped') settings.channels.columns.spend = 'Budget';
    const result = create(wb, settings);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'channels.columns.spend',
          message:
            'No column headed "Budget" on sheet "My data"; pick one of: Channel, Month, Cost, Booked, Show %, Qual %.',
        },
      ],
    });
    expect(wb.sheetNames()).toEqual(['My data', 'Notes']);
  });
});

describe('mapped channels', () => {
  it('refer to the user’s columns by formula, and later changes flow through', () => {
    for (const style of ['addon', 'native'] as const) {
      const wb = userWorkbook();
      createOk(wb, mappedSettings({ formulaStyle: style }));
      const { firstChannelRow: F, blendedRow: B } = CHANNEL_LAYOUT;
      let snap = tab(wb, 'Channel comparison');
      // An empty source cell stays empty (a bare ='My data'!E2 would show 0 in Sheets).
      expect(snap.formulas[F]!.slice(0, 5)).toEqual(
        ['A2', 'C2', 'D2', 'E2', 'F2'].map(
          (cell) => `=IF(ISBLANK('My data'!${cell}),"",'My data'!${cell})`,
        ),
      );
      // The blended row reads the table's own rows, open down the sheet so a row added below counts.
      const blended = snap.formulas[B]![6] as string;
      if (style === 'addon') {
        expect(blended).toBe('=BLENDED_CPQM(B11:B,C11:C,E11:E,D11:D)');
      } else {
        expect(blended).toContain('(B11:B<>"")');
        expect(blended).not.toContain('BLENDED_CPQM');
      }
      expect(at(snap, F, 6)).toBeCloseTo(950 / 7, 9);

      // The user edits Outbound's spend and adds two channels below the others, one without a show rate.
      wb.setCell('My data', 1, 2, 1400);
      wb.setCell('My data', 5, 0, 'Podcasts');
      wb.setCell('My data', 5, 2, 300);
      wb.setCell('My data', 5, 3, 3);
      wb.setCell('My data', 5, 4, 1);
      wb.setCell('My data', 5, 5, 1);
      wb.setCell('My data', 6, 0, 'Referrals');
      wb.setCell('My data', 6, 2, 100);
      wb.setCell('My data', 6, 3, 1);
      wb.setCell('My data', 6, 5, 1);
      snap = tab(wb, 'Channel comparison');
      expect(at(snap, F, 6)).toBeCloseTo(1400 / 7, 9);
      expect(at(snap, F + 4, 0)).toBe('Podcasts');
      expect(at(snap, F + 4, 6)).toBeCloseTo(100, 9);
      expect(at(snap, F + 5, 0)).toBe('Referrals');
      // The empty show rate stays empty and takes its 100% default.
      expect(at(snap, F + 5, 3) ?? '').toBe('');
      expect(at(snap, F + 5, 6)).toBeCloseTo(100, 9);
      const spend = [1400, 1000, 4000, 500, 300, 100];
      const meetings = [10, 10, 12, 0, 3, 1];
      const qual = [0.7, 0.6, 0.75, 0.5, 1, 1];
      const show = [1, 0.8, 0.9, 1, 1, ''];
      const col = (xs: unknown[]) => xs.map((x) => [x]);
      expect(at(snap, B, 6)).toBeCloseTo(
        FUNCTIONS.BLENDED_CPQM!(col(spend), col(meetings), col(qual), col(show)) as number,
        9,
      );
      expect(at(snap, B, 1)).toBe(7300);
      expect(at(snap, B, 2)).toBe(36);
      // Spare rows without a channel stay blank, Max CPQM included.
      expect(snap.values[F + 6]!.slice(0, 10).every((v) => v === null || v === '')).toBe(true);
    }
  });
});

describe('sheet names in references', () => {
  it('are always quoted, so names that read as values or addresses stay sheets', () => {
    expect(sheetRef('TRUE')).toBe("'TRUE'");
    expect(sheetRef('R1C1')).toBe("'R1C1'");
    expect(sheetRef('A1B2')).toBe("'A1B2'");
    expect(sheetRef('Data')).toBe("'Data'");
    expect(sheetRef("Bob's data")).toBe("'Bob''s data'");
  });

  for (const name of ['TRUE', 'R1C1', 'A1B2', "Bob's data"]) {
    it(`mapped channels on a sheet named ${name} evaluate, open ranges included`, () => {
      const wb = MemoryWorkbook.fromSheets({ [name]: DATA_SHEET.map((r) => [...r]), Notes: [] });
      const settings = mappedSettings();
      if (settings.channels.mode === 'mapped') settings.channels.sheet = name;
      const [plan] = buildPlans({
        settings: { ...settings, templates: ['channelComparison'] },
        sheets: wb.sheets(),
      });
      const written = JSON.stringify(plan!.blocks);
      expect(written).toContain(JSON.stringify(`${sheetRef(name)}!C2`).slice(1, -1));
      expect(written).not.toMatch(/[=(,]TRUE!|[=(,]R1C1!|[=(,]A1B2!/);
      createOk(wb, settings);
      const { firstChannelRow: F } = CHANNEL_LAYOUT;
      const snap = tab(wb, 'Channel comparison');
      expect(at(snap, F, 1)).toBe(950);
      expect(at(snap, F, 6)).toBeCloseTo(950 / 7, 9);
      // The memory workbook's open-range translation reads the quoted name, also after the sheet grows.
      wb.setCell('Notes', 0, 0, `=SUM(${sheetRef(name)}!C2:C)`);
      expect(wb.value('Notes', 0, 0)).toBe(6450);
      wb.setCell(name, 1499, 2, 50);
      expect(wb.value('Notes', 0, 0)).toBe(6500);
    });
  }
});

describe('settings remembered per document', () => {
  it('round trip: Create saves them, getSetupState reads them back', () => {
    const wb = userWorkbook();
    const host = memoryHost(wb);
    expect(wizardOn(host).getSetupState()).toMatchObject({
      saved: false,
      settings: defaultSettings(),
    });
    const settings = mappedSettings({ attributionWindow: '30 days from first meeting' });
    expect(wizardOn(host).createTemplates(settings).ok).toBe(true);
    const state = wizardOn(host).getSetupState();
    expect(state.saved).toBe(true);
    expect(state.settings).toEqual(settings);
    expect(state.sheets.map((s) => s.name)).toContain('My data');
    expect(state.sheets.find((s) => s.name === 'My data')).toEqual({
      name: 'My data',
      headers: ['Channel', 'Month', 'Cost', 'Booked', 'Show %', 'Qual %'],
      dataRows: 4,
    });
  });

  it('bad stored JSON or settings that no longer validate give the defaults', () => {
    for (const stored of [
      '{not json',
      '"a string"',
      JSON.stringify({ ...defaultSettings(), stages: [] }),
    ]) {
      const state = wizardOn(memoryHost(userWorkbook(), new MemoryStore(stored))).getSetupState();
      expect(state.saved).toBe(false);
      expect(state.settings).toEqual(defaultSettings());
    }
    const unreadable = {
      read: () => {
        throw new Error('Service unavailable');
      },
      write: () => {},
    };
    const state = wizardOn(memoryHost(userWorkbook(), unreadable)).getSetupState();
    expect(state).toMatchObject({ saved: false, settings: defaultSettings() });
  });

  it('stays within the 9 KB property limit: too large is not saved, and Create says so', () => {
    const store = new MemoryStore();
    const big = settingsWith({ channels: { mode: 'typed', rows: channels(200) } });
    expect(utf8Length(JSON.stringify(big))).toBeGreaterThan(PROPERTY_VALUE_LIMIT);
    expect(saveSettingsText(store, JSON.stringify(big))).toBe(false);
    expect(store.read()).toBeNull();
    const result = wizardOn(memoryHost(userWorkbook(), store)).createTemplates(big);
    expect(result.ok && result.value.warnings?.[0]).toMatch(/too large to remember/);
    expect(() => store.write('x'.repeat(PROPERTY_VALUE_LIMIT + 1))).toThrow(/too large/);
    const fits = settingsWith({ channels: { mode: 'typed', rows: channels(30) } });
    expect(saveSettingsText(store, JSON.stringify(fits))).toBe(true);
    expect(loadSettings(store.read())).toEqual(fits);
  });

  it('counts UTF-8 bytes as PropertiesService does', () => {
    expect(utf8Length('£€😀a')).toBe(2 + 3 + 4 + 1);
  });
});

describe('the lock', () => {
  it('Create runs under the document lock; a busy lock changes nothing', () => {
    const wb = userWorkbook();
    const host = memoryHost(wb);
    let inside = false;
    const locked = {
      ...host,
      withLock<T>(fn: () => T): T {
        inside = true;
        try {
          return host.withLock(() => host.withLock(fn));
        } finally {
          inside = false;
        }
      },
    };
    const result = wizardOn(locked).createTemplates(settingsWith());
    expect(inside).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/in progress; try again/);
    expect(wb.sheetNames()).toEqual(['My data', 'Notes']);
  });
});
