/**
 * The catalogue as a whole: what each entry declares about its arguments,
 * how an entry is joined with its docs and compiled, the reference page's
 * data, and the SQL form of every element-wise function, evaluated here and
 * compared with the function itself on random arguments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, FUNCTIONS, NATIVE, RUNTIME } from '../../src/metrics/catalogue';
import { blankGuard, orDefault } from '../../src/metrics/native';
import { ceilForgiving } from '../../src/metrics/numbers';
import { reference, sampleRefs } from '../../src/metrics/reference';
import {
  compile,
  type Docs,
  type ElementwiseRuntime,
  elementwiseEntry,
  type SqlMessagePart,
  type SqlOps,
  type WholeRangeRuntime,
  withDocs,
} from '../../src/metrics/spec';
import type { ParamKind } from '../../src/sheets/arguments';
import { showNumber } from '../../src/sheets/format';

/** Mode, then each argument as name:kind, ? when optional, =default, [number of options]. */
const DECLARED: Record<string, string> = {
  CPQM: 'elementwise spend:money meetings:count qualRate:rate showRate:rate?=1',
  COST_PER_MEETING: 'elementwise spend:money meetings:count',
  MAX_CPQM: 'elementwise deal:money close:rate roas:factor',
  HEADROOM: 'elementwise cost:money maxCost:money',
  BLENDED_CPQM: 'whole spend:money meetings:count qualRate:rate showRate:rate?=1',
  CPM: 'elementwise spend:money impressions:count',
  CPC: 'elementwise spend:money clicks:count',
  CTR: 'elementwise clicks:count impressions:count',
  CPL: 'elementwise spend:money leads:count',
  COST_PER_OPP: 'elementwise spend:money opportunities:count',
  CAC: 'elementwise spend:money customers:count',
  ROAS: 'elementwise revenue:money spend:money',
  CONVERSION: 'elementwise fromCount:count toCount:count',
  FUNNEL_RATES: 'whole counts:count',
  REVERSE_FUNNEL: 'whole target:count rates:rate roundUp:flag?=true',
  SHOW_RATE: 'whole outcomes:text[6] mapping:mapping?',
  QUAL_RATE: 'whole outcomes:text[6] mapping:mapping?',
  OUTCOME_SUMMARY: 'whole outcomes:text[6] segments:text? mapping:mapping?',
  SQMS_NEEDED: 'elementwise quota:money coverage:factor dealSize:money sqmToOpp:rate',
  SDRS_NEEDED: 'elementwise sqmsNeeded:count sqmsPerSdr:count',
  SQM_DECISION: 'whole statuses:text[3] required:text[2] criteria:text?',
  SQM_BENCHMARK: 'elementwise metric:text[7] value:measure',
  CPQM_REPORT:
    'whole spendChannels:text spend:money meetingChannels:text outcomes:text[6] spendDates:date? meetingDates:date? period:text?[4] mapping:mapping?',
  CPQM_TREND:
    'whole spendChannels:text spend:money meetingChannels:text outcomes:text[6] spendDates:date meetingDates:date period:text[4] mapping:mapping?',
  FUNNEL_REPORT:
    'whole spendChannels:text spend:money channels:text stages:date spendDates:date? period:text?[4] view:text?[2] mapping:mapping?',
  DEALS_REPORT:
    'whole spendChannels:text spend:money dealChannels:text amounts:money created:date closed:date status:text spendDates:date? period:text?[4] view:text?[2] mapping:mapping?',
};

function declared(p: ParamKind): string {
  return `${p.name}:${p.kind}${p.optional ? '?' : ''}${p.default !== undefined ? `=${p.default}` : ''}${p.options ? `[${p.options.length}]` : ''}`;
}

describe('what the entries declare', () => {
  it('each function reads element by element or whole ranges, with arguments of these kinds', () => {
    expect(
      Object.fromEntries(
        RUNTIME.map((r) => [r.name, `${r.mode} ${r.params.map(declared).join(' ')}`]),
      ),
    ).toEqual(DECLARED);
  });

  it('optional arguments can be left out; required ones cannot', () => {
    for (const listed of CATALOGUE) {
      const required = listed.params.filter((p) => !p.optional).length;
      const call = FUNCTIONS[listed.name]!;
      expect(() => call(...Array(required - 1).fill('')), listed.name).toThrow(
        new RegExp(`^${listed.name}: takes ${required}`),
      );
      expect(call(...Array(required).fill('')), listed.name).toBe('');
    }
  });
});

describe('joining an entry with its docs', () => {
  const runtime = elementwiseEntry({
    name: 'HALF',
    params: [{ name: 'amount', kind: 'money' }],
    kernel: (amount) => amount / 2,
  });
  const docs = (params: Record<string, string>): Docs => ({
    family: 'Cost and efficiency',
    summary: 'Half an amount.',
    params,
    returns: 'Half the amount.',
    resultType: 'number',
    examples: [],
  });

  it('keeps what runs and adds each argument its line of docs', () => {
    const listed = withDocs(runtime, docs({ amount: 'Any amount.' }));
    expect(listed.mode).toBe('elementwise');
    expect(listed.params).toEqual([{ name: 'amount', kind: 'money', doc: 'Any amount.' }]);
    expect(listed.summary).toBe('Half an amount.');
  });

  it('refuses docs of other arguments, naming the function', () => {
    expect(() => withDocs(runtime, docs({ value: 'Any value.' }))).toThrow(
      /^HALF: .*\(value\).*\(amount\)/,
    );
    expect(() => withDocs(runtime, docs({ amount: 'a', extra: 'b' }))).toThrow(/^HALF: /);
    expect(() => withDocs(runtime, docs({}))).toThrow(/^HALF: /);
  });

  it('compiles element-wise entries element by element and whole-range ones over whole ranges', () => {
    const half = compile(runtime);
    expect(half(10)).toBe(5);
    expect(half([[10], [3]])).toEqual([[5], [1.5]]);
    expect(half('')).toBe('');
    const count: WholeRangeRuntime = {
      name: 'CELLS',
      mode: 'whole',
      params: [{ name: 'range', kind: 'text' }],
      run: (range) => (Array.isArray(range) ? range.length : 1),
    };
    expect(compile(count)([[1], [2], [3]])).toBe(3);
    expect(() => compile(count)()).toThrow(/^CELLS: takes 1 argument/);
  });
});

describe('native forms', () => {
  it('blank in a required argument gives blank; a blank optional one its default', () => {
    expect(blankGuard(['A2', 'B2'], 'A2/B2')).toBe('IF(OR(A2="",B2=""),"",A2/B2)');
    expect(orDefault(undefined, '1')).toBe('1');
    expect(orDefault('D2', '1')).toBe('IF(D2="",1,D2)');
  });

  it('are over the sample row A2, B2, … on the reference page', () => {
    expect(sampleRefs(4)).toEqual(['A2', 'B2', 'C2', 'D2']);
    expect(sampleRefs(0)).toEqual([]);
    const native = Object.fromEntries(reference().map((e) => [e.name, e.native]));
    expect(native.CPQM).toBe('=IF(OR(A2="",B2="",C2=""),"",A2/(B2*IF(D2="",1,D2)*C2))');
    expect(native.COST_PER_MEETING).toBe('=IF(OR(A2="",B2=""),"",A2/B2)');
    expect(native.CPM).toBe('=IF(OR(A2="",B2=""),"",A2/B2*1000)');
    expect(native.CONVERSION).toBe('=IF(OR(B2="",A2=""),"",B2/A2)');
    expect(native.MAX_CPQM).toBe('=IF(OR(A2="",B2="",C2=""),"",A2*B2/C2)');
    expect(native.HEADROOM).toBe('=IF(OR(A2="",B2=""),"",1-A2/B2)');
    expect(native.SQMS_NEEDED).toBe('=IF(OR(A2="",B2="",C2="",D2=""),"",A2*B2/(C2*D2))');
    // Whole-range functions and lookups have none on the page.
    expect(native.BLENDED_CPQM).toBeUndefined();
    expect(native.SQM_BENCHMARK).toBeUndefined();
    expect(native.REVERSE_FUNNEL).toBeUndefined();
    expect(Object.keys(NATIVE)).toContain('BLENDED_CPQM');
  });
});

describe('the reference page data', () => {
  const entries = reference();
  const entry = (name: string) => entries.find((e) => e.name === name)!;

  it('has every function with its signature, family, arguments and examples', () => {
    expect(entries.map((e) => e.name)).toEqual(RUNTIME.map((r) => r.name));
    expect(entry('CPQM').signature).toBe('CPQM(spend, meetings, qualRate, [showRate])');
    expect(entry('CPQM').family).toBe('Cost and efficiency');
    expect(entry('CPQM').params.map((p) => p.name)).toEqual([
      'spend',
      'meetings',
      'qualRate',
      'showRate',
    ]);
    for (const e of entries) {
      const listed = CATALOGUE.find((s) => s.name === e.name)!;
      expect(e.summary).toBe(listed.summary);
      expect(e.returns).toBe(listed.returns);
      expect(e.params.map((p) => p.doc)).toEqual(listed.params.map((p) => p.doc));
      expect(e.examples.map((x) => x.formula)).toEqual(listed.examples.map((x) => x.formula));
      expect(e.examples.map((x) => x.note)).toEqual(listed.examples.map((x) => x.note));
    }
  });

  it('shows example results as a sheet would: numbers to 2 decimals, tables row by row', () => {
    for (const e of entries) {
      const listed = CATALOGUE.find((s) => s.name === e.name)!;
      e.examples.forEach((shown, k) => {
        const result = listed.examples[k]!.result;
        if (typeof result === 'number') {
          expect(Math.abs(Number(shown.result) - result), shown.formula).toBeLessThanOrEqual(0.005);
          expect(shown.result, shown.formula).toMatch(/^-?\d+(\.\d{1,2})?$/);
        } else if (Array.isArray(result)) {
          expect(shown.result.split('; ')).toHaveLength(result.length);
          expect(shown.result.split('; ')[0]!.split(' | ')).toHaveLength(result[0]!.length);
        } else {
          expect(shown.result).toBe(String(result));
        }
      });
    }
    const cpqm = entry('CPQM').examples[0]!;
    expect(cpqm.result).toBe('135.71');
    const rates = entry('FUNNEL_RATES').examples.find((x) => x.result.includes(';'))!;
    expect(rates.result).toBe('0.2; 0.3; 0.3333333333333333; 0.25');
  });
});

// ---- SQL forms, evaluated ----

/** SQL NULL is NaN here: it passes through arithmetic and compares false, as NULL does. */
const div = (n: number, d: number) => (d === 0 || Number.isNaN(d) ? Number.NaN : n / d);
const divByProduct = (n: number, factors: number[]) =>
  factors.some((x) => x === 0 || Number.isNaN(x))
    ? Number.NaN
    : n / factors.reduce((product, x) => product * x);

class SqlError extends Error {}
const raise = (message: string): never => {
  throw new SqlError(message);
};

/** A dialect whose "SQL" is JavaScript, plus the bits of SQL the forms write themselves. */
const JS_OPS: SqlOps = {
  div: (n, d) => `div(${n}, ${d})`,
  divByProduct: (n, factors) => `divByProduct(${n}, [${factors.join(', ')}])`,
  mul: (a, b) => `(${a}) * (${b})`,
  error: (message) => `raise(${message})`,
  message: (parts) => `(${parts.map(part).join(' + ')})`,
  call: (helper, args) => `${helper}(${args.join(', ')})`,
};

function part(p: SqlMessagePart): string {
  if (typeof p === 'string') return JSON.stringify(p);
  if ('sql' in p) return `String(${p.sql})`;
  return `showNumber(${'num' in p ? p.num : p.anyNum})`;
}

function sqlAsJs(sql: string): string {
  return sql
    .replace(/CASE WHEN /g, '((')
    .replace(/ THEN /g, ') ? (')
    .replace(/ WHEN /g, ') : (')
    .replace(/ ELSE /g, ') : (')
    .replace(/ END\b/g, '))')
    .replace(/ = /g, ' === ')
    .replace(/\bNULL\b/g, 'NaN');
}

function evaluateSql(entry: ElementwiseRuntime, args: number[]): number {
  const names = entry.params.map((_, k) => `a${k}`);
  const js = sqlAsJs(entry.sql!(names, JS_OPS));
  const body = new Function(
    'div',
    'divByProduct',
    'raise',
    'showNumber',
    'funnel_ceil_forgiving',
    ...names,
    `return ${js};`,
  );
  return body(div, divByProduct, raise, showNumber, ceilForgiving, ...args);
}

type Outcome = { value: number } | { code: string; text: string; detail: string };

function sheetOutcome(name: string, args: number[]): Outcome {
  try {
    return { value: FUNCTIONS[name]!(...args) as number };
  } catch (e) {
    const m = /^[A-Z_]+: (.*?)(?:, (.*))? \((#[A-Z/0!]+)\)$/s.exec((e as Error).message)!;
    return { text: m[1]!, detail: m[2] ?? '', code: m[3]! };
  }
}

function argumentValue(p: ParamKind): fc.Arbitrary<number> {
  const zero = fc.constant(0);
  switch (p.kind) {
    case 'rate':
      return fc.oneof(
        zero,
        fc.constantFrom(1, 0.35, 0.6),
        fc.double({ min: 0, max: 1, noNaN: true }),
      );
    case 'factor':
      return fc.oneof(zero, fc.double({ min: 0, max: 20, noNaN: true }));
    default:
      return fc.oneof(
        zero,
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.constant(1e308),
      );
  }
}

const withSql = RUNTIME.filter((r): r is ElementwiseRuntime => r.mode === 'elementwise' && !!r.sql);

describe('SQL forms', () => {
  it('every element-wise function with a native form has one', () => {
    expect(withSql.map((r) => r.name)).toEqual(
      RUNTIME.filter((r) => r.mode === 'elementwise' && r.native).map((r) => r.name),
    );
  });

  it.each(withSql.map((r) => [r.name, r] as const))(
    '%s gives the same bits, NULL where the sheet shows #DIV/0!, and the same message',
    (name, entry) => {
      const check = (args: number[]) => {
        const sheet = sheetOutcome(name, args);
        let sql: number | SqlError;
        try {
          sql = evaluateSql(entry, args);
        } catch (e) {
          if (!(e instanceof SqlError)) throw e;
          sql = e;
        }
        const shown = JSON.stringify(args);
        if ('value' in sheet) {
          expect(Object.is(sql, sheet.value), `${shown}: ${sql} vs ${sheet.value}`).toBe(true);
        } else if (sheet.code === '#DIV/0!') {
          expect(Number.isNaN(sql), `${shown}: ${sql}`).toBe(true);
        } else if (sheet.text === 'the result is too large to show') {
          // The warehouse turns a result that is not finite into this error.
          expect(typeof sql === 'number' && !Number.isFinite(sql), `${shown}: ${sql}`).toBe(true);
        } else {
          expect(sql, shown).toBeInstanceOf(SqlError);
          expect((sql as SqlError).message).toBe(
            `${name.toLowerCase()}: ${sheet.text}, ${sheet.detail}`,
          );
        }
      };
      // Optional arguments arrive defaulted, as the warehouse passes them.
      const withDefaults = (args: number[]) =>
        entry.params.map((p, k) => args[k] ?? (p.default as number));
      fc.assert(
        fc.property(fc.tuple(...entry.params.map(argumentValue)), (args) =>
          check(withDefaults(args)),
        ),
        { numRuns: 120 },
      );
      // Each argument zero in turn, and a plain row.
      const plain: number[] = entry.params.map((p) => (p.kind === 'rate' ? 0.4 : 25));
      check(plain);
      plain.forEach((_, k) => {
        const zeroed = plain.slice();
        zeroed[k] = 0;
        check(zeroed);
      });
    },
  );

  it('CTR raises the sheet’s message, naming both counts, and NULL for no impressions', () => {
    const ctr = withSql.find((r) => r.name === 'CTR')!;
    expect(() => evaluateSql(ctr, [12, 10])).toThrow(/^ctr: clicks 12 \D+ 10, \S/);
    expect(evaluateSql(ctr, [3, 0])).toBeNaN();
    expect(evaluateSql(ctr, [10, 10])).toBe(1);
  });
});
