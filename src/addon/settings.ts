/**
 * What the wizard sends to the server: the shape of the settings and their
 * defaults. The sidebar, the server and the templates share these types;
 * the server validates every incoming value (see validate.ts).
 */

import type { View } from '../metrics/funnel-report';
import type { Period } from '../metrics/period';
import type { MappingField } from '../sheets/mapping';
import { listed } from '../sheets/words';
import {
  CHANNEL_TABLE,
  type ChannelField,
  DEALS_TABLE,
  type DealField,
  MEETING_TABLE,
  type MeetingField,
  SPEND_TABLE,
  type SpendField,
} from '../workbook/export-headers';

export const TEMPLATE_IDS = [
  'funnelPlan',
  'channelComparison',
  'channelReport',
  'fullFunnel',
  'meetingOutcomes',
  'definitions',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const TEMPLATE_TITLES: Record<TemplateId, string> = {
  funnelPlan: 'Funnel plan',
  channelComparison: 'Channel comparison',
  channelReport: 'Channel report',
  fullFunnel: 'Full funnel',
  meetingOutcomes: 'Meeting outcomes',
  definitions: 'Definitions',
};

export interface Stage {
  name: string;
  /**
   * Conversion from this stage to the next, as a fraction (0.35 for 35%).
   * The last stage has none: `null`.
   */
  rate: number | null;
}

export interface Economics {
  /** Revenue to win in the period, in the chosen currency. */
  revenueTarget: number;
  /** Average deal size. */
  dealSize: number;
  /** Close rate from qualified meeting (SQM) to won deal, as a fraction. */
  closeRate: number;
  /** Target return on ad spend, as a multiple (3 = 3×). */
  targetRoas: number;
  /** Marketing budget for the period: spread over the stages to give cost per stage unit. */
  budget: number;
  /** '£', '$', '€' or any other short symbol or code ("CHF"). */
  currency: string;
}

/** One channel typed into the wizard. Rates are fractions. */
export interface TypedChannel {
  name: string;
  spend: number;
  meetings: number;
  showRate: number;
  qualRate: number;
}

/**
 * Channels read from columns that already exist in the user's spreadsheet:
 * a sheet with one channel per row, like every other table the user maps.
 */
export interface MappedChannels extends SheetColumns<ChannelField> {
  mode: 'mapped';
}

export interface TypedChannels {
  mode: 'typed';
  rows: TypedChannel[];
}

export type Channels = TypedChannels | MappedChannels;

// The tables the user maps: their fields, beside how exports head them.
export {
  CHANNEL_FIELDS,
  type ChannelField,
  DEAL_FIELDS,
  type DealField,
  MEETING_FIELDS,
  type MeetingField,
  SPEND_FIELDS,
  type SpendField,
} from '../workbook/export-headers';

/** What each field is called in a sentence ("the spend column"). */
export const CHANNEL_FIELD_LABELS = CHANNEL_TABLE.labels;
export const SPEND_FIELD_LABELS = SPEND_TABLE.labels;
export const MEETING_FIELD_LABELS = MEETING_TABLE.labels;
export const DEAL_FIELD_LABELS = DEALS_TABLE.labels;

/**
 * A table already in the user's spreadsheet: its sheet (headers in row 1)
 * and, for each field, the header of its column ("" for an optional column
 * left out, such as the date when no period is asked).
 */
export interface SheetColumns<F extends string> {
  sheet: string;
  columns: Record<F, string>;
}

/**
 * One ad export (one platform's file). `fixedChannel` non-blank: the whole
 * sheet is that channel ("this sheet is LinkedIn") and `columns.channel` may
 * be "". Otherwise `columns.channel` is the column whose cells are a channel,
 * or a campaign that the mapping table's channel rows turn into one.
 */
export interface SpendSheet extends SheetColumns<SpendField> {
  fixedChannel: string;
}

/** The templates that read the raw data, in the order the wizard lists them. */
const RAW_DATA_TEMPLATES: readonly TemplateId[] = ['channelReport', 'fullFunnel'];

/** The chosen templates that read the raw data, in the wizard's order. */
export function rawDataUsers(templates: readonly string[]): TemplateId[] {
  return RAW_DATA_TEMPLATES.filter((t) => templates.includes(t));
}

/** The chosen templates that read the raw data, in words: "the Channel report and the Full funnel". */
export function rawDataReaders(templates: readonly TemplateId[]): string {
  return listed(rawDataUsers(templates).map((t) => `the ${TEMPLATE_TITLES[t]}`));
}

/** The raw tables the Channel report and the Full funnel read, and how they group them in time. */
export interface RawData {
  /** One per ad export, at least one. */
  spend: SpendSheet[];
  meetings: SheetColumns<MeetingField>;
  /**
   * The CRM's deals export: the Full funnel's deals and revenue, and in the
   * Channel report each channel's Max CPQM from its own won deals. Absent:
   * none mapped (the Full funnel asks for it).
   */
  deals?: SheetColumns<DealField>;
  /** null: one row per channel, no period. */
  period: Period | null;
}

/**
 * One row of the mapping table the wizard writes on the Definitions tab and
 * the report formulas read: cells holding `value` count as `means`.
 */
export interface MappingRow {
  field: MappingField;
  value: string;
  means: string;
}

/**
 * How the Full funnel counts: `activity` puts each event in the period it
 * happened; `cohort` groups records by the period they entered the funnel.
 */
export { VIEWS as FUNNEL_VIEWS, type View as FunnelView } from '../metrics/funnel-report';

/**
 * The Full funnel's own settings: the contacts or leads sheet (headers in
 * row 1) with its source column and its stage-date columns in lifecycle
 * order, first stage first; and the view. Spend, meetings and deals come
 * from `raw`.
 */
export interface FunnelData {
  contacts: { sheet: string; channel: string; stages: string[] };
  view: View;
}

/** Add-on functions (`=CPQM(…)`) or built-in Sheets functions only. */
export type FormulaStyle = 'addon' | 'native';

export interface Settings {
  templates: TemplateId[];
  stages: Stage[];
  /** The stage that counts as a qualified meeting (CPQM's denominator). */
  meetingStage: string;
  economics: Economics;
  channels: Channels;
  /** The raw ad exports, meeting log and deals of the Channel report and the Full funnel; null until mapped. */
  raw: RawData | null;
  /** An existing meeting log for Meeting outcomes to summarise; null makes a new, empty log. */
  meetingLog: SheetColumns<MeetingField> | null;
  /** The Full funnel's contacts export and view; null until mapped. */
  funnel: FunnelData | null;
  /** The user's own spellings of channels, outcomes and deal statuses; empty when none. */
  mapping: MappingRow[];
  formulaStyle: FormulaStyle;
  /** For the Definitions tab: how long after first touch a deal is credited. */
  attributionWindow: string;
}

/**
 * The default lifecycle, with Opportunity between SQM and Customer. SQM → Opportunity
 * → Customer (40% × 25%) matches the default 10% close rate from SQM, so the plan's
 * volumes and its MAX_CPQM tell the same story.
 */
export const DEFAULT_STAGES: Stage[] = [
  { name: 'Visitor', rate: 0.02 },
  { name: 'Lead', rate: 0.35 },
  { name: 'MQL', rate: 0.4 },
  { name: 'SQL', rate: 0.7 },
  { name: 'SQM', rate: 0.4 },
  { name: 'Opportunity', rate: 0.25 },
  { name: 'Customer', rate: null },
];

/**
 * Chosen unless the user says otherwise: every template that works on a new
 * spreadsheet. The Channel report and the Full funnel need raw data mapped first.
 */
export const DEFAULT_TEMPLATES: TemplateId[] = TEMPLATE_IDS.filter(
  (t) => t !== 'channelReport' && t !== 'fullFunnel',
);

export function defaultSettings(): Settings {
  return {
    templates: [...DEFAULT_TEMPLATES],
    stages: DEFAULT_STAGES.map((s) => ({ ...s })),
    meetingStage: 'SQM',
    economics: {
      revenueTarget: 1_000_000,
      dealSize: 20_000,
      closeRate: 0.1,
      targetRoas: 3,
      budget: 150_000,
      currency: '£',
    },
    channels: {
      mode: 'typed',
      rows: [
        { name: 'Outbound', spend: 950, meetings: 10, showRate: 1, qualRate: 0.7 },
        { name: 'Paid social', spend: 1000, meetings: 10, showRate: 0.8, qualRate: 0.6 },
        { name: 'Events', spend: 4000, meetings: 12, showRate: 0.9, qualRate: 0.75 },
      ],
    },
    raw: null,
    meetingLog: null,
    funnel: null,
    mapping: [],
    formulaStyle: 'addon',
    attributionWindow: '90 days from first touch',
  };
}
