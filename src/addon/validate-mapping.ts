/**
 * The mapping table's rows as the wizard sends them: a field, a value and
 * what it means, the meaning one the field allows.
 */

import { MAPPING_MEANINGS } from '../metrics/mapping-meanings';
import { quote } from '../sheets/format';
import { MAPPING_FIELDS } from '../sheets/mapping';
import type { MappingRow } from './settings';
import { type Checker, isObj, LIMITS } from './validate-checker';

export function checkMapping(c: Checker, v: unknown): MappingRow[] | undefined {
  if (v == null) return [];
  if (!Array.isArray(v)) return c.fail('The mapping rows are missing; reopen the wizard.');
  if (v.length > LIMITS.maxMappingRows) {
    return c.fail(`Use at most ${LIMITS.maxMappingRows} mapping rows (you have ${v.length}).`);
  }
  const before = c.errors.length;
  const out = v.map((r: unknown, k): MappingRow | undefined => {
    const at = c.at(k);
    if (!isObj(r)) return at.fail(`Mapping row ${k + 1} is missing its value and meaning.`);
    const field = MAPPING_FIELDS.find((f) => f === r.field);
    if (!field) at.at('field').fail(`Choose what row ${k + 1} maps: ${MAPPING_FIELDS.join(', ')}.`);
    const value = at
      .at('value')
      .text(r.value, `the value of mapping row ${k + 1}`, LIMITS.mappingValueLength);
    const means = at
      .at('means')
      .text(r.means, `what ${value ? quote(value) : `row ${k + 1}`} means`, LIMITS.nameLength);
    if (
      field &&
      field !== 'channel' &&
      means !== undefined &&
      !MAPPING_MEANINGS[field].includes(means)
    ) {
      at.at('means').fail(
        `Choose what ${value ? quote(value) : `row ${k + 1}`} means: ${MAPPING_MEANINGS[field].join(', ')}.`,
      );
    }
    return field && value !== undefined && means !== undefined
      ? { field, value, means }
      : undefined;
  });
  return c.errors.length > before ? undefined : (out as MappingRow[]);
}
