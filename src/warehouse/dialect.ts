/**
 * The few places where DuckDB and BigQuery SQL differ, behind one object.
 * Everything else (CASE, NULLIF, COALESCE, arithmetic, window functions,
 * `||`, LOWER, TRIM) is written once and is the same text in both.
 *
 * Every hook takes SQL expression text and returns SQL expression text.
 * The part the catalogue's SQL forms use is SqlOps (src/metrics/spec.ts).
 */
import type { SqlMessagePart, SqlOps } from '../metrics/spec';

/**
 * A piece of a message: plain text (becomes a string literal), a SQL value
 * (shown as text, "blank" when NULL) or a number (shown as messages show numbers).
 */
export type Part = SqlMessagePart;

export interface Dialect extends SqlOps {
  readonly id: 'duckdb' | 'bigquery';
  readonly float: string;
  readonly int: string;
  readonly text: string;
  readonly date: string;

  /** A string literal. */
  str(text: string): string;
  /** A regular-expression literal (RE2 in both engines). */
  re(pattern: string): string;
  /** A call of one of the generated helper functions (BigQuery needs the dataset). */
  call(helper: string, args: readonly string[]): string;

  /** Raises an error whose message is the string expression `message`. */
  error(message: string): string;
  /** Message text with SQL values spliced in; NULL parts show as "blank". */
  message(parts: readonly Part[]): string;
  /** A number as messages show it: 12 significant digits, no float noise (60, 0.6, 135.714285714). */
  showNumber(x: string): string;
  /** The same for a value that may be NaN or ±Infinity, shown as JavaScript shows them. */
  showAnyNumber(x: string): string;

  /** n / d, NULL when d is 0: where a sheet cell shows #DIV/0!, SQL gives NULL. */
  div(n: string, d: string): string;
  /**
   * n / (f1 * f2 * …), NULL when any factor is 0 — as the sheet checks each factor, so a
   * product that underflows to 0 is not mistaken for a zero divisor.
   */
  divByProduct(n: string, factors: readonly string[]): string;
  /** Integer quotient and remainder of non-negative integers. */
  intDiv(n: string, d: string): string;
  mod(n: string, d: string): string;
  isFinite(x: string): string;
  /** CAST that gives NULL where the text is not a value of the type. */
  tryCast(x: string, type: string): string;
  regexFull(s: string, pattern: string): string;
  regexContains(s: string, pattern: string): string;
  regexReplaceAll(s: string, pattern: string, replacement: string): string;
  /** The first capture group of the pattern's first match in s, NULL when none. */
  regexExtract(s: string, pattern: string): string;
  /** Whether all of s matches a pattern computed in SQL (`.` matching any character, newlines too). */
  regexFullOf(s: string, pattern: string): string;

  /** Aggregates with a condition (FILTER in DuckDB, IF inside in BigQuery). */
  countIf(cond: string): string;
  minIf(x: string, cond: string): string;
  sumIf(x: string, cond: string): string;
  /** x on the first row (by `order`, NULLs last) where cond holds; the least x when `order` is NULL throughout. */
  firstIf(x: string, cond: string, order: string): string;

  /**
   * The rows of a view the user defines, as `columns` plus `optional`. DuckDB adds `optional` as
   * NULL when the view lacks it; BigQuery reads every column by name, so there the view lists
   * `optional` too (NULL when the table has no such column; see docs/WAREHOUSE.md). `more` are
   * further optional columns, by name and type, read the same way.
   */
  viewRows(
    view: string,
    columns: readonly string[],
    optional: string,
    type: string,
    more?: Readonly<Record<string, string>>,
  ): string;

  /**
   * Written between a CTE's name and its body (`name AS ${inlined}(…)`) where reading its source
   * again is cheaper than holding every row: DuckDB keeps a CTE read twice in memory unless told
   * NOT MATERIALIZED (and keeps one that reads a file even then, so a view is read twice by two
   * CTEs instead); BigQuery decides by itself.
   */
  readonly inlined: string;

  /** Statement builders. */
  scalarFunction(f: ScalarDefinition): string;
  tableFunction(f: TableDefinition): string;
  /** A fully qualified object name: a view the user defines, or a generated function. */
  object(name: string): string;
}

export interface ScalarDefinition {
  name: string;
  params: { name: string; type: string; optional?: boolean }[];
  returns: string;
  body: string;
  comment?: string;
}

export interface TableDefinition {
  name: string;
  params: { name: string; type: string; optional?: boolean }[];
  body: string;
  comment?: string;
}

function joinParts(
  parts: readonly Part[],
  str: (s: string) => string,
  orBlank: (x: string) => string,
  showNumber: (x: string) => string,
  showAnyNumber: (x: string) => string,
): string {
  // Adjacent literals become one literal.
  const merged: Part[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if (typeof p === 'string' && typeof last === 'string') merged[merged.length - 1] = last + p;
    else if (p !== '') merged.push(p);
  }
  const pieces = merged.map((p) =>
    typeof p === 'string'
      ? str(p)
      : 'sql' in p
        ? orBlank(p.sql)
        : 'num' in p
          ? showNumber(p.num)
          : showAnyNumber(p.anyNum),
  );
  return pieces.length === 1 ? pieces[0]! : `(${pieces.join(' || ')})`;
}

function divByProduct(
  n: string,
  factors: readonly string[],
  divide: (n: string, d: string) => string,
): string {
  if (factors.length === 1) return divide(n, `NULLIF(${factors[0]}, 0)`);
  return `CASE WHEN ${factors.map((f) => `${f} = 0`).join(' OR ')} THEN NULL ELSE ${divide(n, `(${factors.join(' * ')})`)} END`;
}

function comment(text: string | undefined): string {
  return text ? `${text.replace(/^/gm, '-- ')}\n` : '';
}

export const duckdb: Dialect = {
  id: 'duckdb',
  float: 'DOUBLE',
  int: 'BIGINT',
  text: 'VARCHAR',
  date: 'DATE',
  str: (text) => `'${text.replace(/'/g, "''")}'`,
  re: (pattern) => `'${pattern.replace(/'/g, "''")}'`,
  call: (helper, args) => `${helper}(${args.join(', ')})`,
  error: (message) => `error(${message})`,
  message(parts) {
    return joinParts(
      parts,
      this.str,
      (x) => `coalesce(CAST(${x} AS VARCHAR), 'blank')`,
      this.showNumber,
      this.showAnyNumber,
    );
  },
  showNumber: (x) => `printf('%.12g', ${x})`,
  showAnyNumber: (x) =>
    `CASE WHEN isnan(${x}) THEN 'NaN' WHEN ${x} = 'Infinity'::DOUBLE THEN 'Infinity' WHEN ${x} = '-Infinity'::DOUBLE THEN '-Infinity' ELSE printf('%.12g', ${x}) END`,
  div: (n, d) => `(${n}) / NULLIF(${d}, 0)`,
  divByProduct: (n, fs) => divByProduct(n, fs, (a, b) => `(${a}) / ${b}`),
  // DuckDB's * gives ±Infinity beyond the range already.
  mul: (a, b) => `(${a}) * (${b})`,
  intDiv: (n, d) => `((${n}) // ${d})`,
  mod: (n, d) => `((${n}) % ${d})`,
  isFinite: (x) => `isfinite(${x})`,
  tryCast: (x, type) => `TRY_CAST(${x} AS ${type})`,
  regexFull: (s, p) => `regexp_full_match(${s}, ${duckdb.re(p)})`,
  regexContains: (s, p) => `regexp_matches(${s}, ${duckdb.re(p)})`,
  regexReplaceAll: (s, p, r) => `regexp_replace(${s}, ${duckdb.re(p)}, ${duckdb.str(r)}, 'g')`,
  regexExtract: (s, p) =>
    `CASE WHEN regexp_matches(${s}, ${duckdb.re(p)}) THEN regexp_extract(${s}, ${duckdb.re(p)}, 1) END`,
  regexFullOf: (s, p) => `regexp_full_match(${s}, '(?s)' || ${p})`,
  countIf: (cond) => `count(*) FILTER (WHERE ${cond})`,
  minIf: (x, cond) => `min(${x}) FILTER (WHERE ${cond})`,
  sumIf: (x, cond) => `sum(${x}) FILTER (WHERE ${cond})`,
  firstIf: (x, cond, order) =>
    `coalesce(arg_min(${x}, ${order}) FILTER (WHERE ${cond}), min(${x}) FILTER (WHERE ${cond}))`,
  inlined: 'NOT MATERIALIZED ',
  viewRows: (view, _columns, optional, type, more = {}) =>
    `(SELECT * FROM ${view} UNION ALL BY NAME SELECT ${[[optional, type], ...Object.entries(more)].map(([name, t]) => `CAST(NULL AS ${t}) AS ${name}`).join(', ')} WHERE false)`,
  scalarFunction(f) {
    const params = f.params
      .map((p) => `${p.name} ${p.type}${p.optional ? ' := NULL' : ''}`)
      .join(', ');
    return `${comment(f.comment)}CREATE OR REPLACE MACRO ${f.name}(${params}) AS\n${f.body};\n`;
  },
  tableFunction(f) {
    const params = f.params.map((p) => `${p.name}${p.optional ? ' := NULL' : ''}`).join(', ');
    return `${comment(f.comment)}CREATE OR REPLACE MACRO ${f.name}(${params}) AS TABLE\n${f.body};\n`;
  },
  object: (name) => name,
};

/** BigQuery needs every persistent function and view qualified by its dataset. */
export function bigquery(dataset = 'funnel_math'): Dialect {
  const q = (name: string) => `\`${dataset}.${name}\``;
  const str = (text: string) =>
    `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  const re = (pattern: string) => {
    if (pattern.includes("'")) throw new Error(`a BigQuery raw string cannot hold ' : ${pattern}`);
    return `r'${pattern}'`;
  };
  const d: Dialect = {
    id: 'bigquery',
    float: 'FLOAT64',
    int: 'INT64',
    text: 'STRING',
    date: 'DATE',
    str,
    re,
    call: (helper, args) => `${q(helper)}(${args.join(', ')})`,
    error: (message) => `ERROR(${message})`,
    message(parts) {
      return joinParts(
        parts,
        str,
        (x) => `IFNULL(CAST(${x} AS STRING), 'blank')`,
        d.showNumber,
        d.showAnyNumber,
      );
    },
    showNumber: (x) => `FORMAT('%.12g', ${x})`,
    showAnyNumber: (x) =>
      `CASE WHEN IS_NAN(${x}) THEN 'NaN' WHEN IS_INF(${x}) THEN IF(${x} > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', ${x}) END`,
    // BigQuery's `/` stops the query when a quotient overflows (1 / 5e-324) or a product of
    // non-zero factors underflows to 0; IEEE_DIVIDE gives ±Infinity or NaN there, which
    // funnel_finite turns into the sheet's message.
    div: (n, den) => `IEEE_DIVIDE(${n}, NULLIF(${den}, 0))`,
    divByProduct: (n, fs) => divByProduct(n, fs, (a, b) => `IEEE_DIVIDE(${a}, ${b})`),
    // BigQuery's * stops the query with its own "double overflow" beyond the range; SAFE_MULTIPLY
    // gives NULL there instead (as for a NULL operand), which becomes the signed infinity the
    // sheet's finite check names, as IEEE_DIVIDE does for a quotient.
    mul: (a, b) => `COALESCE(SAFE_MULTIPLY(${a}, ${b}), IEEE_DIVIDE(SIGN(${a}) * SIGN(${b}), 0))`,
    intDiv: (n, den) => `DIV(${n}, ${den})`,
    mod: (n, den) => `MOD(${n}, ${den})`,
    isFinite: (x) => `(NOT (IS_INF(${x}) OR IS_NAN(${x})))`,
    tryCast: (x, type) => `SAFE_CAST(${x} AS ${type})`,
    regexFull: (s, p) => `REGEXP_CONTAINS(${s}, ${re(`^(?:${p})$`)})`,
    regexContains: (s, p) => `REGEXP_CONTAINS(${s}, ${re(p)})`,
    regexReplaceAll: (s, p, r) => `REGEXP_REPLACE(${s}, ${re(p)}, ${str(r)})`,
    regexExtract: (s, p) => `REGEXP_EXTRACT(${s}, ${re(p)})`,
    regexFullOf: (s, p) => `REGEXP_CONTAINS(${s}, CONCAT('^(?s:', ${p}, ')$'))`,
    countIf: (cond) => `COUNTIF(${cond})`,
    minIf: (x, cond) => `MIN(IF(${cond}, ${x}, NULL))`,
    sumIf: (x, cond) => `SUM(IF(${cond}, ${x}, NULL))`,
    firstIf: (x, cond, order) =>
      `ARRAY_AGG(IF(${cond}, ${x}, NULL) IGNORE NULLS ORDER BY ${order} NULLS LAST, ${x} LIMIT 1)[SAFE_OFFSET(0)]`,
    // Set operations by name (FULL UNION ALL BY NAME) are recent in BigQuery and unknown to its
    // reference analyzer, ZetaSQL; a column list works in both.
    inlined: '',
    viewRows: (view, columns, optional, _type, more = {}) =>
      `(SELECT ${[...columns, optional, ...Object.keys(more)].join(', ')} FROM ${view})`,
    scalarFunction(f) {
      const params = f.params.map((p) => `${p.name} ${p.type}`).join(', ');
      return `${comment(f.comment)}CREATE OR REPLACE FUNCTION ${q(f.name)}(${params})\nRETURNS ${f.returns}\nAS (\n${f.body}\n);\n`;
    },
    tableFunction(f) {
      const params = f.params.map((p) => `${p.name} ${p.type}`).join(', ');
      return `${comment(f.comment)}CREATE OR REPLACE TABLE FUNCTION ${q(f.name)}(${params})\nAS (\n${f.body}\n);\n`;
    },
    object: q,
  };
  return d;
}
