/**
 * The built dist/Code.js, loaded into this process's own realm (not a
 * node:vm context, which slows every built-in lookup), and its top-level
 * functions: the path Sheets calls. Benchmarks time these.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CATALOGUE } from '../src/metrics/catalogue';
import { formatDate } from '../test/fakes/time-zones';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const CODE = readFileSync(join(root, 'dist/Code.js'), 'utf8');

/** The spreadsheet's zone: dates are read on its calendar, as in Sheets. */
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The two services a custom function reads, and only to place a date on the
 * spreadsheet's calendar: the zone once, and Utilities.formatDate per distinct day.
 */
const SERVICES = {
  SpreadsheetApp: { getActive: () => ({ getSpreadsheetTimeZone: () => ZONE }) },
  Utilities: { formatDate },
};

export type Functions = Record<string, (...args: unknown[]) => unknown>;

/** The top-level functions of a built Code.js, loaded in this realm. */
function load(code: string): Functions {
  return new Function(
    ...Object.keys(SERVICES),
    `${code}\nreturn { ${CATALOGUE.map((s) => s.name).join(', ')} };`,
  )(...Object.values(SERVICES));
}

export const SHIPPED = load(CODE);

/**
 * With BENCH_BASELINE naming an earlier build's Code.js, its functions, timed in
 * the same run beside this build's: on a shared machine, figures from two runs
 * differ by more than a change does.
 */
export const BASELINE_CODE: string | undefined = process.env.BENCH_BASELINE
  ? readFileSync(process.env.BENCH_BASELINE, 'utf8')
  : undefined;

export const BASELINE: Functions | undefined = BASELINE_CODE ? load(BASELINE_CODE) : undefined;

/**
 * A table's extra column with a baseline: what it holds (BENCH_BASELINE_LABEL
 * names the earlier build), its header, its alignment, and the earlier build's
 * ratio for a call.
 */
export const BASELINE_COLUMN = {
  note: BASELINE
    ? `The last column is the ratio of ${process.env.BENCH_BASELINE_LABEL ?? 'an earlier build'}, timed in the same run against the same bare loop.`
    : '',
  header: BASELINE ? ' ratio, earlier build |' : '',
  align: BASELINE ? '---:|' : '',
  ratio(call: (fns: Functions) => unknown, bare: () => unknown, rounds: number, warmups?: number) {
    if (!BASELINE) return '';
    return ` ${sideBySide(() => call(BASELINE), bare, rounds, warmups)[2].toFixed(2)}× |`;
  },
};

// A collection before every timed run, so neither side pays for the other's garbage.
setFlagsFromString('--expose-gc');
export const collect = runInNewContext('gc') as () => void;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Times `custom` and `bare` alternately, each after a collection, so both see
 * the same machine state; the ratio is the median of each round's own ratio,
 * which a busy machine moves less than a ratio of two medians. Each round
 * swaps which side goes first, so neither always runs on the other's heels.
 * `warmups` calls of each side come first, enough for the engine to have
 * optimised both (a small table needs more calls than a large one).
 * Returns [custom ms, bare ms, ratio].
 */
export function sideBySide(
  custom: () => unknown,
  bare: () => unknown,
  rounds: number,
  warmups = 3,
): [number, number, number] {
  for (let w = 0; w < warmups; w++) {
    custom();
    bare();
  }
  const timed = (fn: () => unknown): number => {
    collect();
    const t = performance.now();
    fn();
    return performance.now() - t;
  };
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let customMs: number;
    let bareMs: number;
    if (r % 2 === 0) {
      customMs = timed(custom);
      bareMs = timed(bare);
    } else {
      bareMs = timed(bare);
      customMs = timed(custom);
    }
    a.push(customMs);
    b.push(bareMs);
    ratios.push(customMs / bareMs);
  }
  return [median(a), median(b), median(ratios)];
}
