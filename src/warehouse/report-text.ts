/** A report as a terminal shows it: an aligned text table. */
import type { CsvReport, CsvRow } from './csv-report';

/** A report as an aligned text table for a terminal: money to 2 decimals, rates as %. */
export function toTable(rows: CsvRow[], report: CsvReport, withPeriod: boolean): string {
  const cols = [...report.columns, ...(report.added?.columns ?? [])].filter(
    (c) => withPeriod || c !== 'period',
  );
  const labels = cols.filter((c) => c === 'channel' || c === 'period' || c === 'stage');
  const show = (c: string, v: unknown) => {
    if (v === null || v === undefined) return c === 'period' ? '' : '—';
    if (typeof v !== 'number') return String(v);
    if (report.money.has(c))
      return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    if (report.rates.has(c)) return `${(v * 100).toFixed(1)}%`;
    return v.toLocaleString('en-US');
  };
  const grid = [cols as readonly string[], ...rows.map((r) => cols.map((c) => show(c, r[c])))];
  const widths = cols.map((_, k) => Math.max(...grid.map((line) => line[k]!.length)));
  return grid
    .map((line) =>
      line
        .map((v, k) => (k < labels.length ? v.padEnd(widths[k]!) : v.padStart(widths[k]!)))
        .join('  '),
    )
    .join('\n');
}
