/**
 * Full funnel: the loop closed from the CRM exports the user already has.
 * FUNNEL_REPORT over the contacts' stage dates and DEALS_REPORT over the
 * deals, against the ad spend, by channel (and period, in the chosen view):
 * records, cost and conversion at every stage, opportunities, pipeline, won,
 * revenue, win rate, CAC and ROAS. Beside them CPQM_REPORT over the meeting
 * log with each channel's Max CPQM from its own results. A bar chart of the
 * funnel over all channels and, with a period, a line chart of cost per
 * opportunity per period.
 *
 * One call per report over open columns, so new rows, channels, stages'
 * dates and periods flow in by themselves; the columns beside the reports are
 * one array formula each. There is no native style: built-in functions cannot
 * count a skipped stage on the date of the next stage reached, nor read the
 * dates CRMs export as text, so step 5 refuses it (validate-full-funnel.ts).
 */
import { ALL_PERIODS } from '../../metrics/grouping';
import { cellA1, columnLetter, rect, sheetRef } from '../../workbook/a1';
import { emptyPlan, formula, type PlanCell } from '../../workbook/plan';
import {
  type DealField,
  type FunnelData,
  type RawData,
  type SheetColumns,
  TEMPLATE_TITLES,
} from '../settings';
import { type BuildContext, type Formats, formats, type TemplatePlan } from './common';
import { mappingRange } from './definitions-mapping';
import { dealsColumns, FUNNEL_LAYOUT, funnelColumns, resultsLayout } from './full-funnel-layout';
import { funnelNow } from './full-funnel-now';
import { resultsColumns } from './full-funnel-results';
import { funnelRefs, funnelSources } from './full-funnel-sources';
import { viewExplained, viewInWords } from './full-funnel-view';
import { VERDICT_COLOURS } from './verdict';

export function buildFullFunnel(ctx: BuildContext): TemplatePlan {
  const { settings } = ctx;
  const { raw, funnel } = settings;
  const deals = raw?.deals;
  if (!raw || !deals || !funnel) {
    throw new Error(
      'The Full funnel needs the ad-spend and meeting sheets, the contacts sheet and the deals sheet.',
    );
  }
  const fmt = formats(settings.economics.currency);
  const plan = emptyPlan('fullFunnel', TEMPLATE_TITLES.fullFunnel);
  const dated = raw.period !== null;
  const src = funnelSources(ctx, raw, deals, funnel);
  const refs = funnelRefs(src, dated);
  const periods = funnelNow(ctx, raw, funnel, src);
  const { roasRow, titleRow } = FUNNEL_LAYOUT;
  const headerRow = titleRow + 1;
  const firstRow = headerRow + 1;
  const roas = cellA1(roasRow, 1, true);
  const stageCount = funnel.contacts.stages.length;

  const f = funnelColumns(0, dated, stageCount);
  const d = dealsColumns(f.width + 1, dated);
  const q = resultsLayout(d.channel + d.width + 1);
  // Optional arguments left blank up to the mapping table, where the Definitions tab holds one.
  const mapping = mappingRange(ctx);
  const when = dated
    ? [refs.spendDate!, `"${raw.period}"`, `"${funnel.view}"`]
    : mapping
      ? ['', '', '']
      : [];
  const mapped = mapping ? [mapping] : [];
  const spendSide = [refs.spendChannel, refs.spend];

  plan.blocks.push({
    row: 0,
    col: 0,
    cells: [
      ['Full funnel', null],
      [
        `From the contacts in ${sheetRef(funnel.contacts.sheet)}, the deals in ${sheetRef(deals.sheet)} and the ad spend in ${raw.spend.map((s) => sheetRef(s.sheet)).join(', ')}, by channel${dated ? ` and ${raw.period}` : ''}: every total is Σ ÷ Σ over the rows it covers, never an average of rates.`,
        null,
      ],
      [`View: ${viewInWords(funnel.view, raw.period)}.`, null],
      [viewExplained(funnel.view, raw.period), null],
      [
        `Max CPQM from results: each channel’s won revenue ÷ its qualified meetings in ${sheetRef(raw.meetings.sheet)} ÷ the target ROAS, over every date in the sheets (all deals won and all meetings held, whatever their ${dated ? raw.period : 'date'}).`,
        null,
      ],
      ['Target ROAS', settings.economics.targetRoas],
    ],
  });

  plan.blocks.push(
    {
      row: titleRow,
      col: f.channel,
      cells: [
        ['Funnel by stage'],
        [
          formula(
            `=FUNNEL_REPORT(${[...spendSide, refs.channels, refs.stages, ...when, ...mapped].join(',')})`,
          ),
        ],
      ],
    },
    {
      row: titleRow,
      col: d.channel,
      cells: [
        ['Deals and revenue'],
        [formula(`=DEALS_REPORT(${[...spendSide, ...refs.deals, ...when, ...mapped].join(',')})`)],
      ],
    },
    {
      row: titleRow,
      col: q.channel,
      cells: [
        ['Qualified meetings and Max CPQM from results, every date'],
        [
          formula(
            `=CPQM_REPORT(${[...spendSide, refs.meetingChannel, refs.outcome, ...(mapping ? ['', '', '', mapping] : [])].join(',')})`,
          ),
        ],
      ],
    },
  );
  const results = resultsColumns(
    {
      firstRow,
      channel: q.channel,
      spend: q.at('Spend'),
      qualified: q.at('Qualified'),
      cpqm: q.at('CPQM'),
    },
    { firstRow, channel: d.channel, period: d.period, revenue: d.at('Revenue') },
    q.results,
    roas,
  );
  plan.blocks.push(results);

  funnelChart(plan, f, stageCount, firstRow);
  const right = q.channel + q.width + 1;
  if (dated) costPerOpportunityChart(plan, fmt, d, raw, firstRow, right, periods.length);

  const rows = plan.rows - firstRow;
  const span = (c: number, n = 1) => rect(firstRow, c, rows, n);
  const stageIndexes = Array.from({ length: stageCount }, (_, k) => k);
  addFormats(plan, fmt, {
    money: [
      span(f.spend),
      span(d.at('Spend')),
      span(d.at('Pipeline')),
      span(d.at('Revenue')),
      span(d.at('Average deal')),
      span(q.at('Spend')),
      span(q.results),
    ],
    cents: [
      ...stageIndexes.map((k) => span(f.cost(k))),
      span(d.at('Cost per opportunity')),
      span(d.at('CAC')),
      span(q.at('Cost per meeting'), 2),
      span(q.results + 1),
    ],
    percent: [
      ...stageIndexes.slice(1).map((k) => span(f.step(k))),
      span(d.at('Win rate')),
      span(q.at('Show rate'), 2),
      span(q.results + 2),
    ],
    count: [
      ...stageIndexes.map((k) => span(f.records(k))),
      span(d.at('Opportunities')),
      span(d.at('Won'), 3),
      span(q.at('Booked'), 4),
    ],
    multiple: [rect(roasRow, 1), span(d.at('Pipeline per spend')), span(d.at('ROAS'))],
  });
  plan.bold.push(rect(0, 0), rect(2, 0), rect(titleRow, 0, 1, right), rect(headerRow, 0, 1, right));
  plan.conditional.push(...VERDICT_COLOURS.map((c) => ({ ...c, range: span(q.results + 3) })));
  const widest = Math.max(
    ...plan.blocks.map((b) => b.col + Math.max(...b.cells.map((r) => r.length))),
    ...plan.charts.map((c) => c.col + 8),
    right,
  );
  plan.cols = Math.max(plan.cols, widest);
  plan.summary.push(...summary(raw, deals, funnel, stageCount, periods.length));
  return plan;
}

/** Number formats by kind, dropping the empty ranges. */
function addFormats(
  plan: TemplatePlan,
  fmt: Formats,
  ranges: Partial<Record<keyof Formats, ReturnType<typeof rect>[]>>,
) {
  for (const [kind, list] of Object.entries(ranges)) {
    const kept = list.filter((r) => r.rows > 0 && r.cols > 0);
    if (kept.length > 0) plan.formats.push({ pattern: fmt[kind as keyof Formats], ranges: kept });
  }
}

/**
 * The funnel over all channels: each stage's name from the report's header
 * and its records from the report's last row (All channels over everything,
 * wherever the report ends), and a bar chart of them.
 */
function funnelChart(
  plan: TemplatePlan,
  f: ReturnType<typeof funnelColumns>,
  stages: number,
  firstRow: number,
) {
  const { chartRow } = FUNNEL_LAYOUT;
  const header = firstRow - 1;
  const down = (c: number) => `${cellA1(firstRow, c)}:${columnLetter(c)}`;
  const cells: PlanCell[][] = [['Stage', 'Records, all channels']];
  for (let k = 0; k < stages; k++) {
    const c = f.records(k);
    cells.push([
      formula(`=${cellA1(header, c)}`),
      formula(`=INDEX(${down(c)},COUNTA(${down(f.channel)}))`),
    ]);
  }
  plan.blocks.push({ row: chartRow, col: 0, cells });
  plan.charts.push({
    kind: 'bar',
    title: 'The funnel: records reaching each stage, all channels',
    ranges: [rect(chartRow, 0, stages + 1, 2)],
    headerRows: 1,
    row: chartRow,
    col: 3,
  });
}

/**
 * Cost per opportunity per period over all channels: the report's All
 * channels rows for each period, as a line that breaks where a period has
 * no opportunity (#N/A, not 0). The table sits right of the reports, where
 * it can grow with new periods.
 */
function costPerOpportunityChart(
  plan: TemplatePlan,
  fmt: Formats,
  d: ReturnType<typeof dealsColumns>,
  raw: RawData,
  firstRow: number,
  left: number,
  periodCount: number,
) {
  const down = (c: number) => `${cellA1(firstRow, c)}:${columnLetter(c)}`;
  const channel = down(d.channel);
  const period = down(d.period!);
  const totals = `${channel}="All channels",${period}<>"${ALL_PERIODS}"`;
  const cost = `FILTER(${down(d.at('Cost per opportunity'))},${totals})`;
  const top = firstRow - 1;
  plan.blocks.push({
    row: top,
    col: left,
    cells: [
      [`Period (${raw.period})`, 'Cost per opportunity, all channels'],
      [
        formula(`=FILTER(${period},${totals})`),
        formula(`=ARRAYFORMULA(IF(ISNUMBER(${cost}),${cost},NA()))`),
      ],
    ],
  });
  plan.formats.push({
    pattern: fmt.cents,
    ranges: [rect(firstRow, left + 1, plan.rows - firstRow, 1)],
  });
  plan.charts.push({
    kind: 'line',
    title: `Cost per opportunity per ${raw.period}, all channels`,
    ranges: [rect(top, left, Math.max(periodCount, 1) + 1, 2)],
    headerRows: 1,
    row: FUNNEL_LAYOUT.chartRow,
    col: 11,
  });
}

function summary(
  raw: RawData,
  deals: SheetColumns<DealField>,
  funnel: FunnelData,
  stages: number,
  periods: number,
): string[] {
  const per = raw.period === null ? '' : ` and ${raw.period}`;
  return [
    `FUNNEL_REPORT over ${stages} stages of sheet "${funnel.contacts.sheet}" (${funnel.contacts.stages.join(', ')}), by channel${per}; ${viewInWords(funnel.view, raw.period).toLowerCase()}.`,
    `DEALS_REPORT over sheet "${deals.sheet}": opportunities, pipeline, won, revenue, win rate, CAC and ROAS.`,
    `Max CPQM from results beside each channel's CPQM from sheet "${raw.meetings.sheet}", with headroom and a verdict.`,
    raw.period === null
      ? 'A bar chart of the funnel over all channels.'
      : `A bar chart of the funnel over all channels and a line chart of cost per opportunity per ${raw.period} over the ${periods} ${raw.period}s there are now.`,
  ];
}
