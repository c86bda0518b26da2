/**
 * Max CPQM from results: beside a report of qualified meetings by channel
 * (and period), each row's won revenue looked up from a DEALS_REPORT on the
 * same tab, the most a qualified meeting may cost at the target ROAS given
 * that revenue (Σ won revenue ÷ Σ qualified meetings ÷ target ROAS), its
 * headroom against the row's CPQM, and the verdict by the one rule. The
 * Full funnel writes these columns; the Channel report can write them beside
 * its own rows when a deals sheet is mapped.
 *
 * The lookup is one array formula per column, so it follows new channels
 * and periods as both reports grow: MMULT of an equality matrix (each row's
 * channel and period = each deals row's) by the revenue column. `=` on text
 * matches exactly, ignoring case as the reports do, and never reads a
 * channel as a wildcard, a number or a date, as a lookup criterion would.
 */
import { ALL_PERIODS } from '../../metrics/grouping';
import { cellA1, columnLetter } from '../../workbook/a1';
import { formula, type PlanCell } from '../../workbook/plan';
import { verdictFormula } from './verdict';

/** A report spilled on the tab: its first data row and the columns the lookup reads. */
export interface QualifiedRows {
  firstRow: number;
  channel: number;
  /** Absent when the report has no period column. */
  period?: number;
  spend: number;
  qualified: number;
  cpqm: number;
  /** Outcomes the report could not count: the verdict says `check data` where above 0. */
  unrecognised?: number;
}

/** A DEALS_REPORT spilled on the tab, with or without a period column like the rows it serves. */
export interface RevenueRows {
  firstRow: number;
  channel: number;
  period?: number;
  revenue: number;
}

export const RESULTS_HEADER = [
  'Won revenue',
  'Max CPQM from results',
  'Headroom from results',
  'Verdict from results',
] as const;

/** `c` from `row` to the sheet's end: C12:C. */
const down = (row: number, c: number) => `${cellA1(row, c)}:${columnLetter(c)}`;

/** The cells of column `c` on the report's rows (those with a channel), as one array. */
function onRows(rows: { firstRow: number; channel: number }, c: number): string {
  return `FILTER(${down(rows.firstRow, c)},${down(rows.firstRow, rows.channel)}<>"")`;
}

/**
 * Each qualified row's won revenue: Σ of the deals rows with its channel (and
 * period). Rows with no period take every period's deals row of their channel
 * but not the deals report's own totals over all periods, which would count
 * the same revenue twice.
 */
function revenueLookup(q: QualifiedRows, r: RevenueRows): string {
  const across = (qCells: string, rCells: string) => `(${qCells}=TRANSPOSE(${rCells}))`;
  const channels = across(onRows(q, q.channel), onRows(r, r.channel));
  let periods = '1';
  if (r.period !== undefined) {
    periods =
      q.period !== undefined
        ? across(onRows(q, q.period), onRows(r, r.period))
        : `TRANSPOSE(${onRows(r, r.period)}<>"${ALL_PERIODS}")`;
  }
  return `MMULT(${channels}*${periods},${onRows(r, r.revenue)})`;
}

/**
 * The four columns starting at column `col`, on the report's header row: each
 * one formula that writes its header and, below it, its value on every row
 * of the report. Header and values come from one formula (VSTACK) so that a
 * column read by the next one starts below the formula's own cell: the
 * engine behind the tests and the playground fails outright, instead of
 * showing the error, when a range read is exactly the spill of a formula that
 * has an error. `roas` is the target ROAS cell.
 */
export function resultsColumns(q: QualifiedRows, r: RevenueRows, col: number, roas: string) {
  const [revenue, max, headroom] = [col, col + 1, col + 2].map((c) => onRows(q, c)) as [
    string,
    string,
    string,
  ];
  const qualified = onRows(q, q.qualified);
  const cpqm = onRows(q, q.cpqm);
  const values = [
    revenueLookup(q, r),
    // No qualified meeting: nothing to divide the revenue by, so no maximum either.
    `IF(${qualified}>0,${revenue}/${qualified}/${roas},"")`,
    `IF(ISNUMBER(${cpqm})*ISNUMBER(${max}),IF(${max}>0,1-${cpqm}/${max},""),"")`,
    verdictFormula({
      present: `${onRows(q, q.channel)}<>""`,
      spend: onRows(q, q.spend),
      headroom,
      // Spend that brought no qualified meeting, or meetings that brought no won deal,
      // earned nothing back: no maximum above 0 can justify it.
      noneQualified: `(${qualified}=0)+(${revenue}=0)`,
      ...(q.unrecognised === undefined
        ? {}
        : { unchecked: `IFERROR(${onRows(q, q.unrecognised)}>0,FALSE)` }),
    }),
  ];
  const cells: PlanCell[][] = [
    values.map((v, k) => formula(`=VSTACK("${RESULTS_HEADER[k]}",ARRAYFORMULA(${v}))`)),
  ];
  return { row: q.firstRow - 1, col, cells };
}
