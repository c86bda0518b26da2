/**
 * Reading dates as the calendar day a cell shows (docs/ARGUMENT-RULES.md,
 * rule 12).
 *
 * Sheets passes a date cell as a `Date` at midnight in the spreadsheet's time
 * zone, and the script's own zone is not the user's. Midnight from UTC−12 to
 * UTC+14 spans 26 hours of UTC instants, so no rounding of the instant finds
 * the day for every zone: the day is read in the spreadsheet's zone, through
 * a `Calendar` the host installs (Apps Script reads the spreadsheet's zone;
 * elsewhere the process's own zone is used). Other engines pass serial
 * numbers (days since 1899-12-30), which are read as the same days.
 */

/** A calendar day; month 1–12. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** Places an instant on its calendar day in the spreadsheet's time zone. */
export type Calendar = (date: Date) => Day;

/** Dates arrive from Sheets as `Date` objects, possibly from another realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The process's own time zone: right wherever the engine and the process share a zone. */
const localCalendar: Calendar = (date) => ({
  year: date.getFullYear(),
  month: date.getMonth() + 1,
  day: date.getDate(),
});

let calendar: Calendar = localCalendar;

/** Installs how dates are placed on days (the host's knowledge of the spreadsheet's zone). */
export function useCalendar(next: Calendar | undefined): void {
  calendar = next ?? localCalendar;
}

/** The calendar day of a date as the spreadsheet shows it. */
export function dayOf(date: Date): Day {
  return calendar(date);
}

const MS_PER_DAY = 86_400_000;
/** Serial day 0, 1899-12-30, as days since 1970-01-01. */
const SERIAL_EPOCH = -25_569;

/** The day of a serial number (its whole part: a time of day does not move the day). */
export function serialDay(serial: number): Day {
  const date = new Date((Math.floor(serial) + SERIAL_EPOCH) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Days since 1970-01-01 of a calendar day, for ordering and weekday arithmetic. */
export function epochDay(d: Day): number {
  return Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 2026-01-05 */
export function dayText(d: Day): string {
  return `${d.year}-${two(d.month)}-${two(d.day)}`;
}

/** 2026-01 */
export function monthText(d: Day): string {
  return `${d.year}-${two(d.month)}`;
}
