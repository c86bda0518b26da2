/**
 * Definitions: each metric the templates use, its formula and what it means
 * in plain words, the qualification criteria, the stages, where the
 * numbers come from (source fields), and the mapping table the report
 * formulas read, so marketing, sales and finance read every number the same
 * way. It states nothing the formulas do not apply: the attribution window
 * is written as the teams' agreement, not as something the numbers use.
 */
import { showNumber } from '../../sheets/format';
import { capitalised } from '../../sheets/words';
import { rect } from '../../workbook/a1';
import { emptyPlan, type PlanCell } from '../../workbook/plan';
import {
  CHANNEL_FIELD_LABELS,
  CHANNEL_FIELDS,
  DEAL_FIELD_LABELS,
  DEAL_FIELDS,
  MEETING_FIELD_LABELS,
  MEETING_FIELDS,
  type SheetColumns,
  SPEND_FIELD_LABELS,
  SPEND_FIELDS,
  TEMPLATE_TITLES,
} from '../settings';
import type { BuildContext, TemplatePlan } from './common';
import { MAPPING_AT, mappingCells, readsMapping } from './definitions-mapping';
import { METRIC_DEFINITIONS, REPORT_DEFINITIONS } from './definitions-metrics';
import { FUNNEL_DEFINITIONS, funnelSourceRows } from './full-funnel-definitions';
import { QUALIFICATION_CHECKLIST } from './meeting-outcomes';

/** Where each field of a mapped table comes from: "Sheet "Ads export", column headed "Cost"". */
function sourceRows<F extends string>(
  table: SheetColumns<F>,
  fields: readonly F[],
  labels: Record<F, string>,
  what: string,
): PlanCell[][] {
  return fields.flatMap((field) =>
    table.columns[field] === ''
      ? []
      : [
          [
            `${what}: ${labels[field]}`,
            `Sheet "${table.sheet}", column headed "${table.columns[field]}"`,
            '',
          ],
        ],
  );
}

export function buildDefinitions({ settings }: BuildContext): TemplatePlan {
  const plan = emptyPlan('definitions', TEMPLATE_TITLES.definitions);
  const rows: PlanCell[][] = [];
  const bold = (row: PlanCell[]) => {
    plan.bold.push(rect(rows.length, 0, 1, 3));
    rows.push(row);
  };
  const blank = () => rows.push([null, null, null]);

  bold(['Definitions', null, null]);
  rows.push(['So marketing, sales and finance read each number the same way.', null, null]);
  blank();
  bold(['Metric', 'Formula', 'Definition']);
  for (const def of METRIC_DEFINITIONS) rows.push([...def]);
  if (settings.raw) for (const def of REPORT_DEFINITIONS) rows.push([...def]);
  if (settings.funnel) for (const def of FUNNEL_DEFINITIONS) rows.push([...def]);
  blank();
  bold(['Funnel stages', 'Rate to next stage', '']);
  for (const stage of settings.stages) {
    rows.push([
      stage.name,
      stage.rate === null ? 'last stage' : `${showNumber(stage.rate * 100)}%`,
      stage.name === settings.meetingStage
        ? 'Counts as the qualified meeting (CPQM’s denominator).'
        : '',
    ]);
  }
  blank();
  bold(['Qualification criterion', 'Required?', 'Question to ask']);
  for (const [criterion, question, required] of QUALIFICATION_CHECKLIST)
    rows.push([criterion, required, question]);
  rows.push([
    'Qualified meeting',
    '',
    'A held meeting is qualified only when every required criterion is met.',
  ]);
  blank();
  bold(['Source field', 'Where it comes from', '']);
  const ch = settings.channels;
  for (const field of CHANNEL_FIELDS) {
    rows.push([
      capitalised(CHANNEL_FIELD_LABELS[field]),
      ch.mode === 'mapped'
        ? `Sheet "${ch.sheet}", column headed "${ch.columns[field]}"`
        : 'Typed into the set-up wizard',
      '',
    ]);
  }
  const raw = settings.raw;
  if (raw) {
    rows.push(
      ...raw.spend.flatMap((ads) => [
        ...(ads.fixedChannel.trim() === ''
          ? []
          : [
              [
                `Ad spend: channel`,
                `Sheet "${ads.sheet}": every row is "${ads.fixedChannel.trim()}"`,
                '',
              ],
            ]),
        ...sourceRows(ads, SPEND_FIELDS, SPEND_FIELD_LABELS, 'Ad spend'),
      ]),
      ...sourceRows(raw.meetings, MEETING_FIELDS, MEETING_FIELD_LABELS, 'Meetings'),
      ...(raw.deals ? sourceRows(raw.deals, DEAL_FIELDS, DEAL_FIELD_LABELS, 'Deals') : []),
      [
        'Report period',
        raw.period === null ? 'None: one row per channel' : capitalised(raw.period),
        raw.period === null
          ? ''
          : `Spend and meetings are matched by the ${raw.period} of their own dates: a meeting booked in one ${raw.period} from an ad seen in the one before counts in its own ${raw.period}. No attribution window is applied.`,
      ],
    );
  }
  if (settings.funnel)
    rows.push(...funnelSourceRows(settings.funnel, settings.raw?.period ?? null));
  if (settings.meetingLog) {
    rows.push(
      ...sourceRows(settings.meetingLog, MEETING_FIELDS, MEETING_FIELD_LABELS, 'Meeting log'),
    );
  }
  rows.push([
    'Attribution window (agreed, not applied)',
    settings.attributionWindow || 'Not set: agree one and write it here.',
    'How long after first touch the teams agree to credit a meeting or deal to a channel. No formula on these tabs applies it: spend and meetings are matched by channel and by the period of their own dates.',
  ]);
  rows.push(['Currency', settings.economics.currency, '']);
  rows.push([
    'Formula style',
    settings.formulaStyle === 'native'
      ? 'Portable native formulas'
      : 'Funnel Math add-on functions',
    '',
  ]);
  plan.blocks.push({ row: 0, col: 0, cells: rows });
  if (readsMapping(settings)) {
    const { row, col } = MAPPING_AT;
    plan.blocks.push({ row, col, cells: mappingCells(settings) });
    plan.bold.push(rect(row, col), rect(row + 1, col, 1, 3));
  }
  plan.summary.push(
    `${METRIC_DEFINITIONS.length} metrics with formula and plain-language definition, the stages and ${QUALIFICATION_CHECKLIST.length} qualification criteria.`,
    `Source fields (${ch.mode === 'mapped' ? `sheet "${ch.sheet}"` : 'typed in'}) and the attribution window: ${settings.attributionWindow || 'not set'}.`,
  );
  if (readsMapping(settings)) {
    plan.summary.push(
      `The mapping table (${settings.mapping.length} rows), which the report formulas read: change a row and the numbers follow.`,
    );
  }
  return plan;
}
