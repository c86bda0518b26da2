/**
 * The Full funnel's settings: the contacts sheet with its source column and
 * its stage-date columns in funnel order, the deals sheet with its five
 * columns, and the view. Step 5's refusal of the native style for it lives
 * here too, with its reason.
 */
import { quote } from '../sheets/format';
import { columnLetter } from '../workbook/a1';
import { columnsHeaded } from '../workbook/headers';
import type { SheetInfo } from './api';
import {
  DEAL_FIELD_LABELS,
  DEAL_FIELDS,
  type FormulaStyle,
  FUNNEL_VIEWS,
  type FunnelData,
  type FunnelView,
  TEMPLATE_TITLES,
  type TemplateId,
} from './settings';
import { type Checker, isObj, LIMITS } from './validate-checker';
import { checkSheetColumns } from './validate-sheets';

/** One header of the contacts sheet: there, and only once. */
function contactsColumn(
  c: Checker,
  v: unknown,
  what: string,
  info: SheetInfo | undefined,
): string | undefined {
  const header = c.text(v, `the header of ${what}`, LIMITS.headerLength);
  if (header === undefined || !info) return header;
  const found = columnsHeaded(info.headers, header);
  if (found.length === 1) return header;
  if (found.length === 0) {
    const named = info.headers.filter((h) => h.trim() !== '');
    return c.fail(
      `No column headed ${quote(header)} on sheet ${quote(info.name)}; pick one of: ${named.length ? named.join(', ') : '(the first row is empty: add headers)'}.`,
    );
  }
  return c.fail(
    `Columns ${found.map(columnLetter).join(' and ')} of sheet ${quote(info.name)} are all headed ${quote(header)}; rename one of them, then pick the column again.`,
  );
}

function checkContacts(
  c: Checker,
  v: unknown,
  sheets: readonly SheetInfo[] | undefined,
): FunnelData['contacts'] | undefined {
  if (!isObj(v)) return c.fail('Pick the contacts or leads sheet, its source column and stages.');
  const before = c.errors.length;
  const sheet = c
    .at('sheet')
    .text(v.sheet, 'the sheet that holds the contacts', LIMITS.sheetLength, true, true);
  const info = sheet === undefined || !sheets ? undefined : sheets.find((s) => s.name === sheet);
  if (sheet !== undefined && sheets && !info) {
    c.at('sheet').fail(
      `There is no sheet named ${quote(sheet)}; pick one of: ${sheets.map((s) => s.name).join(', ')}.`,
    );
  }
  const channel = contactsColumn(c.at('channel'), v.channel, 'the source column', info);
  const stagesAt = c.at('stages');
  if (!Array.isArray(v.stages) || v.stages.length === 0) {
    stagesAt.fail('Pick at least one stage-date column, first stage first.');
    return undefined;
  }
  if (v.stages.length > LIMITS.maxStages) {
    stagesAt.fail(
      `Use at most ${LIMITS.maxStages} stage columns (you have ${v.stages.length}); remove some.`,
    );
    return undefined;
  }
  const seen = new Map<string, number>();
  const stages = v.stages.map((h: unknown, k) => {
    const header = contactsColumn(stagesAt.at(k), h, `stage column ${k + 1}`, info);
    if (header === undefined) return undefined;
    const key = header.trim().toLowerCase();
    if (channel !== undefined && key === channel.trim().toLowerCase())
      return stagesAt.at(k).fail(`${quote(header)} is the source column; pick a date column.`);
    const twin = seen.get(key);
    if (twin !== undefined)
      return stagesAt
        .at(k)
        .fail(`${quote(header)} is also stage column ${twin + 1}; pick each column once.`);
    seen.set(key, k);
    return header;
  });
  return c.errors.length > before
    ? undefined
    : { sheet: sheet!, channel: channel!, stages: stages as string[] };
}

/** The Full funnel's tables and view, or undefined with every problem recorded. */
export function checkFunnel(
  c: Checker,
  v: unknown,
  sheets: readonly SheetInfo[] | undefined,
): FunnelData | undefined {
  if (!isObj(v)) {
    return c.fail(
      'Pick the contacts sheet and the deals sheet for the Full funnel (Channels: from raw data).',
    );
  }
  const contacts = checkContacts(c.at('contacts'), v.contacts, sheets);
  const deals = checkSheetColumns(
    c.at('deals'),
    v.deals,
    'the deals',
    DEAL_FIELDS,
    DEAL_FIELD_LABELS,
    sheets,
    ['currency'],
  );
  const view = FUNNEL_VIEWS.find((w) => w === v.view);
  if (!view) {
    c.at('view').fail(
      'Choose how to count: by the date each stage was reached, or leads grouped by when they arrived.',
    );
  }
  return contacts && deals && view ? { contacts, deals, view: view as FunnelView } : undefined;
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
