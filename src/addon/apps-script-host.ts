/** The host in Apps Script: the active spreadsheet, its document properties and its lock. */
import { AppsScriptWorkbook } from '../workbook/apps-script';
import type { Host } from './host';

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
      // Writing flushes its own changes (writePlans), so they reach the sheet
      // before another caller may take the lock, and a failed flush undoes them.
      try {
        return fn();
      } finally {
        lock.releaseLock();
      }
    },
  };
}
