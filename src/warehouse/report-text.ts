/** The report as a terminal shows it: an aligned text table. */
import type { ReportRow } from './csv-report';
import { SQL_REPORT_COLUMNS } from './report';

/** The report as an aligned text table for a terminal: money to 2 decimals, rates as %. */
export function toTable(rows: ReportRow[], withPeriod: boolean): string {
  const cols = SQL_REPORT_COLUMNS.filter((c) => withPeriod || c !== 'period');
  const money = new Set(['spend', 'cost_per_meeting', 'cpqm']);
  const rate = new Set(['show_rate', 'qual_rate']);
  const show = (c: string, v: unknown) => {
    if (v === null || v === undefined) return c === 'period' ? '' : '—';
    if (typeof v !== 'number') return String(v);
    if (money.has(c))
      return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    if (rate.has(c)) return `${(v * 100).toFixed(1)}%`;
    return v.toLocaleString('en-US');
  };
  const grid = [cols as readonly string[], ...rows.map((r) => cols.map((c) => show(c, r[c])))];
  const widths = cols.map((_, k) => Math.max(...grid.map((line) => line[k]!.length)));
  return grid
    .map((line) =>
      line
        .map((v, k) => (k <= (withPeriod ? 1 : 0) ? v.padEnd(widths[k]!) : v.padStart(widths[k]!)))
        .join('  '),
    )
    .join('\n');
}
