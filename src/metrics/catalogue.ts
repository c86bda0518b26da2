/**
 * Every Funnel Math function, in the order the reference lists them.
 * Adding a function means adding its entry (what runs and what people read)
 * in its family's file and listing it here.
 */
import { BENCHMARK_DOCS, SQM_BENCHMARK } from './benchmarks';
import { CAPACITY_DOCS, SDRS_NEEDED, SQMS_NEEDED } from './capacity';
import {
  BLENDED_CPQM,
  CAC,
  COST_DOCS,
  COST_PER_MEETING,
  COST_PER_OPP,
  CPC,
  CPL,
  CPM,
  CPQM,
  CTR,
  HEADROOM,
  MAX_CPQM,
  ROAS,
} from './cost';
import { CONVERSION, FUNNEL_DOCS, FUNNEL_RATES, REVERSE_FUNNEL } from './funnel';
import { OUTCOME_DOCS, OUTCOME_SUMMARY, QUAL_RATE, SHOW_RATE } from './outcomes';
import { QUALIFICATION_DOCS, SQM_DECISION } from './qualification';
import {
  compile,
  type Docs,
  describe,
  type FunctionSpec,
  type Runtime,
  type SheetFunction,
} from './spec';

/** What runs: all the Apps Script bundle needs. */
export const RUNTIME: readonly Runtime[] = [
  CPQM,
  COST_PER_MEETING,
  MAX_CPQM,
  HEADROOM,
  BLENDED_CPQM,
  CPM,
  CPC,
  CTR,
  CPL,
  COST_PER_OPP,
  CAC,
  ROAS,
  CONVERSION,
  FUNNEL_RATES,
  REVERSE_FUNNEL,
  SHOW_RATE,
  QUAL_RATE,
  OUTCOME_SUMMARY,
  SQMS_NEEDED,
  SDRS_NEEDED,
  SQM_DECISION,
  SQM_BENCHMARK,
];

function withDocs(
  runtime: readonly Runtime[],
  docs: readonly Record<string, Docs>[],
): readonly FunctionSpec[] {
  return runtime.map((entry) => {
    const found = docs.find((family) => entry.name in family);
    if (!found) throw new Error(`${entry.name} has no docs`);
    return describe(entry, found[entry.name]!);
  });
}

/**
 * The full entries, for wrappers, docs, the reference page, the engine and
 * the tests. Nothing the bundle runs reads it, so the bundler leaves the prose out.
 */
export const CATALOGUE: readonly FunctionSpec[] = /* @__PURE__ */ withDocs(RUNTIME, [
  COST_DOCS,
  FUNNEL_DOCS,
  OUTCOME_DOCS,
  CAPACITY_DOCS,
  QUALIFICATION_DOCS,
  BENCHMARK_DOCS,
]);

/** The callable of every entry, by name. */
export const FUNCTIONS: Readonly<Record<string, SheetFunction>> = Object.fromEntries(
  RUNTIME.map((entry) => [entry.name, compile(entry)]),
);

/** Native-formula expansions of the element-wise functions that have a closed form, by name. */
export const NATIVE: Readonly<Record<string, (refs: (string | undefined)[]) => string>> =
  /* @__PURE__ */ Object.fromEntries(
    RUNTIME.flatMap((entry) =>
      entry.mode === 'elementwise' && entry.native ? [[entry.name, entry.native]] : [],
    ),
  );

export { blendedCpqmNative, halfFilledRowsNative } from './cost';
export { reverseFunnelStep, reverseFunnelStepNative } from './funnel';
export { ceilForgivingNative } from './numbers';
