/** The Channel report's verdict beside each row. */

export const REPORT_VERDICT_OK = 'economical';
export const REPORT_VERDICT_BAD = 'uneconomical';

/**
 * The verdict of a row from its headroom; a row that spent money and got no
 * qualified meeting has no CPQM but is plainly uneconomical. Products, not
 * AND(), so the same text works on one row and inside ARRAYFORMULA.
 */
export function verdict(headroom: string, spend: string, qualified: string): string {
  return `IF(ISNUMBER(${headroom}),IF(${headroom}>=0,"${REPORT_VERDICT_OK}","${REPORT_VERDICT_BAD}"),IF(ISNUMBER(${spend})*(${spend}>0)*(${qualified}=0),"${REPORT_VERDICT_BAD}",""))`;
}
