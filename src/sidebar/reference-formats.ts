/**
 * How the function reference shows example results: as a cell shows them
 * once given the function's number format from Sheets' Format → Number menu
 * (`=CTR(400, 250000)` shows 0.16%, `=CPQM(950, 10, 70%)` £135.71), and a
 * table's columns by their headers.
 */
import { formatNumber } from '../workbook/number-format';

/** Sheets' built-in formats, with the £ of the examples. */
const PATTERNS = {
  currency: '"£"#,##0.00',
  percent: '0.00%',
  count: '#,##0',
  number: '#,##0.00',
  multiple: '0.00"×"',
} as const;

export type ResultFormat = keyof typeof PATTERNS;

/**
 * Each function's result format; for a table, the format of a column whose
 * header the rules below do not place. Functions giving text have none.
 */
export const RESULT_FORMATS: Record<string, ResultFormat> = {
  CPQM: 'currency',
  COST_PER_MEETING: 'currency',
  MAX_CPQM: 'currency',
  HEADROOM: 'percent',
  BLENDED_CPQM: 'currency',
  CPM: 'currency',
  CPC: 'currency',
  CTR: 'percent',
  CPL: 'currency',
  COST_PER_OPP: 'currency',
  CAC: 'currency',
  ROAS: 'multiple',
  CONVERSION: 'percent',
  FUNNEL_RATES: 'percent',
  REVERSE_FUNNEL: 'count',
  SHOW_RATE: 'percent',
  QUAL_RATE: 'percent',
  OUTCOME_SUMMARY: 'count',
  SQMS_NEEDED: 'number',
  SDRS_NEEDED: 'count',
  CPQM_REPORT: 'count',
  // Its columns are channels: every value is a CPQM.
  CPQM_TREND: 'currency',
  FUNNEL_REPORT: 'count',
  DEALS_REPORT: 'count',
};

/** A table column's format from its header, before the function's own. */
const HEADER_FORMATS: [RegExp, ResultFormat][] = [
  [/\brate\b|→|headroom/i, 'percent'],
  [/\broas\b|per spend/i, 'multiple'],
  [/spend|cost|cpqm|revenue|pipeline|\bcac\b|average deal|amount/i, 'currency'],
];

export function columnFormat(header: string, fallback: ResultFormat): ResultFormat {
  return HEADER_FORMATS.find(([pattern]) => pattern.test(header))?.[1] ?? fallback;
}

/** A result value as its cell shows it: numbers in `format`, everything else as the cell holds it. */
export function showResult(value: unknown, format: ResultFormat | undefined): string {
  if (typeof value === 'number') {
    return (format && formatNumber(value, PATTERNS[format])) ?? String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value === null || value === undefined ? '' : String(value);
}
