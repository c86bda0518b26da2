/** Words in messages and labels: a lower-case name as a label, a list as a sentence. */

/** "booked meetings" → "Booked meetings": field names are kept lower case for sentences. */
export function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "A", "A and B", "A, B and C". */
export function listed(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A message ended as a sentence, so another can follow it: "flush" → "flush.". */
export function sentence(message: string): string {
  const text = message.trimEnd();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
