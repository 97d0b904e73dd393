import ts from 'typescript';
import type { MessageTypeEntry } from '../catalogue/index.js';
import { isReadableDeclaration } from '../declarations.js';
import { consumerCatalogues, namedTypeMatches } from './catalogue.js';
import type { ConsumerContext } from './context.js';
import type { Handler } from './handler.js';
import { heritageOf } from './heritage.js';

const messageTypes = consumerCatalogues.flatMap((c) => c.messageTypes ?? []);

/**
 * Inference from types, for a shared event library seen only as declaration files: a method
 * that overrides or implements a library (or abstract project) method taking a catalogued
 * broker message (`onMessage(data, msg: Message)`) is that library's message handler.
 */
export function messageTypedOverride(context: ConsumerContext, fn: ts.SignatureDeclaration): Handler | undefined {
  if (!ts.isMethodDeclaration(fn) || fn.body === undefined || !ts.isClassLike(fn.parent)) return undefined;
  const name = fn.name.getText();
  for (const base of heritageOf(context.checker, fn.parent)) {
    for (const member of base.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
      if (!(ts.isMethodDeclaration(member) || ts.isMethodSignature(member)) || member.name.getText() !== name) continue;
      // A base method with a body is the project's own dispatch, found from its body instead.
      if (ts.isMethodDeclaration(member) && member.body !== undefined && isReadableDeclaration(member, context.program)) continue;
      const entry = messageTypeOfParameters(context.checker, member);
      if (entry !== undefined) return { system: entry.system, description: entry.description, fn, name: `${fn.parent.name?.text ?? 'class'}.${name}` };
    }
  }
  return undefined;
}

function messageTypeOfParameters(checker: ts.TypeChecker, method: ts.SignatureDeclaration): MessageTypeEntry | undefined {
  for (const parameter of method.parameters) {
    if (parameter.type === undefined) continue;
    const type = checker.getTypeFromTypeNode(parameter.type);
    const entry = messageTypes.find((m) => namedTypeMatches(type, m.types, m.packages));
    if (entry !== undefined) return entry;
  }
  return undefined;
}
