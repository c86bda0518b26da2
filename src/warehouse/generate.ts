/**
 * The whole SQL file for one dialect: helpers, the element-wise functions,
 * then cpqm_report and cpqm_trend. Statements are separated by blank lines and end in `;`.
 */
import { bigquery, type Dialect, duckdb } from './dialect';
import { helpers } from './helpers';
import { noMappingColumns } from './mapping';
import { reportFunction } from './report';
import { scalarFunction, sqlEntries } from './scalar';
import { trendFunction } from './trend';

export function generate(q: Dialect): string {
  const header =
    q.id === 'duckdb'
      ? [
          '-- Funnel Math functions as DuckDB macros.',
          '-- Load with `.read duckdb.sql` (CLI) or run the file as one script.',
          '-- cpqm_report(period) and cpqm_trend(period) read three views you define over your own tables:',
          '--   funnel_spend(channel, spend, day [, source_row]) and funnel_meetings(channel, outcome, day [, source_row]),',
          '--   and the mapping table funnel_mapping(field, value, means [, source_row]), rows counted in source_row order.',
        ]
      : [
          '-- Funnel Math functions as BigQuery SQL UDFs and a table function.',
          '-- Run as one multi-statement query. Optional arguments are passed as NULL (BigQuery UDFs have no defaults).',
          '-- cpqm_report(period) and cpqm_trend(period) read three views you define in the same dataset:',
          '--   funnel_spend(channel, spend, day, source_row) and funnel_meetings(channel, outcome, day, source_row),',
          '--   and the mapping table funnel_mapping(field, value, means, source_row), rows counted in source_row order;',
          '--   source_row NULL where the table has no row order.',
        ];
  const parts = [
    header.join('\n') + '\n',
    ...helpers(q).map((h) => q.scalarFunction(h)),
    ...sqlEntries().map((e) => q.scalarFunction(scalarFunction(e, q))),
    placeholderViews(q),
    q.tableFunction(reportFunction(q)),
    q.tableFunction(trendFunction(q)),
  ];
  return parts.join('\n');
}

/**
 * Empty stand-ins for the three views, created only when missing: both engines
 * check that a table function's tables exist when it is created (DuckDB since
 * 1.4 binds table macros on creation). Replace them with your own views.
 */
function placeholderViews(q: Dialect): string {
  const sourceRow = `CAST(NULL AS ${q.int}) AS source_row`;
  const empty = (cols: string) =>
    q.id === 'duckdb' ? `SELECT ${cols} WHERE false` : `SELECT ${cols} FROM UNNEST(ARRAY<INT64>[])`;
  return [
    '-- Stand-ins until you define the views over your own tables (CREATE OR REPLACE VIEW ... AS SELECT ...).',
    `CREATE VIEW IF NOT EXISTS ${q.object('funnel_spend')} AS ${empty(
      `CAST(NULL AS ${q.text}) AS channel, CAST(NULL AS ${q.float}) AS spend, CAST(NULL AS ${q.date}) AS day, ${sourceRow}`,
    )};`,
    `CREATE VIEW IF NOT EXISTS ${q.object('funnel_meetings')} AS ${empty(
      `CAST(NULL AS ${q.text}) AS channel, CAST(NULL AS ${q.text}) AS outcome, CAST(NULL AS ${q.date}) AS day, ${sourceRow}`,
    )};`,
    `CREATE VIEW IF NOT EXISTS ${q.object('funnel_mapping')} AS ${empty(noMappingColumns(q))};`,
    '',
  ].join('\n');
}

export function generateAll(dataset?: string): { duckdb: string; bigquery: string } {
  return { duckdb: generate(duckdb), bigquery: generate(bigquery(dataset)) };
}
