/**
 * The argument help of the mapping table, shared by every function that
 * takes one, so it reads the same everywhere.
 */
export const MAPPING_DOC =
  'Optional. Rows of Field, Value, Means naming your own spellings: channel (Brand* for any text starting Brand), outcome (a label, or Ignore) or deal status (Won, Lost, Open); the first matching row wins; default none.';
