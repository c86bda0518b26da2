/**
 * Values between JavaScript and ZetaSQL: SQL literals for the queries, and
 * the cells of a result (a ValueProto with one field set, none for NULL).
 */
import type { Message } from './service';

/** A FLOAT64 literal that reads back as exactly `x`, NaN and ±Infinity included. */
export function float64(x: number | null): string {
  if (x === null) return 'CAST(NULL AS FLOAT64)';
  if (Number.isNaN(x)) return "CAST('nan' AS FLOAT64)";
  if (!Number.isFinite(x)) return `CAST('${x > 0 ? '' : '-'}inf' AS FLOAT64)`;
  return `CAST('${x}' AS FLOAT64)`;
}

const EPOCH_DAY = Date.UTC(1970, 0, 1);
const DAY_MS = 86_400_000;

/** A table cell for a column of the given ZetaSQL type. */
export function cell(value: string | number | null | undefined, type: string): Message {
  if (value === null || value === undefined) return {};
  switch (type) {
    case 'TYPE_DOUBLE':
      return { doubleValue: value };
    case 'TYPE_INT64':
      return { int64Value: String(value) };
    case 'TYPE_STRING':
      return { stringValue: value };
    case 'TYPE_DATE':
      return { dateValue: (Date.parse(`${value}T00:00:00Z`) - EPOCH_DAY) / DAY_MS };
    default:
      throw new Error(`no cell for ${type}`);
  }
}

/** A result cell as JavaScript reads it: numbers as numbers (INT64 too), NULL as null. */
export function plain(value: Message): string | number | boolean | null {
  switch (value.value) {
    case undefined:
      return null;
    case 'doubleValue':
    case 'stringValue':
    case 'boolValue':
      return value[value.value];
    case 'int64Value':
      return Number(value.int64Value);
    default:
      throw new Error(`a result cell of kind ${value.value}`);
  }
}

/** The rows of a query's result as objects keyed by column name. */
export function resultRows(response: Message): Record<string, string | number | boolean | null>[] {
  const names: string[] = response.prepared.columns.map((c: Message) => c.name);
  const rows: Message[] = response.content?.tableData?.row ?? [];
  return rows.map((row) =>
    Object.fromEntries((row.cell ?? []).map((v: Message, k: number) => [names[k], plain(v)])),
  );
}

/** An error reply's message without gRPC's status prefix ("11 OUT_OF_RANGE: "). */
export function reason(error: unknown): string {
  return (error as Error).message.replace(/^\d+ [A-Z_]+: /, '');
}
