/**
 * Which column of a CSV file plays which role (channel, spend, outcome,
 * day): those named on the command line, the rest as the wizard suggests
 * them from the headers exports write (src/workbook/export-headers.ts).
 */
import { labelKey } from '../sheets/labels';
import { suggestTable, type TableKind } from '../workbook/export-headers';
import type { Column } from './csv-file';
import { ReportError } from './csv-options';

/**
 * The columns of one file for its roles: those named by flags, the rest as the wizard
 * suggests them from the headers (src/workbook/export-headers.ts). A required role with no column is an error naming the flag.
 */
export function pickColumns<F extends string>(
  file: string,
  columns: Column[],
  kind: TableKind<F>,
  named: Partial<Record<F, string>>,
  flags: Record<F, string>,
  required: readonly F[],
): Partial<Record<F, Column>> {
  const list = columns.map((c) => c.name).join(', ');
  const out: Partial<Record<F, Column>> = {};
  for (const field of kind.fields) {
    const name = named[field];
    if (name === undefined) continue;
    const found =
      columns.find((c) => c.name === name) ??
      columns.find((c) => labelKey(c.name) === labelKey(name));
    if (!found) {
      throw new ReportError(
        `${file} has no column "${name}" (${flags[field]}); its columns are: ${list}`,
      );
    }
    out[field] = found;
  }
  const taken = new Set(Object.values(out).map((c) => (c as Column).name));
  const suggested = suggestTable(
    columns.map((c) => c.name).filter((n) => !taken.has(n)),
    kind,
  ).columns;
  for (const field of kind.fields) {
    if (out[field] || suggested[field] === '') continue;
    out[field] = columns.find((c) => c.name === suggested[field]);
  }
  for (const field of required) {
    if (!out[field]) {
      const role = field === 'date' ? 'day' : field;
      throw new ReportError(
        `${file} has no column the report recognises as its ${role}; its columns are: ${list}. Name it with ${flags[field]}`,
      );
    }
  }
  return out;
}
