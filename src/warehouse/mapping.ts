/**
 * The mapping table in SQL: the view funnel_mapping(field, value, means
 * [, source_row]) read as the sheet reads its mapping argument
 * (sheets/mapping.ts, docs/ARGUMENT-RULES.md rule 13). Rows count in
 * source_row order; a `*` in a Value stands for any run of characters; the
 * first row whose Value matches a channel or outcome wins.
 */
import { MAPPING_MEANINGS } from '../metrics/mapping-meanings';
import { IGNORE } from '../metrics/outcomes';
import { labelKey } from '../sheets/labels';
import { MAPPING_FIELDS, type MappingField } from '../sheets/mapping';
import type { Dialect } from './dialect';

/** The columns of the view, besides the optional `source_row`. */
export const MAPPING_VIEW = ['field', 'value', 'means'] as const;

/** The columns of an empty mapping table: a report with no mapping reads this. */
export function noMappingColumns(q: Dialect): string {
  return [
    ...MAPPING_VIEW.map((c) => `CAST(NULL AS ${q.text}) AS ${c}`),
    `CAST(NULL AS ${q.int}) AS source_row`,
  ].join(', ');
}

/** What funnel_outcome gives no label: the outcome of a meeting counted nowhere. */
export const IGNORED = 'ignore';

/** The characters a Value's key must have escaped to be read as a regular expression, all but `*`. */
const SPECIAL = '[.+?^$(){}|\\[\\]\\\\]';

function orList(words: readonly string[]): string {
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/**
 * The CTEs `mapping_rows` (every row with a Value and a Means, its place
 * in table order) and `mapping` (the rows the reports apply), and the
 * problems of the rows the sheet would refuse, as a SELECT of (problem_row,
 * kind, raw, detail) in the report's problems union.
 */
export function mappingSql(q: Dialect): { ctes: string; problems: string } {
  const f = (name: string, ...args: string[]) => q.call(name, args);
  const list = (words: readonly string[]) => words.map((w) => q.str(labelKey(w))).join(', ');
  const view = q.viewRows(q.object('funnel_mapping'), MAPPING_VIEW, 'source_row', q.int);
  const fields = orList(MAPPING_FIELDS);
  const cannotMean = (field: 'outcome' | 'deal status', what: string) =>
    q.message([
      '"',
      { sql: 'means' },
      `" is not something ${what} can mean; use one of: ${MAPPING_MEANINGS[field].join(', ')}`,
    ]);
  const key = (x: string) => f('funnel_channel_key', x);
  // channelPattern's test (sheets/labels.ts): the key with `*` as any run of characters.
  const pattern = `REPLACE(${q.regexReplaceAll('value_key', SPECIAL, '\\\\\\0')}, '*', '.*')`;

  const ctes = `mapping_rows AS (
  SELECT source_row, field, means, ${f('funnel_label_key', 'field')} AS field_key, ${key('value')} AS value_key,
    ${f('funnel_label_key', 'means')} AS means_key, ${key('means')} AS means_name_key,
    ROW_NUMBER() OVER (ORDER BY source_row NULLS LAST, field, value, means) AS place
  FROM (
    SELECT CAST(field AS ${q.text}) AS field, CAST(value AS ${q.text}) AS value,
      CAST(means AS ${q.text}) AS means, CAST(source_row AS ${q.int}) AS source_row
    FROM ${view}
  ) AS v
  -- A row with a blank Value or Means is skipped, as in the sheet.
  WHERE value IS NOT NULL AND value <> '' AND means IS NOT NULL AND means <> ''
),
mapping AS (
  SELECT field_key, place, means, means_key, value_key, STRPOS(value_key, '*') > 0 AS is_pattern,
    ${pattern} AS pattern
  FROM mapping_rows
  WHERE field_key IN (${list(MAPPING_FIELDS)}) AND value_key <> '' AND means_name_key <> ''
),`;

  const problems = `SELECT source_row AS problem_row, kind, field AS raw,
    CASE kind
      WHEN 1 THEN ${q.str(`the field is blank; use ${fields}`)}
      WHEN 2 THEN ${q.message(['field "', { sql: 'field' }, `" is not a field; use ${fields}`])}
      WHEN 3 THEN ${cannotMean('outcome', 'an outcome')}
      ELSE ${cannotMean('deal status', 'a deal status')}
    END AS detail
  FROM (
    SELECT source_row, field, means,
      CASE WHEN field IS NULL OR field = '' THEN 1
        WHEN field_key NOT IN (${list(MAPPING_FIELDS)}) THEN 2
        WHEN value_key = '' OR means_name_key = '' THEN 0
        WHEN field_key = ${q.str(labelKey('outcome'))} AND means_key NOT IN (${list(MAPPING_MEANINGS.outcome)}) THEN 3
        WHEN field_key = ${q.str(labelKey('deal status'))} AND means_key NOT IN (${list(MAPPING_MEANINGS['deal status'])}) THEN 4
        ELSE 0 END AS kind
    FROM mapping_rows
  ) AS m
  WHERE kind > 0`;
  return { ctes, problems };
}

/**
 * The first mapping row of `field` matching each `key` of `from` (a query with
 * columns `item` and `key`), as rows (item, means, means_key).
 */
export function firstMatch(q: Dialect, field: MappingField, from: string): string {
  return `SELECT item, means, means_key FROM (
    SELECT d.item, m.means, m.means_key, ROW_NUMBER() OVER (PARTITION BY d.item ORDER BY m.place) AS k
    FROM (${from}) AS d JOIN mapping AS m ON m.field_key = ${q.str(labelKey(field))}
      AND ((NOT m.is_pattern AND m.value_key = d.key) OR (m.is_pattern AND ${q.regexFullOf('d.key', 'm.pattern')}))
  ) AS x WHERE k = 1`;
}

/** Whether a Means, by its label key, says a meeting is counted nowhere. */
export function meansIgnore(q: Dialect, meansKey: string): string {
  return `${meansKey} = ${q.str(labelKey(IGNORE))}`;
}
