/**
 * Every Funnel Math function, in the order the reference lists them.
 * Adding a function means adding its entry here and its code in its family's file.
 */
import { CPQM, MAX_CPQM } from './cost';
import { compile, type FunctionSpec, type SheetFunction } from './spec';

export const CATALOGUE: readonly FunctionSpec[] = [CPQM, MAX_CPQM];

/** The callable of every entry, by name. */
export const FUNCTIONS: Readonly<Record<string, SheetFunction>> = Object.fromEntries(
  CATALOGUE.map((spec) => [spec.name, compile(spec)]),
);
