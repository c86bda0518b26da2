/**
 * npm run sql [-- --dataset project.dataset] [--stages 'Lead,MQL,Customer'] [--out dist/sql]
 * Writes dist/sql/duckdb.sql and dist/sql/bigquery.sql from the function catalogue, funnel_report
 * for the stages given (funnel_records has a date column per stage), HubSpot's lifecycle stages
 * when none are.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { messageOf } from '../src/sheets/format';
import { generateAll } from '../src/warehouse/generate';

const { values } = parseArgs({
  options: {
    dataset: { type: 'string' },
    stages: { type: 'string' },
    out: { type: 'string', default: 'dist/sql' },
  },
});
if (values.dataset !== undefined && !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_]+)?$/.test(values.dataset)) {
  console.error(
    `--dataset "${values.dataset}" is not a dataset name: give dataset or project.dataset`,
  );
  process.exit(2);
}
const stages = values.stages?.split(',').map((s) => s.trim());
let files: ReturnType<typeof generateAll>;
try {
  files = generateAll(values.dataset, stages);
} catch (e) {
  console.error(`--stages: ${messageOf(e)}`);
  process.exit(2);
}
mkdirSync(values.out!, { recursive: true });
for (const [name, text] of Object.entries(files)) {
  const path = join(values.out!, `${name}.sql`);
  writeFileSync(path, text);
  console.log(`wrote ${path} (${text.length} characters)`);
}
