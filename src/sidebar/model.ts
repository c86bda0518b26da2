/**
 * The wizard's working copy of Settings. Inputs hold text as the user typed
 * it (percentages as percent, "35" for 35%), so a half-typed value never
 * reaches the server; `toSettings` turns the draft back into Settings, and
 * reports the fields it cannot read at all. Everything else is the server's
 * to validate.
 */
import type { FieldError, SheetInfo } from '../addon/api';
import {
  type ChannelField,
  DEAL_FIELDS,
  type DealField,
  type Economics,
  type FormulaStyle,
  type MappingRow,
  MEETING_FIELDS,
  type MeetingField,
  type RawData,
  type Settings,
  type SheetColumns,
  SPEND_FIELDS,
  type SpendSheet,
  TEMPLATE_IDS,
  type TemplateId,
} from '../addon/settings';
import type { Period } from '../metrics/period';
import { quote, showNumber } from '../sheets/format';
import {
  bestSheet,
  CHANNEL_TABLE,
  DEALS_TABLE,
  MEETING_TABLE,
  readsAs,
  SPEND_TABLE,
  suggestTable,
  type TableKind,
} from '../workbook/export-headers';
import { type FunnelDraft, funnelDraft, funnelSettings } from './full-funnel-draft';

export interface StageDraft {
  /** Stable across renames and moves, so the meeting stage follows its stage. */
  id: number;
  name: string;
  /** Percent text; ignored for the last stage, which converts to nothing. */
  rate: string;
}

export interface ChannelDraft {
  name: string;
  spend: string;
  meetings: string;
  showRate: string;
  qualRate: string;
}

export const CURRENCIES = ['£', '$', '€'] as const;

/**
 * One ad export as the wizard edits it: `wholeSheet` says the sheet is one
 * channel, named in `fixedChannel`; the other choice's values are kept while
 * the user switches, and left out of what is sent.
 */
export interface SpendSheetDraft extends SpendSheet {
  wholeSheet: boolean;
}

export interface Draft {
  templates: TemplateId[];
  stages: StageDraft[];
  meetingStageId: number;
  economics: {
    revenueTarget: string;
    dealSize: string;
    closeRate: string;
    targetRoas: string;
    budget: string;
    /** One of CURRENCIES, or "other" with the symbol in currencyOther. */
    currency: string;
    currencyOther: string;
  };
  channelMode: 'typed' | 'mapped';
  channels: ChannelDraft[];
  mappedChannels: SheetColumns<ChannelField>;
  /**
   * The raw tables of the Channel report and the Full funnel: sent only while
   * one of them is chosen, and as null while no sheet is picked, so the
   * server asks for them. The deals are sent once their sheet is picked.
   */
  raw: {
    spend: SpendSheetDraft[];
    meetings: SheetColumns<MeetingField>;
    deals: SheetColumns<DealField>;
    period: Period | null;
  };
  /** The Full funnel's contacts export and view: sent only while the Full funnel is chosen. */
  funnel: FunnelDraft;
  /** The mapping table's rows, as confirmed or edited by the user. */
  mapping: MappingRow[];
  /** Meeting outcomes: a new, empty log, or the existing log in `meetingLog`. */
  meetingLogMode: 'new' | 'existing';
  meetingLog: SheetColumns<MeetingField>;
  formulaStyle: FormulaStyle;
  attributionWindow: string;
}

let nextStageId = 1;
export function newStage(name: string, rate: string): StageDraft {
  nextStageId += 1;
  return { id: nextStageId, name, rate };
}

/** 0.35 → "35", without float noise such as "35.00000000000001". */
export function percent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '';
  return showNumber(fraction * 100);
}

function plain(n: number | undefined): string {
  return n === undefined || !Number.isFinite(n) ? '' : String(n);
}

/** The currency as the user chose it: a listed symbol, or the one typed in. */
export function currencySymbol(e: Draft['economics']): string {
  return e.currency === 'other' ? e.currencyOther.trim() : e.currency;
}

function emptyTable<F extends string>(fields: readonly F[]): SheetColumns<F> {
  return {
    sheet: '',
    columns: Object.fromEntries(fields.map((f) => [f, ''])) as Record<F, string>,
  };
}

/** A saved table as the draft holds it: every field present, "" where none was picked. */
function tableDraft<F extends string>(
  saved: SheetColumns<F> | null | undefined,
  fields: readonly F[],
): SheetColumns<F> | undefined {
  if (!saved) return undefined;
  return { sheet: saved.sheet, columns: { ...emptyTable(fields).columns, ...saved.columns } };
}

/** The likeliest sheet and columns for a table, or an empty pick when no sheet fits. */
function suggestedTable<F extends string>(
  sheets: readonly SheetInfo[],
  kind: TableKind<F>,
): SheetColumns<F> {
  const best = bestSheet(sheets, kind);
  return best ? { sheet: best.sheet.name, columns: best.columns } : emptyTable(kind.fields);
}

/**
 * Every sheet that reads as an ad export, with a date column (one per
 * platform, as users export them), or the best pick when none does.
 */
function suggestedExports(sheets: readonly SheetInfo[]): SpendSheetDraft[] {
  const exports = sheets.flatMap((s) => {
    const { columns } = suggestTable(s.headers, SPEND_TABLE);
    return columns.date !== '' && readsAs(s.headers, SPEND_TABLE)
      ? [{ sheet: s.name, columns, fixedChannel: '', wholeSheet: false }]
      : [];
  });
  return exports.length > 0
    ? exports
    : [{ ...suggestedTable(sheets, SPEND_TABLE), fixedChannel: '', wholeSheet: false }];
}

/**
 * The likeliest deals sheet and columns, for when the Full funnel, which
 * needs them, is chosen. Not suggested for the Channel report alone: there
 * they add Max CPQM from results only when the user picks them.
 */
export function suggestedDeals(sheets: readonly SheetInfo[]): SheetColumns<DealField> {
  return suggestedTable(sheets, DEALS_TABLE);
}

/** A new ad export row in the draft: nothing picked yet. */
export function emptyExport(): SpendSheetDraft {
  return { ...emptyTable(SPEND_TABLE.fields), fixedChannel: '', wholeSheet: false };
}

export function fromSettings(settings: Settings, sheets: SheetInfo[]): Draft {
  const stages = settings.stages.map((s) => newStage(s.name, percent(s.rate)));
  const meeting = stages.find((s) => s.name === settings.meetingStage) ?? stages[0];
  const e = settings.economics;
  const known = (CURRENCIES as readonly string[]).includes(e.currency);
  const draft: Draft = {
    templates: TEMPLATE_IDS.filter((t) => settings.templates.includes(t)),
    stages,
    meetingStageId: meeting ? meeting.id : 0,
    economics: {
      revenueTarget: plain(e.revenueTarget),
      dealSize: plain(e.dealSize),
      closeRate: percent(e.closeRate),
      targetRoas: plain(e.targetRoas),
      budget: plain(e.budget),
      currency: known ? e.currency : 'other',
      currencyOther: known ? '' : e.currency,
    },
    channelMode: settings.channels.mode,
    channels: [],
    mappedChannels:
      settings.channels.mode === 'mapped'
        ? (tableDraft(settings.channels, CHANNEL_TABLE.fields) ?? emptyTable(CHANNEL_TABLE.fields))
        : suggestedTable(sheets, CHANNEL_TABLE),
    raw: {
      spend:
        settings.raw?.spend.map((ads) => ({
          ...(tableDraft(ads, SPEND_FIELDS) ?? emptyTable(SPEND_FIELDS)),
          fixedChannel: ads.fixedChannel,
          wholeSheet: ads.fixedChannel !== '',
        })) ?? suggestedExports(sheets),
      meetings:
        tableDraft(settings.raw?.meetings, MEETING_FIELDS) ?? suggestedTable(sheets, MEETING_TABLE),
      // None until picked, or suggested when the Full funnel is chosen (suggestedDeals).
      deals: tableDraft(settings.raw?.deals, DEAL_FIELDS) ?? emptyTable(DEAL_FIELDS),
      period: settings.raw?.period ?? null,
    },
    funnel: funnelDraft(settings.funnel, sheets),
    mapping: settings.mapping.map((r) => ({ ...r })),
    meetingLogMode: settings.meetingLog ? 'existing' : 'new',
    meetingLog:
      tableDraft(settings.meetingLog, MEETING_FIELDS) ?? suggestedTable(sheets, MEETING_TABLE),
    formulaStyle: settings.formulaStyle,
    attributionWindow: settings.attributionWindow,
  };
  if (settings.channels.mode === 'typed') {
    draft.channels = settings.channels.rows.map((r) => ({
      name: r.name,
      spend: plain(r.spend),
      meetings: plain(r.meetings),
      showRate: percent(r.showRate),
      qualRate: percent(r.qualRate),
    }));
  }
  return draft;
}

/** Reads "1,200", "35%", " 3 " as numbers; anything else is NaN. */
export function parseNumber(text: string): number {
  const t = text.replace(/[\s,_%]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number.NaN;
  return Number(t);
}

function readNumber(
  text: string,
  field: string,
  errors: FieldError[],
  scale = 1,
  what = 'a number',
): number {
  const n = parseNumber(text);
  if (text.trim() === '') {
    errors.push({ field, message: `Enter ${what}` });
    return 0;
  }
  if (Number.isNaN(n)) {
    errors.push({ field, message: `Enter ${what} (“${text.trim()}” is not one)` });
    return 0;
  }
  // Percent to fraction without the float noise of n / 100 (35 / 100 is fine, 7 / 100 is not).
  return scale === 1 ? n : Number((n / scale).toPrecision(12));
}

export function toSettings(draft: Draft): { settings: Settings; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const last = draft.stages.length - 1;
  const stages = draft.stages.map((s, i) => ({
    name: s.name,
    rate: i === last ? null : readNumber(s.rate, `stages.${i}.rate`, errors, 100, 'a rate in %'),
  }));
  const meeting = draft.stages.find((s) => s.id === draft.meetingStageId);
  const e = draft.economics;
  const wants = (t: TemplateId) => draft.templates.includes(t);
  const raw = wants('channelReport') || wants('fullFunnel') ? rawSettings(draft.raw, errors) : null;
  const settings: Settings = {
    templates: [...draft.templates],
    stages,
    meetingStage: meeting ? meeting.name : '',
    economics: {
      revenueTarget: readNumber(e.revenueTarget, 'economics.revenueTarget', errors),
      dealSize: readNumber(e.dealSize, 'economics.dealSize', errors),
      closeRate: readNumber(e.closeRate, 'economics.closeRate', errors, 100, 'a rate in %'),
      targetRoas: readNumber(e.targetRoas, 'economics.targetRoas', errors),
      budget: readNumber(e.budget, 'economics.budget', errors),
      currency: currencySymbol(e),
    } satisfies Economics,
    channels:
      draft.channelMode === 'typed'
        ? {
            mode: 'typed',
            rows: draft.channels.map((c, i) => ({
              name: c.name,
              spend: readNumber(c.spend, `channels.rows.${i}.spend`, errors),
              meetings: readNumber(c.meetings, `channels.rows.${i}.meetings`, errors),
              showRate: readNumber(c.showRate, `channels.rows.${i}.showRate`, errors, 100, 'a %'),
              qualRate: readNumber(c.qualRate, `channels.rows.${i}.qualRate`, errors, 100, 'a %'),
            })),
          }
        : { mode: 'mapped', ...copyTable(draft.mappedChannels) },
    raw,
    meetingLog:
      draft.templates.includes('meetingOutcomes') && draft.meetingLogMode === 'existing'
        ? copyTable(draft.meetingLog)
        : null,
    funnel: wants('fullFunnel') ? funnelSettings(draft.funnel) : null,
    mapping: mappingRows(draft.mapping, errors),
    formulaStyle: draft.formulaStyle,
    attributionWindow: draft.attributionWindow,
  };
  return { settings, errors };
}

function copyTable<F extends string>(t: SheetColumns<F>): SheetColumns<F> {
  return { sheet: t.sheet, columns: { ...t.columns } };
}

/**
 * Null while no sheet is picked: the server then asks for the raw data as a
 * whole. A sheet that is one channel sends its name and no channel column;
 * a sheet read by its column sends no name.
 */
function rawSettings(raw: Draft['raw'], errors: FieldError[]): RawData | null {
  if (raw.spend.every((s) => s.sheet === '') && raw.meetings.sheet === '') return null;
  const spend = raw.spend.map((s, k): SpendSheet => {
    const table = copyTable(s);
    if (!s.wholeSheet) return { ...table, fixedChannel: '' };
    if (s.fixedChannel.trim() === '') {
      errors.push({
        field: `raw.spend.${k}.fixedChannel`,
        message: 'Enter the channel this whole sheet is, such as LinkedIn',
      });
    }
    return { ...table, columns: { ...table.columns, channel: '' }, fixedChannel: s.fixedChannel };
  });
  const meetings = copyTable(raw.meetings);
  return raw.deals.sheet === ''
    ? { spend, meetings, period: raw.period }
    : { spend, meetings, deals: copyTable(raw.deals), period: raw.period };
}

/** Every listed value needs a meaning the user chose: a blank one would count nowhere unseen. */
function mappingRows(rows: readonly MappingRow[], errors: FieldError[]): MappingRow[] {
  rows.forEach((r, k) => {
    if (r.means.trim() === '') {
      errors.push({ field: `mapping.${k}.means`, message: `Choose what ${quote(r.value)} means` });
    }
  });
  return rows.map((r) => ({ ...r }));
}
