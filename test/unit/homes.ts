/**
 * Where each concept may be defined (DESIGN: "One home per concept"). A copy
 * elsewhere is found by the shape of its source, not by its name, so a
 * re-spelled period list or a second verdict fails the architecture test
 * whatever it is called.
 */
import ts from 'typescript';

export interface Home {
  concept: string;
  /** The one file (relative to src/) that may define it. */
  home: string;
  /** True where a node of a file spells the concept. */
  spells: (node: ts.Node) => boolean;
}

const PERIOD_NAMES = new Set(['week', 'month', 'quarter', 'year']);
const OUTCOME_WORDS = new Set([
  'qualified',
  'not qualified – company size',
  'not qualified – role',
  'not qualified – budget',
  'no show',
  'rescheduled – pending',
]);
const VERDICT_WORDS = new Set(['no spend recorded', 'uneconomical', 'economical', 'check data']);

function stringsOf(elements: readonly ts.Node[]): string[] {
  return elements.flatMap((e) =>
    ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) ? [e.text] : [],
  );
}

/** Text a node writes: a string, or the literal parts of a template. */
function textOf(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('\u0000');
  }
  return undefined;
}

export const HOMES: readonly Home[] = [
  {
    concept: 'a period list',
    home: 'metrics/period.ts',
    // ['week', 'month', …], or SQL that picks a unit by name: WHEN 'week' … WHEN 'month'.
    spells: (node) => {
      if (ts.isArrayLiteralExpression(node)) {
        return stringsOf(node.elements).filter((s) => PERIOD_NAMES.has(s)).length >= 2;
      }
      const text = textOf(node);
      return (
        text !== undefined && (text.match(/WHEN '(week|month|quarter|year)'/gi) ?? []).length >= 2
      );
    },
  },
  {
    concept: 'ISO-week arithmetic',
    home: 'metrics/period.ts',
    // A weekday from a day count (x % 7), or an ISO week written in SQL.
    spells: (node) => {
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.PercentToken &&
        ts.isNumericLiteral(node.right) &&
        node.right.text === '7'
      ) {
        return true;
      }
      const text = textOf(node);
      return text !== undefined && /ISOWEEK|%G-W%V|isoyear|%V\b/i.test(text);
    },
  },
  {
    concept: 'a channel key',
    home: 'sheets/labels.ts',
    // Spaces collapsed and case folded in one expression: channelKey's own recipe.
    spells: (node) => {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) {
        return false;
      }
      if (node.expression.name.text !== 'toLowerCase') return false;
      return /\.replace\(\/\\s\+\/g/.test(node.expression.expression.getText());
    },
  },
  {
    concept: 'an outcome-meaning table',
    home: 'metrics/outcomes.ts',
    // Two or more outcome labels side by side in a list, or a formula comparing with one.
    spells: (node) => {
      if (ts.isArrayLiteralExpression(node)) {
        return (
          stringsOf(node.elements).filter((s) => OUTCOME_WORDS.has(s.toLowerCase())).length >= 2
        );
      }
      const text = textOf(node);
      return text !== undefined && /="(no show|qualified|rescheduled – pending)"/i.test(text);
    },
  },
  {
    concept: 'a verdict formula',
    // The words and the rule on numbers; addon/templates/verdict.ts builds the formula from the words.
    home: 'metrics/verdict.ts',
    spells: (node) => {
      const text = textOf(node);
      return text !== undefined && VERDICT_WORDS.has(text.toLowerCase());
    },
  },
];

/** Every place in one source file that spells a concept outside its home: "concept at file:line". */
export function strays(file: string, source: string, homes: readonly Home[] = HOMES): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2020, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    for (const h of homes) {
      if (h.home !== file && h.spells(node)) {
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${h.concept} at ${file}:${line + 1} (its home is src/${h.home})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
