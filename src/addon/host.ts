/**
 * What the server functions run against: the spreadsheet, the document's
 * saved settings and its lock. The add-on passes Google's services; tests
 * and the playground pass the memory workbook (memory-host.ts).
 */
import type { Workbook } from '../workbook/workbook';

/** One text value per document, as PropertiesService stores it (at most 9 KB). */
export interface SettingsStore {
  read(): string | null;
  write(value: string): void;
}

export interface Host {
  workbook: Workbook;
  store: SettingsStore;
  /** Runs `fn` holding the document lock, so two Creates never interleave. */
  withLock<T>(fn: () => T): T;
}
