/**
 * The playground's spreadsheet: the in-memory workbook with the sample
 * sheets, and the add-on's own server functions working on it, exactly as
 * Apps Script calls them but with the memory host in place of SpreadsheetApp.
 */
import type { ServerApi } from '../addon/api';
import { bindCalls } from '../addon/calls';
import { memoryHost } from '../addon/memory-host';
import type { Rect } from '../workbook/a1';
import { MemoryWorkbook, type SheetSnapshot } from '../workbook/memory';
import {
  type ChartSpec,
  type ConditionalRule,
  formula,
  type NumberFormat,
  type PlanCell,
} from '../workbook/plan';
import { type Cell, SAMPLE_FORMATS, sampleSheets } from './sample';

/** A sheet as /api/workbook serves it: the engine's snapshot, plus how the grid should show it. */
export interface PlaygroundSheet extends SheetSnapshot {
  formats: NumberFormat[];
  bold: Rect[];
  conditional: ConditionalRule[];
  charts: ChartSpec[];
}

export type { SheetSnapshot };

export interface Backend {
  /** The add-on's own server calls on this workbook, by name. */
  calls: ServerApi;
  snapshot(): PlaygroundSheet[];
  setCell(sheet: string, row: number, col: number, input: string): void;
}

export function sampleBackend(sheets: Record<string, Cell[][]> = sampleSheets()): Backend {
  // Written as a template writes its blocks: text stays text, as an export or a connector
  // writes it ("$332.37" typed into a cell would read as a number), so the add-on's reading
  // of text amounts is what the sample shows; and one write per sheet, not one per cell.
  const workbook = MemoryWorkbook.fromSheets(
    Object.fromEntries(Object.keys(sheets).map((name) => [name, []])),
  );
  const asPlanCell = (cell: Cell): PlanCell =>
    typeof cell === 'string' && cell.startsWith('=') ? formula(cell) : cell;
  workbook.hf.batch(() => {
    for (const [name, rows] of Object.entries(sheets)) {
      workbook.writeBlock(name, { row: 0, col: 0, cells: rows.map((row) => row.map(asPlanCell)) });
    }
  });
  for (const f of SAMPLE_FORMATS) {
    if (sheets[f.sheet])
      workbook.setNumberFormat(f.sheet, { pattern: f.pattern, ranges: [f.range] });
  }
  for (const [name, rows] of Object.entries(sheets)) {
    workbook.setBold(name, [{ row: 0, col: 0, rows: 1, cols: rows[0]?.length ?? 1 }]);
  }
  const host = memoryHost(workbook);
  return {
    calls: bindCalls(() => host),
    snapshot: () =>
      workbook.snapshot().map((sheet) => {
        const meta = workbook.meta(sheet.name);
        return {
          ...sheet,
          formats: meta.formats,
          bold: meta.bold,
          conditional: meta.conditional,
          charts: meta.charts,
        };
      }),
    setCell: (sheet, row, col, input) => workbook.setCell(sheet, row, col, input),
  };
}
