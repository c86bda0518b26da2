/**
 * How a problem with an argument is described and reported (SPEC §1.8).
 *
 * A `Problem` is thrown by coercion and by the functions themselves. The
 * runner turns it into an `Error` for single-value calls (Sheets shows the
 * message under `#ERROR!`) or into a short text for one element of a range
 * call, so one bad row never sinks the whole column.
 */

export type ErrorCode = '#VALUE!' | '#NUM!' | '#DIV/0!' | '#N/A' | '#REF!';

export class Problem extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Starts with the argument's name: `meetings is 0`. */
    readonly text: string,
    /** What it means or what to do, shown only in the long message. */
    readonly detail = '',
  ) {
    super(`${text}${detail ? `, ${detail}` : ''} (${code})`);
  }

  /** The message of a single-value call: `CPQM: meetings is 0, … (#DIV/0!)`. */
  messageFor(fn: string): string {
    return `${fn}: ${this.message}`;
  }

  /** The text a range element shows in its cell: `#DIV/0! meetings is 0`. */
  get cellText(): string {
    return `${this.code} ${this.text}`;
  }
}

/**
 * Errors that are the caller's mistake for the whole call (shape mismatch,
 * unknown option): they always throw, even inside a range call.
 */
export class CallError extends Error {}

export function divByZero(arg: string, detail: string): Problem {
  return new Problem('#DIV/0!', `${arg} is 0`, detail);
}

/** Shows a cell value the way the user typed it, for messages. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return showNumber(value);
  if (isDate(value)) return dateText(value);
  if (value === null || value === undefined) return 'blank';
  return String(value);
}

/** Numbers without floating-point noise: 0.1 + 0.2 shows as 0.3. */
export function showNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number.parseFloat(value.toPrecision(12)));
}

/** Dates arrive from Sheets as `Date` objects, possibly from another realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * The calendar day in the script's time zone, which is the day the cell
 * shows: Sheets passes a date cell as its local midnight, so in summer time
 * the UTC day (toISOString) is the day before.
 */
function dateText(value: Date): string {
  const date = new Date(value.getTime());
  if (Number.isNaN(date.getTime())) return 'an invalid date';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}
