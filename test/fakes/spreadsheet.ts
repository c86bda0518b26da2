/**
 * A recording fake of one spreadsheet for AppsScriptWorkbook, after Google's
 * SpreadsheetApp reference: grid sheets with names, sizes and header rows,
 * chart sheets (SheetType.OBJECT, a chart moved to its own sheet) and
 * Connected Sheets data source sheets (SheetType.DATASOURCE), on which every
 * grid call throws as it does in Sheets. Every call is recorded
 * by the recorder, so tests can count what reading the sheets and writing a
 * plan cost.
 */
import { type Recorder, recorder } from './recorder';

export interface FakeSheetSpec {
  name: string;
  /**
   * GRID (the default); OBJECT, a sheet holding a single chart and no grid; or
   * DATASOURCE, a Connected Sheets sheet showing a data source's table.
   */
  type?: 'GRID' | 'OBJECT' | 'DATASOURCE';
  headers?: string[];
  /**
   * The cells below the header row, as getValues returns them: numbers,
   * text, booleans and dates as Date objects. Sets dataRows when given.
   */
  values?: unknown[][];
  dataRows?: number;
  rows?: number;
  cols?: number;
}

/** An Apps Script enum value: compared by identity, printed as its name. */
function enumValue(name: string): { readonly name: string } {
  return Object.freeze({ name, toString: () => name, toJSON: () => name });
}

/** SpreadsheetApp.SheetType: GRID, OBJECT (a single embedded chart) and DATASOURCE. */
export const SheetType = Object.freeze({
  GRID: enumValue('GRID'),
  OBJECT: enumValue('OBJECT'),
  DATASOURCE: enumValue('DATASOURCE'),
});

/** SpreadsheetApp.DeveloperMetadataVisibility and DeveloperMetadataLocationType, as the add-on uses them. */
export const DeveloperMetadataVisibility = Object.freeze({
  DOCUMENT: enumValue('DOCUMENT'),
  PROJECT: enumValue('PROJECT'),
});
export const DeveloperMetadataLocationType = Object.freeze({
  SPREADSHEET: enumValue('SPREADSHEET'),
  SHEET: enumValue('SHEET'),
  ROW: enumValue('ROW'),
  COLUMN: enumValue('COLUMN'),
});

/** What Sheets throws for a grid call (getRange, getLastRow, …) on a sheet that is not a grid. */
export const notGridError = (type: 'OBJECT' | 'DATASOURCE') =>
  `The action is not supported for ${type} sheet.`;
export const OBJECT_SHEET_ERROR = notGridError('OBJECT');

/** What Sheets throws for a range that does not fit in its sheet. */
export const OUTSIDE_SHEET_ERROR =
  'The coordinates of the range are outside the dimensions of the sheet.';

/** Sheet methods about the tab itself rather than its grid: a sheet that is no grid answers these. */
const TAB_METHODS = new Set([
  'activate',
  'copyTo',
  'getIndex',
  'getParent',
  'getSheetId',
  'getSheetName',
  'getTabColor',
  'hideSheet',
  'isSheetHidden',
  'setName',
  'setTabColor',
  'showSheet',
]);

export interface FakeSpreadsheet {
  rec: Recorder;
  /** The Spreadsheet object AppsScriptWorkbook takes. */
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /**
   * The SpreadsheetApp global: getActive, flush, the validation and
   * conditional-format builders, and the SheetType enum.
   */
  app: unknown;
  names(): string[];
  /**
   * Makes the next call of `method` on any sheet or range, or of
   * SpreadsheetApp (`flush`), throw `Service error: <method>`.
   */
  failOn(method: string): void;
}

export interface FakeSpreadsheetOptions {
  /**
   * The spreadsheet's locale (getSpreadsheetLocale). In one whose decimal
   * separator is a comma (de_DE, it_IT, …) a formula written with commas
   * between arguments does not parse: the cell shows #ERROR!, as add-ons
   * report for German and Italian spreadsheets.
   */
  locale?: string;
}

/** Locales whose decimal separator is a comma, so that formulas take semicolons between arguments. */
const COMMA_DECIMAL = /^(de|it|fr|es|pt|nl|pl|ru|tr|sv|da|fi|nb|cs)(_|$)/;

/** Whether `formula` has a comma outside its quoted text. */
function commaOutsideQuotes(formula: string): boolean {
  return formula.split(/"(?:[^"]|"")*"/).some((part) => part.includes(','));
}

export function fakeSpreadsheet(
  specs: FakeSheetSpec[] = [],
  { locale = 'en_US' }: FakeSpreadsheetOptions = {},
): FakeSpreadsheet {
  const rec = recorder();
  const rejectsCommas = COMMA_DECIMAL.test(locale);
  let failing = '';
  const sheets: { spec: FakeSheetSpec; obj: unknown }[] = [];
  /** Developer metadata on sheets, as Sheet.addDeveloperMetadata(key, value, visibility) adds it. */
  const metadata: { sheet: unknown; key: string; value: string; visibility: unknown }[] = [];

  const guard =
    (method: string, fn: (...args: any[]) => unknown) =>
    (...args: any[]) => {
      if (failing === method) {
        failing = '';
        throw new Error(`Service error: ${method}`);
      }
      return fn(...args);
    };

  function notGridSheet(spec: FakeSheetSpec, type: 'OBJECT' | 'DATASOURCE'): unknown {
    const chart = rec.service('EmbeddedChart');
    const obj: unknown = rec.stub(
      'Sheet',
      {
        getName: () => spec.name,
        getType: () => SheetType[type],
        getCharts: () => (type === 'OBJECT' ? [chart] : []),
      },
      {
        other: (method) => {
          if (TAB_METHODS.has(method)) return obj;
          throw new Error(notGridError(type));
        },
      },
    );
    return obj;
  }

  function gridSheet(spec: FakeSheetSpec): unknown {
    const size = () => ({ rows: spec.rows ?? 1000, cols: spec.cols ?? 26 });
    const dataRows = () => spec.values?.length ?? spec.dataRows ?? 0;
    /** What setValues wrote, by "row,col" (1-based), as typed. */
    const written = new Map<string, unknown>();
    /** What a written cell shows: a formula's result is not computed here, only whether it parsed. */
    const shows = (typed: unknown): unknown => {
      if (typeof typed !== 'string') return typed;
      if (typed.startsWith('=')) return rejectsCommas && commaOutsideQuotes(typed) ? '#ERROR!' : '';
      return typed.startsWith("'") ? typed.slice(1) : typed;
    };
    /** A range of the sheet: header row 1, data below it; empty cells read as "". */
    const rangeAt = (row: number, col: number, rows: number, cols: number): unknown => {
      const cell = (r: number, c: number): unknown =>
        written.has(`${r},${c}`)
          ? shows(written.get(`${r},${c}`))
          : r === 1
            ? (spec.headers?.[c - 1] ?? '')
            : (spec.values?.[r - 2]?.[c - 1] ?? '');
      const grid = () =>
        Array.from({ length: rows }, (_, i) =>
          Array.from({ length: cols }, (_, j) => cell(row + i, col + j)),
        );
      const range: unknown = rec.stub('Range', {
        getValues: grid,
        getDisplayValues: () =>
          grid().map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : String(v)))),
        setValues: guard('setValues', (grid: unknown[][]) => {
          grid.forEach((line, i) => {
            line.forEach((v, j) => {
              written.set(`${row + i},${col + j}`, v);
            });
          });
          return range;
        }),
        setDataValidation: guard('setDataValidation', () => range),
      });
      return range;
    };
    const obj: unknown = rec.stub('Sheet', {
      getName: () => spec.name,
      getType: () => SheetType.GRID,
      getMaxRows: () => size().rows,
      getMaxColumns: () => size().cols,
      getLastRow: () => (spec.headers?.length ? 1 + dataRows() : 0),
      getLastColumn: () => spec.headers?.length ?? 0,
      getRange: (row: unknown, col = 1, rows = 1, cols = 1) => {
        if (typeof row === 'number') {
          const have = size();
          if (row + rows - 1 > have.rows || col + cols - 1 > have.cols) {
            throw new Error(OUTSIDE_SHEET_ERROR);
          }
          return rangeAt(row, col, rows, cols);
        }
        return rangeAt(1, 1, 1, 1);
      },
      getRangeList: () => rec.service('RangeList'),
      newChart: () => rec.service('EmbeddedChartBuilder'),
      insertRowsAfter: guard('insertRowsAfter', (_after: number, n: number) => {
        spec.rows = size().rows + n;
        return obj;
      }),
      insertColumnsAfter: guard('insertColumnsAfter', (_after: number, n: number) => {
        spec.cols = size().cols + n;
        return obj;
      }),
      insertChart: guard('insertChart', () => undefined),
      addDeveloperMetadata: guard(
        'addDeveloperMetadata',
        (key: string, value: string, visibility: unknown) => {
          metadata.push({ sheet: obj, key, value, visibility });
          return obj;
        },
      ),
      setConditionalFormatRules: guard('setConditionalFormatRules', () => undefined),
    });
    return obj;
  }

  function makeSheet(spec: FakeSheetSpec, index = sheets.length): unknown {
    const obj =
      spec.type === 'OBJECT' || spec.type === 'DATASOURCE'
        ? notGridSheet(spec, spec.type)
        : gridSheet(spec);
    sheets.splice(index, 0, { spec, obj });
    return obj;
  }

  for (const spec of specs) makeSheet({ ...spec });
  const spreadsheet = rec.stub('Spreadsheet', {
    getSpreadsheetLocale: () => locale,
    getSheets: () => sheets.map((s) => s.obj),
    getNumSheets: () => sheets.length,
    getSheetByName: (name: string) => sheets.find((s) => s.spec.name === name)?.obj ?? null,
    insertSheet: (name: string, index?: number) => {
      if (sheets.some((s) => s.spec.name.toLowerCase() === name.toLowerCase())) {
        throw new Error(`A sheet with the name "${name}" already exists.`);
      }
      return makeSheet({ name }, index);
    },
    deleteSheet: (sheet: unknown) => {
      const k = sheets.findIndex((s) => s.obj === sheet);
      if (k >= 0) sheets.splice(k, 1);
      // A sheet's developer metadata goes with it.
      for (let m = metadata.length - 1; m >= 0; m--)
        if (metadata[m]!.sheet === sheet) metadata.splice(m, 1);
    },
    // DeveloperMetadataFinder: withKey and withLocationType narrow, find returns DeveloperMetadata.
    createDeveloperMetadataFinder: () => {
      let key: string | undefined;
      let location: unknown;
      const finder: unknown = rec.stub('DeveloperMetadataFinder', {
        withKey: (k: string) => {
          key = k;
          return finder;
        },
        withLocationType: (type: unknown) => {
          location = type;
          return finder;
        },
        find: () =>
          metadata
            // Every mark here is on a sheet.
            .filter(
              (m) =>
                (key === undefined || m.key === key) &&
                (location === undefined || location === DeveloperMetadataLocationType.SHEET),
            )
            .map((m) =>
              rec.stub('DeveloperMetadata', {
                getKey: () => m.key,
                getValue: () => m.value,
                getVisibility: () => m.visibility,
                getLocation: () =>
                  rec.stub('DeveloperMetadataLocation', {
                    getLocationType: () => DeveloperMetadataLocationType.SHEET,
                    getSheet: () => m.sheet,
                  }),
              }),
            ),
      });
      return finder;
    },
  }) as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const app = rec.stub(
    'SpreadsheetApp',
    {
      getActive: () => spreadsheet,
      getActiveSpreadsheet: () => spreadsheet,
      flush: guard('flush', () => undefined),
      newDataValidation: () => rec.service('DataValidationBuilder'),
      newConditionalFormatRule: () => rec.service('ConditionalFormatRuleBuilder'),
    },
    { fields: { SheetType, DeveloperMetadataVisibility, DeveloperMetadataLocationType } },
  );
  return {
    rec,
    spreadsheet,
    app,
    names: () => sheets.map((s) => s.spec.name),
    failOn: (method) => {
      failing = method;
    },
  };
}
