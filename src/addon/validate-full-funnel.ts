/**
 * The Full funnel's settings: the contacts sheet with its source column and
 * its stage-date columns in funnel order, and the view (its deals sheet is
 * part of the raw data, validate-sheets.ts). Step 5's refusal of the native style for it lives
 * here too, with its reason.
 */
import type { SheetInfo } from './api';
import {
  type FormulaStyle,
  FUNNEL_VIEWS,
  type FunnelData,
  type FunnelView,
  TEMPLATE_TITLES,
  type TemplateId,
} from './settings';
import { Checker, isObj, LIMITS } from './validate-checker';
import { checkSheetColumns } from './validate-sheets';

/**
 * The contacts sheet, its source column and its stage columns, checked as
 * any mapped table is (validate-sheets.ts: the sheet there, each header on
 * it once, no column picked twice), with each message placed at the
 * contacts' own fields: "channel", "stages.2".
 */
function checkContacts(
  c: Checker,
  v: unknown,
  sheets: readonly SheetInfo[] | undefined,
): FunnelData['contacts'] | undefined {
  if (!isObj(v)) return c.fail('Pick the contacts or leads sheet, its source column and stages.');
  if (!Array.isArray(v.stages) || v.stages.length === 0) {
    c.at('stages').fail('Pick at least one stage-date column, first stage first.');
    return undefined;
  }
  if (v.stages.length > LIMITS.maxStages) {
    c.at('stages').fail(
      `Use at most ${LIMITS.maxStages} stage columns (you have ${v.stages.length}); remove some.`,
    );
    return undefined;
  }
  const stages = v.stages.map((_, k) => String(k));
  const labels: Record<string, string> = { channel: 'source' };
  for (const k of stages) labels[k] = `stage ${Number(k) + 1} date`;
  const scratch = new Checker();
  const table = checkSheetColumns(
    scratch,
    { sheet: v.sheet, columns: { channel: v.channel, ...{ ...v.stages } } },
    'the contacts',
    ['channel', ...stages],
    labels,
    sheets,
  );
  for (const { field, message } of scratch.errors) {
    const [, column] = /^columns\.(.+)$/.exec(field) ?? [];
    const at = column === undefined ? field : column === 'channel' ? 'channel' : `stages.${column}`;
    c.at(at).fail(message);
  }
  if (!table) return undefined;
  return {
    sheet: table.sheet,
    channel: table.columns.channel!,
    stages: stages.map((k) => table.columns[k]!),
  };
}

/** The Full funnel's contacts and view, or undefined with every problem recorded; its deals are the raw data's. */
export function checkFunnel(
  c: Checker,
  v: unknown,
  sheets: readonly SheetInfo[] | undefined,
): FunnelData | undefined {
  if (!isObj(v)) {
    return c.fail('Pick the contacts sheet for the Full funnel (Channels: Full funnel).');
  }
  const contacts = checkContacts(c.at('contacts'), v.contacts, sheets);
  const view = FUNNEL_VIEWS.find((w) => w === v.view);
  if (!view) {
    c.at('view').fail(
      'Choose how to count: by the date each stage was reached, or leads grouped by when they arrived.',
    );
  }
  return contacts && view ? { contacts, view: view as FunnelView } : undefined;
}

/**
 * Built-in functions cannot count a skipped stage on the date of the next
 * stage reached, nor read the dates CRMs export as text ("2026-01-15
 * 10:32"), so a native Full funnel would show other numbers than the
 * add-on's: it is refused, with what to do.
 */
export function checkFunnelStyle(
  c: Checker,
  style: FormulaStyle | undefined,
  templates: readonly TemplateId[] | undefined,
): void {
  if (style !== 'native' || !templates?.includes('fullFunnel')) return;
  c.fail(
    `The ${TEMPLATE_TITLES.fullFunnel} cannot be made with portable native formulas: built-in functions cannot count a record that skipped a stage on the date of the next stage it reached, nor read the dates CRMs export as text, so its numbers would be wrong. Choose add-on functions, or leave the ${TEMPLATE_TITLES.fullFunnel} out of this run.`,
  );
}
