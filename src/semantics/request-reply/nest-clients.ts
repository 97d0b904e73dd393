import ts from 'typescript';
import { nestClientDecorator, nestInjectDecorator, nestMicroservicesPackage, nestRequestMethods } from '../catalogue/request-reply.js';
import { ownerNameOf, packageOfDeclaration } from '../declarations.js';
import { calleeNameOf, shortCalleeText } from '../resolve-call/index.js';
import { skipOuter } from '../ts-nodes.js';
import { maxHops, maxWalk, resolvedSymbol, signatureDeclarationOf, type RequestReplyContext } from './context.js';
import { projectIndexOf } from './nest-registrations.js';
import { clip } from './syntax.js';
import { clientCreationVerdict, mergeVerdicts, optionsVerdict, tokenKeyOf, unknownTransport, verdictOfClientType, verdictOfMembers } from './transports.js';
import type { NestRequest, TransportVerdict } from './types.js';

/** NestJS clients: a request sent on one, and the transport of the client it is sent on. */

export function nestRequestOf(context: RequestReplyContext, call: ts.CallExpression): NestRequest | undefined {
  const name = calleeNameOf(call);
  const entry = nestRequestMethods.find((m) => m.method === name);
  const callee = skipOuter(call.expression);
  if (entry === undefined || !ts.isPropertyAccessExpression(callee)) return undefined;
  const declaration = signatureDeclarationOf(context.checker, call);
  if (declaration === undefined || packageOfDeclaration(declaration) !== nestMicroservicesPackage || ownerNameOf(declaration) !== entry.owner) return undefined;
  const label = shortCalleeText(call.expression);
  if (entry.kind === 'reply-subscription') return { kind: entry.kind, label, transport: verdictOfMembers(['KAFKA']) };
  return { kind: entry.kind, label, transport: clientVerdict(context, callee.expression, 0) };
}

/** The transport of the client a receiver expression holds. */
function clientVerdict(context: RequestReplyContext, receiver: ts.Expression, hops: number): TransportVerdict {
  const { checker } = context;
  const byType = verdictOfClientType(checker, checker.getTypeAtLocation(receiver));
  if (byType !== undefined) return byType;
  if (hops > maxHops) return unknownTransport('the client is passed through too many hands to follow');
  const target = skipOuter(receiver);
  if (ts.isCallExpression(target) || ts.isNewExpression(target)) {
    return clientCreationVerdict(checker, target) ?? unknownTransport(`the client comes from \`${shortCalleeText(target.expression)}(…)\``);
  }
  if (!ts.isIdentifier(target) && !ts.isPropertyAccessExpression(target)) return unknownTransport('the client comes from an expression this rule does not follow');
  const symbol = resolvedSymbol(checker, target);
  const declarations = symbol?.declarations ?? [];
  if (declarations.length === 0) return unknownTransport(`\`${clip(target.getText())}\` has no declaration`);
  return mergeVerdicts(declarations.map((d) => declarationVerdict(context, d, hops)));
}

function declarationVerdict(context: RequestReplyContext, declaration: ts.Declaration, hops: number): TransportVerdict {
  const { checker } = context;
  const name = ts.getNameOfDeclaration(declaration)?.getText() ?? 'client';
  if (ts.isParameter(declaration) || ts.isPropertyDeclaration(declaration)) {
    const token = injectTokenOf(checker, declaration);
    if (token !== undefined) return tokenVerdict(context, token);
    const clientOptions = ts.isPropertyDeclaration(declaration) ? clientDecoratorOptionsOf(checker, declaration) : undefined;
    if (clientOptions !== undefined) return optionsVerdict(checker, clientOptions, 0);
  }
  if (ts.isParameter(declaration)) return unknownTransport(`\`${name}\` is a parameter without an \`@Inject\` token, so its caller decides`);
  if ((ts.isPropertyDeclaration(declaration) || ts.isVariableDeclaration(declaration)) && declaration.initializer !== undefined) {
    return clientVerdict(context, declaration.initializer, hops + 1);
  }
  if (ts.isPropertyDeclaration(declaration) && ts.isClassLike(declaration.parent)) {
    const assigned = assignmentsToThis(declaration.parent, name);
    if (assigned.length > 0) return mergeVerdicts(assigned.map((value) => clientVerdict(context, value, hops + 1)));
  }
  return unknownTransport(`\`${name}\` is not created or injected where this rule can see it`);
}

/** `@Inject('ORDERS')` / `@Inject(ORDERS)` on a constructor parameter or a property. */
function injectTokenOf(checker: ts.TypeChecker, declaration: ts.ParameterDeclaration | ts.PropertyDeclaration): ts.Expression | undefined {
  for (const decorator of ts.getDecorators(declaration) ?? []) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call)) continue;
    const symbol = resolvedSymbol(checker, call.expression);
    const declared = symbol?.declarations?.[0];
    if (declared === undefined || symbol?.getName() !== nestInjectDecorator.name) continue;
    const pkg = packageOfDeclaration(declared);
    if (pkg !== undefined && (nestInjectDecorator.packages as readonly string[]).includes(pkg)) return call.arguments[0];
  }
  return undefined;
}

/** `@Client({ transport: Transport.KAFKA })` on a property. */
function clientDecoratorOptionsOf(checker: ts.TypeChecker, declaration: ts.PropertyDeclaration): ts.Expression | undefined {
  for (const decorator of ts.getDecorators(declaration) ?? []) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call)) continue;
    const symbol = resolvedSymbol(checker, call.expression);
    const declared = symbol?.declarations?.[0];
    if (symbol?.getName() === nestClientDecorator && declared !== undefined && packageOfDeclaration(declared) === nestMicroservicesPackage) {
      return call.arguments[0];
    }
  }
  return undefined;
}

function tokenVerdict(context: RequestReplyContext, token: ts.Expression): TransportVerdict {
  const key = tokenKeyOf(context.checker, token, 0);
  const display = clip(token.getText());
  if (key === undefined) return unknownTransport(`the injection token ${display} is computed at run time`);
  const registered = projectIndexOf(context).registrations.get(key);
  if (registered === undefined) return unknownTransport(`no client registration named ${display} is visible in this program`);
  const verdict = mergeVerdicts(registered);
  return verdict.kind === 'unknown' ? unknownTransport(`the client registered as ${display}: ${verdict.why}`) : verdict;
}

/** `this.client = ClientProxyFactory.create(…)` inside the class. */
function assignmentsToThis(cls: ts.ClassLikeDeclaration, name: string): ts.Expression[] {
  const found: ts.Expression[] = [];
  let budget = maxWalk;
  const visit = (node: ts.Node): void => {
    if (budget-- <= 0 || found.length > 8) return;
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      node.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
      node.left.name.text === name
    ) {
      found.push(node.right);
    }
    ts.forEachChild(node, visit);
  };
  for (const member of cls.members) visit(member);
  return found;
}
