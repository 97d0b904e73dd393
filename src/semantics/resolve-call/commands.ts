import ts from 'typescript';
import { commandEntriesByClass, isCommandSenderPackage } from '../catalogue/index.js';
import { packageOfDeclaration, symbolAt } from '../declarations.js';
import { payloadExpressions } from '../payloads.js';
import type { Role } from '../roles.js';
import type { ResolverContext } from './context.js';
import { targetsOutbox, withLazyOutbox } from './target-names.js';

/** AWS SDK v3: `client.send(new PublishCommand(…))`; the command's class says what it does. */
export function roleFromCommand(context: ResolverContext, call: ts.CallExpression, declarations: readonly ts.Declaration[]): Role | undefined {
  const { checker } = context;
  const fromSmithy = declarations.some((d) => {
    const pkg = packageOfDeclaration(d);
    return pkg !== undefined && isCommandSenderPackage(pkg);
  });
  const command = call.arguments[0];
  if (!fromSmithy || command === undefined) return undefined;
  const symbol = checker.getTypeAtLocation(command).getSymbol();
  const entries = symbol === undefined ? undefined : commandEntriesByClass.get(symbol.getName());
  const declaration = symbol?.declarations?.[0];
  if (entries === undefined || declaration === undefined) return undefined;
  const pkg = packageOfDeclaration(declaration);
  const entry = entries.find((e) => pkg !== undefined && e.packages.includes(pkg));
  if (entry === undefined) return undefined;
  if (entry.role === 'effect') return { kind: 'effect', system: entry.system, what: entry.what ?? 'has a side effect' };
  if (entry.effectWhenInputHas !== undefined && commandInputHas(checker, command, entry.effectWhenInputHas.property)) {
    return { kind: 'effect', system: entry.system, what: entry.effectWhenInputHas.what };
  }
  if (entry.payload !== undefined) {
    const input = commandNewExpressionOf(checker, command)?.arguments?.[entry.payload.argument];
    context.payloadsByCall.set(call, payloadExpressions(checker, input, { path: entry.payload.path ?? [], argument: 0 }));
  }
  if (entry.partitionKey !== undefined) {
    const input = commandNewExpressionOf(checker, command)?.arguments?.[entry.partitionKey.argument];
    context.partitionKeys.set(call, { location: entry.partitionKey, messages: payloadExpressions(checker, input, { path: entry.partitionKey.path ?? [], argument: 0 }) });
  }
  if (entry.role !== 'write') return { kind: entry.role, system: entry.system };
  if (entry.repeat !== undefined) context.commandRepeats.set(call, entry.repeat);
  return withLazyOutbox({ kind: 'write', system: entry.system }, () =>
    targetsOutbox(context, call, entry.tableProperty === undefined ? [] : commandInputTables(checker, command, entry.tableProperty)),
  );
}

/** Does the command's input object (`new PublishCommand({ PhoneNumber })`, also through a `const`) set this property? */
function commandInputHas(checker: ts.TypeChecker, command: ts.Expression, property: string): boolean {
  const input = commandNewExpressionOf(checker, command)?.arguments?.[0];
  return input !== undefined && ts.isObjectLiteralExpression(input) && input.properties.some((p) => p.name !== undefined && p.name.getText().replace(/['"]/gu, '') === property);
}

/** `new PublishCommand(…)` written in place or held in a local. */
function commandNewExpressionOf(checker: ts.TypeChecker, command: ts.Expression): ts.NewExpression | undefined {
  let node: ts.Expression | undefined = command;
  if (ts.isIdentifier(node)) {
    const declaration = symbolAt(checker, node)?.valueDeclaration;
    node = declaration !== undefined && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
  }
  return node !== undefined && ts.isNewExpression(node) ? node : undefined;
}

/** Table names in a command's input (`{ TableName: 'outbox' }` of DynamoDB), at any depth: transactions included. */
function commandInputTables(checker: ts.TypeChecker, command: ts.Expression, tableProperty: string): string[] {
  let input: ts.Node = command;
  if (ts.isIdentifier(input)) {
    const declaration = checker.getSymbolAtLocation(input)?.valueDeclaration;
    if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined) return [];
    input = declaration.initializer;
  }
  const tables: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === tableProperty && ts.isStringLiteralLike(node.initializer)) {
      tables.push(node.initializer.text);
    }
    if (tables.length < 50) ts.forEachChild(node, visit);
  };
  visit(input);
  return tables;
}
