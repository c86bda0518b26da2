/**
 * `npm run bench`: runs every benchmark section in one process, side by side,
 * and writes BENCHMARKS.md with the machine and the date.
 * Each section is a module in bench/ whose default export returns Markdown;
 * `npm run bench -- NAME…` reruns only those sections and keeps the others.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Section = () => Promise<string>;

/** In the order they appear in BENCHMARKS.md. */
const SECTIONS: [string, () => Promise<{ default: Section }>][] = [
  ['functions', () => import('../bench/functions.bench')],
  ['report', () => import('../bench/report.bench')],
  ['sidebar', () => import('../bench/sidebar.bench')],
  ['templates', () => import('../bench/templates.bench')],
  ['warehouse', () => import('../bench/warehouse.bench')],
];

const MARK = (name: string) => `<!-- section: ${name} -->`;

/**
 * Sections recorded by other commands and kept by every run: mutation scores come from
 * `npm run mutate`, which takes half an hour or more.
 */
const RECORDED = ['mutation'];

/** The sections of an earlier BENCHMARKS.md, by name, so a partial run keeps the others. */
function earlierSections(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const parts = text.split(/^<!-- section: ([\w-]+) -->$/m);
  for (let i = 1; i + 1 < parts.length; i += 2) found.set(parts[i]!, parts[i + 1]!.trim());
  return found;
}

async function main(): Promise<void> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const file = join(root, 'BENCHMARKS.md');
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !SECTIONS.some(([known]) => known === name));
  if (unknown.length > 0) {
    throw new Error(
      `no benchmark section ${unknown.join(', ')}; the sections are ${SECTIONS.map(([n]) => n).join(', ')}`,
    );
  }
  const earlier = existsSync(file) ? earlierSections(readFileSync(file, 'utf8')) : new Map();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const parts = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}` +
      (only.length > 0
        ? ` (sections ${only.join(', ')}; the others kept from an earlier run).`
        : '.'),
    `Machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}/${process.arch}.`,
    '',
  ];
  for (const [name, load] of SECTIONS) {
    let body = only.length > 0 ? earlier.get(name) : undefined;
    if (only.length === 0 || only.includes(name)) {
      console.log(`bench: ${name}…`);
      body = (await (await load()).default()).trim();
    }
    if (body !== undefined) parts.push(MARK(name), body, '');
  }
  for (const name of RECORDED) {
    const body = earlier.get(name);
    if (body !== undefined) parts.push(MARK(name), body, '');
  }
  writeFileSync(file, parts.join('\n'));
  console.log(`bench: wrote ${file}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
