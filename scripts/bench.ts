/**
 * `npm run bench`: runs every benchmark section in one process, side by side,
 * and writes BENCHMARKS.md with the machine and the date.
 * Each section is a module in bench/ whose default export returns Markdown.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Section = () => Promise<string>;

/** In the order they appear in BENCHMARKS.md. */
const SECTIONS: [string, () => Promise<{ default: Section }>][] = [
  ['functions', () => import('../bench/functions.bench')],
  ['sidebar', () => import('../bench/sidebar.bench')],
  ['templates', () => import('../bench/templates.bench')],
];

async function main(): Promise<void> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const only = process.argv.slice(2);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const parts = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}/${process.arch}.`,
    '',
  ];
  for (const [name, load] of SECTIONS) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.log(`bench: ${name}…`);
    parts.push((await (await load()).default()).trim(), '');
  }
  writeFileSync(join(root, 'BENCHMARKS.md'), parts.join('\n'));
  console.log(`bench: wrote ${join(root, 'BENCHMARKS.md')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
