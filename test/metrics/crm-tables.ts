/**
 * The independent computation the funnel and deals reports are checked
 * against: every contribution a raw row makes (channel as shown, period
 * label, column, amount) listed the slow and obvious way, then each channel
 * and period's sums found by filtering that list once per group.
 */
import { type Period, periodLabel } from '../../src/metrics/period';

export interface Contribution {
  /** The channel as the report shows it. */
  channel: string;
  /** Period label; '' without a period. */
  label: string;
  col: number;
  amount: number;
}

export const tidy = (s: string) => s.trim().replace(/\s+/g, ' ');

export const serialToDay = (serial: number) => {
  const d = new Date((serial - 25569) * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** A date cell as an export may hold it: a serial number, or ISO text with or without a time. */
export function dateCell(serial: number, style: number): unknown {
  if (style === 0) return serial;
  const { year, month, day } = serialToDay(serial);
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return style === 1 ? iso : `${iso} 10:32`;
}

export const labelOf = (period: Period | undefined) => (serial: number) =>
  period ? periodLabel(period, serialToDay(serial)) : '';

/**
 * The report table: channels in order of first contribution, periods ascending within
 * each, then All channels per period and overall; `cells` turns a group's sums into its cells.
 */
export function expectedTable(
  header: string[],
  contributions: Contribution[],
  width: number,
  dated: boolean,
  cells: (sums: number[]) => unknown[],
): unknown[][] {
  const sums = (rows: Contribution[]) => {
    const out = new Array<number>(width).fill(0);
    for (const c of rows) out[c.col]! += c.amount;
    return out;
  };
  const channels: string[] = [];
  for (const c of contributions) {
    if (!channels.some((k) => k.toLowerCase() === c.channel.toLowerCase()))
      channels.push(c.channel);
  }
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const out: unknown[][] = [header];
  for (const k of channels) {
    const mine = contributions.filter((c) => same(c.channel, k));
    for (const l of [...new Set(mine.map((c) => c.label))].sort()) {
      const row = cells(sums(mine.filter((c) => c.label === l)));
      out.push(dated ? [k, l, ...row] : [k, ...row]);
    }
  }
  if (dated) {
    for (const l of [...new Set(contributions.map((c) => c.label))].sort()) {
      out.push(['All channels', l, ...cells(sums(contributions.filter((c) => c.label === l)))]);
    }
    out.push(['All channels', 'All', ...cells(sums(contributions))]);
  } else out.push(['All channels', ...cells(sums(contributions))]);
  return out;
}

export const div = (a: number, b: number, name: string) =>
  b === 0 ? `#DIV/0! ${name} is 0` : a / b;

export function closeTo(actual: unknown, wanted: unknown): boolean {
  if (typeof actual === 'number' && typeof wanted === 'number') {
    return Math.abs(actual - wanted) <= 1e-9 * Math.max(1, Math.abs(wanted));
  }
  return actual === wanted;
}

/** Compares a report with the expected table cell by cell, numbers to 1e-9 relative. */
export function sameTable(got: unknown, want: unknown[][]): string | undefined {
  if (!Array.isArray(got)) return `got ${JSON.stringify(got)}`;
  if (got.length !== want.length)
    return `${got.length} rows, want ${want.length}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`;
  for (let i = 0; i < want.length; i++) {
    const row = got[i] as unknown[];
    if (row.length !== want[i]!.length)
      return `row ${i} has ${row.length} cells, want ${want[i]!.length}`;
    for (let j = 0; j < row.length; j++) {
      if (!closeTo(row[j], want[i]![j]))
        return `row ${i} col ${j}: ${String(row[j])} vs ${String(want[i]![j])}`;
    }
  }
  return undefined;
}
