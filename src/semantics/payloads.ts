import ts from 'typescript';
import type { PayloadLocation } from './catalogue/types.js';
import { isConstDeclaration, symbolAt } from './declarations.js';
import { returnedExpressions, skipOuter } from './ts-nodes.js';

/**
 * The message bodies a publish call carries, found through the catalogue's payload location:
 * `producer.send({ messages: [{ value: JSON.stringify(event) }] })` carries `event`. Locals
 * (`const entry = { … }`), arrays and the usual serialisations (`JSON.stringify`, `Buffer.from`,
 * a codec's `encode`) are seen through.
 */

const maxHops = 3;
/** Calls that serialise their first argument: `JSON.stringify(x)`, `Buffer.from(x)`, `codec.encode(x)`. */
const serializers: ReadonlySet<string> = new Set(['stringify', 'from', 'encode', 'serialize', 'pack', 'toBuffer']);

/** The expressions at a payload location: `root` is the call's argument, or an AWS command's input. */
export function payloadExpressions(checker: ts.TypeChecker, root: ts.Expression | undefined, location: PayloadLocation): ts.Expression[] {
  let current: ts.Expression[] = root === undefined ? [] : [root];
  for (const step of location.path ?? []) {
    const names = step.split('|');
    current = current.flatMap((node) => {
      const value = valueOf(checker, node, 0);
      if (value === undefined) return [];
      if (step === '*') return elementsOf(value);
      if (!ts.isObjectLiteralExpression(value)) return [];
      return value.properties.flatMap((property) => {
        const name = property.name !== undefined && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
        if (name === undefined || !names.includes(name)) return [];
        if (ts.isPropertyAssignment(property)) return [property.initializer];
        return ts.isShorthandPropertyAssignment(property) ? [property.name] : [];
      });
    });
  }
  return current;
}

/** The elements of an array: a literal's, or what a `.map` callback returns (`events.map((e) => ({ key: e.orderId, value }))`). */
function elementsOf(value: ts.Expression): ts.Expression[] {
  if (ts.isArrayLiteralExpression(value)) return value.elements.filter((e) => !ts.isSpreadElement(e));
  if (!ts.isCallExpression(value)) return [];
  const callee = skipOuter(value.expression);
  const callback = value.arguments[0];
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'map' || callback === undefined) return [];
  const fn = skipOuter(callback);
  return ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? returnedExpressions(fn) : [];
}

/**
 * The value a body was serialised from: `JSON.stringify(event)` → `event`,
 * `Buffer.from(JSON.stringify({ … }))` → the object literal. A string or number literal, or a
 * template, is not an object and gives undefined.
 */
export function serializedValueOf(checker: ts.TypeChecker, body: ts.Expression): ts.Expression | undefined {
  let node = valueOf(checker, body, 0);
  for (let depth = 0; node !== undefined && depth < 4; depth++) {
    if (ts.isStringLiteralLike(node) || ts.isNumericLiteral(node) || ts.isTemplateExpression(node)) return undefined;
    if (!ts.isCallExpression(node)) return node;
    const callee = skipOuter(node.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    const first = node.arguments[0];
    if (name === undefined || !serializers.has(name) || first === undefined) return node;
    node = valueOf(checker, first, 0);
  }
  return node;
}

/** An expression without parentheses and casts, through `const` locals to their initializer. */
function valueOf(checker: ts.TypeChecker, expression: ts.Expression, hops: number): ts.Expression | undefined {
  const node = skipOuter(expression);
  if (!ts.isIdentifier(node) || hops >= maxHops) return node;
  const declaration = symbolAt(checker, node)?.valueDeclaration;
  if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined) return node;
  // A `let` may be reassigned; a typed variable is judged by its type, which the caller reads from the identifier.
  if (!isConstDeclaration(declaration) || declaration.type !== undefined) return node;
  return valueOf(checker, declaration.initializer, hops + 1);
}
