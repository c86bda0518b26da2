/** The report and the trend as a terminal shows them: aligned text tables. */
import { ALL_CHANNELS } from '../metrics/grouping';
import type { ReportRow, TrendRow } from './csv-report';
import { ECONOMICS_COLUMNS, type RowWithVerdict } from './economics';
import { SQL_REPORT_COLUMNS } from './report';

/** Lines of cells aligned in columns: the first `left` columns to the left, the rest to the right. */
function aligned(grid: string[][], left: number): string {
  const widths = grid[0]!.map((_, k) => Math.max(...grid.map((line) => line[k]!.length)));
  return grid
    .map((line) =>
      line.map((v, k) => (k < left ? v.padEnd(widths[k]!) : v.padStart(widths[k]!))).join('  '),
    )
    .join('\n');
}

const money = (v: number) =>
  v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * The report as an aligned text table for a terminal: money to 2 decimals, rates and headroom
 * as %; judged rows with their Max CPQM, headroom and verdict.
 */
export function toTable(rows: ReportRow[] | RowWithVerdict[], withPeriod: boolean): string {
  const judged = rows.length > 0 && 'verdict' in rows[0]!;
  const cols = [...SQL_REPORT_COLUMNS, ...(judged ? ECONOMICS_COLUMNS : [])].filter(
    (c) => withPeriod || c !== 'period',
  );
  const moneyColumns = new Set(['spend', 'cost_per_meeting', 'cpqm', 'max_cpqm']);
  const rate = new Set(['show_rate', 'qual_rate', 'headroom']);
  const show = (c: string, v: unknown) => {
    if (v === null || v === undefined) return c === 'period' ? '' : '—';
    if (typeof v !== 'number') return String(v);
    if (moneyColumns.has(c)) return money(v);
    if (rate.has(c)) return `${(v * 100).toFixed(1)}%`;
    return v.toLocaleString('en-US');
  };
  const grid = [
    [...cols],
    ...rows.map((r) => cols.map((c) => show(c, (r as Record<string, unknown>)[c]))),
  ];
  return aligned(grid, withPeriod ? 2 : 1);
}

/**
 * The trend as the sheet lays it out: a row per period, a column per channel (All channels
 * first), — where the sheet shows #N/A.
 */
export function toTrendTable(rows: TrendRow[]): string {
  const channels = [...new Set([ALL_CHANNELS, ...rows.map((r) => String(r.channel))])];
  const periods = [...new Set(rows.map((r) => String(r.period)))];
  const cpqm = new Map(rows.map((r) => [`${r.period}\u0000${r.channel}`, r.cpqm]));
  const grid = [
    ['Period', ...channels],
    ...periods.map((p) => [
      p,
      ...channels.map((c) => {
        const v = cpqm.get(`${p}\u0000${c}`);
        return typeof v === 'number' ? money(v) : '—';
      }),
    ]),
  ];
  return aligned(grid, 1);
}
