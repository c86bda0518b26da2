/**
 * A recording fake of one spreadsheet for AppsScriptWorkbook: sheets with
 * names, sizes and header rows; every call recorded by the recorder, so tests
 * can count what writing a plan costs.
 */
import { type Recorder, recorder } from './recorder';

export interface FakeSheetSpec {
  name: string;
  headers?: string[];
  dataRows?: number;
  rows?: number;
  cols?: number;
}

export interface FakeSpreadsheet {
  rec: Recorder;
  /** The Spreadsheet object AppsScriptWorkbook takes. */
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The SpreadsheetApp global (builders for validation and conditional formats). */
  app: unknown;
  names(): string[];
  /** Makes the next call of `method` on any sheet throw. */
  failOn(method: string): void;
}

export function fakeSpreadsheet(specs: FakeSheetSpec[] = []): FakeSpreadsheet {
  const rec = recorder();
  let failing = '';
  const sheets: { spec: FakeSheetSpec; obj: unknown }[] = [];
  function makeSheet(spec: FakeSheetSpec): unknown {
    const guard =
      (method: string, fn: (...args: any[]) => unknown) =>
      (...args: any[]) => {
        if (failing === method) {
          failing = '';
          throw new Error(`Service error: ${method}`);
        }
        return fn(...args);
      };
    const range = rec.stub('Sheet', {
      getDisplayValues: () => [spec.headers ?? []],
      setValues: guard('setValues', () => range),
      setDataValidation: guard('setDataValidation', () => range),
    });
    const obj: unknown = rec.stub('Sheet', {
      getName: () => spec.name,
      getMaxRows: () => spec.rows ?? 1000,
      getMaxColumns: () => spec.cols ?? 26,
      getLastRow: () => (spec.headers?.length ? 1 + (spec.dataRows ?? 0) : 0),
      getLastColumn: () => spec.headers?.length ?? 0,
      getRange: () => range,
      insertRowsAfter: guard('insertRowsAfter', (_after: number, n: number) => {
        spec.rows = (spec.rows ?? 1000) + n;
        return obj;
      }),
      insertChart: guard('insertChart', () => undefined),
      setConditionalFormatRules: guard('setConditionalFormatRules', () => undefined),
    });
    sheets.push({ spec, obj });
    return obj;
  }
  for (const spec of specs) makeSheet({ ...spec });
  const spreadsheet = rec.stub('Spreadsheet', {
    getSheets: () => sheets.map((s) => s.obj),
    getNumSheets: () => sheets.length,
    getSheetByName: (name: string) => sheets.find((s) => s.spec.name === name)?.obj ?? null,
    insertSheet: (name: string) => {
      if (sheets.some((s) => s.spec.name.toLowerCase() === name.toLowerCase())) {
        throw new Error(`A sheet with the name "${name}" already exists.`);
      }
      return makeSheet({ name });
    },
    deleteSheet: (sheet: unknown) => {
      const k = sheets.findIndex((s) => s.obj === sheet);
      if (k >= 0) sheets.splice(k, 1);
    },
  }) as GoogleAppsScript.Spreadsheet.Spreadsheet;
  return {
    rec,
    spreadsheet,
    app: rec.service('SpreadsheetApp'),
    names: () => sheets.map((s) => s.spec.name),
    failOn: (method) => {
      failing = method;
    },
  };
}
