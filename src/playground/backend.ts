/**
 * The playground's spreadsheet: the in-memory workbook with the sample
 * sheets, and the add-on's own server functions working on it, exactly as
 * Apps Script calls them but with the memory host in place of SpreadsheetApp.
 */
import type { ServerApi, ServerCall } from '../addon/api';
import { createTemplates, getSetupState, previewTemplates } from '../addon/server';
import { MemoryWorkbook, memoryHost, type SheetSnapshot } from '../workbook/memory';
import { type Cell, sampleSheets } from './sample';

export type { SheetSnapshot };

/** Server functions by name, each taking the request's JSON arguments. */
export type Calls = {
  [K in ServerCall]: (...args: Parameters<ServerApi[K]>) => ReturnType<ServerApi[K]>;
};

export interface Backend {
  calls: Calls;
  snapshot(): SheetSnapshot[];
  setCell(sheet: string, row: number, col: number, input: string): void;
}

export function sampleBackend(sheets: Record<string, Cell[][]> = sampleSheets()): Backend {
  const workbook = MemoryWorkbook.fromSheets(sheets);
  const host = memoryHost(workbook);
  return {
    calls: {
      getSetupState: () => getSetupState(host),
      previewTemplates: (settings) => previewTemplates(host, settings),
      createTemplates: (settings) => createTemplates(host, settings),
    },
    snapshot: () => workbook.snapshot(),
    setCell: (sheet, row, col, input) => workbook.setCell(sheet, row, col, input),
  };
}
