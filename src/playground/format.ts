/** Number formats for the playground grid. */

/**
 * Enough of Sheets' number formats for the templates' own: a quoted prefix
 * or suffix ("£", "×"), grouping, fixed decimals and percent. Dates and
 * anything else show the plain number.
 */
export function formatNumber(value: number, pattern: string): string | undefined {
  const m = /^((?:"[^"]*")?)([#,0]*0(?:\.0+)?)(%?)((?:"[^"]*")?)$/.exec(pattern);
  if (!m) return undefined;
  const [, pre, digits, pct, post] = m as unknown as [string, string, string, string, string];
  const decimals = (digits.split('.')[1] ?? '').length;
  const text = (pct ? value * 100 : value).toLocaleString('en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: digits.includes(','),
  });
  const unquote = (s: string): string => s.replace(/^"|"$/g, '');
  return `${unquote(pre)}${text}${pct}${unquote(post)}`;
}
