/** Writes plans into a workbook: new tabs, or tabs the add-on made rebuilt in place; all or nothing. */
import { RUNTIME } from '../metrics/catalogue';
import { messageOf } from '../sheets/format';
import { cellA1 } from './a1';
import { isFormula, type Plan } from './plan';
import { columnWidths } from './widths';
import { uniqueName, type Workbook } from './workbook';

/** For each template to rebuild in place, the tab the add-on made for it. */
export type Updates = Readonly<Record<string, string>>;

export function writePlan(workbook: Workbook, sheet: string, plan: Plan): void {
  for (const block of plan.blocks) workbook.writeBlock(sheet, block);
  for (const format of plan.formats) workbook.setNumberFormat(sheet, format);
  if (plan.bold.length > 0) workbook.setBold(sheet, plan.bold);
  for (const validation of plan.validations) workbook.setValidationList(sheet, validation);
  if (plan.conditional.length > 0) workbook.setConditionalRules(sheet, plan.conditional);
  for (const chart of plan.charts) workbook.addChart(sheet, chart);
  workbook.setColumnWidths(sheet, columnWidths(plan));
}

/**
 * The tab each plan goes on, in order, without touching the workbook: the tab
 * named in `updates` for its template, or a new tab with a unique name.
 */
export function tabNames(
  existing: readonly string[],
  plans: readonly Plan[],
  updates: Updates = {},
): string[] {
  const taken = [...existing];
  return plans.map((plan) => {
    const update = updates[plan.template];
    if (update !== undefined) return update;
    const name = uniqueName(plan.title, taken);
    taken.push(name);
    return name;
  });
}

export class WriteError extends Error {
  constructor(
    /** The tab being written when it failed; null when applying all of them failed. */
    readonly tab: string | null,
    /** Whether that tab was being rebuilt in place rather than made. */
    updating: boolean,
    readonly cause: unknown,
    /** New tabs that could not be removed again: the spreadsheet is not as it was. */
    readonly leftBehind: readonly string[] = [],
    /** Rebuilt tabs that could not be put back as they were; their old contents are on a hidden copy. */
    readonly notRestored: readonly string[] = [],
  ) {
    const why = messageOf(cause);
    super(
      tab === null
        ? `Could not ${updating ? 'write the tabs' : 'create the new tabs'}: ${why}`
        : `Could not ${updating ? 'update' : 'create'} "${tab}": ${why}`,
    );
  }
}

/** Custom functions show #ERROR! for a problem in the data too, so only built-in formulas tell of a parse error. */
const CUSTOM_CALL = new RegExp(`(?<![A-Za-z0-9_.])(${RUNTIME.map((e) => e.name).join('|')})\\(`);

/**
 * Reads the tab back once: a built-in formula showing #ERROR! is one the
 * spreadsheet could not parse (some locales read a comma as the decimal
 * separator), so the template would show wrong or no numbers.
 */
function checkParsed(workbook: Workbook, sheet: string, plan: Plan): void {
  const rows = Math.max(...plan.blocks.map((b) => b.row + b.cells.length));
  const cols = Math.max(...plan.blocks.flatMap((b) => b.cells.map((r) => b.col + r.length)));
  const shown = workbook.displayValues(sheet, rows, cols);
  for (const block of plan.blocks) {
    block.cells.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!isFormula(cell) || CUSTOM_CALL.test(cell.f)) return;
        if (shown[block.row + r]?.[block.col + c] === PARSE_ERROR) {
          throw new Error(
            `cell ${cellA1(block.row + r, block.col + c)} shows a formula parse error in this spreadsheet's locale (${workbook.locale()}).`,
          );
        }
      });
    });
  }
}

/** What Sheets shows in a cell whose formula it could not parse. */
const PARSE_ERROR = '#ERROR!';

export interface Written {
  /** Every tab written, in the order of the plans: new ones and the ones rebuilt in place. */
  tabs: string[];
  /** What went wrong after every tab was written and checked: it is there, but something was left. */
  warnings: string[];
}

/**
 * Each plan on a new tab with a unique name, or on the tab `updates` names
 * for its template, rebuilt in place; then every change applied (flushed)
 * and each tab read back once for formulas that did not parse. If anything
 * fails, applying included, every tab made by this call is removed again and
 * every rebuilt tab is put back as it was, so the spreadsheet is as it was,
 * and the error names the tab that failed.
 */
export function writePlans(
  workbook: Workbook,
  plans: readonly Plan[],
  updates: Updates = {},
): Written {
  const names = tabNames(workbook.sheetNames(), plans, updates);
  const updating = new Set(Object.values(updates));
  /** The tabs touched so far, in order: each is removed or put back on failure. */
  const touched: string[] = [];
  let current: string | null = null;
  try {
    plans.forEach((plan, k) => {
      current = names[k]!;
      if (updating.has(current)) {
        workbook.startUpdate(current, plan.rows, plan.cols);
        touched.push(current);
      } else {
        workbook.addSheet(current, plan.rows, plan.cols);
        touched.push(current);
        workbook.markTemplate(current, plan.template);
      }
      writePlan(workbook, current, plan);
    });
    current = null;
    workbook.flush();
    plans.forEach((plan, k) => {
      current = names[k]!;
      checkParsed(workbook, current, plan);
    });
    current = null;
  } catch (e) {
    const leftBehind: string[] = [];
    const notRestored: string[] = [];
    for (const name of touched.reverse()) {
      try {
        if (updating.has(name)) workbook.undoUpdate(name);
        else workbook.removeSheet(name);
      } catch {
        // The first failure is what the user needs to see; the tab is named so it can be mended.
        (updating.has(name) ? notRestored : leftBehind).push(name);
      }
    }
    const updatingCurrent = current === null ? updating.size > 0 : updating.has(current);
    throw new WriteError(current, updatingCurrent, e, leftBehind.reverse(), notRestored.reverse());
  }
  const warnings: string[] = [];
  for (const name of names.filter((n) => updating.has(n))) {
    try {
      workbook.finishUpdate(name);
    } catch (e) {
      warnings.push(
        `"${name}" was updated, but its old charts or its hidden copy could not be removed (${messageOf(e)}); delete them by hand.`,
      );
    }
  }
  return { tabs: names, warnings };
}
