/**
 * The one verdict rule every template writes beside a row, in both formula
 * styles: the verdict is formula text built from cells the template already
 * has, so the tab keeps judging as its numbers change. The words and the
 * rule on plain numbers live in src/metrics/verdict.ts.
 */
import { VERDICTS, type Verdict } from '../../metrics/verdict';

/** Each verdict's colours, for the templates' conditional formatting. */
export const VERDICT_COLOURS: readonly { text: Verdict; background: string; fontColor: string }[] =
  [
    { text: VERDICTS.uneconomical, background: '#f4c7c3', fontColor: '#a50e0e' },
    { text: VERDICTS.economical, background: '#b7e1cd', fontColor: '#0d652d' },
    { text: VERDICTS.checkData, background: '#fce8b2', fontColor: '#7a4f01' },
  ];

/**
 * What the rule reads of one row. Each is a cell reference or, inside
 * ARRAYFORMULA, a range or array expression of the same height.
 */
export interface VerdictRow {
  /** Condition that holds where the row has something to judge (its channel name is there). */
  present: string;
  /** The spend the row recorded. */
  spend: string;
  /** The row's headroom: a number where CPQM and Max CPQM are. */
  headroom: string;
  /** Condition that holds where the spend brought no qualified meeting. */
  noneQualified: string;
  /**
   * Condition that holds where the row has data the formulas could not count
   * (outcomes no rule recognises, costs as text natively). Absent: none can be.
   */
  unchecked?: string;
}

/**
 * The verdict of a row, formula text without `=`: `check data` where data
 * went uncounted, an error reached the spend or the spend is negative;
 * blank where nothing is there; `no spend recorded` where spend is blank or
 * 0 (never "economical" for free); `economical` where headroom ≥ 0;
 * `uneconomical` where headroom < 0 or the spend brought no qualified
 * meeting; blank otherwise (the CPQM cell shows what is missing).
 *
 * Built from IF, ISNUMBER, ISERROR, IFERROR, comparisons and products only
 * (no AND/OR, which fold a whole range into one value), so the same text
 * judges one cell or every row inside ARRAYFORMULA. An error in the headroom
 * or the qualified count never leaks into the verdict: whether Sheets hands a
 * custom function an error cell's text is not documented, so no verdict may
 * depend on it.
 */
export function verdictFormula(row: VerdictRow): string {
  const { present, spend, headroom, noneQualified, unchecked } = row;
  const q = (text: string) => `"${text}"`;
  const judged =
    `IF(ISNUMBER(${headroom}),IF(${headroom}>=0,${q(VERDICTS.economical)},${q(VERDICTS.uneconomical)}),` +
    `IFERROR(IF(${noneQualified},${q(VERDICTS.uneconomical)},""),""))`;
  const spent =
    `IF(ISERROR(${spend}),${q(VERDICTS.checkData)},` +
    `IF((${spend}="")+(${spend}=0),${q(VERDICTS.noSpend)},` +
    `IF(ISNUMBER(${spend})*(${spend}<0),${q(VERDICTS.checkData)},${judged})))`;
  const body = `IF(${present},${spent},"")`;
  return unchecked === undefined ? body : `IF(${unchecked},${q(VERDICTS.checkData)},${body})`;
}
