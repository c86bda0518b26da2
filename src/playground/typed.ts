/**
 * What the formula bar shows for a cell's content. Text is stored with a
 * leading apostrophe (plan.ts cellInput) so it is never parsed; Sheets shows
 * that apostrophe only where typing the text without it would give something
 * else — a number, a date, TRUE or FALSE, a formula — so `Channel` shows as
 * typed and `'$332.37` keeps the mark that keeps it text.
 */

/** Text a spreadsheet would read as a number, a date or a time: digits with signs, separators and symbols only. */
const NUMBER_LIKE = /^[\s\d$£€¥+\-.,:%/()]*\d[\s\d$£€¥+\-.,:%/()eE]*$/;
const SPECIAL = /^(true|false)$/i;
/** Input that starts a formula, or an apostrophe the text itself begins with. */
const FORMULA_START = /^[=+\-']/;

export function asTyped(content: string): string {
  if (!content.startsWith("'")) return content;
  const text = content.slice(1);
  const needsMark = NUMBER_LIKE.test(text) || SPECIAL.test(text.trim()) || FORMULA_START.test(text);
  return needsMark ? content : text;
}
