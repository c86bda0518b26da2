/**
 * Finding a column of the user's sheet by its header, the one way the
 * validator and the templates both do it. Headers are compared trimmed: a
 * stray space in a header cell cannot be seen in the sheet.
 */

/**
 * The 0-based columns whose trimmed header is `header` (itself trimmed):
 * none, one, or several when the header repeats. A blank header heads no
 * column, so empty header cells are never a match.
 */
export function columnsHeaded(headers: readonly string[], header: string): number[] {
  const wanted = header.trim();
  const out: number[] = [];
  if (wanted === '') return out;
  headers.forEach((h, k) => {
    if (h.trim() === wanted) out.push(k);
  });
  return out;
}
