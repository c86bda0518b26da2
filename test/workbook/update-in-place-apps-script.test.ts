/**
 * Rebuilding a tab in place through AppsScriptWorkbook, against the
 * recording fake of Google's services: the tab keeps its name, position and
 * sheet id; a failure at any point puts its values, formulas, formats,
 * validation, conditional rules, charts and widths back exactly and removes
 * the hidden copy; the calls do not grow with the template's size.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TabUpdates } from '../../src/addon/api';
import { appsScriptHost } from '../../src/addon/apps-script-host';
import type { Settings } from '../../src/addon/settings';
import { AppsScriptWorkbook } from '../../src/workbook/apps-script';
import { type FakeServices, fakeServices } from '../fakes/services';
import { wizardOn } from '../fakes/sidebar-calls';
import type { FakeSheetSpec } from '../fakes/spreadsheet';
import { channels, DATA_SHEET, settingsWith } from '../templates/helpers';

const USER_SHEETS: FakeSheetSpec[] = [
  { name: 'My data', headers: DATA_SHEET[0]!.map(String), dataRows: 4 },
  { name: 'Notes', headers: ['Quarter plan'], dataRows: 1 },
];

afterEach(() => {
  vi.unstubAllGlobals();
});

function install(locale?: string): FakeServices {
  const services = fakeServices(USER_SHEETS, { locale });
  for (const [name, value] of Object.entries(services.globals)) vi.stubGlobal(name, value);
  return services;
}

function create(settings: Settings, updates?: TabUpdates) {
  return wizardOn(appsScriptHost()).createTemplates(settings, updates);
}

function sorted<T>(map: Map<string, T>): [string, T][] {
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Everything on a tab, and where it is, as plain data to compare. */
function everything(services: FakeServices, name: string) {
  const t = services.tab(name);
  return {
    index: services.names().indexOf(name),
    sheetId: t.sheetId,
    rows: t.rows,
    cols: t.cols,
    hidden: t.hidden,
    // By address: the order cells were written in is no part of what a tab holds.
    cells: sorted(t.cells),
    formats: sorted(t.formats),
    bold: [...t.bold].sort(),
    validations: sorted(t.validations),
    conditional: t.conditional,
    charts: [...t.charts],
    widths: sorted(t.widths),
  };
}

const allFour = (revenueTarget = 1_000_000) =>
  settingsWith({ economics: { ...settingsWith().economics, revenueTarget } });

const UPDATE_ALL: TabUpdates = {
  funnelPlan: 'Funnel plan',
  channelComparison: 'Channel comparison',
  meetingOutcomes: 'Meeting outcomes',
  definitions: 'Definitions',
};

describe('update in place through Apps Script', () => {
  it('keeps each tab’s name, position and sheet id, replaces its charts, and leaves no copy', () => {
    const services = install();
    expect(create(allFour()).ok).toBe(true);
    const names = services.names();
    const ids = names.map((n) => services.tab(n).sheetId);
    const oldCharts = [...services.tab('Funnel plan').charts];
    expect(oldCharts).toHaveLength(1);
    const result = create(allFour(1_500_000), UPDATE_ALL);
    expect(result).toEqual({
      ok: true,
      value: {
        tabs: ['Funnel plan', 'Channel comparison', 'Meeting outcomes', 'Definitions'],
        updated: ['Funnel plan', 'Channel comparison', 'Meeting outcomes', 'Definitions'],
      },
    });
    expect(services.names()).toEqual(names);
    expect(services.names().map((n) => services.tab(n).sheetId)).toEqual(ids);
    const plan = services.tab('Funnel plan');
    expect([...plan.cells.values()]).toContainEqual({ value: 1_500_000 });
    expect([...plan.cells.values()]).not.toContainEqual({ value: 1_000_000 });
    // The new chart only: the old one went once the new tab was checked.
    expect(plan.charts).toHaveLength(1);
    expect(plan.charts).not.toEqual(oldCharts);
    expect(services.rec.count('Sheet.hideSheet')).toBe(4);
    expect(services.rec.count('Spreadsheet.deleteSheet')).toBe(4);
    // Marked once each: the mark stays on the tab and is not added again.
    expect(services.rec.count('Sheet.addDeveloperMetadata')).toBe(4);
  });

  for (const method of ['setFormulas', 'setDataValidation', 'setConditionalFormatRules', 'flush']) {
    it(`a failure in ${method} puts every tab back exactly as it was and removes the copies`, () => {
      const services = install();
      expect(create(allFour()).ok).toBe(true);
      const names = services.names();
      const before = names.map((n) => everything(services, n));
      services.failOn(method);
      const result = create(allFour(1_500_000), UPDATE_ALL);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors[0]!.message).toMatch(
        method === 'flush'
          ? /^Could not write the tabs: Service error: flush\. Nothing was changed\.$/
          : new RegExp(
              `^Could not update "[^"]+": Service error: ${method}\\. Nothing was changed\\.$`,
            ),
      );
      expect(services.names()).toEqual(names);
      expect(names.map((n) => everything(services, n))).toEqual(before);
    });
  }

  it('a formula that does not parse in the spreadsheet’s locale puts the tab back', () => {
    const services = install('de_DE');
    // Made while the add-on style parses everywhere the fake checks: no built-in formula in a custom-function tab fails.
    const first = create(settingsWith({ templates: ['meetingOutcomes'] }));
    expect(first.ok).toBe(true);
    const before = everything(services, 'Meeting outcomes');
    const result = create(
      settingsWith({ templates: ['meetingOutcomes'], formulaStyle: 'native' }),
      {
        meetingOutcomes: 'Meeting outcomes',
      },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]!.message).toMatch(
        /^Could not update "Meeting outcomes": cell [A-Z]+\d+ shows a formula parse error in this spreadsheet's locale \(de_DE\)\. Nothing was changed\.$/,
      );
    }
    expect(everything(services, 'Meeting outcomes')).toEqual(before);
    expect(services.names()).toEqual(['My data', 'Notes', 'Meeting outcomes']);
  });

  it('when the old chart cannot be removed after the update, the tab is updated and the user is told', () => {
    const services = install();
    expect(create(settingsWith({ templates: ['funnelPlan'] })).ok).toBe(true);
    services.failOn('removeChart');
    const result = create(settingsWith({ templates: ['funnelPlan'] }), {
      funnelPlan: 'Funnel plan',
    });
    expect(result.ok && result.value.warnings).toEqual([
      '"Funnel plan" was updated, but its old charts or its hidden copy could not be removed (Service error: removeChart); delete them by hand.',
    ]);
    expect(services.tab('Funnel plan').charts).toHaveLength(2);
  });

  it('undoing an update that grew the tab takes the added rows and columns away again', () => {
    const services = install();
    expect(create(settingsWith({ templates: ['funnelPlan'] })).ok).toBe(true);
    const before = everything(services, 'Funnel plan');
    const workbook = new AppsScriptWorkbook(services.spreadsheet);
    workbook.startUpdate('Funnel plan', before.rows + 200, before.cols + 4);
    expect([services.tab('Funnel plan').rows, services.tab('Funnel plan').cols]).toEqual([
      before.rows + 200,
      before.cols + 4,
    ]);
    expect(services.tab('Funnel plan').cells.size).toBe(0);
    workbook.undoUpdate('Funnel plan');
    expect(everything(services, 'Funnel plan')).toEqual(before);
    expect(services.names()).toEqual(['My data', 'Notes', 'Funnel plan']);
  });

  it('takes the same number of calls at 3 and 30 channels', () => {
    const count = (n: number) => {
      const services = install();
      const settings = settingsWith({ channels: { mode: 'typed', rows: channels(n) } });
      expect(create(settings).ok).toBe(true);
      const before = services.rec.calls.length;
      expect(create(settings, UPDATE_ALL).ok).toBe(true);
      return services.rec.calls.length - before;
    };
    const [three, thirty] = [count(3), count(30)];
    expect(three).toBe(thirty);
    // Reading the spreadsheet twice (to build, then under the lock to check it is unchanged) and
    // writing the four tabs again, plus copying, clearing and removing the copies.
    expect(three).toBeLessThan(450);
  });
});
