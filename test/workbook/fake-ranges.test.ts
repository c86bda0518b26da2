/**
 * The recording fake's ranges behave as Google's Range reference says, so
 * tests of the writer can trust them: setValues reads "=…" as a formula and
 * "'…" as text, setFormulas sets a string that is no formula as text, both
 * refuse a grid of another size, and Range.clear leaves data validation.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSpreadsheet } from '../fakes/spreadsheet';

let fake: ReturnType<typeof fakeSpreadsheet>;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;
beforeEach(() => {
  fake = fakeSpreadsheet([{ name: 'Data', headers: ['Channel', 'Spend'] }]);
  vi.stubGlobal('SpreadsheetApp', fake.app);
  sheet = fake.spreadsheet.getSheetByName('Data')!;
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the fake’s ranges', () => {
  it('setValues reads a string beginning with "=" as a formula, and one with an apostrophe as text', () => {
    sheet.getRange(2, 1, 1, 3).setValues([['=SUM(B3:B)', "'=not a formula", 42]]);
    expect(sheet.getRange(2, 1, 1, 3).getFormulas()).toEqual([['=SUM(B3:B)', '', '']]);
    expect(sheet.getRange(2, 2, 1, 2).getValues()).toEqual([['=not a formula', 42]]);
  });

  it('setFormulas sets formulas, a string that is no formula as text, and "" as an empty cell', () => {
    sheet.getRange(2, 1).setValues([['old']]);
    sheet.getRange(2, 1, 1, 3).setFormulas([['', '=B2*2', 'Total']]);
    expect(sheet.getRange(2, 1, 1, 3).getFormulas()).toEqual([['', '=B2*2', '']]);
    expect(sheet.getRange(2, 1, 1, 3).getValues()).toEqual([['', '', 'Total']]);
  });

  it('both refuse a grid that is not the range’s size, changing nothing', () => {
    expect(() => sheet.getRange(2, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange(2, 1, 1, 2).setFormulas([['=1']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(sheet.getRange(2, 1, 2, 2).getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('in a locale with a decimal comma, a formula with commas shows #ERROR! whichever call wrote it', () => {
    const de = fakeSpreadsheet([{ name: 'Data' }], { locale: 'de_DE' });
    const s = de.spreadsheet.getSheetByName('Data')!;
    s.getRange(1, 1, 1, 2).setFormulas([['=SUM(1,2)', '=SUM(1;2)']]);
    s.getRange(2, 1).setValues([['=MAX(1,2)']]);
    expect(s.getRange(1, 1, 2, 2).getDisplayValues()).toEqual([
      ['#ERROR!', ''],
      ['#ERROR!', ''],
    ]);
  });

  it('Range.clear takes contents and formats but not data validation; clearDataValidations takes that', () => {
    const all = sheet.getRange(1, 1, 3, 2);
    all.setValues([
      ['a', 'b'],
      [1, 2],
      [3, 4],
    ]);
    sheet.getRangeList(['A2:B3']).setNumberFormat('0.0');
    all.setDataValidation(
      SpreadsheetApp.newDataValidation().requireValueInList(['x'], true).build(),
    );
    all.clear();
    const t = fake.tab('Data');
    expect([t.cells.size, t.formats.size, t.validations.size]).toEqual([0, 0, 6]);
    all.clearDataValidations();
    expect(t.validations.size).toBe(0);
  });

  it('Sheet.copyTo the same spreadsheet adds "Copy of <name>" at the end, with a sheet id of its own', () => {
    sheet.getRange(2, 1).setValues([['Outbound']]);
    const copy = sheet.copyTo(fake.spreadsheet);
    expect(fake.names()).toEqual(['Data', 'Copy of Data']);
    expect(copy.getSheetId()).not.toBe(sheet.getSheetId());
    expect(copy.getRange(2, 1).getValues()).toEqual([['Outbound']]);
    // A copy, not the same cells.
    sheet.getRange(2, 1).setValues([['Events']]);
    expect(copy.getRange(2, 1).getValues()).toEqual([['Outbound']]);
    sheet.copyTo(fake.spreadsheet);
    expect(fake.names()).toEqual(['Data', 'Copy of Data', 'Copy of Data 2']);
  });
});
