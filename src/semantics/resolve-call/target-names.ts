import ts from 'typescript';
import { declaredTypeNamesOf } from '../declared-member.js';
import { symbolAt } from '../declarations.js';
import type { Role } from '../roles.js';
import type { ResolverContext } from './context.js';
import { firstArgument } from './sql-text.js';
import type { CallLike } from './types.js';

/** Names of what a call writes or reads: tables, models, entities, receivers, DynamoDB table names. */
export function targetNamesOf(context: ResolverContext, call: CallLike): string[] {
  return [...sqlTablesOf(context, call), ...namesInCall(context, call)];
}

/** Is the written table, model, entity or repository an outbox? Names are data, not code. */
export function targetsOutbox(context: ResolverContext, call: CallLike, tables: readonly string[]): boolean {
  const names = [...tables, ...namesInCall(context, call)].map((n) => n.toLowerCase());
  return names.some((name) => name.includes('outbox') || context.settings.outboxTables.some((table) => name.includes(table)));
}

/**
 * A write or read whose `outbox` flag is computed when first read: telling an outbox table
 * apart asks the checker for the receiver's type, which a caller that only wants publishes
 * (event names, envelopes) never needs.
 */
export function withLazyOutbox(role: Role, compute: () => boolean): Role {
  let value: boolean | undefined;
  return Object.defineProperty({ ...role }, 'outbox', { enumerable: true, get: () => (value ??= compute()) });
}

/** What the call itself names: its receiver (text and type), the entity passed first, and the table of a fluent chain. */
function namesInCall(context: ResolverContext, call: CallLike): string[] {
  const { checker } = context;
  const names: string[] = [];
  const callee = ts.isCallExpression(call) ? call.expression : call.tag;
  if (ts.isPropertyAccessExpression(callee)) {
    names.push(boundedText(callee.expression));
    // The declared type, when it is plain, names the receiver without making the checker infer it.
    names.push(...(declaredTypeNamesOf(checker, callee.expression) ?? typeNames(checker, checker.getTypeAtLocation(callee.expression))));
  }
  const first = firstArgument(call);
  if (first !== undefined) {
    if (ts.isIdentifier(first) || ts.isPropertyAccessExpression(first)) names.push(first.getText());
    if (ts.isNewExpression(first)) names.push(first.expression.getText());
    // The entity class or instance passed in: `manager.save(OutboxMessage, row)`, `em.persist(message)`.
    // Object and array literals (also through a local) are skipped: their type has no name, and
    // checking them is the costly part.
    const declared = ts.isIdentifier(first) ? declaredTypeNamesOf(checker, first) : undefined;
    if (declared !== undefined) names.push(...declared);
    else if (!isLiteralValue(checker, first)) {
      const symbolName = checker.getTypeAtLocation(first).getSymbol()?.getName();
      if (symbolName !== undefined && !symbolName.startsWith('__')) names.push(symbolName);
    }
  }
  // Fluent chains name the table after the verb: `trx.insert(row).into('outbox')`.
  const tableChain = context.matchedEntries.get(call)?.tableChain ?? [];
  for (let node: ts.Node = call; tableChain.length > 0 && ts.isPropertyAccessExpression(node.parent) && ts.isCallExpression(node.parent.parent); node = node.parent.parent) {
    const method = node.parent.name.text;
    const argument = node.parent.parent.arguments[0];
    if (tableChain.includes(method) && argument !== undefined) names.push(boundedText(argument));
  }
  return names;
}

function sqlTablesOf(context: ResolverContext, call: CallLike): string[] {
  const sql = context.sqlClassifications.get(call);
  return sql === undefined ? [] : [...sql.writtenTables, ...sql.readTables];
}

function isLiteralValue(checker: ts.TypeChecker, node: ts.Expression): boolean {
  if (ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node) || ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) return true;
  if (!ts.isIdentifier(node)) return false;
  const declaration = symbolAt(checker, node)?.valueDeclaration;
  const initializer = declaration !== undefined && ts.isVariableDeclaration(declaration) && declaration.type === undefined ? declaration.initializer : undefined;
  return initializer !== undefined && (ts.isObjectLiteralExpression(initializer) || ts.isArrayLiteralExpression(initializer));
}

function typeNames(checker: ts.TypeChecker, type: ts.Type): string[] {
  const names: string[] = [];
  const symbolName = type.getSymbol()?.getName();
  if (symbolName !== undefined) names.push(symbolName);
  for (const argument of checker.getTypeArguments(type as ts.TypeReference)) {
    const argumentName = argument.getSymbol()?.getName();
    if (argumentName !== undefined) names.push(argumentName);
  }
  return names;
}

function boundedText(node: ts.Node): string {
  const text = node.getText();
  return text.length > 200 ? text.slice(0, 200) : text;
}
