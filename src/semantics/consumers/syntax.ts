import ts from 'typescript';

/** Syntax-only helpers: where a handler function sits in the code that registers it. */

/** The node, or the first ancestor that is not parentheses or an `as` cast around it. */
export function skipParentheses(node: ts.Node): ts.Node {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current)) current = current.parent;
  return current;
}

/** `handleOrder`, `this.handle`, `this.handle.bind(this)`: not a function written in place. */
export function isFunctionReference(expression: ts.Expression): boolean {
  return ts.isIdentifier(expression) || ts.isPropertyAccessExpression(expression) || ts.isCallExpression(expression);
}

/** An inline function passed as an argument or as a property of an object argument (`{ eachMessage: async () => … }`), or through one wrapper call. */
export function inlineFunctionIn(argument: ts.Expression): ts.ArrowFunction | ts.FunctionExpression | undefined {
  let node = argument;
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) node = node.expression;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
  if (ts.isCallExpression(node)) return node.arguments.map(inlineFunctionIn).find((f) => f !== undefined);
  if (ts.isObjectLiteralExpression(node)) {
    for (const property of node.properties) {
      if (ts.isPropertyAssignment(property)) {
        const inner = inlineFunctionIn(property.initializer);
        if (inner !== undefined && !ts.isCallExpression(property.initializer)) return inner;
      }
    }
  }
  return undefined;
}
