/**
 * The global names a script reads without declaring them, found by parsing
 * it (so words inside strings and property names such as `x.process` do not count).
 */
import ts from 'typescript';

export function freeGlobals(source: string): Set<string> {
  const file = ts.createSourceFile(
    'Code.js',
    source,
    ts.ScriptTarget.ES2020,
    true,
    ts.ScriptKind.JS,
  );
  const declared = new Set<string>();
  const used = new Set<string>();

  function visit(node: ts.Node): void {
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isDeclarationName =
        (ts.isVariableDeclaration(parent) ||
          ts.isFunctionDeclaration(parent) ||
          ts.isFunctionExpression(parent) ||
          ts.isClassDeclaration(parent) ||
          ts.isClassExpression(parent) ||
          ts.isParameter(parent) ||
          ts.isBindingElement(parent) ||
          ts.isMethodDeclaration(parent) ||
          ts.isPropertyDeclaration(parent) ||
          ts.isGetAccessor(parent) ||
          ts.isSetAccessor(parent) ||
          ts.isCatchClause(parent) ||
          ts.isLabeledStatement(parent)) &&
        (parent as { name?: ts.Node }).name === node;
      const isPropertyName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        (ts.isBindingElement(parent) && parent.propertyName === node) ||
        ts.isBreakOrContinueStatement(parent);
      if (isDeclarationName || ts.isParameter(parent)) declared.add(node.text);
      else if (node.text === 'arguments' && insideFunction(node)) {
        // Every non-arrow function has its own `arguments`: not a global.
      } else if (!isPropertyName) used.add(node.text);
    }
    if (ts.isShorthandPropertyAssignment(node)) used.add(node.name.text);
    ts.forEachChild(node, visit);
  }
  function insideFunction(node: ts.Node): boolean {
    for (let at = node.parent; at; at = at.parent) {
      if (ts.isFunctionDeclaration(at) || ts.isFunctionExpression(at) || ts.isMethodDeclaration(at))
        return true;
    }
    return false;
  }
  visit(file);
  for (const name of declared) used.delete(name);
  return used;
}
