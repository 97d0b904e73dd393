import ts from 'typescript';
import { functionHeldBy, isReadableDeclaration, symbolAt } from './declarations.js';
import { returnedExpressions, skipOuter } from './ts-nodes.js';

/**
 * How an envelope that a project helper builds gets its correlation and causation: an envelope
 * factory (`createEnvelope(type, data, cause)`), an event class (`new OrderShipped(data, meta)`)
 * or a builder function in another module. Either it copies them from what it is given (a
 * parameter), or it starts new ones (`randomUUID()`, a constant, nothing at all).
 */
export type FieldOrigin =
  /** Copied from the factory's parameter `index` (`correlationId: cause.correlationId`). */
  | { readonly kind: 'parameter'; readonly index: number }
  /** A value made inside the factory: `randomUUID()`, a constant. */
  | { readonly kind: 'fresh'; readonly how: string }
  /** The built envelope has no such field. */
  | { readonly kind: 'missing' }
  /** Anything else (a spread, a local the analysis does not follow). */
  | { readonly kind: 'unknown' };

export interface BuiltEnvelope {
  /** The factory as written at the call: `createEnvelope`, `new OrderShipped`. */
  readonly factory: string;
  readonly correlation: FieldOrigin;
  readonly causation: FieldOrigin;
}

const correlationField = 'correlationId';
const causationField = 'causationId';

/** What a factory call or a construction builds, when the callee is the project's and builds an envelope. */
export function envelopeBuiltBy(checker: ts.TypeChecker, program: ts.Program, node: ts.CallExpression | ts.NewExpression): BuiltEnvelope | undefined {
  const callee = skipOuter(node.expression);
  const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  const declaration = symbolAt(checker, nameNode)?.declarations?.find((d) => isReadableDeclaration(d, program));
  if (declaration === undefined) return undefined;
  const label = ts.isNewExpression(node) ? `new ${nameNode.getText()}` : nameNode.getText();
  if (ts.isNewExpression(node)) return ts.isClassDeclaration(declaration) ? builtByClass(declaration, label) : undefined;
  const fn = ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration) ? declaration : functionHeldBy(declaration);
  if (fn?.body === undefined) return undefined;
  for (const returned of returnedExpressions(fn)) {
    const object = skipOuter(returned);
    if (ts.isObjectLiteralExpression(object) && looksLikeEnvelope(object)) {
      return { factory: label, correlation: originIn(object, correlationField, fn), causation: originIn(object, causationField, fn) };
    }
  }
  return undefined;
}

/** An object literal with an envelope's name or identity fields. */
function looksLikeEnvelope(object: ts.ObjectLiteralExpression): boolean {
  const names = new Set(object.properties.map((p) => (p.name !== undefined && ts.isIdentifier(p.name) ? p.name.text : '')));
  return names.has(correlationField) || names.has(causationField) || (names.has('type') && (names.has('id') || names.has('data') || names.has('occurredAt')));
}

function originIn(object: ts.ObjectLiteralExpression, field: string, fn: ts.SignatureDeclaration): FieldOrigin {
  const property = object.properties.find((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === field);
  if (property === undefined) return object.properties.some(ts.isSpreadAssignment) ? { kind: 'unknown' } : { kind: 'missing' };
  if (ts.isShorthandPropertyAssignment(property)) return originOf(property.name, fn);
  return ts.isPropertyAssignment(property) ? originOf(property.initializer, fn) : { kind: 'unknown' };
}

/** `cause.correlationId`, `meta?.correlationId ?? randomUUID()`, `correlationId`, `randomUUID()`, `'none'`. */
function originOf(value: ts.Expression, fn: ts.SignatureDeclaration): FieldOrigin {
  const node = skipOuter(value);
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) {
    // A fallback keeps what is passed in: the caller decides.
    return originOf(node.left, fn);
  }
  if (ts.isCallExpression(node)) return { kind: 'fresh', how: `\`${skipOuter(node.expression).getText()}()\`` };
  if (ts.isStringLiteralLike(node) || ts.isNumericLiteral(node)) return { kind: 'fresh', how: 'a constant' };
  const root = rootIdentifierOf(node);
  const index = root === undefined ? -1 : fn.parameters.findIndex((p) => parameterBinds(p, root.text));
  return index === -1 ? { kind: 'unknown' } : { kind: 'parameter', index };
}

/** An event class: parameter properties, constructor assignments and field initializers. */
function builtByClass(cls: ts.ClassDeclaration, label: string): BuiltEnvelope | undefined {
  const constructor = cls.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined);
  const originFor = (field: string): FieldOrigin | undefined => {
    const parameterIndex = constructor?.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === field && ts.getModifiers(p) !== undefined) ?? -1;
    if (parameterIndex !== -1) return { kind: 'parameter', index: parameterIndex };
    const initialized = cls.members.find((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === field);
    if (initialized?.initializer !== undefined && constructor !== undefined) return originOf(initialized.initializer, constructor);
    if (initialized?.initializer !== undefined) return { kind: 'fresh', how: 'a field initializer' };
    for (const statement of constructor?.body?.statements ?? []) {
      if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) continue;
      const { left, right, operatorToken } = statement.expression;
      if (operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword && left.name.text === field && constructor !== undefined) {
        return originOf(right, constructor);
      }
    }
    return initialized === undefined ? undefined : { kind: 'missing' };
  };
  const correlation = originFor(correlationField);
  const causation = originFor(causationField);
  if (correlation === undefined && causation === undefined) return undefined;
  return { factory: label, correlation: correlation ?? { kind: 'missing' }, causation: causation ?? { kind: 'missing' } };
}

function rootIdentifierOf(node: ts.Expression): ts.Identifier | undefined {
  let current: ts.Expression = node;
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current) || ts.isNonNullExpression(current)) current = current.expression;
  return ts.isIdentifier(current) ? current : undefined;
}

/** Does a parameter bind this name, directly or by destructuring (`{ correlationId }: Meta`)? */
function parameterBinds(parameter: ts.ParameterDeclaration, name: string): boolean {
  const visit = (binding: ts.BindingName): boolean =>
    ts.isIdentifier(binding) ? binding.text === name : binding.elements.some((element) => !ts.isOmittedExpression(element) && visit(element.name));
  return visit(parameter.name);
}
