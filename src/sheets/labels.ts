/**
 * Reading a cell as one of a fixed set of labels (meeting outcomes, checklist
 * statuses, benchmark keys). People type these by hand or paste them from a
 * CRM, so matching forgives case, punctuation, spacing and filler words:
 * "no-show", "NOT QUALIFIED BY ROLE" and "qualified " all match.
 */
import { show } from './format';
import { Problem } from './problem';

const FILLER = new Set(['a', 'an', 'the', 'by', 'due', 'to', 'of', 'for', 'on', 'in', 'at', 'is']);

/** Separators: whitespace, punctuation (the en dash of "Not qualified – role") and emoji variation marks. */
const SEPARATORS = /(?:[\s\p{P}]|\uFE0F)+/u;

const SYMBOLS = /\p{S}/gu;
const WORD = /[\p{L}\p{N}]/u;

/**
 * The spelling-insensitive key of a label: "Not qualified – role" →
 * "notqualifiedrole". Symbols decorate words ("✓ Met" is "met") but are the
 * label when there is nothing else ("✓").
 */
export function labelKey(text: string): string {
  const plain = WORD.test(text) ? text.replace(SYMBOLS, ' ') : text;
  return plain
    .toLowerCase()
    .split(SEPARATORS)
    .filter((word) => !FILLER.has(word))
    .join('');
}

/**
 * Looks labels up by key. Each entry maps a canonical label to what it means;
 * `aliases` adds other spellings (symbols such as ✓, or yes/no) for the same meaning.
 */
export class Labels<T> {
  private readonly byKey = new Map<string, T>();
  /** Logs repeat a handful of spellings thousands of times: remember what each one meant. */
  private readonly seen = new Map<string, T>();

  constructor(
    /** The canonical labels, listed in messages. */
    readonly accepted: readonly string[],
    meanings: readonly T[],
    aliases: readonly [string, T][] = [],
  ) {
    accepted.forEach((label, k) => {
      this.byKey.set(labelKey(label), meanings[k]!);
    });
    for (const [alias, meaning] of aliases) this.byKey.set(labelKey(alias), meaning);
  }

  /** The meaning of a cell, or a #VALUE! problem quoting it and listing the accepted labels. */
  read(arg: string, value: unknown): T {
    if (typeof value === 'string') {
      const known = this.seen.get(value);
      if (known !== undefined) return known;
    }
    const text =
      typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number'
        ? String(value)
        : undefined;
    const found = text === undefined ? undefined : this.byKey.get(labelKey(text));
    if (found === undefined) {
      throw new Problem(
        '#VALUE!',
        `${arg} ${show(value)} is not one of the accepted labels`,
        `use one of: ${this.accepted.join(', ')}`,
      );
    }
    if (typeof value === 'string' && this.seen.size < 1000) this.seen.set(value, found);
    return found;
  }
}
