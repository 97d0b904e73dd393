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

/** Array and iterator methods that call their callback before they return. */
const iteratingMethods: ReadonlySet<string> = new Set(['map', 'forEach', 'filter', 'reduce', 'reduceRight', 'flatMap', 'some', 'every', 'find', 'findIndex', 'findLast', 'sort', 'toSorted']);

/**
 * Does a call run the callbacks passed to it as part of the code around it? Array methods do,
 * and so does a call whose result is awaited or returned (`await withRetry(cb)`, `new Promise(cb)`,
 * `await Promise.all(items.map(cb))`, `return session.withTransaction(cb).then(…)`). A
 * registration whose callback runs later, on its own (`router.post(path, handler)`,
 * `emitter.on('x', cb)`, `transaction.afterCommit(cb)`, `setTimeout(cb)`), does not.
 */
export function runsCallbacksInline(call: ts.CallExpression | ts.NewExpression): boolean {
  if (ts.isNewExpression(call)) return ts.isIdentifier(call.expression) && call.expression.text === 'Promise';
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee) && iteratingMethods.has(callee.name.text)) return true;
  let node: ts.Node = call;
  for (let hops = 0; hops < 6; hops++) {
    const parent = node.parent;
    if (ts.isAwaitExpression(parent) || ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === node)) return true;
    if (ts.isCallExpression(parent) || ts.isArrayLiteralExpression(parent) || ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent)) {
      node = parent;
    } else if (ts.isPropertyAccessExpression(parent) && ts.isCallExpression(parent.parent)) {
      // `.then(…)`, `.pipe(…)` chained on the call: what the chain ends in decides.
      node = parent.parent;
    } else {
      return false;
    }
  }
  return false;
}

/** The module specifiers of a file's top-level imports, re-exports and `import x = require(…)`. */
export function staticModuleSpecifiersOf(file: ts.SourceFile): ts.StringLiteralLike[] {
  const found: ts.StringLiteralLike[] = [];
  for (const statement of file.statements) {
    const specifier =
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
        ? statement.moduleSpecifier
        : ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)
          ? statement.moduleReference.expression
          : undefined;
    if (specifier !== undefined && ts.isStringLiteralLike(specifier)) found.push(specifier);
  }
  return found;
}
