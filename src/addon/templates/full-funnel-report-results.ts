/**
 * Max CPQM from results in the Channel report, when a deals sheet is mapped:
 * right of the report, each row's channel (and period), its won revenue, the
 * Max CPQM that revenue allows at the target ROAS, headroom and verdict
 * (full-funnel-results.ts), read from a DEALS_REPORT on the same tab over the
 * same ad exports and period, in the activity view, so a row's revenue is
 * the deals won in that row's period, beside the meetings of that period.
 */
import { cellA1, columnLetter, rect, sheetRef } from '../../workbook/a1';
import { formula } from '../../workbook/plan';
import type { DealField, RawData, SheetColumns } from '../settings';
import type { Sources } from './channel-report-sources';
import { spendArgument } from './channel-report-sources';
import type { BuildContext, Formats, TemplatePlan } from './common';
import { mappingRange } from './definitions-mapping';
import { dealsColumns } from './full-funnel-layout';
import { dealsNow } from './full-funnel-now';
import { type QualifiedRows, RESULTS_HEADER, resultsColumns } from './full-funnel-results';
import { dealsRefs, dealsSources } from './full-funnel-sources';
import { VERDICT_COLOURS } from './verdict';

export interface ReportResults {
  raw: RawData;
  deals: SheetColumns<DealField>;
  /** The report's ad exports, as its own CPQM_REPORT reads them. */
  src: Sources;
  /** The report's rows: the results line up with them. */
  report: QualifiedRows;
  roas: string;
  /** The first free column right of the report and its chart. */
  left: number;
  fmt: Formats;
}

/** Writes the results and the DEALS_REPORT they read; returns the first column right of them. */
export function resultsBesideReport(
  plan: TemplatePlan,
  ctx: BuildContext,
  p: ReportResults,
): number {
  const { raw, report, left } = p;
  const dated = raw.period !== null;
  const deals = dealsSources(ctx, p.deals);
  // Made only if DEALS_REPORT can read the deals now: two currencies stop the tab, saying where.
  dealsNow(ctx, { ...p.src, ...deals }, raw.period, 'activity');
  const echo = dated ? ['Channel', 'Period'] : ['Channel'];
  const first = left + echo.length;
  const d = dealsColumns(first + RESULTS_HEADER.length + 1, dated);
  const mapping = mappingRange(ctx);
  const when = dated
    ? [spendArgument(p.src.spend, 'date'), `"${raw.period}"`, '"activity"']
    : mapping
      ? ['', '', '']
      : [];
  const args = [
    spendArgument(p.src.spend, 'channel'),
    spendArgument(p.src.spend, 'spend'),
    ...dealsRefs(deals),
    ...when,
    ...(mapping ? [mapping] : []),
  ];
  const header = report.firstRow - 1;
  const down = (c: number) => `${cellA1(report.firstRow, c)}:${columnLetter(c)}`;
  const shown = (c: number) => formula(`=FILTER(${down(c)},${down(report.channel)}<>"")`);
  plan.blocks.push(
    {
      row: header - 1,
      col: left,
      cells: [
        [
          `Max CPQM from results: each row's won revenue (deals closed won${dated ? ` in its ${raw.period}` : ''}, from ${sheetRef(p.deals.sheet)}) ÷ its qualified meetings ÷ the target ROAS.`,
        ],
        echo,
        [shown(report.channel), ...(dated ? [shown(report.period!)] : [])],
      ],
    },
    resultsColumns(
      report,
      { firstRow: report.firstRow, channel: d.channel, period: d.period, revenue: d.at('Revenue') },
      first,
      p.roas,
    ),
    {
      row: header - 1,
      col: d.channel,
      cells: [
        [`Deals by channel${dated ? ` and ${raw.period}` : ''}, from ${sheetRef(p.deals.sheet)}`],
        [formula(`=DEALS_REPORT(${args.join(',')})`)],
      ],
    },
  );
  const rows = plan.rows - report.firstRow;
  const span = (c: number) => rect(report.firstRow, c, rows, 1);
  plan.formats.push(
    { pattern: p.fmt.money, ranges: [span(first)] },
    { pattern: p.fmt.cents, ranges: [span(first + 1)] },
    { pattern: p.fmt.percent, ranges: [span(first + 2)] },
  );
  plan.bold.push(rect(header, left, 1, echo.length + RESULTS_HEADER.length));
  plan.conditional.push(...VERDICT_COLOURS.map((c) => ({ ...c, range: span(first + 3) })));
  return d.channel + d.width;
}
