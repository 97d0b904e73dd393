import ts from 'typescript';
import { nestClientClasses, nestClientFactories, nestDefaultTransport, nestMicroservicesPackage, nestTransports } from '../catalogue/request-reply.js';
import { isConstDeclaration, ownerNameOf, packageOfDeclaration } from '../declarations.js';
import { calleeNameOf } from '../resolve-call/index.js';
import { skipOuter } from '../ts-nodes.js';
import { constInitializerOf, maxHops, resolvedSymbol, signatureDeclarationOf } from './context.js';
import { propertyNameOf } from './syntax.js';
import { unique } from '../../util/text.js';
import type { TransportVerdict } from './types.js';

/** NestJS transports as written: client and server options, `Transport` members, client classes and injection tokens. */

export const unknownTransport = (why: string): TransportVerdict => ({ kind: 'unknown', why });

export function verdictOfMembers(members: readonly string[]): TransportVerdict {
  const transports = members.map((m) => nestTransports[m]);
  if (transports.some((t) => t === undefined)) return unknownTransport('its transport is not one this rule knows');
  const systems = unique(transports.map((t) => t?.system ?? ''));
  if (transports.every((t) => t?.broker === true)) return { kind: 'broker', systems };
  if (transports.every((t) => t?.broker === false)) return { kind: 'direct', systems };
  return unknownTransport(`its transport is one of ${systems.join(', ')} at run time`);
}

export function mergeVerdicts(verdicts: readonly TransportVerdict[]): TransportVerdict {
  const first = verdicts[0];
  if (first === undefined) return unknownTransport('no transport is visible');
  const unknown = verdicts.find((v) => v.kind === 'unknown');
  if (unknown !== undefined) return unknown;
  const systems = unique(verdicts.flatMap((v) => (v.kind === 'unknown' ? [] : v.systems)));
  if (verdicts.every((v) => v.kind === 'broker')) return { kind: 'broker', systems };
  if (verdicts.every((v) => v.kind === 'direct')) return { kind: 'direct', systems };
  return unknownTransport(`its registrations disagree (${systems.join(', ')})`);
}

/** The transport of client or server options: `{ transport: Transport.KAFKA, options: … }`. */
export function optionsVerdict(checker: ts.TypeChecker, expression: ts.Expression, hops: number): TransportVerdict {
  const node = skipOuter(expression);
  if (ts.isIdentifier(node) && hops < maxHops) {
    const initializer = constInitializerOf(checker, node);
    if (initializer !== undefined) return optionsVerdict(checker, initializer, hops + 1);
  }
  if (ts.isObjectLiteralExpression(node)) return objectOptionsVerdict(checker, node, hops);
  // Options built elsewhere: their declared type may still pin the transport (`KafkaOptions`).
  const transport = checker.getTypeAtLocation(node).getProperty('transport');
  if (transport === undefined) return unknownTransport('the client options are built at run time');
  return membersVerdict(checker.getTypeOfSymbol(transport)) ?? unknownTransport('the client options are built at run time');
}

/** Options written as an object literal: its `transport`, or that of a spread, else Nest's default. */
function objectOptionsVerdict(checker: ts.TypeChecker, node: ts.ObjectLiteralExpression, hops: number): TransportVerdict {
  let verdict: TransportVerdict | undefined;
  for (const property of node.properties) {
    if (ts.isSpreadAssignment(property)) {
      const spread = optionsVerdict(checker, property.expression, hops + 1);
      if (spread.kind !== 'unknown' || verdict === undefined) verdict = spread;
    } else if (propertyNameOf(property) === 'transport') {
      verdict = ts.isPropertyAssignment(property)
        ? transportVerdict(checker, property.initializer)
        : ts.isShorthandPropertyAssignment(property)
          ? transportVerdict(checker, property.name)
          : unknownTransport('`transport` is computed at run time');
    } else if (propertyNameOf(property) === 'customClass' || propertyNameOf(property) === 'strategy') {
      return unknownTransport('the client uses a custom transport');
    }
  }
  return verdict ?? verdictOfMembers([nestDefaultTransport]);
}

function transportVerdict(checker: ts.TypeChecker, expression: ts.Expression): TransportVerdict {
  return membersVerdict(checker.getTypeAtLocation(expression)) ?? unknownTransport('`transport` is computed at run time');
}

export function membersVerdict(type: ts.Type): TransportVerdict | undefined {
  const members = transportMembersOf(type);
  return members === undefined ? undefined : verdictOfMembers(members);
}

/** `Transport.KAFKA` → ['KAFKA']; `cond ? Transport.KAFKA : Transport.RMQ` → both; not a `Transport` → undefined. */
function transportMembersOf(type: ts.Type): string[] | undefined {
  const members: string[] = [];
  for (const part of type.isUnion() ? type.types : [type]) {
    if (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) continue;
    const declaration = part.getSymbol()?.declarations?.[0];
    if (!(part.flags & ts.TypeFlags.EnumLiteral) || declaration === undefined || !ts.isEnumMember(declaration)) return undefined;
    if (declaration.parent.name.text !== 'Transport' || packageOfDeclaration(declaration) !== nestMicroservicesPackage) return undefined;
    members.push(declaration.name.getText());
  }
  return members.length === 0 ? undefined : members;
}

/** `ClientKafka`, `ClientRMQ`… or a project class extending one; undefined for `ClientProxy` and anything else. */
export function verdictOfClientType(checker: ts.TypeChecker, type: ts.Type): TransportVerdict | undefined {
  const verdicts: TransportVerdict[] = [];
  for (const part of type.isUnion() ? type.types : [type]) {
    if (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) continue;
    const member = clientClassTransport(checker, part, 0);
    if (member === undefined) return undefined;
    verdicts.push(verdictOfMembers([member]));
  }
  return verdicts.length === 0 ? undefined : mergeVerdicts(verdicts);
}

function clientClassTransport(checker: ts.TypeChecker, type: ts.Type, depth: number): string | undefined {
  for (const symbol of [type.getSymbol(), type.aliasSymbol]) {
    const member = symbol === undefined ? undefined : nestClientClasses[symbol.getName()];
    const declaration = symbol?.declarations?.[0];
    if (member !== undefined && declaration !== undefined && packageOfDeclaration(declaration) === nestMicroservicesPackage) return member;
  }
  const target = classOrInterfaceOf(type);
  if (depth >= maxHops || target === undefined) return undefined;
  for (const base of checker.getBaseTypes(target)) {
    const member = clientClassTransport(checker, base, depth + 1);
    if (member !== undefined) return member;
  }
  return undefined;
}

/** The class or interface a type is an instance of (`ClientKafka` for `ClientKafka`, the generic class for `ClientProxy<…>`). */
function classOrInterfaceOf(type: ts.Type): ts.InterfaceType | undefined {
  if (!(type.flags & ts.TypeFlags.Object)) return undefined;
  const object = type as ts.ObjectType;
  const target = object.objectFlags & ts.ObjectFlags.Reference ? (object as ts.TypeReference).target : object;
  return target.objectFlags & ts.ObjectFlags.ClassOrInterface ? (target as ts.InterfaceType) : undefined;
}

/** `ClientProxyFactory.create(options)` or `new ClientRMQ(…)`; undefined for anything that does not create a NestJS client. */
export function clientCreationVerdict(checker: ts.TypeChecker, node: ts.CallExpression | ts.NewExpression): TransportVerdict | undefined {
  if (ts.isNewExpression(node)) return verdictOfClientType(checker, checker.getTypeAtLocation(node));
  const declaration = signatureDeclarationOf(checker, node);
  if (declaration === undefined || packageOfDeclaration(declaration) !== nestMicroservicesPackage) return undefined;
  const owner = ownerNameOf(declaration);
  const name = calleeNameOf(node);
  if (!nestClientFactories.some((f) => f.owner === owner && f.method === name)) return undefined;
  const options = node.arguments[0];
  return options === undefined ? unknownTransport('`ClientProxyFactory.create` has no options') : optionsVerdict(checker, options, 0);
}

/** `'ORDERS'` and a `const ORDERS = 'ORDERS'` name the same token; a `Symbol()` or class token is its declaration. */
export function tokenKeyOf(checker: ts.TypeChecker, token: ts.Expression, hops: number): string | undefined {
  const node = skipOuter(token);
  if (ts.isStringLiteralLike(node)) return `'${node.text}'`;
  if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return undefined;
  const declaration = resolvedSymbol(checker, node)?.declarations?.[0];
  if (declaration === undefined) return undefined;
  if (ts.isVariableDeclaration(declaration) && isConstDeclaration(declaration) && declaration.initializer !== undefined && hops < maxHops) {
    const inner = tokenKeyOf(checker, declaration.initializer, hops + 1);
    if (inner?.startsWith("'") === true) return inner;
  }
  return `${declaration.getSourceFile().fileName}#${String(declaration.pos)}`;
}
