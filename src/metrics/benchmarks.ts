/** Benchmarks: where a value stands against the SQM benchmark table of top and average performers. */
import { COERCE } from '../sheets/coerce';
import { show } from '../sheets/format';
import { labelKey } from '../sheets/labels';
import { CallError } from '../sheets/problem';
import { sameNumber } from './numbers';
import { elementwiseEntry } from './spec';

interface Benchmark {
  /** The worse edge of the top performers' range. */
  top: number;
  /** The worse edge of the average performers' range. */
  average: number;
  better: 'higher' | 'lower';
  /** Only strictly better than `top` is top (the table's "< 8%"). */
  strictTop?: boolean;
  /** How the value is read (docs/ARGUMENT-RULES.md, rules 4–6): "60%" for a rate, "$65,000" for money. */
  kind: 'rate' | 'money' | 'count';
}

export const BENCHMARKS: Readonly<Record<string, Benchmark>> = {
  sqms_per_sdr: { top: 12, average: 8, better: 'higher', kind: 'count' },
  sqm_to_opp: { top: 0.45, average: 0.25, better: 'higher', kind: 'rate' },
  sqm_to_close: { top: 0.15, average: 0.08, better: 'higher', kind: 'rate' },
  deal_size: { top: 65000, average: 42000, better: 'higher', kind: 'money' },
  days_to_close: { top: 58, average: 82, better: 'lower', kind: 'count' },
  no_show: { top: 0.08, average: 0.2, better: 'lower', strictTop: true, kind: 'rate' },
  ae_accept: { top: 0.9, average: 0.7, better: 'higher', kind: 'rate' },
};

const KEYS = Object.keys(BENCHMARKS);
const BY_KEY = new Map(KEYS.map((key) => [labelKey(key), BENCHMARKS[key]!]));

/** At least as good as `edge`, or strictly better; values equal but for noise are equal. */
function asGood(value: number, edge: number, b: Benchmark, strict: boolean): boolean {
  if (sameNumber(value, edge)) return !strict;
  return b.better === 'higher' ? value > edge : value < edge;
}

export const SQM_BENCHMARK = elementwiseEntry({
  name: 'SQM_BENCHMARK',
  params: [
    { name: 'metric', kind: 'text', options: KEYS },
    { name: 'value', kind: 'measure' },
  ],
  kernel(metric, value) {
    const b = BY_KEY.get(labelKey(metric));
    if (!b) {
      throw new CallError(
        `metric ${show(metric)} is not a benchmark; use one of: ${KEYS.join(', ')}`,
      );
    }
    const v = COERCE[b.kind]('value', value) as number;
    if (asGood(v, b.top, b, b.strictTop === true)) return 'Top performer';
    if (asGood(v, b.average, b, false)) return 'Average';
    return 'Below average';
  },
});
