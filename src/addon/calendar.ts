/**
 * Dates on the spreadsheet's calendar in Apps Script (docs/ARGUMENT-RULES.md,
 * rule 12): Sheets passes a date cell as midnight in the spreadsheet's time
 * zone, which is not the script's, so the day is read in the spreadsheet's
 * zone. The zone is read once, on the first date met, and a log's few
 * hundred distinct days are each formatted once.
 */
import type { Calendar, Day } from '../sheets/dates';

export function appsScriptCalendar(): Calendar {
  let zone: string | undefined;
  const days = new Map<number, Day>();
  return (date) => {
    const time = date.getTime();
    const known = days.get(time);
    if (known) return known;
    zone ??= SpreadsheetApp.getActive().getSpreadsheetTimeZone();
    const [year, month, day] = Utilities.formatDate(date, zone, 'yyyy-MM-dd')
      .split('-')
      .map(Number);
    const found = { year: year!, month: month!, day: day! };
    if (days.size < 10_000) days.set(time, found);
    return found;
  };
}
