/**
 * The server side of ServerApi (api.ts). Each call takes a Host first, so the
 * same code runs in Apps Script (appsScriptHost) and on the memory workbook
 * (tests and the playground). Settings are checked before anything is
 * written; a bad setting changes nothing.
 */

import type { WorkbookSheet } from '../workbook/workbook';
import { tabNames, WriteError, writePlans } from '../workbook/write';
import type { Created, FieldError, PreviewItem, Result, SetupState } from './api';
import type { Host } from './host';
import { listMeanings, type Meanings } from './meanings';
import { defaultSettings, type Settings } from './settings';
import { loadSettings, saveSettings } from './store';
import { buildPlans, type TemplatePlan } from './templates';
import { parseMappedTables, parseSettings } from './validate';

function failure(message: string, field = ''): { ok: false; errors: FieldError[] } {
  return { ok: false, errors: [{ field, message }] };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Validated settings and their plans, or what to fix. */
function plan(
  host: Host,
  input: unknown,
): Result<{ settings: Settings; plans: TemplatePlan[]; sheets: WorkbookSheet[] }> {
  const sheets = host.workbook.sheets();
  const read = (sheet: string, col: number) => host.workbook.columnValues(sheet, col);
  const parsed = parseSettings(input, sheets, read);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    value: {
      settings: parsed.value,
      plans: buildPlans({
        settings: parsed.value,
        sheets,
        tabNames: () => host.workbook.sheetNames(),
        read,
      }),
      sheets,
    },
  };
}

export function getSetupState(host: Host): SetupState {
  const saved = loadSettings(host.store);
  const sheets = host.workbook
    .sheets()
    .map(({ name, headers, dataRows }) => ({ name, headers, dataRows }));
  return { settings: saved ?? defaultSettings(), saved: saved !== null, sheets };
}

/**
 * The outcome labels and campaigns in the chosen templates' tables that need
 * a meaning, each with a suggestion for the user to confirm.
 */
export function suggestMeanings(host: Host, settings: Settings): Result<Meanings> {
  const sheets = host.workbook.sheets();
  const tables = parseMappedTables(settings, sheets);
  if (!tables.ok) return tables;
  return {
    ok: true,
    value: listMeanings(tables.value, sheets, (sheet, col) =>
      host.workbook.columnValues(sheet, col),
    ),
  };
}

export function previewTemplates(host: Host, settings: Settings): Result<PreviewItem[]> {
  try {
    const planned = plan(host, settings);
    if (!planned.ok) return planned;
    // Every tab's name counts, chart sheets too, as it does when Create names the tabs.
    const names = tabNames(host.workbook.sheetNames(), planned.value.plans);
    const { plans } = planned.value;
    return {
      ok: true,
      value: plans.map((p, k) => ({ template: p.template, tabName: names[k]!, lines: p.summary })),
    };
  } catch (e) {
    return failure(`Could not preview the templates: ${message(e)}`);
  }
}

export function createTemplates(host: Host, settings: Settings): Result<Created> {
  try {
    return host.withLock(() => {
      // Checked again under the lock: the sheets may have changed since the preview.
      const planned = plan(host, settings);
      if (!planned.ok) return planned;
      const tabs = writePlans(host.workbook, planned.value.plans);
      const warnings: string[] = [];
      try {
        if (!saveSettings(host.store, planned.value.settings)) {
          warnings.push(
            'These settings are too large to remember for next time (over 9 KB); the tabs were created.',
          );
        }
      } catch (e) {
        warnings.push(`The settings could not be remembered for next time: ${message(e)}`);
      }
      const created: Created = warnings.length > 0 ? { tabs, warnings } : { tabs };
      return { ok: true as const, value: created };
    });
  } catch (e) {
    const leftBehind = e instanceof WriteError ? e.leftBehind : [];
    return failure(
      leftBehind.length === 0
        ? `${message(e)} Nothing was changed.`
        : `${message(e)} These new tabs could not be removed again: ${leftBehind.map((t) => `"${t}"`).join(', ')}; delete them by hand.`,
      'templates',
    );
  }
}
