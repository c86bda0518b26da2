/**
 * The wizard's working copy of Settings. Inputs hold text as the user typed
 * it (percentages as percent, "35" for 35%), so a half-typed value never
 * reaches the server; `toSettings` turns the draft back into Settings, and
 * reports the fields it cannot read at all. Everything else is the server's
 * to validate.
 */
import type { FieldError, SheetInfo } from '../addon/api';
import {
  CHANNEL_FIELDS,
  type ChannelField,
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
import { showNumber } from '../sheets/format';
import {
  MEETING_TABLE,
  normalise,
  SPEND_TABLE,
  suggestTable,
  type TableKind,
} from '../workbook/export-headers';

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
  mapSheet: string;
  mapColumns: Record<ChannelField, string>;
  /**
   * The Channel report's raw tables: sent only while the report is chosen,
   * and as null while neither sheet is picked, so the server asks for them.
   */
  raw: {
    spend: SpendSheet[];
    meetings: SheetColumns<MeetingField>;
    period: Period | null;
  };
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

const emptyColumns = (): Record<ChannelField, string> => ({
  name: '',
  spend: '',
  meetings: '',
  showRate: '',
  qualRate: '',
});

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
  const best = bestTable(sheets, kind);
  return best ? { sheet: best.sheet.name, columns: best.columns } : emptyTable(kind.fields);
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
    mapSheet: '',
    mapColumns: emptyColumns(),
    raw: {
      spend: settings.raw?.spend.map((ads) => ({
        ...(tableDraft(ads, SPEND_FIELDS) ?? emptyTable(SPEND_FIELDS)),
        fixedChannel: ads.fixedChannel,
      })) ?? [{ ...suggestedTable(sheets, SPEND_TABLE), fixedChannel: '' }],
      meetings:
        tableDraft(settings.raw?.meetings, MEETING_FIELDS) ?? suggestedTable(sheets, MEETING_TABLE),
      period: settings.raw?.period ?? null,
    },
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
    const best = bestSheet(sheets);
    if (best) {
      draft.mapSheet = best.name;
      draft.mapColumns = suggestColumns(best.headers);
    }
  } else {
    draft.mapSheet = settings.channels.sheet;
    draft.mapColumns = { ...emptyColumns(), ...settings.channels.columns };
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
      currency: e.currency === 'other' ? e.currencyOther.trim() : e.currency,
    },
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
        : { mode: 'mapped', sheet: draft.mapSheet, columns: { ...draft.mapColumns } },
    raw: draft.templates.includes('channelReport') ? rawSettings(draft.raw) : null,
    meetingLog:
      draft.templates.includes('meetingOutcomes') && draft.meetingLogMode === 'existing'
        ? copyTable(draft.meetingLog)
        : null,
    funnel: null,
    mapping: draft.mapping.map((r) => ({ ...r })),
    formulaStyle: draft.formulaStyle,
    attributionWindow: draft.attributionWindow,
  };
  return { settings, errors };
}

function copyTable<F extends string>(t: SheetColumns<F>): SheetColumns<F> {
  return { sheet: t.sheet, columns: { ...t.columns } };
}

/** Null while no sheet is picked: the server then asks for the raw data as a whole. */
function rawSettings(raw: Draft['raw']): RawData | null {
  if (raw.spend.every((s) => s.sheet === '') && raw.meetings.sheet === '') return null;
  return {
    spend: raw.spend.map((s) => ({ ...copyTable(s), fixedChannel: s.fixedChannel })),
    meetings: copyTable(raw.meetings),
    period: raw.period,
  };
}

/** Header words that name each channel field, best first. */
const HEADER_HINTS: Record<ChannelField, RegExp[]> = {
  name: [/^channel(name)?$/, /^(source|campaign|name)$/, /channel|source|campaign/],
  spend: [/^spend$/, /^(cost|budget|amount)$/, /spend|cost|budget/],
  meetings: [/^(booked)?meetings(booked)?$/, /^booked$/, /meeting|booked/],
  showRate: [/^show(rate|%|up)?$/, /showrate|show%|showup/, /show/],
  qualRate: [/^qual(ification|ified)?(rate|%)$/, /^qual(ified)?%?$/, /qual/],
};

/**
 * Which header to use for each channel field, by name: "Spend", "Meetings",
 * "Show rate", "Qual %". Each header is used at most once; rate columns are
 * claimed first so "Meetings" does not take "Meeting show rate".
 */
export function suggestColumns(headers: readonly string[]): Record<ChannelField, string> {
  const out = emptyColumns();
  const taken = new Set<number>();
  const keys = headers.map(normalise);
  const order: ChannelField[] = ['showRate', 'qualRate', 'spend', 'meetings', 'name'];
  for (const field of order) {
    for (const hint of HEADER_HINTS[field]) {
      const k = keys.findIndex((key, i) => key !== '' && !taken.has(i) && hint.test(key));
      if (k >= 0) {
        taken.add(k);
        out[field] = headers[k]!;
        break;
      }
    }
  }
  return out;
}

/** The sheet whose headers match the most channel fields. */
export function bestSheet(sheets: readonly SheetInfo[]): SheetInfo | undefined {
  let best: SheetInfo | undefined;
  let bestScore = 0;
  for (const sheet of sheets) {
    const cols = suggestColumns(sheet.headers);
    const score = CHANNEL_FIELDS.filter((f) => cols[f] !== '').length;
    if (score > bestScore) {
      best = sheet;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The sheet whose headers best match a kind of raw table, with its suggested
 * columns; between equal matches, the one with more rows (the raw export
 * rather than a small summary with the same headers).
 */
export function bestTable<F extends string>(
  sheets: readonly SheetInfo[],
  kind: TableKind<F>,
): { sheet: SheetInfo; columns: Record<F, string> } | undefined {
  let best: { sheet: SheetInfo; columns: Record<F, string> } | undefined;
  let bestScore = 0;
  for (const sheet of sheets) {
    const { columns, score } = suggestTable(sheet.headers, kind);
    if (
      score > bestScore ||
      (score > 0 && score === bestScore && sheet.dataRows > best!.sheet.dataRows)
    ) {
      best = { sheet, columns };
      bestScore = score;
    }
  }
  return best;
}
