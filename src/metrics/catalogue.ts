/**
 * Every Funnel Math function, in the order the reference lists them.
 * Adding a function means adding its runtime entry in its family's file,
 * its docs in docs/<family>.ts, and listing it here.
 */
import { SQM_BENCHMARK } from './benchmarks';
import { SDRS_NEEDED, SQMS_NEEDED } from './capacity';
import {
  BLENDED_CPQM,
  CAC,
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
import { DEALS_REPORT } from './deals-report';
import { BENCHMARK_DOCS } from './docs/benchmarks';
import { CAPACITY_DOCS } from './docs/capacity';
import { COST_DOCS } from './docs/cost';
import { FUNNEL_DOCS } from './docs/funnel';
import { FUNNEL_REPORT_DOCS } from './docs/funnel-report';
import { OUTCOME_DOCS } from './docs/outcomes';
import { QUALIFICATION_DOCS } from './docs/qualification';
import { REPORT_DOCS } from './docs/report';
import { CONVERSION, FUNNEL_RATES, REVERSE_FUNNEL } from './funnel';
import { FUNNEL_REPORT } from './funnel-report';
import { OUTCOME_SUMMARY, QUAL_RATE, SHOW_RATE } from './outcomes';
import { SQM_DECISION } from './qualification';
import { CPQM_REPORT } from './report';
import { CPQM_TREND } from './report-trend';
import {
  compile,
  type Docs,
  type FunctionSpec,
  type NativeForm,
  type Runtime,
  type SheetFunction,
  withDocs,
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
  CPQM_REPORT,
  CPQM_TREND,
  FUNNEL_REPORT,
  DEALS_REPORT,
];

function joinDocs(
  runtime: readonly Runtime[],
  docs: readonly Record<string, Docs>[],
): readonly FunctionSpec[] {
  return runtime.map((entry) => {
    const found = docs.find((family) => entry.name in family);
    if (!found) throw new Error(`${entry.name} has no docs`);
    return withDocs(entry, found[entry.name]!);
  });
}

/**
 * The full entries, for wrappers, docs, the reference page, the engine and
 * the tests. Nothing the bundle runs reads it, so the bundler leaves the prose out.
 */
export const CATALOGUE: readonly FunctionSpec[] = /* @__PURE__ */ joinDocs(RUNTIME, [
  COST_DOCS,
  FUNNEL_DOCS,
  OUTCOME_DOCS,
  CAPACITY_DOCS,
  QUALIFICATION_DOCS,
  BENCHMARK_DOCS,
  REPORT_DOCS,
  FUNNEL_REPORT_DOCS,
]);

/** The callable of every entry, by name. */
export const FUNCTIONS: Readonly<Record<string, SheetFunction>> = Object.fromEntries(
  RUNTIME.map((entry) => [entry.name, compile(entry)]),
);

/**
 * Native forms by name: element-wise ones over single cells, whole-range
 * ones over ranges of the same size.
 */
export const NATIVE: Readonly<Record<string, NativeForm>> = /* @__PURE__ */ Object.fromEntries(
  RUNTIME.flatMap((entry) => (entry.native ? [[entry.name, entry.native]] : [])),
);

export { completeRowsNative, halfFilledRowsNative } from './cost';
export { reverseFunnelStep, reverseFunnelStepNative } from './funnel';
export { ceilForgivingNative } from './numbers';
