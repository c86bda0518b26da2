/**
 * What the chosen columns hold, read from the sheet (bounded): a column the
 * user did not mean as data — clicks picked as the outcome, a campaign name
 * as the cost — gets a message in the user's words beside its field, before
 * any formula meets it. And the portable native style is refused where it
 * cannot be honest: costs written as text (SUMIFS reads them as 0) or a
 * mapping table with `*` patterns (SUMIFS cannot apply them).
 */
import { COERCE, toDay } from '../sheets/coerce';
import { isDate, serialDay } from '../sheets/dates';
import { quote } from '../sheets/format';
import { isPattern } from '../sheets/labels';
import { listed } from '../sheets/words';
import { columnsHeaded } from '../workbook/headers';
import type { SheetInfo } from './api';
import type { ReadColumn } from './meanings';
import type {
  FormulaStyle,
  FunnelData,
  MappingRow,
  RawData,
  SheetColumns,
  TemplateId,
} from './settings';
import type { Checker } from './validate-checker';

export const CONTENT_LIMITS = {
  /** Non-blank cells of a column looked at to tell what it holds. */
  sample: 200,
  /** Cells of a cost column searched for costs written as text. */
  costsRead: 50_000,
} as const;

type Holds = 'amounts' | 'dates' | 'stage dates' | 'outcomes' | 'channels';

/** What a cell is, as far as a column's purpose goes. */
function kindOf(v: unknown): 'number' | 'date' | 'text' | 'flag' {
  if (isDate(v)) return 'date';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'flag';
  return 'text';
}

/**
 * The years a serial day may fall in to count as a date. Sheets passes a
 * date cell as a Date, other engines as its serial day (with the time as a
 * fraction), so a number is a date only in this span: a cost of 172.45 or a
 * score of 3 is a number the user did not mean as a day, though a function
 * would read it as one.
 */
const SERIAL_YEARS = { first: 1970, last: 2099 } as const;

function fits(holds: Holds, v: unknown): boolean {
  try {
    if (holds === 'amounts') COERCE.money('', v);
    else if (holds === 'dates' || holds === 'stage dates') {
      if (typeof v === 'number') {
        const { year } = serialDay(v);
        return year >= SERIAL_YEARS.first && year <= SERIAL_YEARS.last;
      }
      toDay('', v);
    } else if (holds === 'outcomes') return typeof v === 'string';
    else return typeof v === 'string' || typeof v === 'number';
    return true;
  } catch {
    return false;
  }
}

/** "holds numbers", "holds text such as “Brand – Search”", by what most of its misfits are. */
function whatItHolds(misfits: unknown[]): string {
  const counts = new Map<string, number>();
  for (const v of misfits) counts.set(kindOf(v), (counts.get(kindOf(v)) ?? 0) + 1);
  const [most] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['text'];
  if (most === 'number') return 'numbers';
  if (most === 'date') return 'dates';
  if (most === 'flag') return 'TRUE/FALSE values';
  const text = misfits.find((v) => kindOf(v) === 'text');
  return `text such as ${quote(String(text))}`;
}

/** Where the column is, and what it should hold, as the messages say it. */
const PURPOSE: Record<Holds, string> = {
  amounts: 'amounts: pick the column with the costs',
  dates: 'dates: pick the column with the day of each row',
  'stage dates': 'dates: pick the column with the day each record reached the stage',
  outcomes: 'outcomes: pick the column with the meeting outcomes',
  channels: 'channels: pick the column with the channel, source or campaign',
};

/**
 * Refuses a column most of whose first cells are not what its field needs.
 * A few misfits (a totals row, one typo) are left to the report, which names
 * their rows.
 */
function checkColumn(c: Checker, holds: Holds, header: string, values: readonly unknown[]): void {
  const sample: unknown[] = [];
  for (const v of values) {
    if (v === '' || v === null || v === undefined) continue;
    sample.push(v);
    if (sample.length >= CONTENT_LIMITS.sample) break;
  }
  const misfits = sample.filter((v) => !fits(holds, v));
  if (misfits.length * 2 > sample.length) {
    c.fail(`Column ${quote(header)} holds ${whatItHolds(misfits)}, not ${PURPOSE[holds]}.`);
  }
}

/** The cells of a table's column, or none when its header is not (or not once) on the sheet. */
function columnOf(
  sheets: readonly SheetInfo[],
  read: ReadColumn,
  sheet: string,
  header: string,
): unknown[] {
  const info = sheets.find((s) => s.name === sheet);
  const found = info && header !== '' ? columnsHeaded(info.headers, header) : [];
  const [col] = found;
  return found.length === 1 && col !== undefined ? read(sheet, col) : [];
}

function checkTable<F extends string>(
  c: Checker,
  table: SheetColumns<F>,
  holds: Partial<Record<F, Holds>>,
  sheets: readonly SheetInfo[],
  read: ReadColumn,
): void {
  for (const [field, what] of Object.entries(holds) as [F, Holds][]) {
    const header = table.columns[field];
    if (header === '') continue;
    checkColumn(
      c.at('columns').at(field),
      what,
      header,
      columnOf(sheets, read, table.sheet, header),
    );
  }
}

/** The raw tables and the meeting log, column by column. */
export function checkContents(
  c: Checker,
  tables: {
    raw: RawData | null;
    meetingLog: SheetColumns<'channel' | 'outcome' | 'date'> | null;
    funnel: FunnelData | null;
  },
  sheets: readonly SheetInfo[],
  read: ReadColumn,
): void {
  const { raw, meetingLog, funnel } = tables;
  if (raw) {
    const dated = raw.period !== null;
    for (const [k, s] of raw.spend.entries()) {
      checkTable(
        c.at('raw').at('spend').at(k),
        s,
        { channel: 'channels', spend: 'amounts', ...(dated ? { date: 'dates' as const } : {}) },
        sheets,
        read,
      );
    }
    checkTable(
      c.at('raw').at('meetings'),
      raw.meetings,
      { channel: 'channels', outcome: 'outcomes', ...(dated ? { date: 'dates' as const } : {}) },
      sheets,
      read,
    );
    // A deal's dates are read with or without a period: Max CPQM from results counts the deals won.
    if (raw.deals) {
      checkTable(
        c.at('raw').at('deals'),
        raw.deals,
        { created: 'dates', closed: 'dates' },
        sheets,
        read,
      );
    }
  }
  if (meetingLog) {
    checkTable(
      c.at('meetingLog'),
      meetingLog,
      { channel: 'channels', outcome: 'outcomes' },
      sheets,
      read,
    );
  }
  if (funnel) {
    // A stage column of scores or counts would be read as days in 1900 and count every record.
    const { sheet, channel, stages } = funnel.contacts;
    const at = c.at('funnel').at('contacts');
    checkColumn(at.at('channel'), 'channels', channel, columnOf(sheets, read, sheet, channel));
    for (const [k, header] of stages.entries()) {
      checkColumn(
        at.at('stages').at(k),
        'stage dates',
        header,
        columnOf(sheets, read, sheet, header),
      );
    }
  }
}

/** The first cost written as text in a column, within the bound. */
function textCost(values: readonly unknown[]): string | undefined {
  const end = Math.min(values.length, CONTENT_LIMITS.costsRead);
  for (let k = 0; k < end; k++) {
    const v = values[k];
    if (typeof v !== 'string' || v.trim() === '') continue;
    if (fits('amounts', v)) return v;
  }
  return undefined;
}

/**
 * The native style, refused with the reason and what to do where its
 * built-in functions would give a wrong number that looks right.
 */
export function checkNativeStyle(
  c: Checker,
  s: {
    formulaStyle: FormulaStyle;
    templates: readonly TemplateId[];
    raw: RawData | null;
    meetingLog: unknown;
    mapping: readonly MappingRow[];
  },
  sheets: readonly SheetInfo[],
  read: ReadColumn,
): void {
  if (s.formulaStyle !== 'native') return;
  // One message for the field, however many reasons: the sidebar shows one beside it.
  const reasons: string[] = [];
  if (s.raw && s.templates.includes('channelReport')) {
    const texts = s.raw.spend.flatMap((ads) => {
      const text = textCost(columnOf(sheets, read, ads.sheet, ads.columns.spend));
      return text === undefined
        ? []
        : [`column ${quote(ads.columns.spend)} of ${quote(ads.sheet)} (such as ${quote(text)})`];
    });
    if (texts.length > 0) {
      reasons.push(
        `Portable native formulas would count the costs in ${listed(texts)} as 0: they are written as text, and SUMIFS reads text as 0. Choose Funnel Math functions instead, or turn ${texts.length === 1 ? 'that column' : 'those columns'} into numbers (select, then Format → Number) and choose again.`,
      );
    }
  }
  const readsMapping =
    (s.raw !== null && s.templates.includes('channelReport')) ||
    (s.meetingLog !== null && s.templates.includes('meetingOutcomes'));
  const pattern = s.mapping.find((r) => isPattern(r.value));
  if (readsMapping && pattern) {
    reasons.push(
      `Portable native formulas cannot apply the mapping table's patterns (such as ${quote(pattern.value)}): choose Funnel Math functions instead, or write each value out in full.`,
    );
  }
  if (reasons.length > 0) c.fail(reasons.join(' '));
}
