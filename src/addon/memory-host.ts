/**
 * The host stand-ins for tests and the playground: document properties in
 * memory and a lock that refuses a second holder, around any workbook
 * (the memory workbook in practice). Never part of the Apps Script bundle.
 */
import type { Workbook } from '../workbook/workbook';
import type { Host, SettingsStore } from './host';
import { PROPERTY_VALUE_LIMIT, utf8Length } from './store';

/** Document properties in memory, with PropertiesService's size limit per value. */
export class MemoryStore implements SettingsStore {
  constructor(private value: string | null = null) {}

  read(): string | null {
    return this.value;
  }

  write(value: string): void {
    if (utf8Length(value) > PROPERTY_VALUE_LIMIT) throw new Error('Argument too large: value');
    this.value = value;
  }
}

/** A host on the memory workbook, for tests and the playground. */
export function memoryHost(workbook: Workbook, store: SettingsStore = new MemoryStore()): Host {
  let locked = false;
  return {
    workbook,
    store,
    withLock<T>(fn: () => T): T {
      if (locked) throw new Error('Another change to this spreadsheet is in progress; try again.');
      locked = true;
      try {
        return fn();
      } finally {
        locked = false;
      }
    },
  };
}
