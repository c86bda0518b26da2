/** Writes plans into a workbook: new tabs only, all or nothing. */
import { RUNTIME } from '../metrics/catalogue';
import { cellA1 } from './a1';
import { isFormula, type Plan } from './plan';
import { columnWidths } from './widths';
import { uniqueName, type Workbook } from './workbook';

export function writePlan(workbook: Workbook, sheet: string, plan: Plan): void {
  workbook.markTemplate(sheet, plan.template);
  for (const block of plan.blocks) workbook.writeBlock(sheet, block);
  for (const format of plan.formats) workbook.setNumberFormat(sheet, format);
  if (plan.bold.length > 0) workbook.setBold(sheet, plan.bold);
  for (const validation of plan.validations) workbook.setValidationList(sheet, validation);
  if (plan.conditional.length > 0) workbook.setConditionalRules(sheet, plan.conditional);
  for (const chart of plan.charts) workbook.addChart(sheet, chart);
  workbook.setColumnWidths(sheet, columnWidths(plan));
}

/** The tab names the plans will get, in order, without touching the workbook. */
export function tabNames(existing: readonly string[], plans: readonly Plan[]): string[] {
  const taken = [...existing];
  return plans.map((plan) => {
    const name = uniqueName(plan.title, taken);
    taken.push(name);
    return name;
  });
}

export class WriteError extends Error {
  constructor(
    /** The tab being written when it failed; null when applying all of them failed. */
    readonly tab: string | null,
    readonly cause: unknown,
    /** New tabs that could not be removed again: the spreadsheet is not as it was. */
    readonly leftBehind: readonly string[] = [],
  ) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(
      tab === null ? `Could not create the new tabs: ${why}` : `Could not create "${tab}": ${why}`,
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

/**
 * Each plan on a new tab with a unique name, then every change applied
 * (flushed) and each tab read back once for formulas that did not parse. If anything fails, applying included, every tab made by this
 * call is removed again, so the spreadsheet is as it was, and the error
 * names the tab that failed.
 */
export function writePlans(workbook: Workbook, plans: readonly Plan[]): string[] {
  const names = tabNames(workbook.sheetNames(), plans);
  const made: string[] = [];
  let current: string | null = null;
  try {
    plans.forEach((plan, k) => {
      current = names[k]!;
      workbook.addSheet(current, plan.rows, plan.cols);
      made.push(current);
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
    for (const name of made.reverse()) {
      try {
        workbook.removeSheet(name);
      } catch {
        // The first failure is what the user needs to see; the tab is named so it can be deleted.
        leftBehind.push(name);
      }
    }
    throw new WriteError(current, e, leftBehind.reverse());
  }
  return names;
}
