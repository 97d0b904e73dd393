import ts from 'typescript';

/** Small helpers over TypeScript's syntax tree, shared by the analyses. */

const maxUnitWalk = 20_000;

/** Is a function passed straight to a call (`new Promise((resolve) => …)`, `.pipe(filter((r) => …))`)? It belongs to its caller's unit. */
export function isInlineCallback(fn: ts.Node): boolean {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  let child: ts.Node = fn;
  let parent = fn.parent;
  while (ts.isParenthesizedExpression(parent)) {
    child = parent;
    parent = parent.parent;
  }
  return (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(child as ts.Expression) === true;
}

/**
 * Walks the code that runs as part of a function: its body and the callbacks passed inline to
 * calls (`new Promise((resolve) => …)`, `.pipe(filter((r) => …))`), not nested functions or classes.
 */
export function walkUnit(root: ts.Node, visit: (node: ts.Node) => void): void {
  let budget = maxUnitWalk;
  const step = (node: ts.Node): void => {
    if (budget-- <= 0) return;
    if (node !== root && (ts.isFunctionLike(node) || ts.isClassLike(node)) && !isInlineCallback(node)) return;
    visit(node);
    ts.forEachChild(node, step);
  };
  step(root);
}

/** The expressions a function returns (an expression body, or its `return` statements). */
export function returnedExpressions(fn: ts.SignatureDeclaration): ts.Expression[] {
  const body = 'body' in fn ? (fn.body as ts.Node | undefined) : undefined;
  if (body === undefined) return [];
  if (!ts.isBlock(body)) return [body as ts.Expression];
  const found: ts.Expression[] = [];
  walkUnit(body, (node) => {
    if (ts.isReturnStatement(node) && node.expression !== undefined && found.length < 8) found.push(node.expression);
  });
  return found;
}

/** An expression without the parentheses, casts, `!`, `satisfies` and `await` around it. */
export function skipOuter(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current) || ts.isAwaitExpression(current)) {
    current = current.expression;
  }
  return current;
}
