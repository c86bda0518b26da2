/**
 * The whole SQL file for one dialect: helpers, the element-wise functions,
 * then the report table functions. Statements are separated by blank lines and end in `;`.
 */
import { dealHelpers, dealsFunction } from './deals';
import { bigquery, type Dialect, duckdb, type ScalarDefinition } from './dialect';
import { DEFAULT_STAGES, funnelFunction, stageColumns, viewHelper } from './funnel';
import { helpers } from './helpers';
import { noMappingColumns } from './mapping';
import { reportFunction } from './report';
import { scalarFunction, sqlEntries } from './scalar';
import { trendFunction } from './trend';

/** The funnel_… functions the reports share, in the order the file creates them. */
export function helperFunctions(q: Dialect): ScalarDefinition[] {
  return [...helpers(q), viewHelper(q), ...dealHelpers(q)];
}

/** The report table functions, by name, in the order the file creates them. */
const TABLE_FUNCTIONS = {
  cpqm_report: reportFunction,
  cpqm_trend: trendFunction,
  funnel_report: funnelFunction,
  deals_report: dealsFunction,
} as const;

export type TableFunctionName = keyof typeof TABLE_FUNCTIONS;

/**
 * The SQL file for one dialect, funnel_report for `stages` (funnel_records has a date column per
 * stage); with `tables`, only what a run of those table functions needs: the helpers (the views
 * over CSV files call them too), the stand-in views and those functions, without the element-wise
 * functions, as each table macro takes DuckDB tens of milliseconds to bind when it is created.
 */
export function generate(
  q: Dialect,
  tables?: readonly TableFunctionName[],
  stages: readonly string[] = DEFAULT_STAGES,
): string {
  const records = `funnel_records(channel, ${stageColumns(stages).join(', ')}`;
  const header =
    q.id === 'duckdb'
      ? [
          '-- Funnel Math functions as DuckDB macros.',
          '-- Load with `.read duckdb.sql` (CLI) or run the file as one script.',
          '-- cpqm_report(period) and cpqm_trend(period) read three views you define over your own tables:',
          '--   funnel_spend(channel, spend, day [, source_row] [, currency]) and funnel_meetings(channel, outcome, day [, source_row]),',
          '--   and the mapping table funnel_mapping(field, value, means [, source_row]), rows counted in source_row order.',
          `-- funnel_report(period, view) reads funnel_spend and ${records} [, source_row]), a date per stage;`,
          '-- deals_report(period, view) reads funnel_spend and funnel_deals(channel, amount, created, closed, status [, source_row]).',
        ]
      : [
          '-- Funnel Math functions as BigQuery SQL UDFs and table functions.',
          '-- Run as one multi-statement query. Optional arguments are passed as NULL (BigQuery UDFs have no defaults).',
          '-- cpqm_report(period) and cpqm_trend(period) read three views you define in the same dataset:',
          '--   funnel_spend(channel, spend, day, source_row, currency) and funnel_meetings(channel, outcome, day, source_row),',
          '--   and the mapping table funnel_mapping(field, value, means, source_row), rows counted in source_row order;',
          '--   source_row NULL where the table has no row order, currency NULL where the spend names none.',
          `-- funnel_report(period, view) reads funnel_spend and ${records}, source_row), a date per stage;`,
          '-- deals_report(period, view) reads funnel_spend and funnel_deals(channel, amount, created, closed, status, source_row).',
        ];
  const parts = [
    `${header.join('\n')}\n`,
    ...helperFunctions(q).map((h) => q.scalarFunction(h)),
    ...(tables ? [] : sqlEntries().map((e) => q.scalarFunction(scalarFunction(e, q)))),
    placeholderViews(q, stages),
    ...Object.entries(TABLE_FUNCTIONS)
      .filter(([name]) => !tables || tables.includes(name as TableFunctionName))
      .map(([name, table]) =>
        q.tableFunction(name === 'funnel_report' ? funnelFunction(q, stages) : table(q)),
      ),
  ];
  return parts.join('\n');
}

/**
 * Empty stand-ins for the views, created only when missing: both engines
 * check that a table function's tables exist when it is created (DuckDB since
 * 1.4 binds table macros on creation). Replace them with your own views.
 */
function placeholderViews(q: Dialect, stages: readonly string[]): string {
  const sourceRow = `CAST(NULL AS ${q.int}) AS source_row`;
  const empty = (cols: string) =>
    q.id === 'duckdb' ? `SELECT ${cols} WHERE false` : `SELECT ${cols} FROM UNNEST(ARRAY<INT64>[])`;
  return [
    '-- Stand-ins until you define the views over your own tables (CREATE OR REPLACE VIEW ... AS SELECT ...).',
    `CREATE VIEW IF NOT EXISTS ${q.object('funnel_spend')} AS ${empty(
      `CAST(NULL AS ${q.text}) AS channel, CAST(NULL AS ${q.float}) AS spend, CAST(NULL AS ${q.date}) AS day, ${sourceRow}, CAST(NULL AS ${q.text}) AS currency`,
    )};`,
    `CREATE VIEW IF NOT EXISTS ${q.object('funnel_meetings')} AS ${empty(
      `CAST(NULL AS ${q.text}) AS channel, CAST(NULL AS ${q.text}) AS outcome, CAST(NULL AS ${q.date}) AS day, ${sourceRow}`,
    )};`,
    `CREATE VIEW IF NOT EXISTS ${q.object('funnel_mapping')} AS ${empty(noMappingColumns(q))};`,
    `CREATE VIEW IF NOT EXISTS ${q.object('funnel_records')} AS ${empty(
      [
        `CAST(NULL AS ${q.text}) AS channel`,
        ...stageColumns(stages).map((c) => `CAST(NULL AS ${q.date}) AS ${c}`),
        sourceRow,
      ].join(', '),
    )};`,
    `CREATE VIEW IF NOT EXISTS ${q.object('funnel_deals')} AS ${empty(
      `CAST(NULL AS ${q.text}) AS channel, CAST(NULL AS ${q.text}) AS amount, CAST(NULL AS ${q.date}) AS created, CAST(NULL AS ${q.date}) AS closed, CAST(NULL AS ${q.text}) AS status, ${sourceRow}`,
    )};`,
    '',
  ].join('\n');
}

export function generateAll(
  dataset?: string,
  stages?: readonly string[],
): { duckdb: string; bigquery: string } {
  return {
    duckdb: generate(duckdb, undefined, stages),
    bigquery: generate(bigquery(dataset), undefined, stages),
  };
}
