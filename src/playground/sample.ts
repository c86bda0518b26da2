/**
 * The playground's starting workbook: a small channel budget from the
 * glossary's worked examples, so the numbers on screen can be checked by
 * hand, then the raw exports of raw-sample.ts.
 */
import { RAW_DATE_COLUMNS, rawSheets } from './raw-sample';

export type Cell = string | number | boolean | null;

export const BUDGET_SHEET = 'Channel budget';

/**
 * The CPQM examples: £950 for 10 meetings with 30% outside the ICP (£136 per qualified
 * meeting); £1,000 for 10 meetings with 40% unqualified (about 1.7× the cost
 * per meeting); £1,000 for 10 meetings with a 20% no-show (CPQM up 25%).
 * The CPQM column shows the add-on functions working in a plain cell.
 */
export const BUDGET_ROWS: Cell[][] = [
  ['Channel', 'Spend', 'Meetings', 'Show rate', 'Qual %', 'CPQM'],
  ['Outbound SDR', 950, 10, 1, 0.7, '=CPQM(B2, C2, E2, D2)'],
  ['Paid social', 1000, 10, 1, 0.6, '=CPQM(B3, C3, E3, D3)'],
  ['Webinars', 1000, 10, 0.8, 1, '=CPQM(B4, C4, E4, D4)'],
  ['Events', 4000, 12, 0.9, 0.75, '=CPQM(B5, C5, E5, D5)'],
];

/** How the sample sheets look, as a user would have formatted them. */
export const SAMPLE_FORMATS: {
  sheet: string;
  pattern: string;
  range: { row: number; col: number; rows: number; cols: number };
}[] = [
  { sheet: BUDGET_SHEET, pattern: '"£"#,##0', range: { row: 1, col: 1, rows: 4, cols: 1 } },
  { sheet: BUDGET_SHEET, pattern: '0%', range: { row: 1, col: 3, rows: 4, cols: 2 } },
  { sheet: BUDGET_SHEET, pattern: '"£"#,##0.00', range: { row: 1, col: 5, rows: 4, cols: 1 } },
  ...RAW_DATE_COLUMNS.map(({ sheet, col, rows }) => ({
    sheet,
    pattern: 'yyyy-mm-dd',
    range: { row: 1, col, rows, cols: 1 },
  })),
];

export function sampleSheets(): Record<string, Cell[][]> {
  return {
    [BUDGET_SHEET]: BUDGET_ROWS.map((r) => [...r]),
    ...rawSheets(),
  };
}
