/**
 * The custom functions in array mode over whole columns, each timed side by
 * side with a bare JavaScript loop doing the same arithmetic on the same
 * 2-D arrays (what Sheets passes), so the ratio is the cost of the argument
 * rules: coercion, blanks, broadcasting, per-element problems.
 *
 * What is timed is what ships: the built dist/Code.js, loaded into this
 * process's own realm and called through the top-level functions Sheets
 * calls (a node:vm context would slow every built-in lookup and time an artifact).
 */
import { loadavg } from 'node:os';
import { BUNDLE_BUDGET_KB, serverBundleInputs, serverBundleSizes } from '../scripts/build';
import {
  BASELINE_CODE,
  BASELINE_COLUMN,
  CODE,
  type Functions,
  median,
  SHIPPED,
  sideBySide,
} from './shipped';

const SIZES = [10_000, 100_000, 200_000, 1_000_000];
/** Rows each side runs before timing: three calls of 10,000 rows left the function half-optimised. */
const WARM_UP_ROWS = 1_000_000;
const LABELS = ['Qualified', 'Not qualified – role', 'No show', 'Rescheduled – pending'];

interface Case {
  name: string;
  setup: (n: number) => unknown[];
  custom: (fns: Functions, args: unknown[]) => unknown;
  bare: (args: unknown[]) => unknown;
}

const column = (n: number, at: (i: number) => unknown) =>
  Array.from({ length: n }, (_, i) => [at(i)]);

const CASES: Case[] = [
  {
    name: 'CPQM(spend, meetings, qualRate, showRate)',
    setup: (n) => [
      column(n, (i) => 500 + (i % 997)),
      column(n, (i) => 1 + (i % 17)),
      column(n, (i) => 0.3 + (i % 7) / 10),
      column(n, (i) => 0.6 + (i % 5) / 20),
    ],
    custom: (fns, args) => fns.CPQM!(...args),
    bare: ([s, m, q, w]) => {
      const spend = s as number[][];
      const meetings = m as number[][];
      const qual = q as number[][];
      const show = w as number[][];
      const out: number[][] = new Array(spend.length);
      for (let i = 0; i < spend.length; i++) {
        out[i] = [spend[i]![0]! / (meetings[i]![0]! * show[i]![0]! * qual[i]![0]!)];
      }
      return out;
    },
  },
  {
    name: 'REVERSE_FUNNEL(target, rates)',
    setup: (n) => [100, column(n, (i) => (i % 2 === 0 ? 1 : 0.9999999))],
    custom: (fns, args) => fns.REVERSE_FUNNEL!(...args),
    bare: ([t, r]) => {
      const rates = r as number[][];
      const out: number[][] = new Array(rates.length + 1);
      let need = t as number;
      out[rates.length] = [need];
      for (let k = rates.length - 1; k >= 0; k--) {
        need = Math.ceil(need / rates[k]![0]!);
        out[k] = [need];
      }
      return out;
    },
  },
  {
    name: 'OUTCOME_SUMMARY(outcomes, segments)',
    setup: (n) => [column(n, (i) => LABELS[i % 4]), column(n, (i) => `Channel ${i % 5}`)],
    custom: (fns, args) => fns.OUTCOME_SUMMARY!(...args),
    bare: ([o, s]) => {
      const outcomes = o as string[][];
      const segments = s as string[][];
      const by = new Map<string, number[]>();
      for (let i = 0; i < outcomes.length; i++) {
        const seg = segments[i]![0]!;
        let t = by.get(seg);
        if (!t) {
          t = [0, 0, 0];
          by.set(seg, t);
        }
        const label = outcomes[i]![0]!;
        if (label === 'No show') t[1]!++;
        else if (label !== 'Rescheduled – pending') {
          t[0]!++;
          if (label === 'Qualified') t[2]!++;
        }
      }
      return [...by].map(([seg, [held, noShows, qualified]]) => [
        seg,
        held! + noShows!,
        held!,
        noShows!,
        qualified!,
        held! / (held! + noShows!),
        qualified! / held!,
      ]);
    },
  },
];

/** [function ms, bare ms, ratio, the earlier build's ratio cell]. */
function time(c: Case, n: number): [number, number, number, string] {
  const args = c.setup(n);
  const rounds = n >= 1_000_000 ? 7 : 15;
  const warmups = Math.max(3, Math.ceil(WARM_UP_ROWS / n));
  const bare = () => c.bare(args);
  return [
    ...sideBySide(() => c.custom(SHIPPED, args), bare, rounds, warmups),
    BASELINE_COLUMN.ratio((fns) => c.custom(fns, args), bare, rounds, warmups),
  ];
}

/** Milliseconds to compile and run dist/Code.js's top level once, as a fresh execution does. */
/** Median ms to compile and run each file, the files' loads interleaved so a busy spell slows each alike. */
function loadTimes(codes: readonly string[]): number[] {
  const runs: number[][] = codes.map(() => []);
  for (let r = 0; r < 21; r++) {
    codes.forEach((code, k) => {
      // A distinct source text each time, so no compilation is reused from a cache.
      const source = `${code}\n//# load ${r}`;
      const t = performance.now();
      new Function(source)();
      runs[k]!.push(performance.now() - t);
    });
  }
  return runs.map(median);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** What the file is made of, by folder of src/ (templates apart), largest first, and its largest files. */
async function bundleShares(total: number): Promise<string[]> {
  const inputs = await serverBundleInputs();
  const byPart = new Map<string, number>();
  for (const [path, bytes] of inputs) {
    const part = path.startsWith('addon/templates/') ? 'addon/templates' : path.split('/')[0]!;
    byPart.set(part, (byPart.get(part) ?? 0) + bytes);
  }
  const bundled = [...inputs.values()].reduce((a, b) => a + b, 0);
  byPart.set('generated wrappers and JSDoc', total - bundled);
  const largest = [...inputs].sort(([, a], [, b]) => b - a).slice(0, 8);
  return [
    'What dist/Code.js is made of (esbuild metafile, minified bytes): ' +
      [...byPart]
        .sort(([, a], [, b]) => b - a)
        .map(([part, bytes]) => `${part} ${kb(bytes)}`)
        .join(', ') +
      '. Largest files: ' +
      largest.map(([path, bytes]) => `${path} ${kb(bytes)}`).join(', ') +
      '.',
  ];
}

/** The text reader before linear reading: its regex backtracked quadratically on long digit runs. */
const OLD_PLAIN_DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/** What one junk cell costs: a 50,000-character text that is almost a number. */
function junkText(): string[] {
  const junk = `${'1'.repeat(50_000)}x`;
  const timed = (fn: () => unknown) => {
    const runs: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      fn();
      runs.push(performance.now() - t);
    }
    return median(runs);
  };
  const before = timed(() => OLD_PLAIN_DECIMAL.test(junk));
  // The cell text the old reader wrote: the whole value quoted.
  const oldCell = `#VALUE! spend ${JSON.stringify(junk)} is not a number`;
  let cell = '';
  const after = timed(() => {
    cell = (SHIPPED.CPQM!([[junk]], 1, 1) as string[][])[0]![0]!;
  });
  return [
    '### One junk cell',
    '',
    'A 50,000-character text of digits ending in a letter, as spend. Before: the old plain-decimal',
    'regex alone on it (it backtracked quadratically). After: the whole shipped CPQM range call, whose',
    'reader is linear and stops at 48 characters. Median of 5 runs.',
    '',
    '| reading | ms | cell text length |',
    '|---|---:|---:|',
    `| before (old regex alone) | ${before.toFixed(1)} | ${oldCell.length.toLocaleString('en-GB')} |`,
    `| after (CPQM range call) | ${after.toFixed(3)} | ${cell.length} |`,
  ];
}

export default async function functionsBench(): Promise<string> {
  const lines = [
    '## Functions over whole columns',
    '',
    'Array mode: each argument a column of n rows, as Sheets passes `B2:B`. Median of 15 runs',
    "(7 at 1M rows) after warm-up (at least a million rows' worth of calls on each side), each after a garbage collection;",
    'the bare loop reads the same 2-D arrays, does the same arithmetic and builds the same 2-D result, with no argument rules.',
    "The ratio is the median of the runs' own ratios (each run times both sides back to back, in turn first).",
    'Until 2026-12-07 the warm-up was three calls at every size, which left the function not yet optimised at 10,000 rows',
    '(that row read 3.5× to 9.6× from run to run), and the function always ran first; both are fixed.',
    `Load average (1 min) when the section started: ${loadavg()[0]!.toFixed(1)}. ${BASELINE_COLUMN.note}`,
    'Target: CPQM at 200k rows within 1.5× the bare loop.',
    '',
    `| function | rows | function ms | bare loop ms | ratio |${BASELINE_COLUMN.header}`,
    `|---|---:|---:|---:|---:|${BASELINE_COLUMN.align}`,
  ];
  for (const c of CASES) {
    for (const n of SIZES) {
      const [custom, bare, ratio, earlier] = time(c, n);
      lines.push(
        `| ${c.name} | ${n.toLocaleString('en-GB')} | ${custom.toFixed(2)} | ${bare.toFixed(2)} | ${ratio.toFixed(2)}× |${earlier}`,
      );
    }
  }
  lines.push('', ...junkText());
  const { total, functions } = await serverBundleSizes(CODE);
  const [load, earlierLoad] = loadTimes(BASELINE_CODE ? [CODE, BASELINE_CODE] : [CODE]);
  lines.push(
    '',
    `Apps Script bundle: dist/Code.js is ${kb(total)} in all (budget ${BUNDLE_BUDGET_KB.total} KB); ` +
      `what the custom functions need, their code and generated wrappers, is ${kb(functions)} (budget ${BUNDLE_BUDGET_KB.functions} KB). ` +
      `Compiling and running the whole file, as Apps Script does for every custom-function cell, takes ${load!.toFixed(2)} ms here (median of 21 loads, each in a fresh function)` +
      (BASELINE_CODE
        ? `; ${process.env.BENCH_BASELINE_LABEL ?? 'the earlier build'}, ${kb(Buffer.byteLength(BASELINE_CODE))}, took ${earlierLoad!.toFixed(2)} ms, its loads interleaved with these.`
        : '.'),
    '',
    'The wizard checks the settings and builds the templates in the sidebar; the server only reads the',
    'spreadsheet, writes the plans the sidebar sends (after checking, under the document lock, that what',
    'they were built from is unchanged) and runs the custom functions, so the file Sheets loads for each',
    'custom-function cell holds little besides them.',
    '',
    ...(await bundleShares(total)),
  );
  return lines.join('\n');
}
