import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { propertyKeyName } from '../../util/ast.js';
import { looksLikeEventType, notEventTypeName } from '../event-name-declarations.js';
import { declaredNameSite, type EventNameSite, type FinderContext } from './sites.js';

/** Literal types of the type field of an interface or type alias that looks like an event envelope. */
export function namesInEnvelopeType(context: FinderContext, node: TSESTree.TSInterfaceDeclaration | TSESTree.TSTypeAliasDeclaration): EventNameSite[] {
  if (notEventTypeName.test(node.id.name)) return [];
  const declaration = context.semantics.tsNodeOf(node) as ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
  const tsMembers = ts.isInterfaceDeclaration(declaration) ? declaration.members : ts.isTypeLiteralNode(declaration.type) ? declaration.type.members : undefined;
  if (tsMembers === undefined || !looksLikeEventType(node.id.name, tsMembers)) return [];
  const members =
    node.type === AST_NODE_TYPES.TSInterfaceDeclaration
      ? node.body.body
      : node.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral
        ? node.typeAnnotation.members
        : [];
  const sites: EventNameSite[] = [];
  for (const member of members) {
    if (member.type !== AST_NODE_TYPES.TSPropertySignature || member.computed || !context.envelopeFields.has(propertyKeyName(member))) continue;
    const annotation = member.typeAnnotation?.typeAnnotation;
    const parts = annotation?.type === AST_NODE_TYPES.TSUnionType ? annotation.types : annotation === undefined ? [] : [annotation];
    for (const part of parts) sites.push(...namesInTypeFieldPart(context, part));
  }
  return sites;
}

/** One member of a type field's union: `'OrderPlaced'`, or a reference to an enum member or constant. */
function namesInTypeFieldPart(context: FinderContext, part: TSESTree.TypeNode): EventNameSite[] {
  if (part.type === AST_NODE_TYPES.TSLiteralType && part.literal.type === AST_NODE_TYPES.Literal && typeof part.literal.value === 'string') {
    return [{ name: part.literal.value, node: part, literal: part.literal, source: 'envelope type' }];
  }
  if (part.type !== AST_NODE_TYPES.TSTypeReference && part.type !== AST_NODE_TYPES.TSTypeQuery) return [];
  // `subject: Subjects.TicketCreated`: the name is judged where the enum member is declared.
  const site = declaredNameSite(context, part, 'envelope type');
  if (site !== null) return site === undefined ? [] : [site];
  // Not the project's declaration (a library's enum, a type alias): judged where it is used.
  const type = context.checker.getTypeFromTypeNode(context.semantics.tsNodeOf(part) as ts.TypeNode);
  return type.isStringLiteral() ? [{ name: type.value, node: part, source: 'envelope type' }] : [];
}

/** An enum member or constant that an event type uses as its name (`Subjects.TicketCreated = 'ticket:created'`). */
export function nameOfDeclaration(context: FinderContext, node: TSESTree.TSEnumMember | TSESTree.VariableDeclarator): EventNameSite | undefined {
  const value = node.type === AST_NODE_TYPES.TSEnumMember ? node.initializer : node.init;
  if (value?.type !== AST_NODE_TYPES.Literal || typeof value.value !== 'string') return undefined;
  if (!context.declarations.isEventName(context.semantics.tsNodeOf(node))) return undefined;
  return { name: value.value, node: value, literal: value, source: 'envelope type' };
}
