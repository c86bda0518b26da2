/**
 * A column of the user's own sheet, found by its header: the one lookup the
 * templates that read the user's data share, with the message a missing
 * sheet or header gives.
 */
import { openColumnA1, sheetRef } from '../../workbook/a1';
import { columnsHeaded } from '../../workbook/headers';
import type { WorkbookSheet } from '../../workbook/workbook';

/** A column of a sheet: its name and 0-based column. */
export interface SourceColumn {
  sheet: string;
  col: number;
}

/** The first column of `sheet` headed `header`; throws naming the sheet or header not found. */
export function sourceColumn(
  sheets: readonly WorkbookSheet[],
  sheet: string,
  header: string,
): SourceColumn {
  const info = sheets.find((s) => s.name === sheet);
  if (!info) throw new Error(`There is no sheet named "${sheet}".`);
  const col = columnsHeaded(info.headers, header)[0];
  if (col === undefined) throw new Error(`No column headed "${header}" on sheet "${sheet}".`);
  return { sheet, col };
}

/** The column below its header, to the sheet's end, so new rows flow in: 'Ads export'!F2:F. */
export function openColumn(s: SourceColumn): string {
  return `${sheetRef(s.sheet)}!${openColumnA1(1, s.col)}`;
}
