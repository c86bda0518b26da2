/**
 * How Sheets shows a number in a number format, for the playground grid and
 * the function reference. Enough of Sheets' formats for the templates' own: a quoted prefix
 * or suffix ("£", "×"), grouping, fixed decimals and percent, and dates as
 * yyyy-mm-dd. Anything else shows the plain number.
 */
export function formatNumber(value: number, pattern: string): string | undefined {
  if (pattern === 'yyyy-mm-dd') return serialDate(value);
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

/** A serial day number (days since 1899-12-30) as 2026-01-05. */
function serialDate(serial: number): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  return new Date((Math.floor(serial) - 25_569) * 86_400_000).toISOString().slice(0, 10);
}
