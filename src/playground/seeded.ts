/**
 * What makes the sample the same on every run and every machine: a seeded
 * generator instead of Math.random, and a fixed calendar instead of today.
 */
import { isoWeekday } from '../metrics/period';
import { dayText, serialDay } from '../sheets/dates';

/** A small, fast, seeded generator (mulberry32): the same sequence on every machine. */
export function random(start: number): () => number {
  let a = start >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One of the items, picked by the generator. */
export function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

/** 2026-01-05 (a Monday) as a spreadsheet serial number: the sample's first day. */
export const FIRST_DAY = 46_027;
/** Twelve weeks: 2026-01-05 to 2026-03-29, three calendar months. */
export const DAYS = 84;
/** The day the CRM was exported: nothing after it has happened yet. */
export const LAST_DAY = FIRST_DAY + DAYS - 1;

export function isWeekend(serial: number): boolean {
  return isoWeekday(serialDay(serial)) >= 5;
}

export const cents = (n: number) => Math.round(n * 100) / 100;

/** "1,204.50", as exports write amounts into text cells. */
export const amountText = (n: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A serial date and time as CRMs export it: "2026-01-15 10:32". */
export function dateTimeText(serial: number): string {
  const minutes = Math.round((serial - Math.floor(serial)) * 24 * 60);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${dayText(serialDay(serial))} ${hh}:${mm}`;
}
