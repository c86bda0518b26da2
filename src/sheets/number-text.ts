/**
 * Text that holds a number (docs/ARGUMENT-RULES.md, rule 4). Connectors and
 * CSV imports put amounts into cells as text: "$172.45", "1,204",
 * "USD 1,204.50". A text is read only when it has exactly one reading; text
 * with two readings is refused with both, so a number is never a guess.
 *
 * The reading is linear in the text's length, and text longer than any
 * amount an export writes is not read at all, so a junk cell costs nothing.
 */
import { showNumber } from './format';

/** What a text can read as. */
export type TextReading =
  | { kind: 'number'; value: number }
  /** Two readings: `value` as the sheet's own convention reads it, `other` the other one. */
  | { kind: 'ambiguous'; value: number; other: number; why: string }
  | { kind: 'none'; hint?: string };

/** Which decorations a text may carry: currency for money, a percent sign for rates. */
export interface TextOptions {
  currency: boolean;
  percent: boolean;
}

/** Longer than "-USD 1,000,000,000,000,000.00%": no amount needs more. */
const MAX_NUMBER_TEXT = 48;

/**
 * sign, currency (a symbol such as $ £ € or a three-letter code), sign, then
 * the digits with their separators. Each part is a fixed character set that
 * the next part cannot start with, so matching never backtracks far.
 */
const AMOUNT = /^([+-]?)(?:(\p{Sc})|([A-Z]{3})(?=[\s\d.+-]))?\s?([+-]?)([\d.,]+)$/u;
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
/** "1.204,50": dots group thousands and a comma marks the decimals. */
const DECIMAL_COMMA = /^\d{1,3}(?:\.\d{3})+,\d+$|^\d+,\d{1,2}$/;

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
  const [, sign1, symbol, code, sign2, body] = m as unknown as string[];
  const hasCurrency = symbol !== undefined || code !== undefined;
  if (hasCurrency && !options.currency) return NONE;
  if (sign1 && sign2) return NONE;
  const negative = sign1 === '-' || sign2 === '-';
  const signed = (n: number) => (negative ? -n : n) / scale;

  if (PLAIN.test(body!)) return { kind: 'number', value: signed(Number(body)) };
  if (GROUPED.test(body!)) {
    const value = signed(Number(body!.replace(/,/g, '')));
    // "1,204": one group, no decimals, no currency: 1204 with a thousands comma, or 1.204 with a decimal comma.
    const oneGroup = body!.indexOf(',') === body!.lastIndexOf(',') && !body!.includes('.');
    if (oneGroup && !hasCurrency) {
      return {
        kind: 'ambiguous',
        value,
        other: signed(Number(body!.replace(',', '.'))),
        why: 'the comma may group thousands or mark decimals',
      };
    }
    return { kind: 'number', value };
  }
  if (DECIMAL_COMMA.test(body!)) {
    const european = Number(body!.replace(/\./g, '').replace(',', '.'));
    const dotted = Number(body!.replace(/,/g, ''));
    if (!body!.includes('.')) {
      return { kind: 'none', hint: `for ${body!.replace(',', '.')}, write a point for decimals` };
    }
    // "1.204.000,5": with two dots there is no dotted reading, so the text has one reading only,
    // a European-only amount, which is not an accepted form: say what to enter.
    if (Number.isNaN(dotted)) {
      const shown = showNumber(signed(european));
      return { kind: 'none', hint: `for ${shown}, enter ${shown}` };
    }
    return {
      kind: 'ambiguous',
      value: signed(european),
      other: signed(dotted),
      why: 'the dot may group thousands or mark decimals',
    };
  }
  return NONE;
}
