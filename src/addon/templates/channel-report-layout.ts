/**
 * Where the Channel report puts things: the inputs block, the table's header
 * row, and the table's columns (the report's own, then the three the tab adds
 * beside them).
 */
import { REPORT_COLUMNS } from '../../metrics/report';

export const REPORT_LAYOUT = {
  inputsRow: 4,
  /** The report's header row; its rows follow. */
  tableRow: 9,
};

/** The input cells the table refers to. */
export interface Inputs {
  deal: string;
  close: string;
  roas: string;
  max: string;
}

export type Columns = ReturnType<typeof reportColumns>;

/** The report's columns, and the three the tab adds beside them. */
export function reportColumns(dated: boolean) {
  const first = dated ? 2 : 1;
  const at = (name: (typeof REPORT_COLUMNS)[number]) => first + REPORT_COLUMNS.indexOf(name);
  const after = first + REPORT_COLUMNS.length;
  return {
    period: dated ? 1 : -1,
    spend: at('Spend'),
    booked: at('Booked'),
    held: at('Held'),
    noShows: at('No-shows'),
    qualified: at('Qualified'),
    showRate: at('Show rate'),
    qualRate: at('Qual rate'),
    costPerMeeting: at('Cost per meeting'),
    cpqm: at('CPQM'),
    pending: at('Pending'),
    unrecognised: at('Unrecognised'),
    maxCpqm: after,
    headroom: after + 1,
    verdict: after + 2,
    width: after + 3,
  };
}
