/** What every template builder shares: its inputs and the number formats. */
import type { Plan } from '../../workbook/plan';
import type { WorkbookSheet } from '../../workbook/workbook';
import type { TabUpdates } from '../api';
import type { Settings, TemplateId } from '../settings';

/** What a template builder returns. */
export type TemplatePlan = Plan<TemplateId>;

/** A builder's whole input: the validated settings and the sheets mapped channels refer to. */
export interface BuildContext {
  settings: Settings;
  sheets: readonly WorkbookSheet[];
  /**
   * Every tab's name, chart sheets too, for templates that refer to another
   * new tab by the name it will get; asked only then (it costs spreadsheet calls).
   */
  tabNames?: () => readonly string[];
  /** For each template rebuilt in place, the tab it is rebuilt on: another tab refers to it by that name. */
  updates?: TabUpdates;
  /**
   * The cells of a column of a sheet below its header row, for templates
   * that must see the data (the Channel report lists the channels and
   * periods there are). Absent where there is no spreadsheet to read.
   */
  read?: (sheet: string, col: number) => unknown[];
}

export interface Formats {
  money: string;
  cents: string;
  percent: string;
  count: string;
  multiple: string;
  date: string;
}

export function formats(currency: string): Formats {
  // Letter codes read better with a space: "CHF 1,200", "£1,200".
  const symbol = /[A-Za-z]$/.test(currency) ? `${currency} ` : currency;
  const quoted = `"${symbol}"`;
  return {
    money: `${quoted}#,##0`,
    cents: `${quoted}#,##0.00`,
    percent: '0.0%',
    count: '#,##0',
    multiple: '0.0"×"',
    date: 'yyyy-mm-dd',
  };
}
