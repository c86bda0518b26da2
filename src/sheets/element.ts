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
  coerce: (arg: string, value: unknown) => unknown;
  /** A blank required argument blanks the element. */
  required: boolean;
  /** What a blank optional argument reads as. */
  fallback: unknown;
}

const unused = (_arg: string, value: unknown): unknown => value;

/** An absent slot (a function of fewer than four arguments) is never blank, so it never blanks the element. */
function argOf(p: ParamKind | undefined): Arg {
  return {
    name: p?.name ?? '',
    coerce: !p || p.kind === 'mapping' ? unused : p.options ? toOption : COERCE[p.kind],
    required: p !== undefined && p.optional !== true,
    fallback: p?.default,
  };
}

/** Reads one element's raw cells and hands `use` the clean values. */
export type ElementReader<R> = (a: unknown, b: unknown, c: unknown, d: unknown) => R;

/**
 * One element's reader, for every function that reads element by element:
 * the element-wise runner and the whole-range functions alike.
 * Every required argument is checked for blank before any is coerced, so an
 * element with a blank gives `blank` whichever of its other cells holds junk;
 * otherwise blank optional ones take their default, the rest are coerced in
 * order (a problem names the first bad argument) and `use` gets the values.
 *
 * With `rowCells`, for functions that total a table (BLENDED_CPQM), a half-filled
 * row must not silently drop out of the total: an element is `blank` only
 * when every required argument marked in `rowCells` (the row's own cells; a
 * single value repeated down the range is no row's own) is blank, and any
 * other blank required argument is a problem naming it.
 *
 * The four slots are unrolled rather than looped over: a range call runs this
 * once per cell, and whole open columns are hundreds of thousands of cells,
 * so the per-element cost must stay close to the bare arithmetic.
 */
export function elementReader<R>(
  params: readonly ParamKind[],
  use: (a: any, b: any, c: any, d: any) => R,
  blank: R,
  rowCells?: readonly boolean[],
): ElementReader<R> {
  if (params.length > 4) throw new Error('an element is read from at most 4 arguments');
  const args = [0, 1, 2, 3].map((k) => argOf(params[k]));
  const [a0, a1, a2, a3] = args as [Arg, Arg, Arg, Arg];
  const { name: n0, coerce: c0, required: r0, fallback: f0 } = a0;
  const { name: n1, coerce: c1, required: r1, fallback: f1 } = a1;
  const { name: n2, coerce: c2, required: r2, fallback: f2 } = a2;
  const { name: n3, coerce: c3, required: r3, fallback: f3 } = a3;
  return function read(a, b, c, d) {
    const blank0 = isBlank(a);
    const blank1 = isBlank(b);
    const blank2 = isBlank(c);
    const blank3 = isBlank(d);
    if ((r0 && blank0) || (r1 && blank1) || (r2 && blank2) || (r3 && blank3)) {
      if (rowCells) blankRow(args, rowCells, [a, b, c, d]);
      return blank;
    }
    return use(
      blank0 ? f0 : c0(n0, a),
      blank1 ? f1 : c1(n1, b),
      blank2 ? f2 : c2(n2, c),
      blank3 ? f3 : c3(n3, d),
    );
  };
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
