/**
 * Dates as Sheets builds them, and Apps Script's Utilities.formatDate, for
 * any IANA time zone. Sheets passes a date cell to a script as the instant
 * of midnight of that day in the spreadsheet's time zone.
 */
import type { Calendar } from '../../src/sheets/dates';

/** Minutes the zone is ahead of UTC at `instant`. */
function offsetMinutes(zone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((local - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant Sheets hands a script for the date cell year-month-day in `zone`. */
export function sheetsDate(zone: string, year: number, month: number, day: number): Date {
  const wall = Date.UTC(year, month - 1, day);
  let instant = wall - offsetMinutes(zone, wall) * 60_000;
  instant = wall - offsetMinutes(zone, instant) * 60_000;
  return new Date(instant);
}

/** Utilities.formatDate(date, timeZone, format), for the one pattern the add-on uses. */
export function formatDate(date: Date, timeZone: string, format: string): string {
  if (format !== 'yyyy-MM-dd') throw new Error(`formatDate: pattern ${format} is not faked`);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A calendar reading days in `zone`, as the add-on's does in the spreadsheet's zone. */
export function zoneCalendar(zone: string): Calendar {
  return (date) => {
    const [year, month, day] = formatDate(date, zone, 'yyyy-MM-dd').split('-').map(Number);
    return { year: year!, month: month!, day: day! };
  };
}

/** Zones from UTC−12 to UTC+14, with half and quarter hours and summer time among them. */
export const ZONES = [
  'Etc/GMT+12',
  'Pacific/Pago_Pago',
  'Pacific/Honolulu',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Sao_Paulo',
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Adelaide',
  'Pacific/Auckland',
  'Pacific/Tongatapu',
  'Pacific/Kiritimati',
] as const;
