/**
 * Dependencies between the folders of src/ run one way:
 * sheets ← metrics ← workbook ← addon ← sidebar / playground, and metrics ← warehouse.
 * Read from the import statements themselves, so a new import against the
 * grain fails here before it tangles the layers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { HOMES, strays } from './homes';

const SRC = resolve(__dirname, '../../src');

/** Each folder's layer: a folder may import only from its own folder or lower layers. */
const LAYER: Record<string, number> = {
  sheets: 0,
  metrics: 1,
  workbook: 2,
  addon: 3,
  // The SQL forms and the CSV report: beside addon, never in the Apps Script bundle.
  warehouse: 3,
  sidebar: 4,
  playground: 4,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function folderOf(file: string): string {
  return relative(SRC, file).split(/[\\/]/)[0]!;
}

/** Every import between folders of src/: [from folder, to folder, importing file]. */
function folderImports(): [string, string, string][] {
  return sourceFiles(SRC).flatMap((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    return importedFiles
      .filter((ref) => ref.fileName.startsWith('.'))
      .map((ref) => [folderOf(file), folderOf(resolve(dirname(file), ref.fileName)), file])
      .filter(([from, to]) => from !== to) as [string, string, string][];
  });
}

/** The folders on a cycle of `edges`, found by depth-first search; empty when there is none. */
function findCycle(edges: readonly [string, string][]): string[] {
  const next = new Map<string, Set<string>>();
  for (const [from, to] of edges) {
    if (!next.has(from)) next.set(from, new Set());
    next.get(from)!.add(to);
  }
  const done = new Set<string>();
  const path: string[] = [];
  function visit(node: string): string[] {
    const open = path.indexOf(node);
    if (open >= 0) return [...path.slice(open), node];
    if (done.has(node)) return [];
    path.push(node);
    for (const to of next.get(node) ?? []) {
      const cycle = visit(to);
      if (cycle.length > 0) return cycle;
    }
    path.pop();
    done.add(node);
    return [];
  }
  for (const node of next.keys()) {
    const cycle = visit(node);
    if (cycle.length > 0) return cycle;
  }
  return [];
}

describe('folder dependencies under src/', () => {
  const imports = folderImports();

  it('finds the imports it checks', () => {
    // sidebar → addon and workbook → sheets exist today; none found means the reader broke.
    expect(imports.some(([from, to]) => from === 'addon' && to === 'workbook')).toBe(true);
    expect(imports.some(([from, to]) => from === 'metrics' && to === 'sheets')).toBe(true);
  });

  it('has no cycle between folders', () => {
    expect(findCycle(imports.map(([from, to]) => [from, to]))).toEqual([]);
  });

  it('imports only from lower layers', () => {
    const folders = new Set(imports.flatMap(([from, to]) => [from, to] as string[]));
    for (const folder of folders)
      expect(LAYER, `src/${folder} has no layer`).toHaveProperty(folder);
    const against = imports
      .filter(([from, to]) => LAYER[to]! >= LAYER[from]!)
      .map(([from, to, file]) => `${relative(SRC, file)} (${from}) imports ${to}`);
    expect(against).toEqual([]);
  });

  it('the cycle finder finds a cycle', () => {
    expect(
      findCycle([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ]),
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(
      findCycle([
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'c'],
      ]),
    ).toEqual([]);
  });
});

describe('one home per concept', () => {
  it('defines the period list, ISO weeks, the channel key, the outcome meanings and the verdict only in their homes', () => {
    const found = sourceFiles(SRC).flatMap((file) =>
      strays(relative(SRC, file).split(/[\\/]/).join('/'), readFileSync(file, 'utf8')),
    );
    expect(found).toEqual([]);
  });

  it('finds each concept spelled again outside its home, and nothing in its home', () => {
    const planted: Record<string, string> = {
      'a period list': "export const MY_PERIODS = ['month', 'quarter'] as const;",
      'ISO-week arithmetic': 'export const weekday = (days: number) => (days + 3) % 7;',
      'a channel key':
        "export const key = (t: string) => t.trim().replace(/\\s+/g, ' ').toLowerCase();",
      'an outcome-meaning table': "export const HELD = ['Qualified', 'Not qualified – role'];",
      'a verdict formula': "export const verdict = (h: number) => (h < 0 ? 'uneconomical' : '');",
    };
    for (const home of HOMES) {
      const source = planted[home.concept]!;
      expect(strays('addon/elsewhere.ts', source), home.concept).toEqual([
        `${home.concept} at addon/elsewhere.ts:1 (its home is src/${home.home})`,
      ]);
      expect(strays(home.home, source), home.concept).toEqual([]);
    }
  });
});
