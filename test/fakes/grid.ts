/**
 * A grid sheet of the recording fake (spreadsheet.ts), after Google's Sheet
 * and Range references: what is written stays, so a test can read a tab
 * before and after a change. Values and formulas, number formats, bold,
 * data validation, conditional rules, charts, column widths and banding are
 * kept per cell or per tab; a formula's result is not computed, only whether
 * it parsed.
 *
 * As the references say: Range.setValues reads a string beginning with "="
 * as a formula and one beginning with "'" as text; Range.setFormulas takes
 * formulas, and a string that is no formula is set as text; both take a grid
 * exactly the size of the range, and "" empties a cell. Range.clear takes
 * contents and formats but leaves data validation; Sheet.copyTo the same
 * spreadsheet adds "Copy of <name>" at the end with everything on the tab.
 */
import { cellA1, columnLetter } from '../../src/workbook/a1';
import type { Recorder } from './recorder';

/** One cell as written: a formula's text, or a value (text, number, boolean, date). */
export type FakeCell = { formula: string } | { value: unknown };

export interface FakeValidation {
  values: string[];
  allowInvalid: boolean;
}

export interface FakeRule {
  text: string;
  background: string;
  fontColor: string;
  /** A1 ranges on the tab the rule is set on. */
  ranges: string[];
}

/** Everything on one grid tab; specs of user sheets give their header row and data as values. */
export interface GridState {
  name: string;
  sheetId: number;
  rows: number;
  cols: number;
  hidden: boolean;
  /** By A1 address. */
  cells: Map<string, FakeCell>;
  formats: Map<string, string>;
  bold: Set<string>;
  validations: Map<string, FakeValidation>;
  conditional: FakeRule[];
  /** Chart ids, in the order the charts were inserted. */
  charts: number[];
  /** Column widths in pixels by column letter; absent where left at the default. */
  widths: Map<string, number>;
  bandings: string[];
  /** Rows with data below the header row, where the spec gave a count and no values. */
  dataRows: number;
  /** Whether the spec gave a header row: a tab made by insertSheet is empty. */
  hasHeaders: boolean;
}

/** What the grid needs from the spreadsheet around it. */
export interface GridContext {
  rec: Recorder;
  /** Wraps a method so failOn can make its next call throw. */
  guard: (method: string, fn: (...args: any[]) => unknown) => (...args: any[]) => unknown;
  rejectsCommas: boolean;
  /** Adds a tab with this state at the end (Sheet.copyTo) and returns its Sheet. */
  addCopy: (state: GridState) => unknown;
  addMetadata: (sheet: unknown, key: string, value: string, visibility: unknown) => void;
  /** The tab's 1-based position (Sheet.getIndex). */
  indexOf: (sheet: unknown) => number;
  nextSheetId: () => number;
  nextChartId: () => number;
}

/** Ranges, rules and charts this fake handed out, and what they stand for. */
const ranges = new WeakMap<
  object,
  { state: GridState; row: number; col: number; rows: number; cols: number }
>();
const rules = new WeakMap<object, FakeRule>();
const charts = new WeakMap<object, number>();

/** What Sheets throws for a range that does not fit in its sheet. */
export const OUTSIDE_SHEET_ERROR =
  'The coordinates of the range are outside the dimensions of the sheet.';

/** "B2:C5" or "B2" (1-based row and column, as getRange takes them). */
export function parseA1(a1: string): { row: number; col: number; rows: number; cols: number } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1.replace(/\$/g, ''));
  if (!m) throw new Error(`Range not found: ${a1}`);
  const col = (letters: string) =>
    [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = col(m[1]!);
  const r1 = Number(m[2]);
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

/** A 1-based cell's A1 address. */
const at = (row: number, col: number) => cellA1(row - 1, col - 1);

function a1Of(row: number, col: number, rows: number, cols: number): string {
  const start = at(row, col);
  return rows === 1 && cols === 1 ? start : `${start}:${at(row + rows - 1, col + cols - 1)}`;
}

/** Whether `formula` has a comma outside its quoted text. */
function commaOutsideQuotes(formula: string): boolean {
  return formula.split(/"(?:[^"]|"")*"/).some((part) => part.includes(','));
}

export function gridState(
  name: string,
  sheetId: number,
  spec: {
    headers?: string[];
    values?: unknown[][];
    dataRows?: number;
    rows?: number;
    cols?: number;
  } = {},
): GridState {
  const state: GridState = {
    name,
    sheetId,
    rows: spec.rows ?? 1000,
    cols: spec.cols ?? 26,
    hidden: false,
    cells: new Map(),
    formats: new Map(),
    bold: new Set(),
    validations: new Map(),
    conditional: [],
    charts: [],
    widths: new Map(),
    bandings: [],
    dataRows: spec.values?.length ?? spec.dataRows ?? 0,
    hasHeaders: (spec.headers?.length ?? 0) > 0,
  };
  spec.headers?.forEach((h, c) => {
    state.cells.set(at(1, c + 1), { value: h });
  });
  spec.values?.forEach((line, r) => {
    line.forEach((v, c) => {
      if (v !== '' && v !== null && v !== undefined)
        state.cells.set(at(r + 2, c + 1), { value: v });
    });
  });
  return state;
}

/** A deep copy of a tab's contents under another name and id. */
function copyState(
  from: GridState,
  name: string,
  sheetId: number,
  chartId: () => number,
): GridState {
  return {
    ...from,
    name,
    sheetId,
    cells: new Map(from.cells),
    formats: new Map(from.formats),
    bold: new Set(from.bold),
    validations: new Map(from.validations),
    conditional: from.conditional.map((r) => ({ ...r, ranges: [...r.ranges] })),
    charts: from.charts.map(() => chartId()),
    widths: new Map(from.widths),
    bandings: [...from.bandings],
  };
}

export function gridSheet(ctx: GridContext, state: GridState): unknown {
  const { rec, guard } = ctx;

  /** What a written cell shows: a formula's result is not computed here, only whether it parsed. */
  const shows = (cell: FakeCell | undefined): unknown => {
    if (!cell) return '';
    if ('formula' in cell)
      return ctx.rejectsCommas && commaOutsideQuotes(cell.formula) ? '#ERROR!' : '';
    return cell.value;
  };

  const checkSize = (grid: unknown[][], rows: number, cols: number) => {
    if (grid.length !== rows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${rows}.`,
      );
    }
    for (const line of grid) {
      if (line.length !== cols) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${cols}.`,
        );
      }
    }
  };

  const chartStub = (id: number): unknown => {
    const chart = rec.stub('EmbeddedChart', { getChartId: () => id });
    charts.set(chart, id);
    return chart;
  };

  const rangeAt = (row: number, col: number, rows: number, cols: number): unknown => {
    if (row < 1 || col < 1 || row + rows - 1 > state.rows || col + cols - 1 > state.cols) {
      throw new Error(OUTSIDE_SHEET_ERROR);
    }
    const each = (fn: (a1: string, i: number, j: number) => void) => {
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) fn(at(row + i, col + j), i, j);
    };
    const grid = (read: (a1: string) => unknown) =>
      Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) => read(at(row + i, col + j))),
      );
    const write = (input: unknown[][], asFormula: (v: unknown) => FakeCell | null) => {
      checkSize(input, rows, cols);
      each((a1, i, j) => {
        const cell = asFormula(input[i]![j]);
        if (cell) state.cells.set(a1, cell);
        else state.cells.delete(a1);
      });
      return range;
    };
    const range: object = rec.stub('Range', {
      getA1Notation: () => a1Of(row, col, rows, cols),
      getValues: () => grid((a1) => shows(state.cells.get(a1))),
      getDisplayValues: () =>
        grid((a1) => {
          const v = shows(state.cells.get(a1));
          return v instanceof Date ? v.toISOString() : String(v);
        }),
      getFormulas: () =>
        grid((a1) => {
          const cell = state.cells.get(a1);
          return cell && 'formula' in cell ? cell.formula : '';
        }),
      setValues: guard('setValues', (input: unknown[][]) =>
        write(input, (v) => {
          if (v === '' || v === null || v === undefined) return null;
          if (typeof v === 'string' && v.startsWith('=')) return { formula: v };
          if (typeof v === 'string' && v.startsWith("'")) return { value: v.slice(1) };
          return { value: v };
        }),
      ),
      setFormulas: guard('setFormulas', (input: string[][]) =>
        write(input, (v) => {
          if (v === '') return null;
          return String(v).startsWith('=') ? { formula: String(v) } : { value: String(v) };
        }),
      ),
      setDataValidation: guard('setDataValidation', (rule: FakeValidation) => {
        each((a1) => state.validations.set(a1, rule));
        return range;
      }),
      clear: guard('clear', () => {
        each((a1) => {
          state.cells.delete(a1);
          state.formats.delete(a1);
          state.bold.delete(a1);
        });
        return range;
      }),
      clearDataValidations: guard('clearDataValidations', () => {
        each((a1) => state.validations.delete(a1));
        return range;
      }),
      copyTo: guard('copyTo', (destination: object, type: unknown = CopyPasteType.PASTE_NORMAL) => {
        const to = ranges.get(destination);
        if (!to) throw new Error('copyTo takes a Range of this spreadsheet.');
        if (to.row !== row || to.col !== col) {
          // Relative references would move; the add-on only copies a tab back onto itself.
          throw new Error('This fake copies ranges only onto the same cells of another tab.');
        }
        const target = to.state;
        if (type === CopyPasteType.PASTE_COLUMN_WIDTHS) {
          for (let j = 0; j < cols; j++) {
            const letter = columnLetter(col + j - 1);
            const width = state.widths.get(letter);
            if (width === undefined) target.widths.delete(letter);
            else target.widths.set(letter, width);
          }
          return undefined;
        }
        const copy = <T>(from: Map<string, T>, into: Map<string, T>, a1: string) => {
          const v = from.get(a1);
          if (v === undefined) into.delete(a1);
          else into.set(a1, v);
        };
        each((a1) => {
          if (type === CopyPasteType.PASTE_DATA_VALIDATION) {
            copy(state.validations, target.validations, a1);
          } else if (type === CopyPasteType.PASTE_NORMAL) {
            copy(state.cells, target.cells, a1);
            copy(state.formats, target.formats, a1);
            if (state.bold.has(a1)) target.bold.add(a1);
            else target.bold.delete(a1);
          } else {
            throw new Error(`This fake does not paste ${String(type)}.`);
          }
        });
        return undefined;
      }),
    });
    ranges.set(range, { state, row, col, rows, cols });
    return range;
  };

  const rangeList = (a1s: string[]): unknown => {
    const apply = (fn: (a1: string) => void) => {
      for (const a1 of a1s) {
        const r = parseA1(a1);
        for (let i = 0; i < r.rows; i++)
          for (let j = 0; j < r.cols; j++) fn(at(r.row + i, r.col + j));
      }
    };
    const list: unknown = rec.stub('RangeList', {
      setNumberFormat: guard('setNumberFormat', (pattern: string) => {
        apply((a1) => state.formats.set(a1, pattern));
        return list;
      }),
      setFontWeight: guard('setFontWeight', (weight: string) => {
        apply((a1) => (weight === 'bold' ? state.bold.add(a1) : state.bold.delete(a1)));
        return list;
      }),
    });
    return list;
  };

  const obj: unknown = rec.stub('Sheet', {
    getName: () => state.name,
    getType: () => SheetType.GRID,
    getSheetId: () => state.sheetId,
    getIndex: () => ctx.indexOf(obj),
    getMaxRows: () => state.rows,
    getMaxColumns: () => state.cols,
    getLastRow: () => (state.hasHeaders ? 1 + state.dataRows : 0),
    getLastColumn: () =>
      state.hasHeaders
        ? Math.max(
            ...[...state.cells.keys()]
              .filter((a1) => /^[A-Z]+1$/.test(a1))
              .map((a1) => parseA1(a1).col),
          )
        : 0,
    getRange: (row: unknown, col = 1, rows = 1, cols = 1) => {
      if (typeof row === 'string') {
        const r = parseA1(row);
        return rangeAt(r.row, r.col, r.rows, r.cols);
      }
      return rangeAt(row as number, col, rows, cols);
    },
    getRangeList: (a1s: string[]) => rangeList(a1s),
    newChart: () => rec.service('EmbeddedChartBuilder'),
    insertRowsAfter: guard('insertRowsAfter', (_after: number, n: number) => {
      state.rows += n;
      return obj;
    }),
    insertColumnsAfter: guard('insertColumnsAfter', (_after: number, n: number) => {
      state.cols += n;
      return obj;
    }),
    deleteRows: guard('deleteRows', (start: number, n: number) => {
      if (start + n - 1 > state.rows) throw new Error(OUTSIDE_SHEET_ERROR);
      state.rows -= n;
      return obj;
    }),
    deleteColumns: guard('deleteColumns', (start: number, n: number) => {
      if (start + n - 1 > state.cols) throw new Error(OUTSIDE_SHEET_ERROR);
      state.cols -= n;
      return obj;
    }),
    setColumnWidths: guard('setColumnWidths', (start: number, n: number, width: number) => {
      for (let c = start; c < start + n; c++) state.widths.set(columnLetter(c - 1), width);
      return obj;
    }),
    getCharts: () => state.charts.map(chartStub),
    insertChart: guard('insertChart', () => {
      state.charts.push(ctx.nextChartId());
    }),
    removeChart: guard('removeChart', (chart: object) => {
      const id = charts.get(chart);
      const k = state.charts.indexOf(id ?? -1);
      if (k < 0) throw new Error('That chart is not on this sheet.');
      state.charts.splice(k, 1);
    }),
    getBandings: () =>
      state.bandings.map((a1) =>
        rec.stub('Banding', {
          getRange: () =>
            rangeAt(parseA1(a1).row, parseA1(a1).col, parseA1(a1).rows, parseA1(a1).cols),
          remove: guard('remove', () => {
            state.bandings = state.bandings.filter((b) => b !== a1);
          }),
          copyTo: guard('copyTo', (range: object) => {
            const to = ranges.get(range)!;
            to.state.bandings.push(a1Of(to.row, to.col, to.rows, to.cols));
          }),
        }),
      ),
    setConditionalFormatRules: guard('setConditionalFormatRules', (given: object[]) => {
      state.conditional = given.map((r) => ({ ...rules.get(r)! }));
    }),
    getConditionalFormatRules: () => state.conditional.map((r) => conditionalRule(rec, r)),
    clearConditionalFormatRules: guard('clearConditionalFormatRules', () => {
      state.conditional = [];
    }),
    hideSheet: guard('hideSheet', () => {
      state.hidden = true;
      return obj;
    }),
    isSheetHidden: () => state.hidden,
    copyTo: guard('copyTo', () =>
      ctx.addCopy(copyState(state, `Copy of ${state.name}`, ctx.nextSheetId(), ctx.nextChartId)),
    ),
    addDeveloperMetadata: guard(
      'addDeveloperMetadata',
      (key: string, value: string, visibility: unknown) => {
        ctx.addMetadata(obj, key, value, visibility);
        return obj;
      },
    ),
  });
  return obj;
}

/** SpreadsheetApp.CopyPasteType, as the add-on uses it. */
export const CopyPasteType = Object.freeze({
  PASTE_NORMAL: enumValue('PASTE_NORMAL'),
  PASTE_DATA_VALIDATION: enumValue('PASTE_DATA_VALIDATION'),
  PASTE_CONDITIONAL_FORMATTING: enumValue('PASTE_CONDITIONAL_FORMATTING'),
  PASTE_COLUMN_WIDTHS: enumValue('PASTE_COLUMN_WIDTHS'),
});

/** SpreadsheetApp.SheetType: GRID, OBJECT (a single embedded chart) and DATASOURCE. */
export const SheetType = Object.freeze({
  GRID: enumValue('GRID'),
  OBJECT: enumValue('OBJECT'),
  DATASOURCE: enumValue('DATASOURCE'),
});

/** An Apps Script enum value: compared by identity, printed as its name. */
export function enumValue(name: string): { readonly name: string } {
  return Object.freeze({ name, toString: () => name, toJSON: () => name });
}

/** A ConditionalFormatRule: its ranges, and copy() giving a builder that starts from it. */
function conditionalRule(rec: Recorder, data: FakeRule): object {
  const rule: object = rec.stub('ConditionalFormatRule', {
    getRanges: () => data.ranges.map((a1) => rec.stub('Range', { getA1Notation: () => a1 })),
    copy: () => conditionalRuleBuilder(rec, { ...data, ranges: [...data.ranges] }),
  });
  rules.set(rule, data);
  return rule;
}

/** SpreadsheetApp.newConditionalFormatRule(): the text-equals rules the add-on builds. */
export function conditionalRuleBuilder(
  rec: Recorder,
  start: FakeRule = { text: '', background: '', fontColor: '', ranges: [] },
): unknown {
  const data = { ...start };
  const builder: unknown = rec.stub('ConditionalFormatRuleBuilder', {
    whenTextEqualTo: (text: string) => {
      data.text = text;
      return builder;
    },
    setBackground: (color: string) => {
      data.background = color;
      return builder;
    },
    setFontColor: (color: string) => {
      data.fontColor = color;
      return builder;
    },
    setRanges: (given: object[]) => {
      data.ranges = given.map((r) => (r as { getA1Notation(): string }).getA1Notation());
      return builder;
    },
    build: () => conditionalRule(rec, { ...data }),
  });
  return builder;
}

/** SpreadsheetApp.newDataValidation(): the list rules the add-on builds. */
export function dataValidationBuilder(rec: Recorder): unknown {
  const data: FakeValidation = { values: [], allowInvalid: true };
  const builder: unknown = rec.stub('DataValidationBuilder', {
    requireValueInList: (values: string[]) => {
      data.values = [...values];
      return builder;
    },
    setAllowInvalid: (allow: boolean) => {
      data.allowInvalid = allow;
      return builder;
    },
    build: () => Object.freeze({ ...data }),
  });
  return builder;
}
