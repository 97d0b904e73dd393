import ts from 'typescript';
import { functionHeldBy, symbolAt } from './declarations.js';
import { returnedExpressions, skipOuter } from './ts-nodes.js';

/**
 * `const manager = await transactionManager(model); manager.wrap(cb)`: when a receiver comes
 * from a project factory whose declared return type is a type literal, the checker names the
 * member of that type, which has no body. The implementation is the member of the object
 * literal the factory returns.
 */
export function memberFromFactory(checker: ts.TypeChecker, call: ts.CallExpression | ts.TaggedTemplateExpression): ts.SignatureDeclaration | undefined {
  const callee = ts.isCallExpression(call) ? call.expression : call.tag;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const receiver = skipOuter(callee.expression);
  if (!ts.isIdentifier(receiver)) return undefined;
  const variable = symbolAt(checker, receiver)?.valueDeclaration;
  if (variable === undefined || !ts.isVariableDeclaration(variable) || variable.initializer === undefined) return undefined;
  const created = skipOuter(variable.initializer);
  if (!ts.isCallExpression(created)) return undefined;
  const factory = factoryFunctionOf(checker, created);
  if (factory === undefined) return undefined;
  for (const returned of returnedExpressions(factory)) {
    const object = skipOuter(returned);
    if (!ts.isObjectLiteralExpression(object)) continue;
    const member = memberOf(checker, object, callee.name.text);
    if (member !== undefined) return member;
  }
  return undefined;
}

function factoryFunctionOf(checker: ts.TypeChecker, call: ts.CallExpression): ts.SignatureDeclaration | undefined {
  const callee = skipOuter(call.expression);
  const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  for (const declaration of symbolAt(checker, nameNode)?.declarations ?? []) {
    if ((ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) && declaration.body !== undefined) return declaration;
    const held = functionHeldBy(declaration);
    if (held !== undefined) return held;
  }
  return undefined;
}

function memberOf(checker: ts.TypeChecker, object: ts.ObjectLiteralExpression, name: string): ts.SignatureDeclaration | undefined {
  for (const property of object.properties) {
    if (property.name === undefined || !ts.isIdentifier(property.name) || property.name.text !== name) continue;
    if (ts.isMethodDeclaration(property)) return property;
    if (ts.isPropertyAssignment(property)) {
      const value = skipOuter(property.initializer);
      if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return value;
    }
    if (ts.isShorthandPropertyAssignment(property)) {
      const local = checker.getShorthandAssignmentValueSymbol(property)?.valueDeclaration;
      if (local !== undefined && ts.isFunctionDeclaration(local) && local.body !== undefined) return local;
      const held = local === undefined ? undefined : functionHeldBy(local);
      if (held !== undefined) return held;
    }
  }
  return undefined;
}
