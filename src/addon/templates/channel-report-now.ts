/**
 * The report as CPQM_REPORT computes it from the data when the tab is made:
 * what the native rows and the chart are built from. A bad row (an export's
 * totals row, spend without a channel) stops the tab being made, with the
 * function's own message naming the row.
 */
import { FUNCTIONS } from '../../metrics/catalogue';
import { channelKey } from '../../metrics/report';
import type { RawData } from '../settings';
import type { Sources } from './channel-report-sources';
import type { BuildContext } from './common';
import type { SourceColumn } from './source-column';

export interface ReportNow {
  /** The report's rows, without the header. */
  rows: unknown[][];
  /** Every spelling of each channel met in the raw rows, by the name the report shows. */
  spellings: Map<string, string[]>;
}

export function reportNow(ctx: BuildContext, raw: RawData, src: Sources): ReportNow {
  const read = (s: SourceColumn | undefined) => (s ? (ctx.read?.(s.sheet, s.col) ?? []) : []);
  const column = (values: unknown[]) => (values.length > 0 ? values.map((v) => [v]) : [['']]);
  const spendNames = read(src.spendChannel);
  const meetingNames = read(src.meetingChannel);
  const args = [
    column(spendNames),
    column(read(src.spend)),
    column(meetingNames),
    column(read(src.outcome)),
  ];
  const dated = raw.period !== null;
  const out = FUNCTIONS.CPQM_REPORT!(
    ...args,
    ...(dated ? [column(read(src.spendDate)), column(read(src.meetingDate)), raw.period] : []),
  );
  const rows = Array.isArray(out) ? out.slice(1) : [];
  // Spellings by the report's name: matched as the report matches them, one per
  // case-insensitive form (SUMIFS ignores case itself, so two would count twice).
  const key = (v: unknown) => channelKey(String(v));
  const shown = new Map<string, string>();
  for (const r of rows) shown.set(key(r[0]), String(r[0]));
  const spellings = new Map<string, string[]>();
  for (const v of [...spendNames, ...meetingNames]) {
    if (v === '' || v === null || v === undefined) continue;
    const name = shown.get(key(v));
    if (name === undefined) continue;
    const list = spellings.get(name) ?? [];
    const text = String(v);
    if (!list.some((t) => t.toLowerCase() === text.toLowerCase())) list.push(text);
    spellings.set(name, list);
  }
  return { rows, spellings };
}
