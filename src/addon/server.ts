/**
 * The server side of ServerApi (api.ts): reading the spreadsheet and writing
 * templates, nothing more. The wizard checks the settings and builds the
 * templates in the sidebar (planner.ts) from what readWorkbook carries
 * there, because Sheets loads this whole script for every custom-function
 * cell (workbook/snapshot.ts). Each call takes a Host first, so the same code
 * runs in Apps Script (appsScriptHost) and on the memory workbook (tests and
 * the playground).
 */

import { messageOf } from '../sheets/format';
import { sentence } from '../sheets/words';
import type { Plan } from '../workbook/plan';
import { type ColumnRef, readWorkbookView, type WorkbookView } from '../workbook/snapshot';
import { WriteError, writePlans } from '../workbook/write';
import {
  CHANGED_SINCE_READ,
  type Created,
  type FieldError,
  type ReadReply,
  type ReadRequest,
  type Result,
  type WriteRequest,
} from './api';
import type { Host } from './host';
import { saveSettingsText } from './store';

function failure(message: string, field = ''): { ok: false; errors: FieldError[] } {
  return { ok: false, errors: [{ field, message }] };
}

function columnRefs(input: unknown): ColumnRef[] | null {
  if (!Array.isArray(input)) return null;
  const refs: ColumnRef[] = [];
  for (const c of input) {
    if (typeof c !== 'object' || c === null) return null;
    const { sheet, col } = c as Record<string, unknown>;
    if (typeof sheet !== 'string' || !Number.isInteger(col) || (col as number) < 0) return null;
    refs.push({ sheet, col: col as number });
  }
  return refs;
}

export function readWorkbook(host: Host, request: ReadRequest): ReadReply {
  const columns = columnRefs(request?.columns);
  if (!columns) throw new Error('List the columns to read as { sheet, col } pairs.');
  const reply: ReadReply = { view: readWorkbookView(host.workbook, columns) };
  if (request.saved) {
    try {
      reply.saved = host.store.read();
    } catch {
      // Unreadable settings are as good as none: the wizard starts from the defaults.
      reply.saved = null;
    }
  }
  return reply;
}

/** Plans in the shape writePlans takes, or why not: a malformed one must fail before any tab is touched. */
function plansOf(input: unknown): Plan[] | null {
  if (!Array.isArray(input) || input.length === 0) return null;
  const fields = ['blocks', 'formats', 'bold', 'validations', 'conditional', 'charts'];
  for (const p of input) {
    if (typeof p !== 'object' || p === null) return null;
    const plan = p as Record<string, unknown>;
    if (typeof plan.template !== 'string' || typeof plan.title !== 'string') return null;
    if (!Number.isInteger(plan.rows) || !Number.isInteger(plan.cols)) return null;
    if (fields.some((f) => !Array.isArray(plan[f]))) return null;
  }
  return input as Plan[];
}

/**
 * Each tab to rebuild in place, checked to be a tab the add-on made for that
 * template (by its mark, never its name): no other tab is ever cleared.
 */
function updatesOf(
  marked: WorkbookView['templateTabs'],
  input: unknown,
  plans: readonly Plan[],
): Result<Record<string, string>> {
  if (input === undefined || input === null) return { ok: true, value: {} };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return failure('List the tabs to update by template.', 'updates');
  }
  const entries = Object.entries(input);
  if (entries.length === 0) return { ok: true, value: {} };
  for (const [template, tab] of entries) {
    const ours = marked.some((m) => m.name === tab && m.template === template);
    if (!ours || !plans.some((p) => p.template === template)) {
      return failure(
        `The tab ${JSON.stringify(String(tab))} is not one Funnel Math made for this template: refresh the preview and choose again.`,
        `updates.${template}`,
      );
    }
  }
  return { ok: true, value: input as Record<string, string> };
}

/**
 * Writes the plans: each on a new tab, or rebuilt in place on the tab
 * `updates` names. Under the document lock it first reads again what the
 * plans were built from; if anything changed, it writes nothing and says so
 * (CHANGED_SINCE_READ), and the sidebar builds again from the new reading.
 */
export function writeTemplates(host: Host, request: WriteRequest): Result<Created> {
  try {
    return host.withLock((): Result<Created> => {
      const plans = plansOf(request?.plans);
      const columns = columnRefs(request?.columns);
      if (!plans || !columns || typeof request.fingerprint !== 'string') {
        return failure(
          'The templates to write could not be read: reopen the sidebar and try again.',
        );
      }
      const now = readWorkbookView(host.workbook, columns);
      if (now.fingerprint !== request.fingerprint) {
        return failure(
          'The spreadsheet changed while the templates were being prepared.',
          CHANGED_SINCE_READ,
        );
      }
      // The add-on's tabs as just read under the lock, not read a second time.
      const updates = updatesOf(now.templateTabs, request.updates, plans);
      if (!updates.ok) return updates;
      const written = writePlans(host.workbook, plans, updates.value);
      const warnings = [...written.warnings];
      try {
        if (!saveSettingsText(host.store, JSON.stringify(request.settings))) {
          warnings.push(
            'These settings are too large to remember for next time (over 9 KB); the tabs were created.',
          );
        }
      } catch (e) {
        warnings.push(`The settings could not be remembered for next time: ${messageOf(e)}`);
      }
      const updated = Object.values(updates.value);
      const created: Created = { tabs: written.tabs };
      if (updated.length > 0) created.updated = written.tabs.filter((t) => updated.includes(t));
      if (warnings.length > 0) created.warnings = warnings;
      return { ok: true, value: created };
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
    return `${sentence(messageOf(e))} Nothing was changed.`;
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
