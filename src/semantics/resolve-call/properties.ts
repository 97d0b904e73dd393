import ts from 'typescript';
import type { CallLike } from './types.js';

/** Does an object-literal argument of the call have this property (at any depth; names compared case-insensitively, as headers are)? */
export function hasPropertyNamed(call: CallLike, property: string): boolean {
  return propertyNamed(call, property) !== undefined;
}

/** Does an object-literal argument set this property to one of these string values (`method: 'POST'`, any case)? */
export function hasPropertyValue(call: CallLike, property: string, values: readonly string[]): boolean {
  const found = propertyNamed(call, property);
  const value = found !== undefined && ts.isPropertyAssignment(found) ? found.initializer : undefined;
  return value !== undefined && ts.isStringLiteralLike(value) && values.some((v) => v.toLowerCase() === value.text.toLowerCase());
}

function propertyNamed(call: CallLike, property: string): ts.PropertyAssignment | ts.ShorthandPropertyAssignment | undefined {
  const args = ts.isCallExpression(call) ? call.arguments : [];
  const wanted = property.toLowerCase();
  let found: ts.PropertyAssignment | ts.ShorthandPropertyAssignment | undefined;
  let budget = 500;
  const visit = (node: ts.Node): void => {
    if (found !== undefined || budget-- <= 0) return;
    if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && node.name.getText().replace(/['"]/gu, '').toLowerCase() === wanted) {
      found = node;
      return;
    }
    if (ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node) || ts.isPropertyAssignment(node) || ts.isParenthesizedExpression(node)) {
      ts.forEachChild(node, visit);
    }
  };
  for (const argument of args) visit(argument);
  return found;
}
