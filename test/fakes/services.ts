/**
 * The Apps Script services the add-on's server calls use, as recording
 * fakes on one recorder: the spreadsheet (spreadsheet.ts), the document's
 * properties and its lock. After Google's reference: getProperty gives null
 * for a key never set, and getDocumentLock gives null when the script does
 * not run from a document.
 */
import {
  type FakeSheetSpec,
  type FakeSpreadsheet,
  type FakeSpreadsheetOptions,
  fakeSpreadsheet,
} from './spreadsheet';

export interface FakeServicesOptions extends FakeSpreadsheetOptions {
  /** tryLock succeeds (free), times out (busy), or there is no document lock (none). */
  lock?: 'free' | 'busy' | 'none';
}

export interface FakeServices extends FakeSpreadsheet {
  /** SpreadsheetApp, PropertiesService and LockService, for the global scope. */
  globals: Record<string, unknown>;
  /** The document properties as stored. */
  properties: Map<string, string>;
}

export function fakeServices(
  specs: FakeSheetSpec[] = [],
  { lock = 'free', locale }: FakeServicesOptions = {},
): FakeServices {
  const fake = fakeSpreadsheet(specs, { locale });
  const { rec } = fake;
  const properties = new Map<string, string>();
  const documentProperties: unknown = rec.stub('Properties', {
    getProperty: (key: string) => properties.get(key) ?? null,
    setProperty: (key: string, value: string) => {
      properties.set(key, value);
      return documentProperties;
    },
  });
  const documentLock = rec.stub('Lock', {
    tryLock: () => lock === 'free',
    releaseLock: () => undefined,
  });
  return {
    ...fake,
    properties,
    globals: {
      SpreadsheetApp: fake.app,
      PropertiesService: rec.stub('PropertiesService', {
        getDocumentProperties: () => documentProperties,
      }),
      LockService: rec.stub('LockService', {
        getDocumentLock: () => (lock === 'none' ? null : documentLock),
      }),
    },
  };
}
