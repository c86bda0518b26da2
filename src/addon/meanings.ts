/**
 * The values in the user's tables that the product cannot read by itself —
 * outcome labels that are not one of the six, and the campaigns of a
 * campaign column — each with a suggested meaning for the user to confirm.
 * The confirmed rows become the mapping table. Bounded: at most
 * `MEANING_LIMITS.rowsRead` rows of a column are read and at most
 * `valuesShown` values of a column are listed, the most frequent first, and
 * a note says how many were left out.
 */
import { OUTCOMES } from '../metrics/outcomes';
import { channelKey, labelKey } from '../sheets/labels';
import type { MappingField } from '../sheets/mapping';
import { exportPlatform, isCampaignHeader, type Platform } from '../workbook/export-headers';
import { columnsHeaded } from '../workbook/headers';
import type { SheetInfo } from '../workbook/workbook';
import { channelSuggestion, outcomeSuggestion } from './meaning-words';
import type { MappingRow, MeetingField, RawData, SheetColumns } from './settings';

export interface SuggestedMeaning extends MappingRow {
  /** How many of the rows read hold this value. */
  count: number;
  /** Why this meaning, or what the user must decide. */
  why: string;
}

export interface Meanings {
  rows: SuggestedMeaning[];
  /** What was listed and what was left out, in words. */
  notes: string[];
  /** Channel names the data already uses, offered when the user types a campaign's channel. */
  channels: string[];
}

export const MEANING_LIMITS = { rowsRead: 50_000, valuesShown: 40 } as const;

/** Reads one column below its header row (0-based column). */
export type ReadColumn = (sheet: string, col: number) => unknown[];

/** The tables whose values may need a meaning: already checked against the sheets. */
export interface MappedTables {
  raw: RawData | null;
  meetingLog: SheetColumns<MeetingField> | null;
}

interface Column {
  sheet: string;
  header: string;
}

/** Distinct non-blank texts of a column by key, first spelling kept, with their counts. */
function distinct(
  values: readonly unknown[],
  keyOf: (text: string) => string,
): { values: { text: string; count: number }[]; cut: boolean } {
  const seen = new Map<string, { text: string; count: number }>();
  const read = values.slice(0, MEANING_LIMITS.rowsRead);
  for (const v of read) {
    if (typeof v !== 'string' || v.trim() === '') continue;
    const key = keyOf(v);
    const known = seen.get(key);
    if (known) known.count += 1;
    else seen.set(key, { text: v.trim(), count: 1 });
  }
  return { values: [...seen.values()], cut: values.length > read.length };
}

export function listMeanings(
  tables: MappedTables,
  sheets: readonly SheetInfo[],
  read: ReadColumn,
): Meanings {
  const valuesOf = (c: Column, keyOf: (text: string) => string) => {
    const info = sheets.find((s) => s.name === c.sheet);
    const [col] = info ? columnsHeaded(info.headers, c.header) : [];
    return col === undefined ? { values: [], cut: false } : distinct(read(c.sheet, col), keyOf);
  };
  /** Outcomes match as labels do (filler words forgiven), channels as channels do. */
  const keyOf = (field: MappingField) => (field === 'outcome' ? labelKey : channelKey);
  const { raw, meetingLog } = tables;
  const meetingTables = [raw?.meetings, meetingLog].flatMap((t) => (t ? [t] : []));
  const same = (a: Column, b: Column) => a.sheet === b.sheet && a.header === b.header;
  const unique = (cols: Column[]) => cols.filter((c, k) => cols.findIndex((d) => same(c, d)) === k);

  const outcomeColumns = unique(
    meetingTables.map((t) => ({ sheet: t.sheet, header: t.columns.outcome })),
  );
  const meetingChannels = unique(
    meetingTables
      .filter((t) => t.columns.channel !== '')
      .map((t) => ({ sheet: t.sheet, header: t.columns.channel })),
  );
  const spendChannels = unique(
    (raw?.spend ?? [])
      .filter((s) => s.fixedChannel === '' && s.columns.channel !== '')
      .map((s) => ({ sheet: s.sheet, header: s.columns.channel })),
  );
  const campaignColumns = [...spendChannels, ...meetingChannels].filter((c) =>
    isCampaignHeader(c.header),
  );
  const channelColumns = [...spendChannels, ...meetingChannels].filter(
    (c) => !isCampaignHeader(c.header),
  );

  // The channels the data already spells out: a campaign's suggestion uses their spelling.
  const channels = [
    ...new Set([
      ...(raw?.spend ?? []).map((s) => s.fixedChannel.trim()).filter((c) => c !== ''),
      ...channelColumns.flatMap((c) => valuesOf(c, channelKey).values.map((v) => v.text)),
    ]),
  ];

  const rows: SuggestedMeaning[] = [];
  const notes: string[] = [];
  const taken = new Set<string>();
  const list = (
    field: MappingField,
    c: Column,
    what: string,
    suggest: (text: string) => { means: string; why: string },
    needed: (text: string) => boolean,
  ) => {
    const key = keyOf(field);
    const found = valuesOf(c, key);
    const wanted = found.values
      .filter((v) => needed(v.text) && !taken.has(`${field}:${key(v.text)}`))
      .sort((a, b) => b.count - a.count);
    const shown = wanted.slice(0, MEANING_LIMITS.valuesShown);
    for (const v of shown) {
      taken.add(`${field}:${key(v.text)}`);
      rows.push({ field, value: v.text, count: v.count, ...suggest(v.text) });
    }
    const where = `column “${c.header}” of “${c.sheet}”`;
    if (wanted.length > shown.length) {
      notes.push(
        `Showing the ${shown.length} most frequent of ${wanted.length} ${what} in ${where}; add the others to the mapping table on the Definitions tab.`,
      );
    }
    if (found.cut) {
      notes.push(
        `Read the first ${MEANING_LIMITS.rowsRead.toLocaleString('en')} rows of ${where}.`,
      );
    }
  };

  for (const c of outcomeColumns) {
    list('outcome', c, 'outcome labels', outcomeSuggestion, (text) => !readsAsOutcome(text));
  }
  for (const c of campaignColumns) {
    const info = sheets.find((s) => s.name === c.sheet);
    const platform: Platform | undefined = info && exportPlatform(info.name, info.headers);
    list(
      'channel',
      c,
      'campaigns',
      (text) => channelSuggestion(text, platform, channels),
      () => true,
    );
  }
  if (rows.length === 0) {
    notes.push(
      'Every outcome label is one of the six, and no column holds campaigns: nothing to map.',
    );
  }
  return { rows, notes, channels };
}

function readsAsOutcome(text: string): boolean {
  try {
    OUTCOMES.read('outcome', text);
    return true;
  } catch {
    return false;
  }
}
