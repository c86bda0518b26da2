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

/**
 * 2026-01-05, with an optional time and zone after it as exports write them
 * ("2026-01-05 10:32", "2026-01-05T10:32:00Z"): the one text form of a date
 * read without doubt. The day is the one written; a time or zone never moves it.
 */
const ISO_DAY =
  /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/;

/** The day of an ISO date text, or undefined when the text is not one (or no such day exists). */
export function isoDay(text: string): Day | undefined {
  // Text arguments ask this of every label they read: an ASCII character after
  // '9' ("Paid search") starts no date, so most labels never reach the pattern.
  const first = text.charCodeAt(0);
  if (first > 57 && first < 128) return undefined;
  const m = ISO_DAY.exec(text);
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  // A day past the month's end (or day 00) rolls into another month, so the month alone tells.
  const check = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return check.getUTCMonth() === d.month - 1 ? d : undefined;
}

/** The day a cell holds as a date: a date cell, or ISO date text. */
export function cellDay(value: unknown): Day | undefined {
  if (typeof value === 'string') return isoDay(value);
  return isDate(value) && !Number.isNaN(value.getTime()) ? dayOf(value) : undefined;
}

/**
 * How the dates of a text argument read as labels: a column whose dates all
 * fall on the 1st is a column of months ("2026-01"); otherwise each date is
 * its day ("2026-01-05"). Date cells and ISO date text count alike, so a
 * column of "2026-01-01 09:00" texts reads as the same months as the dates
 * they stand for. Decided once for the whole argument, so one column never
 * mixes the two.
 */
export function dateLabels(values: unknown): (day: Day) => string {
  let months = true;
  let any = false;
  const visit = (v: unknown) => {
    const day = cellDay(v);
    if (day) {
      any = true;
      if (day.day !== 1) months = false;
    }
  };
  if (Array.isArray(values)) {
    for (const row of values) if (Array.isArray(row)) for (const v of row) visit(v);
  } else visit(values);
  return months && any ? monthText : dayText;
}
