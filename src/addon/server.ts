/**
 * The server side of ServerApi (api.ts). Each call takes a Host first, so the
 * same code runs in Apps Script (appsScriptHost) and on the memory workbook
 * (tests and the playground). Settings are checked before anything is
 * written; a bad setting changes nothing.
 */

import { messageOf } from '../sheets/format';
import type { WorkbookSheet } from '../workbook/workbook';
import { tabNames, WriteError, writePlans } from '../workbook/write';
import type { Created, FieldError, PreviewItem, Result, SetupState, TabUpdates } from './api';
import type { Host } from './host';
import { listMeanings, type Meanings } from './meanings';
import { defaultSettings, type Settings, TEMPLATE_TITLES } from './settings';
import { loadSettings, saveSettings } from './store';
import { buildPlans, type TemplatePlan } from './templates';
import { buildOrder } from './templates/definitions-mapping';
import { parseMappedTables, parseSettings } from './validate';

function failure(message: string, field = ''): { ok: false; errors: FieldError[] } {
  return { ok: false, errors: [{ field, message }] };
}

/**
 * The tab to rebuild for each template the user chose to update, each one
 * checked to be a tab the add-on made for that template (by its mark, never
 * its name), or what to fix.
 */
function readUpdates(host: Host, settings: Settings, input: unknown): Result<TabUpdates> {
  if (input === undefined || input === null) return { ok: true, value: {} };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return failure('List the tabs to update by template.', 'updates');
  }
  const entries = Object.entries(input);
  if (entries.length === 0) return { ok: true, value: {} };
  const marked = host.workbook.templateTabs();
  const value: TabUpdates = {};
  const errors: FieldError[] = [];
  for (const [template, tab] of entries) {
    const field = `updates.${template}`;
    // The templates built, which take in the Definitions tab where a report reads its mapping table.
    const chosen = buildOrder(settings).find((t) => t === template);
    if (!chosen) {
      errors.push({ field, message: 'Only the tab of a template being made can be updated.' });
    } else if (!marked.some((m) => m.name === tab && m.template === chosen)) {
      errors.push({
        field,
        message: `There is no tab ${JSON.stringify(String(tab))} made for ${TEMPLATE_TITLES[chosen]} any more: refresh the preview and choose again.`,
      });
    } else value[chosen] = String(tab);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** Validated settings and their plans, or what to fix. */
function plan(
  host: Host,
  input: unknown,
  updatesInput?: unknown,
): Result<{
  settings: Settings;
  plans: TemplatePlan[];
  sheets: WorkbookSheet[];
  updates: TabUpdates;
}> {
  const sheets = host.workbook.sheets();
  const read = (sheet: string, col: number) => host.workbook.columnValues(sheet, col);
  const parsed = parseSettings(input, sheets, read);
  if (!parsed.ok) return parsed;
  const updates = readUpdates(host, parsed.value, updatesInput);
  if (!updates.ok) return updates;
  return {
    ok: true,
    value: {
      settings: parsed.value,
      plans: buildPlans({
        settings: parsed.value,
        sheets,
        tabNames: () => host.workbook.sheetNames(),
        updates: updates.value,
        read,
      }),
      sheets,
      updates: updates.value,
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

/**
 * What Create will make: each tab's name if it is made new and, for a
 * template the add-on made a tab for already, those tabs, any of which it
 * may rebuild in place instead.
 */
export function previewTemplates(host: Host, settings: Settings): Result<PreviewItem[]> {
  try {
    const planned = plan(host, settings);
    if (!planned.ok) return planned;
    // Every tab's name counts, chart sheets too, as it does when Create names the tabs.
    const names = tabNames(host.workbook.sheetNames(), planned.value.plans);
    const marked = host.workbook.templateTabs();
    const { plans } = planned.value;
    return {
      ok: true,
      value: plans.map((p, k) => ({
        template: p.template,
        tabName: names[k]!,
        existing: marked.filter((m) => m.template === p.template).map((m) => m.name),
        lines: p.summary,
      })),
    };
  } catch (e) {
    return failure(`Could not preview the templates: ${messageOf(e)}`);
  }
}

/**
 * Writes the chosen templates: each on a new tab, or, where `updates` names
 * a tab the add-on made for it, rebuilt in place on that tab.
 */
export function createTemplates(
  host: Host,
  settings: Settings,
  updates: TabUpdates = {},
): Result<Created> {
  try {
    return host.withLock(() => {
      // Checked again under the lock: the sheets may have changed since the preview.
      const planned = plan(host, settings, updates);
      if (!planned.ok) return planned;
      const written = writePlans(host.workbook, planned.value.plans, planned.value.updates);
      const warnings = [...written.warnings];
      try {
        if (!saveSettings(host.store, planned.value.settings)) {
          warnings.push(
            'These settings are too large to remember for next time (over 9 KB); the tabs were created.',
          );
        }
      } catch (e) {
        warnings.push(`The settings could not be remembered for next time: ${messageOf(e)}`);
      }
      const updated = Object.values(planned.value.updates);
      const created: Created = { tabs: written.tabs };
      if (updated.length > 0) created.updated = written.tabs.filter((t) => updated.includes(t));
      if (warnings.length > 0) created.warnings = warnings;
      return { ok: true as const, value: created };
    });
  } catch (e) {
    return failure(writeFailure(e), 'templates');
  }
}

/** What failed, and what it left: nothing, or the tabs to mend by hand. */
function writeFailure(e: unknown): string {
  const leftBehind = e instanceof WriteError ? e.leftBehind : [];
  const notRestored = e instanceof WriteError ? e.notRestored : [];
  if (leftBehind.length === 0 && notRestored.length === 0)
    return `${messageOf(e)} Nothing was changed.`;
  const names = (tabs: readonly string[]) => tabs.map((t) => `"${t}"`).join(', ');
  const parts = [messageOf(e)];
  if (leftBehind.length > 0) {
    parts.push(
      `These new tabs could not be removed again: ${names(leftBehind)}; delete them by hand.`,
    );
  }
  if (notRestored.length > 0) {
    parts.push(
      `These tabs could not be put back as they were: ${names(notRestored)}; their old contents are on hidden tabs named "Copy of …".`,
    );
  }
  return parts.join(' ');
}
