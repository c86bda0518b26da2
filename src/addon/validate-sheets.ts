/**
 * Settings that point at tables in the user's spreadsheet: channels mapped to
 * a sheet, the Channel report's ad exports and meetings, an existing meeting
 * log. Each names a sheet that exists and, for each field, the header of one
 * column on it. Without the sheets (no spreadsheet at hand) only the shape is
 * checked.
 */
import { PERIODS, type Period } from '../metrics/period';
import { quote } from '../sheets/format';
import { columnLetter } from '../workbook/a1';
import { columnsHeaded } from '../workbook/headers';
import type { SheetInfo } from './api';
import {
  CHANNEL_FIELD_LABELS,
  CHANNEL_FIELDS,
  type Channels,
  DEAL_FIELD_LABELS,
  DEAL_FIELDS,
  type DealField,
  MEETING_FIELD_LABELS,
  MEETING_FIELDS,
  type MeetingField,
  type RawData,
  rawDataReaders,
  type SheetColumns,
  SPEND_FIELD_LABELS,
  SPEND_FIELDS,
  type SpendField,
  type SpendSheet,
  TEMPLATE_TITLES,
  type TemplateId,
} from './settings';
import { type Checker, isObj, LIMITS, type Obj } from './validate-checker';
import { checkTypedChannels } from './validate-fields';

/**
 * A table in the user's spreadsheet: a sheet that exists (matched exactly,
 * so "Data " with its space is another sheet than "Data") and, for each
 * field, the header of one column on it. `optional` fields may be left ""
 * (a date column when no period is asked). Without `sheets` (no spreadsheet
 * at hand) only the shape is checked.
 */
export function checkSheetColumns<F extends string>(
  c: Checker,
  v: unknown,
  what: string,
  fields: readonly F[],
  labels: Record<F, string>,
  sheets: readonly SheetInfo[] | undefined,
  optional: readonly F[] = [],
): SheetColumns<F> | undefined {
  if (!isObj(v)) return c.fail(`Pick the sheet that holds ${what}, and its columns.`);
  const before = c.errors.length;
  const sheet = c
    .at('sheet')
    .text(v.sheet, `the sheet that holds ${what}`, LIMITS.sheetLength, true, true);
  const info = sheet === undefined || !sheets ? undefined : sheets.find((s) => s.name === sheet);
  if (sheet !== undefined && sheets && !info) {
    c.at('sheet').fail(
      `There is no sheet named ${quote(sheet)}; pick one of: ${sheets.map((s) => s.name).join(', ')}.`,
    );
  }
  const given = v.columns;
  if (!isObj(given)) return c.at('columns').fail(`Pick a column for each field of ${what}.`);
  const columns = {} as Record<F, string>;
  const used = new Map<string, F>();
  for (const field of fields) {
    const at = c.at('columns').at(field);
    const label = labels[field];
    const left = optional.includes(field);
    const header = at.text(
      given[field] ?? (left ? '' : undefined),
      `the header of the ${label} column`,
      LIMITS.headerLength,
      !left,
    );
    if (header === undefined) continue;
    if (header === '') {
      columns[field] = '';
      continue;
    }
    const twin = used.get(header.toLowerCase());
    if (twin) {
      at.fail(`${quote(header)} is already the ${labels[twin]} column; pick a different column.`);
      continue;
    }
    used.set(header.toLowerCase(), field);
    if (!info) {
      columns[field] = header;
      continue;
    }
    const found = columnsHeaded(info.headers, header);
    if (found.length === 0) {
      const named = info.headers.filter((h) => h.trim() !== '');
      at.fail(
        `No column headed ${quote(header)} on sheet ${quote(info.name)}; pick one of: ${named.length ? named.join(', ') : '(the first row is empty: add headers)'}.`,
      );
    } else if (found.length > 1) {
      // Templates and the sidebar find a column by its header, so a repeated header is ambiguous.
      at.fail(
        `Columns ${found.map(columnLetter).join(' and ')} of sheet ${quote(info.name)} are ${found.length === 2 ? 'both' : 'all'} headed ${quote(header)}; rename one of them, then pick the column again.`,
      );
    } else columns[field] = header;
  }
  return sheet === undefined || c.errors.length > before ? undefined : { sheet, columns };
}

function checkMappedChannels(
  c: Checker,
  v: Obj,
  sheets?: readonly SheetInfo[],
): Channels | undefined {
  const mapped = checkSheetColumns(
    c,
    v,
    'the channels',
    CHANNEL_FIELDS,
    CHANNEL_FIELD_LABELS,
    sheets,
  );
  return mapped && { mode: 'mapped', ...mapped };
}

/** No period is the absence of one: null, or left out. */
function checkPeriod(c: Checker, v: unknown): Period | null | undefined {
  if (v == null) return null;
  const period = PERIODS.find((p) => p === v);
  return period ?? c.fail(`Choose a period: ${PERIODS.join(', ')}, or none.`);
}

/**
 * One ad export: its sheet and columns, and either a channel column or one
 * channel named for the whole sheet.
 */
function checkSpendSheet(
  c: Checker,
  v: unknown,
  k: number,
  dated: boolean,
  sheets: readonly SheetInfo[] | undefined,
): SpendSheet | undefined {
  if (!isObj(v)) return c.fail(`Pick the sheet of ad export ${k + 1}, and its columns.`);
  const fixedChannel = c
    .at('fixedChannel')
    .text(v.fixedChannel ?? '', `the channel of ad export ${k + 1}`, LIMITS.nameLength, false);
  const optional: SpendField[] = [];
  if (!dated) optional.push('date');
  if (fixedChannel) optional.push('channel');
  const table = checkSheetColumns(
    c,
    v,
    `ad export ${k + 1}`,
    SPEND_FIELDS,
    SPEND_FIELD_LABELS,
    sheets,
    optional,
  );
  return table && fixedChannel !== undefined ? { ...table, fixedChannel } : undefined;
}

/**
 * The raw tables, for the chosen templates that read them (`users`); dates
 * are needed only for a period. The deals export is optional for the Channel
 * report (each channel's Max CPQM from its own won deals) and required by the
 * Full funnel.
 */
export function checkRaw(
  c: Checker,
  v: unknown,
  sheets: readonly SheetInfo[] | undefined,
  users: readonly TemplateId[],
): RawData | undefined {
  if (!isObj(v)) {
    return c.fail(
      `Pick the ad-spend sheets and the meetings sheet for ${rawDataReaders(users)} (Channels: Raw data).`,
    );
  }
  const dealsRequired = users.includes('fullFunnel');
  const period = checkPeriod(c.at('period'), v.period);
  // An unknown period asks for no date column: its own message is the one to read.
  const dated = period !== null && period !== undefined;
  let spend: SpendSheet[] | undefined;
  if (!Array.isArray(v.spend) || v.spend.length === 0) {
    c.at('spend').fail('Add at least one ad-spend sheet.');
  } else if (v.spend.length > LIMITS.maxSpendSheets) {
    c.at('spend').fail(
      `Use at most ${LIMITS.maxSpendSheets} ad-spend sheets (you have ${v.spend.length}).`,
    );
  } else {
    const before = c.errors.length;
    const out = v.spend.map((s: unknown, k) =>
      checkSpendSheet(c.at('spend').at(k), s, k, dated, sheets),
    );
    if (c.errors.length === before) spend = out as SpendSheet[];
  }
  const meetings = checkSheetColumns(
    c.at('meetings'),
    v.meetings,
    'the meetings',
    MEETING_FIELDS,
    MEETING_FIELD_LABELS,
    sheets,
    dated ? [] : ['date'],
  );
  const before = c.errors.length;
  let deals: SheetColumns<DealField> | undefined;
  if (v.deals != null) {
    deals = checkSheetColumns(
      c.at('deals'),
      v.deals,
      'the deals',
      DEAL_FIELDS,
      DEAL_FIELD_LABELS,
      sheets,
      ['currency'],
    );
  } else if (dealsRequired) {
    c.at('deals').fail(
      `Pick the deals sheet for the ${TEMPLATE_TITLES.fullFunnel}: its deals, revenue and Max CPQM from results come from it.`,
    );
  }
  if (c.errors.length > before || !spend || !meetings || period === undefined) return undefined;
  return deals ? { spend, meetings, deals, period } : { spend, meetings, period };
}

export function checkChannels(
  c: Checker,
  v: unknown,
  sheets?: readonly SheetInfo[],
): Channels | undefined {
  if (!isObj(v) || (v.mode !== 'typed' && v.mode !== 'mapped')) {
    return c.fail('Type the channels in, or map them to columns of a sheet.');
  }
  return v.mode === 'typed'
    ? checkTypedChannels(c.at('rows'), v.rows)
    : checkMappedChannels(c, v, sheets);
}

/** An existing meeting log for Meeting outcomes: its date column may be left out. */
export function checkMeetingLog(
  c: Checker,
  v: unknown,
  sheets?: readonly SheetInfo[],
): SheetColumns<MeetingField> | undefined {
  return checkSheetColumns(c, v, 'the meeting log', MEETING_FIELDS, MEETING_FIELD_LABELS, sheets, [
    'date',
  ]);
}
