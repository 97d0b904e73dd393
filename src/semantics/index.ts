import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import type { EffectInterest } from './roles.js';
import type { FileSemantics } from './file-semantics.js';
import { createConsumers, type Consumers } from './consumers/index.js';
import { createCallResolver, type CallLike, type CallResolver } from './resolve-call/index.js';
import { readSettings, type EventDrivenSettings } from './settings.js';
import { functionsThatMayPublish } from './publishing-functions.js';
import { createSummaries, type Summaries } from './summaries.js';
import { transactionDecorators } from './catalogue/index.js';
import { getClientReach } from './client-reach.js';
import { functionHeldBy, packageOfDeclaration, symbolAt } from './declarations.js';
import { isThenable } from './promises.js';
import { publishFailureEscapes } from './rejections.js';

export type { Handler, PositionField } from './consumers/index.js';
export { positionFieldNames } from './consumers/index.js';
export type { LibraryCall, PartitionKeyedMessages } from './resolve-call/index.js';
export type { Effect, Role, RoleKind } from './roles.js';
export type { EffectInterest } from './effect-names.js';
export type { EventDrivenSettings, FunctionSpecifier, Settings } from './settings.js';
export { effectKey } from './summaries.js';

// The one door for rules: everything they use from the semantic layer is exported here.
export { fixedTransportRequestNames } from './catalogue/index.js';
export { breakingChanges, compatibilityModes } from './contracts/compatibility.js';
export type { Break, CompatibilityMode } from './contracts/compatibility.js';
export { contractListeners } from './contracts/discovery.js';
export type { EventContract } from './contracts/discovery.js';
export { contractOfJsonSchema } from './contracts/json-schema.js';
export { eventKey, findLockFile, readLockFile } from './contracts/lock-file.js';
export type { LockFile } from './contracts/lock-file.js';
export { packageOfDeclaration, symbolAt } from './declarations.js';
export { enclosingHandler } from './enclosing-handler.js';
export type { EnclosingHandler } from './enclosing-handler.js';
export { envelopeBuiltBy } from './envelope-factories.js';
export type { FieldOrigin } from './envelope-factories.js';
export { cloudEventsEnvelope, defaultEnvelope, displayOnlyEntities, isLibraryType, looksLikeEventObject, notEventTypeName, optionalPropertyCount, propertyNamesOf, typeNameOf } from './envelopes.js';
export type { EnvelopeField } from './envelopes.js';
export { buildersIn, callsIn, createEventNameFinder, defaultTypeFields, destinationsOf, localInitializerOf, objectLiteralsIn } from './event-names/index.js';
export type { EventNameSite } from './event-names/index.js';
export { isJsonDocument, jsonValueOf, rootSchema, schemaEventNames, schemaRequiredFields } from './event-schemas.js';
export type { JsonNode } from './event-schemas.js';
export { trackSegmentFacts } from './flow/segment-facts.js';
export type { SegmentFacts } from './flow/segment-facts.js';
export { createEventNameJudge, splitEventName } from './names/index.js';
export type { TenseOptions, TenseVerdict } from './names/index.js';
export { serializedValueOf } from './payloads.js';
export { getRequestReply } from './request-reply/index.js';
export type { CorrelatedWait, TransportVerdict } from './request-reply/index.js';
export type { CallLike } from './resolve-call/index.js';
export { isInlineCallback, runsCallbacksInline, staticModuleSpecifiersOf } from './ts-nodes.js';
export { settingsOutboxSystem } from './resolve-call/index.js';
export { createEventTimestamps, endsLikeTimestamp, isEventName, isTimestampName, wallClockOrderColumn } from './wall-clock.js';
export type { EventTimestamps } from './wall-clock.js';

export type { FileSemantics } from './file-semantics.js';

interface ProgramSemantics {
  readonly resolver: CallResolver;
  readonly summaries: Summaries;
  readonly consumers: Consumers;
}

const byProgram = new WeakMap<ts.Program, Map<EventDrivenSettings, ProgramSemantics>>();
const byFile = new WeakMap<TSESTree.Program, FileSemantics>();

/** The semantic layer for the file being linted: cached per file, and per program underneath. */
export function getSemantics(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileSemantics {
  const ast = context.sourceCode.ast;
  const cached = byFile.get(ast);
  if (cached !== undefined) return cached;
  const services = ESLintUtils.getParserServices(context);
  const settings = readSettings(context.settings);
  const { resolver, summaries, consumers } = programSemantics(services.program, settings);
  const tsNodeOf = (node: TSESTree.Node): ts.Node => services.esTreeNodeToTSNodeMap.get(node);
  let publishing: ReadonlySet<ts.Node> | undefined;
  // A file that imports no catalogued client, directly or through the project, asks the checker nothing about its calls.
  // Functions named in settings may stand for clients typed `any`: then every file can reach one.
  const reachByInterest = new Map<EffectInterest, boolean>();
  const canReach = (interest: EffectInterest = 'any'): boolean => {
    let reaches = reachByInterest.get(interest);
    if (reaches === undefined) {
      const file = tsNodeOf(ast) as ts.SourceFile;
      const reach = getClientReach(services.program);
      reaches = hasSettingsFunctions(settings) || (interest === 'publish' ? reach.reachesBroker(file) : reach.reachesAnyClient(file));
      reachByInterest.set(interest, reaches);
    }
    return reaches;
  };
  const semantics: FileSemantics = {
    program: services.program,
    checker: services.program.getTypeChecker(),
    settings,
    effectsOf: (node, interest) => (canReach(interest) ? summaries.effectsOfCall(tsNodeOf(node) as CallLike, interest) : []),
    mayPublishIn: (node) => {
      if (!canReach('publish')) return false;
      publishing ??= functionsThatMayPublish(tsNodeOf(ast) as ts.SourceFile, (call) => summaries.mayHaveRole(call, 'publish'));
      return publishing.has(tsNodeOf(node));
    },
    effectsOfFunction: (node, interest) => summaries.effectsOfFunction(tsNodeOf(node) as ts.SignatureDeclaration, interest),
    libraryCallOf: (node) => resolver.libraryCallOf(tsNodeOf(node) as CallLike),
    calleeDeclarationsOf: (node) => resolver.calleeDeclarationsOf(node),
    handlerOf: (node) => consumers.handlerOf(tsNodeOf(node)),
    runsPerMessage: (handler, node) => {
      const receives = handler.receivesAt;
      if (receives === undefined) return true;
      const at = tsNodeOf(node);
      return ts.isIterationStatement(receives, false) ? at.pos >= receives.pos && at.end <= receives.end : at.pos >= receives.end;
    },
    positionFieldOf: (node) => {
      const tsNode = tsNodeOf(node);
      return ts.isPropertyAccessExpression(tsNode) || ts.isCallExpression(tsNode) ? consumers.positionFieldOf(tsNode) : undefined;
    },
    transactionDecoratorOf: (node) => transactionDecoratorOf(tsNodeOf(node), services.program.getTypeChecker()),
    baseClassPublishes: (node) => baseClassPublishes(tsNodeOf(node) as ts.ClassLikeDeclaration, services.program.getTypeChecker(), summaries),
    publishFailureEscapes: (node) => publishFailureEscapes(tsNodeOf(node) as CallLike, resolver, summaries),
    returnsPromise: (node) => isThenable(services.program.getTypeChecker(), tsNodeOf(node)),
    tsNodeOf,
    esNodeOf: (node) => services.tsNodeToESTreeNodeMap.get(node),
  };
  byFile.set(ast, semantics);
  return semantics;
}

const transactionDecoratorNames: ReadonlySet<string> = new Set(transactionDecorators.flatMap((d) => d.decorators));

function transactionDecoratorOf(fn: ts.Node, checker: ts.TypeChecker): { readonly system: string; readonly label: string } | undefined {
  const method = ts.isFunctionExpression(fn) && ts.isMethodDeclaration(fn.parent) ? fn.parent : ts.isMethodDeclaration(fn) ? fn : undefined;
  for (const decorator of method === undefined ? [] : (ts.getDecorators(method) ?? [])) {
    const callee = ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
    // Syntax first: only a decorator spelled like a catalogued one is resolved.
    if (!ts.isIdentifier(callee) || !transactionDecoratorNames.has(callee.text)) continue;
    const declaration = symbolAt(checker, callee)?.declarations?.[0];
    const pkg = declaration === undefined ? undefined : packageOfDeclaration(declaration);
    const entry = transactionDecorators.find((d) => pkg !== undefined && d.packages.includes(pkg) && d.decorators.includes(callee.text));
    if (entry !== undefined) return { system: entry.system, label: `@${callee.text}()` };
  }
  return undefined;
}

function hasSettingsFunctions(settings: EventDrivenSettings): boolean {
  return [settings.publishers, settings.writers, settings.outboxWriters, settings.guards, settings.consumers, settings.failureRecorders].some((list) => list.length > 0);
}

function baseClassPublishes(cls: ts.ClassLikeDeclaration, checker: ts.TypeChecker, summaries: Summaries): boolean {
  const extended = cls.heritageClauses?.find((c) => c.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  if (extended === undefined) return false;
  const symbol = symbolAt(checker, extended.expression);
  const base = symbol?.declarations?.find((d): d is ts.ClassLikeDeclaration => ts.isClassLike(d));
  if (base === undefined) return false;
  return base.members.some((member) => {
    const fn = ts.isMethodDeclaration(member) ? member : functionHeldBy(member);
    return fn !== undefined && summaries.effectsOfFunction(fn, 'publish').some((effect) => effect.role.kind === 'publish');
  });
}

function programSemantics(program: ts.Program, settings: EventDrivenSettings): ProgramSemantics {
  let bySettings = byProgram.get(program);
  if (bySettings === undefined) {
    bySettings = new Map();
    byProgram.set(program, bySettings);
  }
  let semantics = bySettings.get(settings);
  if (semantics === undefined) {
    const resolver = createCallResolver(program, settings);
    // Settings may name any project function as a publisher or writer: then every file may reach one.
    const reach = hasSettingsFunctions(settings) ? undefined : getClientReach(program);
    semantics = { resolver, summaries: createSummaries(program, resolver, reach), consumers: createConsumers(program, resolver, settings.consumers) };
    bySettings.set(settings, semantics);
  }
  return semantics;
}
