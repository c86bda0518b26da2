/**
 * A block cut into rectangles that are each all formulas or all plain
 * values, so formulas go to the sheet through setFormulas, as Google
 * documents it, and values through setValues. Rows cut alike share a
 * rectangle, so a table's rows take as many calls as one row does, however
 * many rows there are.
 */
import { type Block, isFormula, type PlanCell } from './plan';

export interface BlockPart extends Block {
  /** Every cell is a formula or blank (true), or a plain value or blank (false). */
  formulas: boolean;
}

interface Run {
  col: number;
  cols: number;
  formulas: boolean;
}

/**
 * One row's runs of formulas and of values. A blank cell goes either way
 * (both calls clear a cell given ""), so it joins the run on its left, or
 * the one on its right at the row's start.
 */
function runs(row: readonly PlanCell[]): Run[] {
  const kinds = row.map((cell) => (cell === null ? null : isFormula(cell)));
  const first = kinds.find((k) => k !== null) ?? false;
  const out: Run[] = [];
  let kind = first;
  kinds.forEach((k, col) => {
    if (k !== null) kind = k;
    const last = out[out.length - 1];
    if (last && last.formulas === kind) last.cols++;
    else out.push({ col, cols: 1, formulas: kind });
  });
  return out;
}

const signature = (rs: readonly Run[]) => rs.map((r) => `${r.col}:${r.cols}:${r.formulas}`).join();

export function blockParts(block: Block): BlockPart[] {
  const width = block.cells.reduce((w, r) => Math.max(w, r.length), 0);
  const rows = block.cells.map((row) =>
    Array.from({ length: width }, (_, c): PlanCell => row[c] ?? null),
  );
  const parts: BlockPart[] = [];
  let r = 0;
  while (r < rows.length) {
    const cut = runs(rows[r]!);
    let height = 1;
    while (r + height < rows.length && signature(runs(rows[r + height]!)) === signature(cut))
      height++;
    for (const run of cut) {
      parts.push({
        row: block.row + r,
        col: block.col + run.col,
        formulas: run.formulas,
        cells: rows.slice(r, r + height).map((line) => line.slice(run.col, run.col + run.cols)),
      });
    }
    r += height;
  }
  return parts;
}
