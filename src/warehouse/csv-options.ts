/**
 * What the report from CSV files is asked to do (npm run report), and the
 * error it raises for a problem the user can fix: a message naming the file,
 * the row and what to do, never a stack trace.
 */

export interface ReportOptions {
  spend: string;
  meetings: string;
  /** The mapping table as a CSV file with the headers Field, Value, Means. */
  mapping?: string;
  period?: string;
  /** Column names given on the command line, by file and role. */
  columns?: {
    spend?: Partial<Record<'spend' | 'day' | 'channel', string>>;
    meetings?: Partial<Record<'outcome' | 'day' | 'channel', string>>;
  };
  /** strptime format for text dates the sniffer does not recognise, e.g. %d/%m/%Y. */
  dateFormat?: string;
  /**
   * How to read spend and days: 'auto' reads a column DuckDB's sniffer typed (numbers, dates) as
   * typed, which is fast, and anything else as text the sheet's way (funnel_amount, ISO dates);
   * 'text' always reads text. A typed read that meets text further down is retried as 'text'.
   */
  readAs?: 'auto' | 'text';
  /** Write the report to this CSV file with DuckDB's COPY instead of returning rows. */
  out?: string;
  /** Run the report but return no rows (benchmarks: leave the result in DuckDB, as a plain query does). */
  materializeOnly?: boolean;
  /**
   * Called about twice a second while a long query runs, with DuckDB's progress: a percentage
   * (-1 when it has none: the report's materialized CTEs report 0 throughout) and rows processed.
   */
  onProgress?: (percent: number, rows: number) => void;
}

export class ReportError extends Error {}
