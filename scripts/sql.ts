/**
 * npm run sql [-- --dataset project.dataset] [--out dist/sql]
 * Writes dist/sql/duckdb.sql and dist/sql/bigquery.sql from the function catalogue.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateAll } from '../src/warehouse/generate';

const { values } = parseArgs({
  options: { dataset: { type: 'string' }, out: { type: 'string', default: 'dist/sql' } },
});
if (values.dataset !== undefined && !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_]+)?$/.test(values.dataset)) {
  console.error(
    `--dataset "${values.dataset}" is not a dataset name: give dataset or project.dataset`,
  );
  process.exit(2);
}
const files = generateAll(values.dataset);
mkdirSync(values.out!, { recursive: true });
for (const [name, text] of Object.entries(files)) {
  const path = join(values.out!, `${name}.sql`);
  writeFileSync(path, text);
  console.log(`wrote ${path} (${text.length} characters)`);
}
