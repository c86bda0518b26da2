/**
 * The report as CPQM_REPORT computes it from the data when the tab is made:
 * what the native rows and the preview are built from. The columns are laid
 * out as the tab's formula passes them (each ad export's columns to its
 * sheet's end, stacked), so a bad row (an export's totals row, spend without
 * a channel) stops the tab being made with the function's own message, its
 * row turned into the sheet and row the user can go to.
 */
import { FUNCTIONS } from '../../metrics/catalogue';
import { messageOf } from '../../sheets/format';
import { channelKey } from '../../sheets/labels';
import type { RawData } from '../settings';
import type { Sources, SpendSource } from './channel-report-sources';
import type { BuildContext } from './common';
import { mappingCells } from './definitions-mapping';
import type { SourceColumn } from './source-column';

export interface ReportNow {
  /** The report's rows, without the header. */
  rows: unknown[][];
  /** Every spelling of each channel met in the raw rows, by the name the report shows. */
  spellings: Map<string, string[]>;
}

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

/** Where a row of the stacked spend range is: its sheet and sheet row. */
function spendRowAt(sources: readonly SpendSource[], row: number): string {
  let first = 1;
  for (const s of sources) {
    const height = Math.max(0, s.rows - 1);
    if (row < first + height || s === sources[sources.length - 1]) {
      return `row ${row - first + 2} of sheet "${s.sheet}"`;
    }
    first += height;
  }
  return `row ${row}`;
}

/** The function's message with its range rows named as sheet rows. */
export function sheetRowsIn(message: string, src: Sources): string {
  return message
    .replace(/\brow (\d+) of the spend range\b|\bspend row (\d+)\b/g, (_m, a, b) =>
      spendRowAt(src.spend, Number(a ?? b)),
    )
    .replace(
      /\brow (\d+) of the meetings range\b|\bmeetings row (\d+)\b/g,
      (_m, a, b) => `row ${Number(a ?? b) + 1} of sheet "${src.meetingChannel.sheet}"`,
    );
}

/**
 * The ad exports' columns as the tab's formula stacks them: each to its
 * sheet's end, one sheet under the other, a one-channel sheet's channel on
 * every row with a spend.
 */
export function stackedSpend(ctx: BuildContext, spend: readonly SpendSource[]) {
  const read = (s: SourceColumn | undefined) => (s ? (ctx.read?.(s.sheet, s.col) ?? []) : []);
  /** A column from row 2 to sheet row `rows`, as its range passes it. */
  const padded = (values: unknown[], rows: number) =>
    Array.from({ length: Math.max(0, rows - 1) }, (_, k) => (k < values.length ? values[k] : ''));
  const stacked = { channel: [] as unknown[], spend: [] as unknown[], date: [] as unknown[] };
  for (const s of spend) {
    const cells = padded(read(s.spend), s.rows);
    stacked.spend.push(...cells);
    stacked.channel.push(
      ...(s.channel
        ? padded(read(s.channel), s.rows)
        : cells.map((v) => (isBlank(v) ? '' : s.fixedChannel))),
    );
    stacked.date.push(...padded(read(s.date), s.rows));
  }
  return stacked;
}

export function reportNow(ctx: BuildContext, raw: RawData, src: Sources): ReportNow {
  const read = (s: SourceColumn | undefined) => (s ? (ctx.read?.(s.sheet, s.col) ?? []) : []);
  const stacked = stackedSpend(ctx, src.spend);
  const column = (values: unknown[]) => (values.length > 0 ? values.map((v) => [v]) : [['']]);
  const meetingNames = read(src.meetingChannel);
  const dated = raw.period !== null;
  const args = [
    column(stacked.channel),
    column(stacked.spend),
    column(meetingNames),
    column(read(src.outcome)),
    ...(dated
      ? [column(stacked.date), column(read(src.meetingDate)), raw.period]
      : src.mapping
        ? ['', '', '']
        : []),
    // The mapping table as the Definitions tab will hold it.
    ...(src.mapping ? [mappingCells(ctx.settings).slice(1)] : []),
  ];
  let out: unknown;
  try {
    out = FUNCTIONS.CPQM_REPORT!(...args);
  } catch (e) {
    throw new Error(sheetRowsIn(messageOf(e), src));
  }
  const rows = Array.isArray(out) ? out.slice(1) : [];
  // Spellings by the report's name: matched as the report matches them, one per
  // case-insensitive form (an = comparison ignores case itself, so two would count twice).
  const key = (v: unknown) => channelKey(String(v));
  const shown = new Map<string, string>();
  for (const r of rows) shown.set(key(r[0]), String(r[0]));
  const spellings = new Map<string, string[]>();
  for (const v of [...stacked.channel, ...meetingNames]) {
    if (isBlank(v)) continue;
    const name = shown.get(key(v));
    if (name === undefined) continue;
    const list = spellings.get(name) ?? [];
    const text = String(v);
    if (!list.some((t) => t.toLowerCase() === text.toLowerCase())) list.push(text);
    spellings.set(name, list);
  }
  return { rows, spellings };
}
