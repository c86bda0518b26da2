/**
 * Where the Full funnel tab puts things: the text and inputs at the top, a
 * band for the two charts, then the reports side by side from one header
 * row, so each spills down as far as its data goes without meeting another:
 * FUNNEL_REPORT, DEALS_REPORT, then CPQM_REPORT with Max CPQM from results.
 */
import { DEALS_COLUMNS } from '../../metrics/deals-report';
import { REPORT_COLUMNS } from '../../metrics/report';
import { RESULTS_HEADER } from './full-funnel-results';

export const FUNNEL_LAYOUT = {
  /** The target ROAS the results are judged against. */
  roasRow: 5,
  /** The funnel's chart table and the two charts start here. */
  chartRow: 7,
  /** Each report's title; its header row is the next one. */
  titleRow: 30,
};

/** FUNNEL_REPORT's columns for `stages` stages, from its first column `left`. */
export function funnelColumns(left: number, dated: boolean, stages: number) {
  const spend = left + (dated ? 2 : 1);
  // Stage k's records; Cost per <stage> follows, then (from the second stage on) the step's ratio.
  const records = (k: number) => (k === 0 ? spend + 1 : spend + 3 * k);
  return {
    channel: left,
    period: dated ? left + 1 : undefined,
    spend,
    records,
    cost: (k: number) => records(k) + 1,
    step: (k: number) => records(k) + 2,
    width: spend + 3 * stages - left,
  };
}

/** DEALS_REPORT's columns from its first column `left`. */
export function dealsColumns(left: number, dated: boolean) {
  const first = left + (dated ? 2 : 1);
  const at = (name: (typeof DEALS_COLUMNS)[number]) => first + DEALS_COLUMNS.indexOf(name);
  return {
    channel: left,
    period: dated ? left + 1 : undefined,
    at,
    width: first + DEALS_COLUMNS.length - left,
  };
}

/** CPQM_REPORT's columns (no period: the results cover every date) and the results beside them. */
export function resultsLayout(left: number) {
  const at = (name: (typeof REPORT_COLUMNS)[number]) => left + 1 + REPORT_COLUMNS.indexOf(name);
  const results = left + 1 + REPORT_COLUMNS.length;
  return {
    channel: left,
    at,
    results,
    width: 1 + REPORT_COLUMNS.length + RESULTS_HEADER.length,
  };
}
