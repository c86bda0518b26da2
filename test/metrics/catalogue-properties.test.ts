/**
 * Property-based checks of the argument rules (docs/ARGUMENT-RULES.md) over the whole catalogue, driven by each
 * entry's parameter kinds, so a new function is covered by adding it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, FUNCTIONS } from '../../src/metrics/catalogue';
import type { ElementwiseSpec, FunctionSpec, WholeRangeSpec } from '../../src/metrics/spec';
import type { ParamSpec } from '../../src/sheets/arguments';

const RUNS = { numRuns: 150 };

/** A value of the kind the argument expects. */
function valid(p: ParamSpec): fc.Arbitrary<unknown> {
  if (p.options) {
    return fc.constantFrom(...p.options, ...p.options.map((o) => ` ${o.toUpperCase()} `));
  }
  switch (p.kind) {
    case 'money':
    case 'count':
      return fc.oneof(
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
      );
    case 'factor':
      return fc.double({ min: 0, max: 20, noNaN: true });
    case 'rate':
      return fc.oneof(fc.constantFrom(0, 1, 0.35, 0.6), fc.double({ min: 0, max: 1, noNaN: true }));
    case 'number':
      return fc.double({ min: -1e6, max: 1e6, noNaN: true });
    case 'measure':
      // Read as a rate, money or a count: a fraction is valid as each.
      return fc.double({ min: 0, max: 1, noNaN: true });
    case 'flag':
      return fc.boolean();
    case 'text':
      return fc.string({ minLength: 1, maxLength: 8 });
    case 'date':
      return fc.oneof(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
        fc.integer({ min: 36_526, max: 51_500 }),
      );
    case 'mapping':
      // A cell of a Field, Value, Means table; the table's own rules are tested in sheets-mapping.test.ts.
      return fc.constantFrom(
        'channel',
        'outcome',
        'deal status',
        'Brand*',
        'Paid search',
        'Ignore',
      );
  }
}

/** Anything a cell can hold: the right kind, blank, numeric text, other text, booleans, dates, negatives. */
function anyCell(p: ParamSpec): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: valid(p) },
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 5000 }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom('abc', '£1,200', 'Spend', '60%', '1e3', ' ') },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: true }) },
    { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e12, noNaN: true }) },
  );
}

/** An option argument never gets an unknown key here: that throws by design (tested apart). */
function cellFor(p: ParamSpec): fc.Arbitrary<unknown> {
  return p.options
    ? fc.oneof(valid(p), fc.constant(''), fc.boolean(), fc.date({ noInvalidDate: true }))
    : anyCell(p);
}

const shapeArb = fc.record({
  rows: fc.integer({ min: 1, max: 6 }),
  cols: fc.integer({ min: 1, max: 3 }),
});

function grid(cell: fc.Arbitrary<unknown>, rows: number, cols: number): fc.Arbitrary<unknown[][]> {
  return fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
    minLength: rows,
    maxLength: rows,
  });
}

/** Per argument: a single value, a 1×1 range or a range of the common shape. */
function rangeCall(spec: FunctionSpec) {
  return shapeArb.chain(({ rows, cols }) =>
    fc
      .tuple(
        ...spec.params.map((p) =>
          fc.oneof(cellFor(p), grid(cellFor(p), 1, 1), grid(cellFor(p), rows, cols)),
        ),
      )
      // A range call has at least one range.
      .map((args) => ({
        args: args.some(Array.isArray) ? args : [[[args[0]]], ...args.slice(1)],
        rows,
        cols,
      })),
  );
}

function isFiniteOrNotNumber(value: unknown): boolean {
  return typeof value !== 'number' || Number.isFinite(value);
}

function flat(result: unknown): unknown[] {
  return Array.isArray(result) ? (result as unknown[][]).flat() : [result];
}

/** The element (i, j) of an argument: a range repeats its only cell or gives that element. */
function elementOf(arg: unknown, i: number, j: number): unknown {
  if (!Array.isArray(arg)) return arg;
  const g = arg as unknown[][];
  return g.length * g[0]!.length === 1 ? g[0]![0] : g[i]![j];
}

/** What a range element shows for a single-value call's outcome. */
function asCell(name: string, call: () => unknown): unknown {
  try {
    return call();
  } catch (e) {
    const message = (e as Error).message;
    const m = /^[A-Z_]+: (.*) \((#[A-Z/0!]+)\)$/s.exec(message);
    expect(m, message).not.toBeNull();
    expect(message.startsWith(`${name}: `)).toBe(true);
    return { code: m![2], message: m![1] };
  }
}

function matches(rangeCell: unknown, single: unknown): boolean {
  if (typeof single === 'object' && single !== null) {
    const { code, message } = single as { code: string; message: string };
    if (typeof rangeCell !== 'string' || !rangeCell.startsWith(`${code} `)) return false;
    // The short text is the start of the long message: "#DIV/0! meetings is 0".
    return message.startsWith(rangeCell.slice(code.length + 1));
  }
  return Object.is(rangeCell, single);
}

const elementwise = CATALOGUE.filter((s): s is ElementwiseSpec => s.mode === 'elementwise');
const wholeRange = CATALOGUE.filter((s): s is WholeRangeSpec => s.mode === 'whole');

describe.each(elementwise.map((s) => [s.name, s] as const))('%s (element-wise)', (name, spec) => {
  const call = FUNCTIONS[name]!;

  it('never returns NaN or Infinity, and a range call does not throw', () => {
    fc.assert(
      fc.property(rangeCall(spec), ({ args }) => {
        const result = call(...args);
        expect(flat(result).every(isFiniteOrNotNumber)).toBe(true);
      }),
      RUNS,
    );
  });

  it('computes each element as it would alone', () => {
    fc.assert(
      fc.property(rangeCall(spec), ({ args, rows, cols }) => {
        const result = call(...args);
        const anyLarge = args.some((a) => Array.isArray(a) && (a as unknown[][]).flat().length > 1);
        const [h, w] = anyLarge ? [rows, cols] : [1, 1];
        const out = result as unknown[][];
        expect(out.length).toBe(h);
        for (let i = 0; i < h; i++) {
          expect(out[i]!.length).toBe(w);
          for (let j = 0; j < w; j++) {
            const single = asCell(name, () => call(...args.map((a) => elementOf(a, i, j))));
            expect(
              matches(out[i]![j], single),
              `${JSON.stringify(out[i]![j])} vs ${JSON.stringify(single)}`,
            ).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('gives blank for a blank row, alone or in a range', () => {
    const blanks = spec.params.filter((p) => !p.optional).map(() => '');
    expect(call(...blanks)).toBe('');
    expect(call(...blanks.map(() => [[''], ['']]))).toEqual([[''], ['']]);
  });

  it('gives blank when a required argument is blank, whichever others hold junk', () => {
    const required = spec.params.flatMap((p, k) => (p.optional ? [] : [k]));
    const nonBlank = (p: ParamSpec) => anyCell(p).filter((v) => v !== '');
    fc.assert(
      fc.property(
        fc.tuple(...spec.params.map(nonBlank)),
        fc.shuffledSubarray(required, { minLength: 1 }),
        fc.boolean(),
        (cells, blanks, omitOptional) => {
          const args = cells.slice();
          for (const k of blanks) args[k] = '';
          if (omitOptional) args.length = required.length;
          expect(call(...args)).toBe('');
          expect(call(...args.map((a) => [[a], [a]]))).toEqual([[''], ['']]);
        },
      ),
      RUNS,
    );
  });

  it('gives blank for a blank beside junk, whichever argument holds which', () => {
    const required = spec.params.flatMap((p, k) => (p.optional ? [] : [k]));
    const junk = fc.constantFrom<unknown>('abc', '£1,200', 'Spend', true, -5, new Date(2026, 5, 1));
    fc.assert(
      fc.property(
        fc.array(junk, { minLength: spec.params.length, maxLength: spec.params.length }),
        fc.constantFrom(...required),
        (cells, blankAt) => {
          const args = cells.slice();
          args[blankAt] = '';
          expect(call(...args)).toBe('');
        },
      ),
      RUNS,
    );
  });

  it('throws on ranges of different shapes, naming both arguments and shapes', () => {
    const [a, b] = spec.params;
    const args = spec.params.map(() => 1 as unknown);
    args[0] = [[1], [2], [3]];
    args[1] = [[1], [2]];
    expect(() => call(...args)).toThrow(`${name}: ${a!.name} is 3×1 but ${b!.name} is 2×1`);
  });
});

function wholeArgs(spec: FunctionSpec) {
  return shapeArb.chain(({ rows, cols }) =>
    fc.tuple(
      ...spec.params.map((p) =>
        fc.oneof(
          {
            weight: 4,
            arbitrary: grid(
              fc.oneof(
                { weight: 6, arbitrary: valid(p) },
                { weight: 1, arbitrary: fc.constant('') },
              ),
              rows,
              cols,
            ),
          },
          { weight: 1, arbitrary: grid(anyCell(p), rows, cols) },
          { weight: 1, arbitrary: cellFor(p) },
          { weight: 1, arbitrary: shapeArb.chain((s) => grid(anyCell(p), s.rows, s.cols)) },
        ),
      ),
    ),
  );
}

describe.each(wholeRange.map((s) => [s.name, s] as const))('%s (whole range)', (name, spec) => {
  const call = FUNCTIONS[name]!;

  it('returns finite results within its reserved size, or throws an Error naming itself', () => {
    fc.assert(
      fc.property(wholeArgs(spec), (args) => {
        let result: unknown;
        try {
          result = call(...args);
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
          expect((e as Error).message.startsWith(`${name}: `), (e as Error).message).toBe(true);
          return;
        }
        expect(flat(result).every(isFiniteOrNotNumber)).toBe(true);
        if (Array.isArray(result)) {
          expect(spec.resultSize, 'a grid result needs resultSize').toBeDefined();
          const shapes = spec.params.map((_, k) => {
            const a = args[k];
            if (a === undefined) return undefined;
            const g = Array.isArray(a) ? (a as unknown[][]) : [[a]];
            return { rows: g.length, cols: g[0]!.length };
          });
          const size = spec.resultSize!(shapes);
          expect(result.length).toBeLessThanOrEqual(size.rows);
          for (const row of result as unknown[][])
            expect(row.length).toBeLessThanOrEqual(size.cols);
        }
      }),
      RUNS,
    );
  });

  it('gives blank for blank ranges', () => {
    const required = spec.params.filter((p) => !p.optional);
    expect(call(...required.map(() => ''))).toBe('');
    expect(call(...required.map(() => [['']]))).toBe('');
  });
});
