/**
 * Pieces of native-formula expansions: formulas that compute what a custom
 * function computes with built-in Sheets functions only, so a "portable" tab
 * keeps working for collaborators without the add-on and on mobile.
 * Each takes cell references (or formulas) and returns formula text without `=`.
 */

/** Blank in any required argument gives blank, as the custom functions do. */
export function blankGuard(refs: string[], formula: string): string {
  return `IF(OR(${refs.map((r) => `${r}=""`).join(',')}),"",${formula})`;
}

/** An optional argument's value, its default when omitted or blank. */
export function orDefault(ref: string | undefined, fallback: string): string {
  return ref === undefined ? fallback : `IF(${ref}="",${fallback},${ref})`;
}
