/**
 * What the server functions run against: the spreadsheet, the document's
 * saved settings and its lock. The add-on passes Google's services; tests
 * and the playground pass the memory workbook (src/workbook/memory.ts).
 */
import { AppsScriptWorkbook } from '../workbook/apps-script';
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

export const SETTINGS_KEY = 'funnelMath.settings';
const LOCK_WAIT_MS = 10_000;

export function appsScriptHost(): Host {
  const props = PropertiesService.getDocumentProperties();
  return {
    workbook: new AppsScriptWorkbook(SpreadsheetApp.getActive()),
    store: {
      read: () => props.getProperty(SETTINGS_KEY),
      write: (value) => {
        props.setProperty(SETTINGS_KEY, value);
      },
    },
    withLock<T>(fn: () => T): T {
      // Null when the script does not run from a spreadsheet (a standalone or API run).
      const lock = LockService.getDocumentLock();
      if (!lock) {
        throw new Error(
          'Funnel Math can only change the spreadsheet it runs in: open the spreadsheet and use Extensions → Funnel Math.',
        );
      }
      if (!lock.tryLock(LOCK_WAIT_MS)) {
        throw new Error(
          'Another change to this spreadsheet is in progress; try again in a moment.',
        );
      }
      try {
        const result = fn();
        // Written cells reach the sheet before another caller may take the lock.
        SpreadsheetApp.flush();
        return result;
      } finally {
        lock.releaseLock();
      }
    },
  };
}
