/**
 * The mapping table (docs/ARGUMENT-RULES.md, rule 13): the user's own
 * spellings of channels, meeting outcomes and deal statuses, as rows of
 * `Field, Value, Means`. It is read once per call, before the function
 * runs, and handed to it parsed; a row the table cannot mean is a mistake
 * for the whole call, named by its row, because a mapping half applied
 * would give numbers that look right and are not.
 */
import { isBlank, toText } from './coerce';
import { show } from './format';
import { channelKey, channelName, channelPattern, isPattern, labelKey } from './labels';
import { CallError } from './problem';
import { isRange, shapeOf, showShape } from './shapes';

/** The fields a mapping row may name, spelled as users write them (any case). */
export const MAPPING_FIELDS = ['channel', 'outcome', 'deal status'] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];

/**
 * The Means each labelled field allows, in its canonical spelling: the
 * functions' own labels (outcomes and deal statuses are defined in metrics/,
 * which hands them in). A channel's Means is any name.
 */
export type MappingMeanings = Readonly<Record<Exclude<MappingField, 'channel'>, readonly string[]>>;

/** Cells looked up per call are remembered up to this many: what a huge table may cost. */
const CACHE_LIMIT = 200_000;

/** The rows of one field, in table order: the first row whose Value matches a cell wins. */
export class MappingRules {
  /** Each exact Value's key, to the first row giving it. */
  private readonly exact = new Map<string, number>();
  /** Pattern rows in table order, by their row's place among this field's rows. */
  private readonly patterns: { at: number; test: RegExp }[] = [];
  private readonly means: string[] = [];
  private readonly seen = new Map<string, string | null>();

  add(value: string, means: string): void {
    const at = this.means.length;
    this.means.push(means);
    if (isPattern(value)) this.patterns.push({ at, test: channelPattern(value) });
    else {
      const key = channelKey(value);
      if (!this.exact.has(key)) this.exact.set(key, at);
    }
  }

  get size(): number {
    return this.means.length;
  }

  /** The Means of the first row whose Value matches the text, or undefined when none does. */
  lookup(text: string): string | undefined {
    if (this.means.length === 0) return undefined;
    const known = this.seen.get(text);
    if (known !== undefined) return known ?? undefined;
    const key = channelKey(text);
    const exactAt = this.exact.get(key) ?? this.means.length;
    let at = exactAt;
    for (const p of this.patterns) {
      if (p.at > exactAt) break;
      if (p.test.test(key)) {
        at = p.at;
        break;
      }
    }
    const found = at < this.means.length ? this.means[at]! : undefined;
    if (this.seen.size < CACHE_LIMIT) this.seen.set(text, found ?? null);
    return found;
  }
}

/** A mapping table read for one call. */
export interface Mapping {
  channel: MappingRules;
  outcome: MappingRules;
  dealStatus: MappingRules;
}

/** The table of a call without one: every lookup finds nothing. */
export function noMapping(): Mapping {
  return {
    channel: new MappingRules(),
    outcome: new MappingRules(),
    dealStatus: new MappingRules(),
  };
}

const HEADER = ['field', 'value', 'means'];
const FIELD_BY_KEY = new Map(MAPPING_FIELDS.map((f) => [labelKey(f), f] as const));

/** A Value or Means cell as text: what a CRM's export holds may be a number or TRUE. */
function cellText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return toText('mapping', value);
}

/**
 * Reads the `mapping` argument: omitted or blank is no table; otherwise a
 * range of three columns, a first row of the words Field, Value, Means is a
 * header, a row with a blank Value or Means is skipped, and an unknown field
 * or a Means its field does not allow is a CallError naming the row of the
 * mapping range.
 */
export function readMapping(value: unknown, meanings: MappingMeanings): Mapping {
  const mapping = noMapping();
  if (!isRange(value)) {
    if (isBlank(value)) return mapping;
    throw new CallError(
      `mapping ${show(value)} is a single value; give a range of three columns: Field, Value, Means`,
    );
  }
  const shape = shapeOf(value);
  if (shape.rows === 0) return mapping;
  if (shape.rows === 1 && shape.cols === 1 && isBlank((value[0] as unknown[])[0])) return mapping;
  if (shape.cols !== 3) {
    throw new CallError(
      `mapping is ${showShape(shape)}; give a range of three columns: Field, Value, Means`,
    );
  }
  const canonical = {
    outcome: new Map(meanings.outcome.map((m) => [labelKey(m), m] as const)),
    'deal status': new Map(meanings['deal status'].map((m) => [labelKey(m), m] as const)),
  };
  const header = value[0] as unknown[];
  const start = header.every((c, k) => typeof c === 'string' && labelKey(c) === HEADER[k]) ? 1 : 0;
  for (let i = start; i < shape.rows; i++) {
    const [fieldCell, valueCell, meansCell] = value[i] as unknown[];
    if (isBlank(valueCell) || isBlank(meansCell)) continue;
    const row = `mapping row ${i + 1}`;
    try {
      const field =
        typeof fieldCell === 'string' ? FIELD_BY_KEY.get(labelKey(fieldCell)) : undefined;
      if (isBlank(fieldCell)) {
        throw new CallError(`${row}: the field is blank; use channel, outcome or deal status`);
      }
      if (!field) {
        throw new CallError(
          `${row}: field ${show(fieldCell)} is not a field; use channel, outcome or deal status`,
        );
      }
      const text = cellText(valueCell);
      const means = cellText(meansCell);
      // Spaces alone are as blank as an empty cell.
      if (channelKey(text) === '' || channelKey(means) === '') continue;
      if (field === 'channel') {
        mapping.channel.add(text, channelName(means));
        continue;
      }
      const found = canonical[field].get(labelKey(means));
      if (found === undefined) {
        throw new CallError(
          `${row}: ${show(means)} is not something ${field === 'outcome' ? 'an outcome' : 'a deal status'} can mean; use one of: ${meanings[field].join(', ')}`,
        );
      }
      (field === 'outcome' ? mapping.outcome : mapping.dealStatus).add(text, found);
    } catch (e) {
      if (e instanceof CallError) throw e;
      // A Value or Means that is no text (an error value, a stray object) names the row too.
      throw new CallError(`${row}: ${(e as Error).message}`);
    }
  }
  return mapping;
}
