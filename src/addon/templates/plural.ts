/**
 * The plural of a stage name in a label ("Customers needed"). Stage names
 * are the user's: a name already plural, or a noun followed by what
 * happened to it ("Meeting held"), is handled; acronyms take an "s" ("SQLs").
 */
export function plural(name: string): string {
  const words = name.trim().split(/\s+/);
  const last = words.length - 1;
  // "Meeting held", "Deal closed": the noun is the first word.
  const at = last > 0 && /(ed|held|won|lost)$/i.test(words[last]!) ? 0 : last;
  words[at] = pluralWord(words[at]!);
  return words.join(' ');
}

function pluralWord(word: string): string {
  if (/^[A-Z0-9]+$/.test(word)) return `${word}s`;
  if (/s$/i.test(word) && !/(ss|us)$/i.test(word)) return word;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}
