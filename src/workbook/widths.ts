/**
 * Column widths from the content a plan writes, so labels and numbers are
 * not cut off at Sheets' default 100 px. Sheets can fit columns itself
 * (autoResizeColumns) but would then widen column A to a tab's one-line
 * description; here a sentence is left to run over the empty cells beside it.
 */
import { isFormula, type Plan, type PlanCell } from './plan';

/** Pixels per character of Sheets' default 10 pt font, with the cell's padding. */
const PX_PER_CHAR = 7;
const PADDING = 16;
const MIN_WIDTH = 60;
const MAX_WIDTH = 440;
const STEP = 20;
/** Text longer than this is a sentence, not a label: it does not set its column's width. */
const SENTENCE = 60;
/** What a computed number shows at most in the templates' formats ("£1,234,567.89", "12.5%"). */
const NUMBER_CHARS = 12;

function chars(cell: PlanCell): number {
  if (cell === null) return 0;
  if (isFormula(cell) || typeof cell === 'number') return NUMBER_CHARS;
  if (typeof cell === 'boolean') return 5;
  return cell.length > SENTENCE ? 0 : cell.length;
}

/** Each column's width in pixels, left to right; null for a column the plan writes nothing into. */
export function columnWidths(plan: Plan): (number | null)[] {
  const widest: number[] = [];
  for (const block of plan.blocks) {
    block.cells.forEach((row) => {
      row.forEach((cell, c) => {
        const col = block.col + c;
        widest[col] = Math.max(widest[col] ?? 0, chars(cell));
      });
    });
  }
  // In steps of STEP px, so neighbouring columns of like content share a width (and a call).
  return Array.from(widest, (n) =>
    n
      ? Math.min(
          MAX_WIDTH,
          Math.max(MIN_WIDTH, Math.ceil((n * PX_PER_CHAR + PADDING) / STEP) * STEP),
        )
      : null,
  );
}
