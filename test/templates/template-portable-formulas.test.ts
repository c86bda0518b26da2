/**
 * A native tab downloaded as .xlsx must compute the same numbers in Excel and
 * LibreOffice, which refuse arithmetic on "" where Sheets and HyperFormula
 * read 0. Every formula of every native tab is parsed, and each operand of
 * + - * / ^ (and of ABS, ROUND and the like) that is a reference to a cell
 * that may hold text — a formula (which may give ""), a label, another
 * sheet's cell — must sit under an IF that tests that very reference for "".
 * SEQUENCE with a literal count is refused too: the range it numbers can grow.
 */
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src/addon/settings';
import type { Input, SheetSnapshot } from '../../src/workbook/memory';
import { parseA1 } from '../fakes/grid';
import {
  channels,
  createOk,
  mappedSettings,
  settingsWith,
  stages,
  tab,
  userWorkbook,
} from './helpers';

type Node =
  | { t: 'call'; name: string; args: Node[] }
  | { t: 'bin'; op: string; l: Node; r: Node }
  | { t: 'un'; op: string; x: Node }
  | { t: 'ref'; sheet: string | null; a1: string }
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'bool' };

type Token =
  | { k: 'str'; v: string }
  | { k: 'num'; v: number }
  | { k: 'ref'; sheet: string | null; a1: string }
  | { k: 'fn'; v: string }
  | { k: 'bool' }
  | { k: 'op'; v: string };

const CELL = String.raw`\$?[A-Z]{1,3}\$?\d+`;
const RANGE = new RegExp(
  String.raw`^(?:${CELL}(?::\$?[A-Z]{1,3}\$?\d*)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3})`,
);

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = text.startsWith('=') ? 1 : 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i]!;
    if (ch === ' ') {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let v = '';
      for (;;) {
        if (j >= text.length) throw new Error(`unclosed string in ${text}`);
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            v += '"';
            j += 2;
            continue;
          }
          break;
        }
        v += text[j++];
      }
      out.push({ k: 'str', v });
      i = j + 1;
      continue;
    }
    // A sheet name: 'My data'! or Data!
    const sheet = /^(?:'((?:[^']|'')*)'|([A-Za-z_][\w.]*))!/.exec(rest);
    if (sheet) {
      const ref = RANGE.exec(rest.slice(sheet[0].length));
      if (!ref) throw new Error(`no reference after ${sheet[0]} in ${text}`);
      out.push({
        k: 'ref',
        sheet: sheet[1] !== undefined ? sheet[1].replace(/''/g, "'") : sheet[2]!,
        a1: ref[0].replace(/\$/g, ''),
      });
      i += sheet[0].length + ref[0].length;
      continue;
    }
    const fn = /^([A-Z][A-Z0-9_.]*)\(/.exec(rest);
    if (fn) {
      out.push({ k: 'fn', v: fn[1]! });
      i += fn[0].length;
      continue;
    }
    const bool = /^(TRUE|FALSE)(?![\w(])/.exec(rest);
    if (bool) {
      out.push({ k: 'bool' });
      i += bool[0].length;
      continue;
    }
    const ref = RANGE.exec(rest);
    if (ref && !/^[A-Z]/.test(rest.slice(ref[0].length))) {
      out.push({ k: 'ref', sheet: null, a1: ref[0].replace(/\$/g, '') });
      i += ref[0].length;
      continue;
    }
    const num = /^\d+(?:\.\d+)?(?:E[+-]?\d+)?/i.exec(rest);
    if (num) {
      out.push({ k: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|[=<>+\-*/^&%(),])/.exec(rest);
    if (op) {
      out.push({ k: 'op', v: op[1]! });
      i += op[0].length;
      continue;
    }
    throw new Error(`cannot read ${rest} in ${text}`);
  }
  return out;
}

/** Operators from the loosest to the tightest binding, as Sheets and Excel read them. */
const LEVELS = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/'], ['^']];

function parse(text: string): Node {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (v: string) => {
    const tok = peek();
    return tok?.k === 'op' && tok.v === v;
  };
  const expect_ = (v: string) => {
    if (!isOp(v)) throw new Error(`expected ${v} at token ${pos} in ${text}`);
    pos++;
  };
  function binary(level: number): Node {
    if (level === LEVELS.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const tok = peek();
      if (tok?.k !== 'op' || !LEVELS[level]!.includes(tok.v)) return left;
      pos++;
      left = { t: 'bin', op: tok.v, l: left, r: binary(level + 1) };
    }
  }
  function unary(): Node {
    if (isOp('-') || isOp('+')) {
      const op = (tokens[pos++] as { v: string }).v;
      return { t: 'un', op, x: unary() };
    }
    let node = primary();
    while (isOp('%')) {
      pos++;
      node = { t: 'un', op: '%', x: node };
    }
    return node;
  }
  function primary(): Node {
    const tok = tokens[pos++];
    if (!tok) throw new Error(`formula ends early: ${text}`);
    switch (tok.k) {
      case 'str':
        return { t: 'str', v: tok.v };
      case 'num':
        return { t: 'num', v: tok.v };
      case 'bool':
        return { t: 'bool' };
      case 'ref':
        return { t: 'ref', sheet: tok.sheet, a1: tok.a1 };
      case 'fn': {
        const args: Node[] = [];
        if (!isOp(')')) {
          args.push(binary(0));
          while (isOp(',')) {
            pos++;
            args.push(binary(0));
          }
        }
        expect_(')');
        return { t: 'call', name: tok.v, args };
      }
      case 'op': {
        if (tok.v !== '(') break;
        const inner = binary(0);
        expect_(')');
        return inner;
      }
    }
    throw new Error(`unexpected ${JSON.stringify(tok)} in ${text}`);
  }
  const node = binary(0);
  if (pos !== tokens.length) throw new Error(`unread tokens in ${text}`);
  return node;
}

const ARITHMETIC = new Set(['+', '-', '*', '/', '^']);
/** Built-in functions that do arithmetic on a single value, so a "" argument fails in Excel. */
const SCALAR_MATH = new Set([
  'ABS',
  'ROUND',
  'ROUNDUP',
  'ROUNDDOWN',
  'INT',
  'SQRT',
  'LN',
  'EXP',
  'POWER',
  'MOD',
  'CEILING',
  'FLOOR',
]);

type Ref = Extract<Node, { t: 'ref' }>;
const key = (ref: Ref) => `${ref.sheet ?? ''}!${ref.a1}`;

/** The references `cond` tests against "" with `op` (= or <>), alone or inside OR / AND. */
function blankTests(cond: Node, op: '=' | '<>', joiner: 'OR' | 'AND'): string[] {
  if (cond.t === 'bin' && cond.op === op) {
    if (cond.l.t === 'ref' && cond.r.t === 'str' && cond.r.v === '') return [key(cond.l)];
    if (cond.r.t === 'ref' && cond.l.t === 'str' && cond.l.v === '') return [key(cond.r)];
  }
  if (cond.t === 'call' && op === '=' && cond.name === 'ISBLANK' && cond.args[0]?.t === 'ref') {
    return [key(cond.args[0])];
  }
  if (cond.t === 'call' && cond.name === joiner) {
    return cond.args.flatMap((a) => blankTests(a, op, joiner));
  }
  return [];
}

/**
 * What in `formula` Excel would refuse or get wrong: arithmetic on a
 * reference that may hold text and is not tested for "" by an enclosing IF,
 * and SEQUENCE with a literal count.
 */
function portabilityProblems(formula: string, mayHoldText: (ref: Ref) => boolean): string[] {
  const problems: string[] = [];
  const operand = (node: Node, guarded: ReadonlySet<string>, what: string) => {
    if (node.t === 'ref' && mayHoldText(node) && !guarded.has(key(node))) {
      problems.push(`${what} on ${node.sheet ? `${node.sheet}!` : ''}${node.a1}, which may be ""`);
    }
  };
  const visit = (node: Node, guarded: ReadonlySet<string>): void => {
    switch (node.t) {
      case 'bin':
        if (ARITHMETIC.has(node.op)) {
          operand(node.l, guarded, node.op);
          operand(node.r, guarded, node.op);
        }
        visit(node.l, guarded);
        visit(node.r, guarded);
        return;
      case 'un':
        operand(node.x, guarded, `unary ${node.op}`);
        visit(node.x, guarded);
        return;
      case 'call': {
        if (SCALAR_MATH.has(node.name)) for (const a of node.args) operand(a, guarded, node.name);
        if (node.name === 'SEQUENCE' && node.args[0]?.t === 'num') {
          problems.push(`SEQUENCE(${node.args[0].v}) counts a fixed number of rows`);
        }
        if (node.name === 'IF' && node.args.length >= 2) {
          const [cond, then, otherwise] = node.args as [Node, Node, Node | undefined];
          visit(cond, guarded);
          visit(then, new Set([...guarded, ...blankTests(cond, '<>', 'AND')]));
          if (otherwise) visit(otherwise, new Set([...guarded, ...blankTests(cond, '=', 'OR')]));
          return;
        }
        for (const a of node.args) visit(a, guarded);
        return;
      }
      default:
        return;
    }
  };
  visit(parse(formula), new Set());
  return problems;
}

/** 0-based [row, col] of an A1 cell. */
function cellOf(a1: string): [number, number] {
  const { row, col } = parseA1(a1);
  return [row - 1, col - 1];
}

/** Whether any cell `ref` covers on this tab holds a formula or text; other sheets' cells may. */
function mayHoldTextOn(snap: SheetSnapshot): (ref: Ref) => boolean {
  const holdsText = (input: Input) => typeof input === 'string' && input !== '';
  return (ref) => {
    if (ref.sheet !== null && ref.sheet !== snap.name) return true;
    const [from, to = from] = ref.a1.split(':') as [string, string?];
    const [r1, c1] = cellOf(/\d/.test(from) ? from : `${from}1`);
    const [r2, c2] = /\d/.test(to) ? cellOf(to) : [snap.formulas.length - 1, cellOf(`${to}1`)[1]];
    for (let r = r1; r <= r2; r++) {
      for (let c = c1; c <= c2; c++) if (holdsText(snap.formulas[r]?.[c] ?? null)) return true;
    }
    return false;
  };
}

describe('the portability check itself', () => {
  const anyCell = () => true;
  const cases: [string, number][] = [
    ['=(D10="")+D10', 1],
    ['=SUMPRODUCT((B10:B12<>"")*C10:C12)', 1],
    ['=SUMPRODUCT((C11:C13<>"")*((D11:D13="")+D11:D13),E11:E13)', 1],
    ['=IF(E19="","",G19+H19)', 2],
    ['=-B4', 1],
    ['=ROUND(C5,0)', 1],
    ['=TEXTJOIN(", ",TRUE(),"criterion "&SEQUENCE(8))', 1],
    ["=IF(ISBLANK('My data'!C2),\"\",'My data'!C2*2)", 0],
    ['=IF(OR(B10="",C10=""),"",B10/C10)', 0],
    ['=IF(OR(B11="",C11="",E11=""),"",B11/(C11*IF(D11="",1,D11)*E11))', 0],
    ['=IF(G19<>"",G19*2,"")', 0],
    ['=SUMPRODUCT((B11:B13<>"")*(C11:C13<>""),B11:B13)', 0],
    ['=SEQUENCE(ROWS(A6:A13))', 0],
    ['=ROUNDUP($B$5/$B$6,0)', 2],
  ];
  it.each(cases)('%s: %i problem(s)', (formula, count) => {
    expect(portabilityProblems(formula, anyCell)).toHaveLength(count);
  });

  it('reads the cells a reference covers, open columns included', () => {
    const snap: SheetSnapshot = {
      name: 'T',
      formulas: [
        [1, 'label'],
        [2, '=A1'],
        [3, null],
      ],
      values: [],
    };
    const holds = mayHoldTextOn(snap);
    const ref = (a1: string, sheet: string | null = null): Ref => ({ t: 'ref', sheet, a1 });
    expect([ref('A1'), ref('A1:A3'), ref('B3'), ref('B1'), ref('B2:B')].map(holds)).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(holds(ref('A1', 'Other'))).toBe(true);
    expect(holds(ref('A1', 'T'))).toBe(false);
  });
});

const CASES: [string, Settings][] = [
  ['defaults', settingsWith({ formulaStyle: 'native' })],
  [
    '12 stages, 30 channels',
    settingsWith({
      formulaStyle: 'native',
      stages: stages(12),
      meetingStage: 'Stage 5',
      channels: { mode: 'typed', rows: channels(30) },
    }),
  ],
  ['mapped channels', mappedSettings({ formulaStyle: 'native' })],
];

describe.each(CASES)('native tabs, %s', (_, settings) => {
  const wb = userWorkbook();
  const tabs = createOk(wb, settings);

  it.each(tabs)(
    '%s: no arithmetic on a cell that may be "", no SEQUENCE of a fixed size',
    (name) => {
      const snap = tab(wb, name);
      const holds = mayHoldTextOn(snap);
      const found: string[] = [];
      snap.formulas.forEach((row, r) => {
        row.forEach((f, c) => {
          if (typeof f !== 'string' || !f.startsWith('=')) return;
          for (const problem of portabilityProblems(f, holds)) {
            found.push(`row ${r + 1} col ${c + 1}: ${problem} in ${f}`);
          }
        });
      });
      expect(found).toEqual([]);
    },
  );
});
