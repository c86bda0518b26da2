/**
 * A recording fake of one spreadsheet for AppsScriptWorkbook, after Google's
 * SpreadsheetApp reference: grid sheets that keep what is written on them
 * (grid.ts), chart sheets (SheetType.OBJECT, a chart moved to its own sheet) and
 * Connected Sheets data source sheets (SheetType.DATASOURCE), on which every
 * grid call throws as it does in Sheets. Every call is recorded
 * by the recorder, so tests can count what reading the sheets and writing a
 * plan cost.
 */
import {
  CopyPasteType,
  conditionalRuleBuilder,
  dataValidationBuilder,
  enumValue,
  type GridState,
  gridSheet,
  gridState,
  OUTSIDE_SHEET_ERROR,
  SheetType,
} from './grid';
import { type Recorder, recorder } from './recorder';

export { OUTSIDE_SHEET_ERROR, SheetType };

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
  /** Everything on a grid tab, as a test compares it before and after a change. */
  tab(name: string): GridState;
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

export function fakeSpreadsheet(
  specs: FakeSheetSpec[] = [],
  { locale = 'en_US' }: FakeSpreadsheetOptions = {},
): FakeSpreadsheet {
  const rec = recorder();
  const rejectsCommas = COMMA_DECIMAL.test(locale);
  let failing = '';
  const sheets: { name: () => string; obj: unknown; grid?: GridState }[] = [];
  let sheetIds = 0;
  let chartIds = 0;
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

  const gridContext = {
    rec,
    guard,
    rejectsCommas,
    addCopy: (state: GridState) => {
      // Sheets makes the copy's name unique: "Copy of Plan", then "Copy of Plan 2", …
      const taken = new Set(sheets.map((s) => s.name().toLowerCase()));
      const base = state.name;
      for (let k = 2; taken.has(state.name.toLowerCase()); k++) state.name = `${base} ${k}`;
      const obj = gridSheet(gridContext, state);
      sheets.push({ name: () => state.name, obj, grid: state });
      return obj;
    },
    addMetadata: (sheet: unknown, key: string, value: string, visibility: unknown) => {
      metadata.push({ sheet, key, value, visibility });
    },
    indexOf: (sheet: unknown) => sheets.findIndex((s) => s.obj === sheet) + 1,
    nextSheetId: () => ++sheetIds,
    nextChartId: () => ++chartIds,
  };

  function makeSheet(spec: FakeSheetSpec, index = sheets.length): unknown {
    if (spec.type === 'OBJECT' || spec.type === 'DATASOURCE') {
      const obj = notGridSheet(spec, spec.type);
      sheetIds++;
      sheets.splice(index, 0, { name: () => spec.name, obj });
      return obj;
    }
    const state = gridState(spec.name, ++sheetIds, spec);
    const obj = gridSheet(gridContext, state);
    sheets.splice(index, 0, { name: () => state.name, obj, grid: state });
    return obj;
  }

  for (const spec of specs) makeSheet({ ...spec });
  const spreadsheet = rec.stub('Spreadsheet', {
    getSpreadsheetLocale: () => locale,
    getSheets: () => sheets.map((s) => s.obj),
    getNumSheets: () => sheets.length,
    getSheetByName: (name: string) => sheets.find((s) => s.name() === name)?.obj ?? null,
    insertSheet: (name: string, index?: number) => {
      if (sheets.some((s) => s.name().toLowerCase() === name.toLowerCase())) {
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
      newDataValidation: () => dataValidationBuilder(rec),
      newConditionalFormatRule: () => conditionalRuleBuilder(rec),
    },
    {
      fields: {
        SheetType,
        CopyPasteType,
        DeveloperMetadataVisibility,
        DeveloperMetadataLocationType,
      },
    },
  );
  return {
    rec,
    spreadsheet,
    app,
    names: () => sheets.map((s) => s.name()),
    tab: (name) => {
      const grid = sheets.find((s) => s.name() === name)?.grid;
      if (!grid) throw new Error(`No grid tab named ${name}`);
      return grid;
    },
    failOn: (method) => {
      failing = method;
    },
  };
}
