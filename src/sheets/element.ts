/**
 * Rules 3–6 of docs/ARGUMENT-RULES.md for one element: blanks, defaults and
 * coercion of the (at most four) cells one result is computed from.
 */
import type { ParamKind } from './arguments';
import { COERCE, isBlank, toOption } from './coerce';
import { Problem } from './problem';
import { listed } from './words';

/** How one argument of an element is read, from its catalogue declaration. */
interface Arg {
  name: string;
  /** A blank required argument blanks the element. */
  required: boolean;
  /** The cell as `use` gets it: coerced, or the fallback for a blank optional one. */
  read: (arg: string, value: unknown) => unknown;
}

const unused = (_arg: string, value: unknown): unknown => value;

/** An absent slot (a function of fewer than four arguments) is never blank, so it never blanks the element. */
function argOf(p: ParamKind | undefined): Arg {
  const coerce = !p || p.kind === 'mapping' ? unused : p.options ? toOption : COERCE[p.kind];
  const required = p !== undefined && p.optional !== true;
  const fallback = p?.default;
  return {
    name: p?.name ?? '',
    required,
    // A required argument is never blank here: the element was blank before it got this far.
    read: required ? coerce : (arg, value) => (isBlank(value) ? fallback : coerce(arg, value)),
  };
}

/** Reads one element's raw cells and hands `use` the clean values. */
export type ElementReader<R> = (a: unknown, b: unknown, c: unknown, d: unknown) => R;

/**
 * One element's reader in its two steps, for the runners' loops: whether the
 * element is blank, and the result of one that is not. Kept apart so that a
 * loop can store a numeric result straight into its row: a function returning
 * either the blank or a number hands back every number boxed, one allocation
 * per cell.
 */
export interface ElementSteps<R> {
  /** True when a required argument is blank; with `rowCells`, throws for a half-filled row. */
  blank: (a: unknown, b: unknown, c: unknown, d: unknown) => boolean;
  /** `use` of the coerced values, blank optional ones at their default; for elements that are not blank. */
  read: ElementReader<R>;
}

/**
 * The steps of one element's reading, for every function that reads element by
 * element: the element-wise runner and the whole-range functions alike.
 * Every required argument is checked for blank before any is coerced, so an
 * element with a blank is blank whichever of its other cells holds junk;
 * otherwise blank optional ones take their default, the rest are coerced in
 * order (a problem names the first bad argument) and `use` gets the values.
 *
 * With `rowCells`, for functions that total a table (BLENDED_CPQM), a half-filled
 * row must not silently drop out of the total: an element is blank only
 * when every required argument marked in `rowCells` (the row's own cells; a
 * single value repeated down the range is no row's own) is blank, and any
 * other blank required argument is a problem naming it.
 *
 * The four slots are unrolled rather than looped over: a range call runs this
 * once per cell, and whole open columns are hundreds of thousands of cells,
 * so the per-element cost must stay close to the bare arithmetic.
 */
export function elementSteps<R>(
  params: readonly ParamKind[],
  use: (a: any, b: any, c: any, d: any) => R,
  rowCells?: readonly boolean[],
): ElementSteps<R> {
  if (params.length > 4) throw new Error('an element is read from at most 4 arguments');
  const args = [0, 1, 2, 3].map((k) => argOf(params[k]));
  const [a0, a1, a2, a3] = args as [Arg, Arg, Arg, Arg];
  const { name: n0, read: s0, required: r0 } = a0;
  const { name: n1, read: s1, required: r1 } = a1;
  const { name: n2, read: s2, required: r2 } = a2;
  const { name: n3, read: s3, required: r3 } = a3;
  return {
    blank(a, b, c, d) {
      if ((r0 && isBlank(a)) || (r1 && isBlank(b)) || (r2 && isBlank(c)) || (r3 && isBlank(d))) {
        if (rowCells) blankRow(args, rowCells, [a, b, c, d]);
        return true;
      }
      return false;
    },
    read: (a, b, c, d) => use(s0(n0, a), s1(n1, b), s2(n2, c), s3(n3, d)),
  };
}

/** Both steps in one: `blank` for a blank element, else its result. */
export function elementReader<R>(
  params: readonly ParamKind[],
  use: (a: any, b: any, c: any, d: any) => R,
  blank: R,
  rowCells?: readonly boolean[],
): ElementReader<R> {
  const steps = elementSteps(params, use, rowCells);
  return (a, b, c, d) => (steps.blank(a, b, c, d) ? blank : steps.read(a, b, c, d));
}

/** Passes a wholly blank row; throws for one that is only partly blank, saying what to fill in. */
function blankRow(
  args: readonly Arg[],
  rowCells: readonly boolean[],
  values: readonly unknown[],
): void {
  const blanks: string[] = [];
  const filled: string[] = [];
  args.forEach((arg, k) => {
    if (!arg.required) return;
    if (isBlank(values[k])) blanks.push(arg.name);
    else if (rowCells[k]) filled.push(arg.name);
  });
  if (filled.length === 0) return;
  throw new Problem(
    '#VALUE!',
    `${listed(blanks)} ${blanks.length === 1 ? 'is' : 'are'} blank`,
    `fill ${blanks.length === 1 ? 'it' : 'them'} in, or also clear ${listed(filled)} to skip it`,
  );
}
