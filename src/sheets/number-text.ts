/**
 * Text that holds a number (docs/ARGUMENT-RULES.md, rule 4). Connectors and
 * CSV imports put amounts into cells as text, written the exporter's way:
 * "$172.45", "USD 1,204.50", "1.204,50 €", "1 204,50". A text is read only
 * when it has exactly one reading; text with two readings ("1,204") is
 * refused with both, so a number is never a guess.
 *
 * The reading is linear in the text's length, and text longer than any
 * amount an export writes is not read at all, so a junk cell costs nothing.
 */

/** What a text can read as. */
export type TextReading =
  | { kind: 'number'; value: number }
  /** Two readings: `value` as the sheet's own convention reads it, `other` the other one. */
  | { kind: 'ambiguous'; value: number; other: number; why: string }
  | { kind: 'none' };

/**
 * The currency symbols that stand for one currency, by its code: "$950" and
 * "USD 950" are the same money. Any other symbol names a currency of its own
 * ("¥"), so it is never taken for another one.
 */
export const SYMBOL_CURRENCY: Readonly<Record<string, string>> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '₹': 'INR',
};

/** Which decorations a text may carry: currency for money, a percent sign for rates. */
export interface TextOptions {
  currency: boolean;
  percent: boolean;
}

/** Longer than "-USD 1,000,000,000,000,000.00%": no amount needs more. */
const MAX_NUMBER_TEXT = 48;

/**
 * sign, currency (a symbol such as $ £ € or a three-letter code), sign, the
 * digits with their separators (spaces only between digit groups), then a
 * currency after the amount. Neighbouring parts are drawn from disjoint
 * character sets, so matching never backtracks beyond one part.
 */
const AMOUNT =
  /^([+-]?)(?:(\p{Sc}|[A-Z]{3})\s*)?([+-]?)([\d.,]+(?:[ \u00A0\u202F][\d.,]+)*)(?:\s*(\p{Sc}|[A-Z]{3}))?$/u;

/**
 * The currency an amount's text names ("EUR 12,000", "12.000 €", "$950"): its
 * code, a symbol's code, or a symbol with no code; undefined for a number or a
 * bare amount. For text that reads as money (readNumberText).
 */
export function currencyOf(amount: unknown): string | undefined {
  if (typeof amount !== 'string') return undefined;
  // Most exported amounts are told by their ends, without the pattern: "1204.50", "$1,204.50",
  // "1.204,50 €" (an amount that starts with a digit has no currency before it).
  const first = amount.charCodeAt(0);
  if (first === DOLLAR) return SYMBOL_CURRENCY.$;
  const text = amount.trim();
  if (isDigit(first)) {
    if (isDigit(text.charCodeAt(text.length - 1))) return undefined;
    const symbol = SYMBOL_CURRENCY[text[text.length - 1]!];
    if (symbol !== undefined) return symbol;
  }
  const m = text.length > MAX_NUMBER_TEXT ? null : AMOUNT.exec(text);
  const named = m?.[2] ?? m?.[5];
  return named === undefined ? undefined : (SYMBOL_CURRENCY[named] ?? named);
}

const DOLLAR = 0x24;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Digits grouped by threes with spaces, as French and Nordic exports write them; either mark for decimals. */
const SPACED = /^([1-9]\d{0,2}(?:[ \u00A0\u202F]\d{3})+)(?:[.,](\d+))?$/;
/** One separator, repeated, grouping whole thousands: "1,204,000", "1.204.000". */
const GROUPS_ONLY = /^[1-9]\d{0,2}([.,])\d{3}(?:\1\d{3})*$/;
/** Thousands grouped with one separator, decimals after the other: "1,204.50", "1.204,50". */
const GROUPS_AND_DECIMALS = /^([1-9]\d{0,2}([.,])\d{3}(?:\2\d{3})*)([.,])(\d+)$/;
/** At most one separator: "1200", "0.35", ".5", "12.", "1204,50". */
const ONE_MARK = /^(\d*)([.,]?)(\d*)$/;

const NONE: TextReading = { kind: 'none' };

export function readNumberText(raw: string, options: TextOptions): TextReading {
  let text = raw.trim();
  if (text.length > MAX_NUMBER_TEXT) return NONE;
  let scale = 1;
  if (options.percent && text.endsWith('%')) {
    text = text.slice(0, -1).trimEnd();
    scale = 100;
  }
  const m = AMOUNT.exec(text);
  if (!m) return NONE;
  const [, sign1, before, sign2, body, after] = m as unknown as (string | undefined)[];
  if (before !== undefined && after !== undefined) return NONE;
  const hasCurrency = before !== undefined || after !== undefined;
  if (hasCurrency && !options.currency) return NONE;
  if (sign1 && sign2) return NONE;
  const negative = sign1 === '-' || sign2 === '-';
  const signed = (n: number) => (negative ? -n : n) / scale;
  const reading = readDigits(body!, hasCurrency);
  if (reading.kind === 'number') return { kind: 'number', value: signed(reading.value) };
  if (reading.kind === 'ambiguous') {
    return { ...reading, value: signed(reading.value), other: signed(reading.other) };
  }
  return NONE;
}

/**
 * The digits and separators of an amount. A separator followed by exactly
 * three digits may group thousands; anything else a separator can be is a
 * decimal mark, and the last of two different separators always is.
 */
function readDigits(body: string, hasCurrency: boolean): TextReading {
  const spaced = SPACED.exec(body);
  if (spaced) return number(wholeDigits(spaced[1]!), spaced[2]);
  if (GROUPS_ONLY.test(body)) {
    const mark = body[body.search(/[.,]/)]!;
    const value = Number(wholeDigits(body));
    // "1,204" or "1.204": one group, no currency to say it is an amount, no other decimals.
    if (body.indexOf(mark) === body.lastIndexOf(mark) && !hasCurrency) {
      const decimal = Number(body.replace(mark, '.'));
      return mark === ','
        ? ambiguous(value, decimal, 'the comma may group thousands or mark decimals')
        : ambiguous(decimal, value, 'the dot may group thousands or mark decimals');
    }
    return { kind: 'number', value };
  }
  const mixed = GROUPS_AND_DECIMALS.exec(body);
  if (mixed) return mixed[2] === mixed[3] ? NONE : number(wholeDigits(mixed[1]!), mixed[4]);
  const single = ONE_MARK.exec(body);
  if (!single) return NONE;
  const [, whole, mark, fraction] = single as unknown as string[];
  if (whole === '' && fraction === '') return NONE;
  // A decimal comma is written between digits; ".5" and "12." are plain decimals.
  if (mark === ',' && (whole === '' || fraction === '')) return NONE;
  return number(whole!, fraction);
}

/** The digits of a whole part, without its group separators. */
function wholeDigits(grouped: string): string {
  return grouped.replace(/[^\d]/g, '');
}

function number(whole: string, fraction: string | undefined): TextReading {
  return { kind: 'number', value: Number(`${whole || '0'}.${fraction ?? ''}`) };
}

function ambiguous(value: number, other: number, why: string): TextReading {
  return { kind: 'ambiguous', value, other, why };
}
