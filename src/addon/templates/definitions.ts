/**
 * Definitions: each metric the templates use, its formula and what it means
 * in plain words, the qualification criteria, the stages, and where the
 * numbers come from (source fields, attribution window), so marketing,
 * sales and finance read every number the same way.
 */
import { showNumber } from '../../sheets/format';
import { rect } from '../../workbook/a1';
import { emptyPlan, type PlanCell } from '../../workbook/plan';
import {
  CHANNEL_FIELD_LABELS,
  CHANNEL_FIELDS,
  MEETING_FIELD_LABELS,
  MEETING_FIELDS,
  type SheetColumns,
  SPEND_FIELD_LABELS,
  SPEND_FIELDS,
  TEMPLATE_TITLES,
} from '../settings';
import type { BuildContext, TemplatePlan } from './common';
import { FUNNEL_DEFINITIONS, funnelSourceRows } from './full-funnel-definitions';
import { QUALIFICATION_CHECKLIST } from './meeting-outcomes';

export const METRIC_DEFINITIONS: readonly (readonly [string, string, string])[] = [
  [
    'Cost per meeting',
    'spend ÷ booked meetings (COST_PER_MEETING)',
    'What one booked meeting costs, before no-shows and unqualified meetings are taken out.',
  ],
  [
    'Cost per qualified meeting (CPQM)',
    'spend ÷ (booked meetings × show rate × qualification rate) (CPQM)',
    'What one held meeting with a buyer who meets the qualification criteria costs: the truest efficiency figure for a channel.',
  ],
  [
    'Max CPQM',
    'deal size × close rate ÷ target ROAS (MAX_CPQM)',
    'The most one qualified meeting may cost and still earn the target return on ad spend.',
  ],
  [
    'Headroom',
    '1 − CPQM ÷ Max CPQM (HEADROOM)',
    'Above 0: room to spend more on the channel; below 0: the channel is uneconomical.',
  ],
  [
    'Blended CPQM',
    'Σ spend ÷ Σ (meetings × show rate × qualification rate) (BLENDED_CPQM)',
    'CPQM over all channels together. Never the average of the channels’ CPQMs, which overweights small channels.',
  ],
  [
    'Show rate',
    'held ÷ (held + no-shows) (SHOW_RATE)',
    'Share of booked meetings that took place; rescheduled meetings count in neither.',
  ],
  [
    'Qualification rate',
    'qualified ÷ held (QUAL_RATE)',
    'Share of held meetings whose buyer met the qualification criteria.',
  ],
  [
    'Stage volume needed',
    'next stage’s need ÷ rate, rounded up (REVERSE_FUNNEL)',
    'How many a stage needs so that, at the stage-to-stage rates, enough reach the last stage.',
  ],
  [
    'Cost per unit',
    'budget ÷ stage volume (CPL)',
    'The budget spread over one stage’s volume: what each lead, meeting or deal costs at plan.',
  ],
];

/** The Channel report's own metrics, listed when the raw tables are mapped. */
export const REPORT_DEFINITIONS: readonly (readonly [string, string, string])[] = [
  [
    'Booked meetings',
    'held + no-shows',
    'Meetings that took place or were missed; a meeting rescheduled and still pending counts in neither.',
  ],
  [
    'CPQM by channel and period',
    'Σ spend ÷ Σ qualified meetings over the rows each line covers (CPQM_REPORT)',
    'From the raw ad export and the CRM meeting log joined by channel; every total, blended ones included, is Σ ÷ Σ, never an average of rates.',
  ],
];

const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

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
      ...raw.spend.flatMap((ads) => sourceRows(ads, SPEND_FIELDS, SPEND_FIELD_LABELS, 'Ad spend')),
      ...sourceRows(raw.meetings, MEETING_FIELDS, MEETING_FIELD_LABELS, 'Meetings'),
      [
        'Report period',
        raw.period === null ? 'None: one row per channel' : capitalised(raw.period),
        raw.period === null
          ? ''
          : `Spend and meetings are matched by the ${raw.period} of their own dates: a meeting booked in one ${raw.period} from an ad seen in the one before counts in its own ${raw.period}. Say your attribution window below.`,
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
    'Attribution window',
    settings.attributionWindow || 'Not set: agree one and write it here.',
    'How long after first touch a meeting or deal is credited to a channel.',
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
  plan.summary.push(
    `${METRIC_DEFINITIONS.length} metrics with formula and plain-language definition, the stages and ${QUALIFICATION_CHECKLIST.length} qualification criteria.`,
    `Source fields (${ch.mode === 'mapped' ? `sheet "${ch.sheet}"` : 'typed in'}) and the attribution window: ${settings.attributionWindow || 'not set'}.`,
  );
  return plan;
}
