/**
 * The built dist/Code.js as Apps Script sees it: a bare V8 context with no
 * require, process, setTimeout or window, and only top-level functions callable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServerCall } from '../../src/addon/api';
import { ENTRY_POINTS } from '../../src/addon/entrypoints';
import { MENU_REFERENCE, MENU_SETUP } from '../../src/addon/menu';
import { CATALOGUE } from '../../src/metrics/catalogue';
import { recorder } from '../fakes/recorder';
import { formatDate, sheetsDate, ZONES } from '../fakes/time-zones';
import { freeGlobals } from './free-globals';
import { checkWrappers } from './wrappers-check';

const codePath = join(__dirname, '../../dist/Code.js');
let code = '';

function load(globals: Record<string, unknown> = {}): vm.Context {
  const context = vm.createContext({ ...globals });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return context;
}

beforeAll(() => {
  code = readFileSync(codePath, 'utf8');
});

describe('dist/Code.js', () => {
  it('loads in a bare context with none of the globals Apps Script lacks', () => {
    const context = load();
    for (const name of ['require', 'process', 'setTimeout', 'window', 'module', 'exports']) {
      expect(vm.runInContext(`typeof ${name}`, context)).toBe('undefined');
    }
    expect(vm.runInContext('typeof FunnelMath', context)).toBe('object');
  });

  it('reads no global but ECMAScript built-ins and the Apps Script services it uses', () => {
    const services = [
      'SpreadsheetApp',
      'PropertiesService',
      'LockService',
      'HtmlService',
      'Utilities',
    ];
    const bare = vm.createContext({});
    const unknown = [...freeGlobals(code)].filter(
      (name) => !services.includes(name) && vm.runInContext(`typeof ${name}`, bare) === 'undefined',
    );
    expect(unknown).toEqual([]);
  });

  it('finds a lacking global when the bundle reads one (the check can fail)', () => {
    expect(freeGlobals('function f(x) { return setTimeout(x, 1); }').has('setTimeout')).toBe(true);
    expect(freeGlobals('var process = 1, f = {}; var s = "window"; f.URL;').size).toBe(0);
    expect(freeGlobals('function f() { return g.apply(null, arguments); }').has('arguments')).toBe(
      false,
    );
    expect(freeGlobals('var f = () => arguments.length;').has('arguments')).toBe(true);
  });

  it('has no ES module syntax, which Apps Script cannot load', () => {
    expect(code).not.toMatch(/^\s*(export|import)\s/m);
  });

  it('has a top-level wrapper with @customfunction JSDoc for every catalogue entry', () => {
    expect(checkWrappers(code, CATALOGUE, ENTRY_POINTS)).toEqual([]);
    const context = load();
    for (const spec of CATALOGUE) {
      expect(typeof context[spec.name], spec.name).toBe('function');
    }
  });

  it('forwards every entry point and sidebar call to a function the bundle exports', () => {
    const context = load();
    const exported = [
      ...Object.keys(context.FunnelMath).filter((n) => typeof context.FunnelMath[n] === 'function'),
      ...Object.keys(context.FunnelMath.sidebarCalls).map((n) => `sidebarCalls.${n}`),
    ];
    expect([...exported].sort()).toEqual(ENTRY_POINTS.map((e) => e.target).sort());
    const calls: Record<ServerCall, true> = {
      readWorkbook: true,
      writeTemplates: true,
    };
    for (const name of Object.keys(calls)) {
      expect(
        ENTRY_POINTS.map((e) => e.name),
        name,
      ).toContain(name);
      expect(typeof context[name], name).toBe('function');
    }
  });

  it('refuses, through the top-level wrapper, one argument too many and one required argument missing', () => {
    const context = load();
    for (const spec of CATALOGUE) {
      const args = spec.examples[0]!.args;
      const full = spec.params.map((_, k) => (k < args.length ? args[k] : ''));
      expect(() => context[spec.name](...full, 1), spec.name).toThrow(
        new RegExp(`^${spec.name}: takes .* but got ${spec.params.length + 1}$`),
      );
      const required = spec.params.filter((p) => !p.optional).length;
      expect(() => context[spec.name](...full.slice(0, required - 1)), spec.name).toThrow(
        new RegExp(`^${spec.name}: takes .* but got ${required - 1}$`),
      );
    }
    expect(() => context.CPQM(950, 10, 0.6, 0.8, 99)).toThrow(
      'CPQM: takes 3 to 4 arguments, CPQM(spend, meetings, qualRate, [showRate]), but got 5',
    );
    expect(() => context.MAX_CPQM(20000, 0.1, 3, 4)).toThrow(/MAX_CPQM: takes 3 arguments/);
  });

  it('calls every catalogue example the way Sheets does, with bare values', () => {
    const context = load();
    for (const spec of CATALOGUE) {
      for (const example of spec.examples) {
        const result = context[spec.name](...example.args);
        if (typeof example.result === 'number') {
          expect(result, example.formula).toBeCloseTo(example.result, example.digits ?? 9);
        } else {
          expect(JSON.parse(JSON.stringify(result)), example.formula).toEqual(example.result);
        }
      }
    }
  });

  it('takes 2-D arrays and blanks and returns a grid, as Sheets passes ranges', () => {
    const context = load();
    const result = context.CPQM([[950], [1000], [''], [1000]], [[10], [10], [10], [0]], 0.7);
    const plain = JSON.parse(JSON.stringify(result));
    expect(plain).toHaveLength(4);
    expect(plain[0][0]).toBeCloseTo(135.714285714, 6);
    expect(plain[1][0]).toBeCloseTo(1000 / 7, 9);
    expect(plain[2][0]).toBe('');
    expect(plain[3][0]).toBe('#DIV/0! meetings is 0');
    expect(context.MAX_CPQM('', 0.1, 3)).toBe('');
  });

  it('throws an Error naming the function, argument and value on a bad single value', () => {
    const context = load();
    expect(() => context.CPQM(1000, 0, 0.6)).toThrow(
      'CPQM: meetings is 0, so there is no qualified meeting to divide spend by (#DIV/0!)',
    );
    expect(() => context.CPQM(1000, 10, 60)).toThrow(
      'CPQM: qualRate 60 is above 100%: enter 60% or 0.6 (#NUM!)',
    );
  });

  it('builds the add-on menu in AuthMode.NONE touching only the menu', () => {
    const fake = recorder();
    const context = load({
      SpreadsheetApp: fake.service('SpreadsheetApp'),
      PropertiesService: fake.service('PropertiesService'),
      HtmlService: fake.service('HtmlService'),
    });
    context.onOpen({ authMode: 'NONE' });
    expect(fake.calls.map((c) => c.path)).toEqual([
      'SpreadsheetApp.getUi',
      'SpreadsheetApp.createAddonMenu',
      'SpreadsheetApp.addItem',
      'SpreadsheetApp.addItem',
      'SpreadsheetApp.addToUi',
    ]);
    expect(fake.calls[2]!.args).toEqual([MENU_SETUP, 'showSidebar']);
    expect(fake.calls[3]!.args).toEqual([MENU_REFERENCE, 'showReference']);
    fake.calls.length = 0;
    context.onInstall({ authMode: 'NONE' });
    expect(fake.count('SpreadsheetApp.createAddonMenu')).toBe(1);
    expect(fake.count('PropertiesService')).toBe(0);
  });

  it('opens the sidebar from the file clasp pushes', () => {
    const fake = recorder();
    const context = load({
      SpreadsheetApp: fake.service('SpreadsheetApp'),
      HtmlService: fake.service('HtmlService'),
    });
    context.showSidebar();
    expect(fake.calls.find((c) => c.path === 'HtmlService.createHtmlOutputFromFile')?.args).toEqual(
      ['sidebar'],
    );
    expect(fake.count('SpreadsheetApp.showSidebar')).toBe(1);
  });

  it.each(ZONES)(
    'reads dates on the spreadsheet’s calendar in %s, asking for the zone once',
    (zone) => {
      let zoneCalls = 0;
      const context = load({
        SpreadsheetApp: {
          getActive: () => ({
            getSpreadsheetTimeZone: () => {
              zoneCalls++;
              return zone;
            },
          }),
        },
        Utilities: { formatDate },
      });
      const days = [
        [sheetsDate(zone, 2026, 1, 5)],
        [sheetsDate(zone, 2026, 1, 5)],
        [sheetsDate(zone, 2026, 12, 31)],
      ];
      const summary = JSON.parse(
        JSON.stringify(context.OUTCOME_SUMMARY([['Qualified'], ['No show'], ['Qualified']], days)),
      );
      expect(summary.map((row: unknown[]) => row[0])).toEqual([
        'Segment',
        '2026-01-05',
        '2026-12-31',
      ]);
      expect(() => context.CPQM(sheetsDate(zone, 2026, 3, 29), 10, 0.6)).toThrow(
        'CPQM: spend 2026-03-29 is a date, not a number',
      );
      expect(zoneCalls).toBe(1);
    },
  );

  it('calls no service when no date is met', () => {
    const fake = recorder();
    const context = load({
      SpreadsheetApp: fake.service('SpreadsheetApp'),
      Utilities: fake.service('Utilities'),
    });
    context.OUTCOME_SUMMARY([['Qualified']], [['LinkedIn']]);
    context.CPQM(950, 10, 0.7);
    expect(fake.calls).toEqual([]);
  });
});
