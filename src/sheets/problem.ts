/**
 * How a problem with an argument is described and reported
 * (docs/ARGUMENT-RULES.md, rule 8).
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

/**
 * The texts a cell shows for an error: Sheets' own ("#N/A", "#REF!") and the
 * per-element texts of a range result ("#DIV/0! meetings is 0"). Such a cell
 * passed on as an argument is the sheet's error to fix, not a value to read.
 */
const SHEET_ERROR = /^#(?:N\/A|REF!|DIV\/0!|VALUE!|NAME\?|NUM!|ERROR!|NULL!|SPILL!|CALC!)(?: |$)/;

export function isSheetError(text: string): boolean {
  return text.charCodeAt(0) === 35 && SHEET_ERROR.test(text);
}
