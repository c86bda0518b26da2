/**
 * How text people type or export is matched. Labels from a fixed set
 * (meeting outcomes, deal statuses, checklist statuses, benchmark keys) are
 * typed by hand or pasted from a CRM, so their matching forgives case,
 * punctuation, spacing and filler words: "no-show", "NOT QUALIFIED BY ROLE"
 * and "qualified " all match. Channels are names, matched forgiving case and
 * spacing only; the mapping table's `*` patterns match channels the same way.
 * An export's totals row is told from data here too.
 */
import { show } from './format';
import { Problem } from './problem';

/** Words dropped from labels before matching ("not qualified BY role"); the SQL label key drops the same. */
export const FILLER = new Set([
  'a',
  'an',
  'the',
  'by',
  'due',
  'to',
  'of',
  'for',
  'on',
  'in',
  'at',
  'is',
]);

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

/** A channel as reports show it: surrounding and doubled spaces gone, case kept. */
export function channelName(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** How channels are matched: as shown, and case forgiven. */
export function channelKey(text: string): string {
  return channelName(text).toLowerCase();
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;

/**
 * A mapping-table value with `*` (any run of characters, none included) as a
 * test of channel keys: "Brand*" matches "brand – search uk". Case and spacing
 * are forgiven as channelKey forgives them.
 */
export function channelPattern(value: string): RegExp {
  const parts = channelKey(value).split('*');
  return new RegExp(`^${parts.map((p) => p.replace(REGEX_SPECIAL, '\\$&')).join('.*')}$`, 's');
}

/** Whether a mapping-table value is a pattern rather than one spelling. */
export function isPattern(value: string): boolean {
  return value.includes('*');
}

/**
 * An export's closing totals row as it reads once spacing is tidied
 * (channelName): Total, Total:, Totals, Total: All campaigns, Grand total, any
 * case. The one spelling of the pattern; the SQL forms are generated from it.
 */
export const TOTALS_ROW = /^(?:grand )?totals?(?:\s*[:\-–—].*)?$/i;

/** What every totals row starts with: most cells are rejected on this alone, without tidying. */
const TOTALS_START = /^\s*(?:grand|total)/i;

/** Whether a cell reads like an export's totals row (a date or number never does). */
export function isTotalsRow(value: unknown): boolean {
  return (
    typeof value === 'string' && TOTALS_START.test(value) && TOTALS_ROW.test(channelName(value))
  );
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
    aliases: readonly (readonly [string, T])[] = [],
  ) {
    accepted.forEach((label, k) => {
      this.byKey.set(labelKey(label), meanings[k]!);
    });
    for (const [alias, meaning] of aliases) this.byKey.set(labelKey(alias), meaning);
  }

  /** The meaning of a cell, or undefined when it spells none of the labels. */
  find(value: unknown): T | undefined {
    if (typeof value === 'string') {
      const known = this.seen.get(value);
      if (known !== undefined) return known;
    }
    const text =
      typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number'
        ? String(value)
        : undefined;
    const found = text === undefined ? undefined : this.byKey.get(labelKey(text));
    if (found !== undefined && typeof value === 'string' && this.seen.size < 1000) {
      this.seen.set(value, found);
    }
    return found;
  }

  /** The meaning of a cell, or a #VALUE! problem quoting it and listing the accepted labels. */
  read(arg: string, value: unknown, hint = ''): T {
    const found = this.find(value);
    if (found === undefined) {
      throw new Problem(
        '#VALUE!',
        `${arg} ${show(value)} is not one of the accepted labels`,
        `use one of: ${this.accepted.join(', ')}${hint}`,
      );
    }
    return found;
  }
}
