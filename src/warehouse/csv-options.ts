/**
 * What the report from CSV files is asked to do (npm run report), and the
 * error it raises for a problem the user can fix: a message naming the file,
 * the row and what to do, never a stack trace.
 */
import type { DealField } from '../workbook/export-headers';
import type { Economics } from './economics';

/** One ads export: its path, and how its channel and columns are found. */
export interface SpendFile {
  path: string;
  /**
   * Every row of the file is this channel ("this file is LinkedIn"), as a sheet whose fixed channel
   * is set (src/addon/settings.ts SpendSheet): no channel column is read.
   */
  fixedChannel?: string;
  /** Column names given on the command line for this file. */
  columns?: Partial<Record<'spend' | 'day' | 'channel', string>>;
}

export interface ReportOptions {
  /** The ads exports, at least one, read as one table in this order. */
  spend: readonly SpendFile[];
  /** The meetings export, for the channel report (cpqm_report). */
  meetings?: string;
  /** The CRM's contacts export, for the funnel report: a channel and one date column per stage. */
  contacts?: string;
  /** The CRM's deals export, for the deals report. */
  deals?: string;
  /** The funnel and deals reports' view: activity (the default) or cohort. */
  view?: string;
  /** The mapping table as a CSV file with the headers Field, Value, Means. */
  mapping?: string;
  period?: string;
  /** The CPQM trend (cpqm_trend: period, channel, cpqm) instead of the report. */
  trend?: boolean;
  /** The deal's economics: adds Max CPQM, headroom and the verdict to each row. */
  economics?: Economics;
  /** Column names of the meetings file given on the command line. */
  columns?: {
    meetings?: Partial<Record<'outcome' | 'day' | 'channel', string>>;
    /** The contacts file's channel column, and its stage-date columns in funnel order. */
    contacts?: { channel?: string; stages?: readonly string[] };
    deals?: Partial<Record<DealField, string>>;
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

/** The flags that describe one spend file, each applying to the --spend it follows. */
export const SPEND_FILE_FLAGS = {
  'spend-fixed-channel': 'fixedChannel',
  'spend-channel': 'channel',
  'spend-amount': 'spend',
  'spend-day': 'day',
} as const;

type SpendFileFlag = keyof typeof SPEND_FILE_FLAGS;

/** One option as node:util parseArgs lists it with `tokens: true`. */
export interface OptionToken {
  kind: string;
  name?: string;
  value?: string | undefined;
}

/**
 * The spend files of a command line, in order: each --spend with the per-file flags that follow
 * it. With one --spend the flags may come anywhere, as they could before a second file existed.
 */
export function spendFilesFrom(tokens: readonly OptionToken[]): SpendFile[] {
  const options = tokens.filter((t) => t.kind === 'option');
  const single = options.filter((t) => t.name === 'spend').length === 1;
  const files: SpendFile[] = single
    ? [{ path: options.find((t) => t.name === 'spend')!.value ?? '' }]
    : [];
  for (const t of options) {
    if (t.name === 'spend') {
      if (!single) files.push({ path: t.value ?? '' });
      continue;
    }
    if (t.name === undefined || !(t.name in SPEND_FILE_FLAGS)) continue;
    const file = files.at(-1);
    if (!file) {
      throw new ReportError(
        `--${t.name} comes before any --spend: put it after the spend file it describes`,
      );
    }
    const field = SPEND_FILE_FLAGS[t.name as SpendFileFlag];
    const value = t.value ?? '';
    if (field === 'fixedChannel') {
      if (file.fixedChannel !== undefined) throw twice(t.name, file.path);
      file.fixedChannel = value;
    } else {
      if (file.columns?.[field] !== undefined) throw twice(t.name, file.path);
      file.columns = { ...file.columns, [field]: value };
    }
  }
  return files;
}

function twice(flag: string, path: string): ReportError {
  return new ReportError(
    `--${flag} is given twice for ${path}: give it once after each --spend it describes`,
  );
}
