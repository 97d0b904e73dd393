import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { isReadableSource, symbolAt } from '../declarations.js';
import type { EventNameDeclarations } from '../event-name-declarations.js';
import type { FileSemantics } from '../file-semantics.js';

/**
 * Where event names are written in code: the type field of an event object that reaches a
 * publish, EventBridge `DetailType`, message attributes, literal types of an envelope's type
 * field, `@nestjs/cqrs` event classes, the subject of an abstract-publisher subclass, and event
 * patterns. Topics, queues, job names and commands are not event names.
 */
export interface EventNameSite {
  readonly name: string;
  /** Where to report. */
  readonly node: TSESTree.Node;
  /** The string literal that spells the name, when a suggestion can replace it. */
  readonly literal?: TSESTree.StringLiteral | TSESTree.TemplateLiteral;
  readonly source: EventNameSource;
}

export type EventNameSource =
  | 'published type field'
  | 'message attribute'
  | 'event factory argument'
  | 'envelope type'
  | 'event class'
  | 'publisher subject'
  | 'event pattern';

/** What every finder step needs: the file's semantics, its source and the configured type fields. */
export interface FinderContext {
  readonly semantics: FileSemantics;
  readonly checker: ts.TypeChecker;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** Property names that carry the event type. */
  readonly typeFields: ReadonlySet<string>;
  /** The type fields and `subject`, as an envelope type spells them. */
  readonly envelopeFields: ReadonlySet<string>;
  readonly declarations: EventNameDeclarations;
}

/** Names that say a type or object is a command, a request or a query, not an event. */
export const commandName = /(?:Command|Cmd|Request|Query)$/u;

/** A name from a string literal, or from an expression whose type is a string literal (a const, an enum member). */
export function siteOf(context: FinderContext, value: TSESTree.Node, source: EventNameSource): EventNameSite | undefined {
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return { name: value.value, node: value, literal: value, source };
  if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) {
    return { name: value.quasis[0]?.value.cooked ?? '', node: value, literal: value, source };
  }
  if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const declared = declaredNameSite(context, value, source);
  if (declared !== null) return declared;
  const type = context.checker.getTypeAtLocation(context.semantics.tsNodeOf(value));
  return type.isStringLiteral() ? { name: type.value, node: value, source } : undefined;
}

/**
 * A name spelled by an enum member or constant of the project is reported where it is declared,
 * once: at that declaration when it is in this file; not here when the declaring file reports it
 * (`undefined`). `null` means the value is not such a declaration (judge it at the use).
 */
export function declaredNameSite(context: FinderContext, use: TSESTree.Node, source: EventNameSource): EventNameSite | undefined | null {
  const { semantics } = context;
  const tsUse = semantics.tsNodeOf(use);
  const nameNode = ts.isTypeReferenceNode(tsUse)
    ? ts.isQualifiedName(tsUse.typeName) ? tsUse.typeName.right : tsUse.typeName
    : ts.isTypeQueryNode(tsUse)
      ? ts.isQualifiedName(tsUse.exprName) ? tsUse.exprName.right : tsUse.exprName
      : ts.isPropertyAccessExpression(tsUse) ? tsUse.name : tsUse;
  const declaration = symbolAt(context.checker, nameNode)?.valueDeclaration;
  if (declaration === undefined || !(ts.isEnumMember(declaration) || ts.isVariableDeclaration(declaration))) return null;
  const initializer = declaration.initializer;
  if (initializer === undefined || !ts.isStringLiteralLike(initializer) || !isReadableSource(declaration.getSourceFile(), semantics.program)) return null;
  if (declaration.getSourceFile() !== tsUse.getSourceFile()) return context.declarations.isEventName(declaration) ? undefined : null;
  const literal = semantics.esNodeOf(initializer);
  if (literal?.type !== AST_NODE_TYPES.Literal || typeof literal.value !== 'string') return null;
  return { name: literal.value, node: literal, literal, source };
}

export function symbolOf(context: FinderContext, node: TSESTree.Node): ts.Symbol | undefined {
  return symbolAt(context.checker, context.semantics.tsNodeOf(node));
}
