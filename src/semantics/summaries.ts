import ts from 'typescript';
import { declarationName, functionHeldBy, isReadableDeclaration, ownerNameOf } from './declarations.js';
import { memberFromFactory } from './factory-members.js';
import { createTransactionWrappers, type TransactionWrappers } from './transaction-wrappers.js';
import { runsCallbacksInline } from './ts-nodes.js';
import { createTypedWrappers, type TypedWrappers } from './typed-wrappers.js';
import { idempotencyRoleOf } from './idempotency.js';
import type { ClientReach } from './client-reach.js';
import { createEffectNames, type EffectInterest, type EffectNames } from './effect-names.js';
import { createImplementations, type Implementations } from './implementations.js';
import { calleeNameOf, isSqlTaggedTemplate, type CallLike, type CallResolver, type LibraryCall } from './resolve-call/index.js';
import type { Effect, Role } from './roles.js';
import { degrade } from '../util/guard.js';

/**
 * Function summaries: what a project function does when called ("publishes via
 * `producer.send`"), computed lazily from its body, transitively, and cached per program.
 * This is how the project's own wrappers — in other files, in generic base classes, or around a
 * callback API inside a `Promise` — make their call sites publishes and writes.
 */
export interface Summaries {
  /**
   * Effects of a call: its library role, or the summary of the project function it calls. With
   * an interest (`publish`, `tx-scope`), a call that cannot lead to such a role comes back empty
   * without being resolved (the result is the same for roles of that interest).
   */
  effectsOfCall(call: CallLike, interest?: EffectInterest): readonly Effect[];
  /** Could this call have a role of this interest, directly or through project functions, by its name? */
  mayHaveRole(call: CallLike, interest: EffectInterest): boolean;
  /**
   * Effects of running a function body (its own calls and the callbacks it passes inline). With
   * an interest, only calls that can lead to its roles are followed (an `any` summary, when there
   * is one, serves every interest).
   */
  effectsOfFunction(fn: ts.SignatureDeclaration, interest?: EffectInterest): readonly Effect[];
}

/** Which effects travel up through wrappers (an ack or dead-letter helper too). Transaction markers stay inside the function that uses them. */
const summarizedKinds: ReadonlySet<Role['kind']> = new Set(['publish', 'write', 'effect', 'guard', 'ack', 'nack']);
const maxDepth = 8;
const maxNodesPerFunction = 20_000;
const noCut = Number.POSITIVE_INFINITY;
const depthCut = -1;

/** A summary cut by the depth limit or a cycle, valid only within one top-level computation. */
interface PartialSummary {
  readonly effects: readonly Effect[];
  /** The stack depth it was computed at: a shallower ask recomputes it with more room. */
  readonly depth: number;
  /** `depthCut`, or the stack index of the in-progress function a cycle ran into. */
  readonly cut: number;
  readonly cutAt: ts.Node | undefined;
  readonly interest: EffectInterest;
}

/**
 * What the steps of a summary share: the program's helpers, the complete summaries of the
 * program, and the state of the computation in progress.
 */
interface SummaryContext {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly resolver: CallResolver;
  readonly implementations: Implementations;
  readonly effectNames: EffectNames;
  readonly typedWrappers: TypedWrappers;
  readonly transactionWrappers: TransactionWrappers;
  /**
   * Complete summaries, per interest: computed with nothing cut below them, so the same whoever
   * asks first. A `publish` ask that finds an `any` summary uses it (it holds every publish).
   */
  readonly byInterest: Map<EffectInterest, WeakMap<ts.Node, readonly Effect[]>>;
  /** How many complete summaries are cached: a cut top-level summary holds while this count does. */
  completed: number;
  /**
   * Summaries asked for with an empty stack but cut by the depth limit or a cycle. Such a
   * summary depends only on the complete ones it used: reuse it until another one is cached.
   */
  readonly topLevel: WeakMap<ts.Node, { readonly effects: readonly Effect[]; readonly completed: number; readonly interest: EffectInterest }>;
  /** The functions being summarized, outermost first; `inProgress` maps each to its index. */
  readonly stack: ts.Node[];
  readonly inProgress: Map<ts.Node, number>;
  /**
   * Cut summaries of the current top-level computation, reused so that a wide or deep graph is
   * not re-walked once per path (each is recomputed at most once per shallower depth).
   */
  partial: Map<ts.Node, PartialSummary>;
  /**
   * What the computation in progress lost: `noCut`, the stack index of the outermost in-progress
   * function that a cycle ran into, or `depthCut` (the depth limit, or a reused cut summary).
   */
  cut: number;
}

/** `reach`: which files can reach a catalogued client; without it every file may. */
export function createSummaries(program: ts.Program, resolver: CallResolver, reach?: ClientReach): Summaries {
  const context: SummaryContext = {
    program,
    implementations: createImplementations(program),
    effectNames: createEffectNames(program, resolver.namesWithRoles, reach),
    typedWrappers: createTypedWrappers(program),
    checker: program.getTypeChecker(),
    resolver,
    transactionWrappers: createTransactionWrappers(
      // Opening a transaction with SQL text (`query('BEGIN')`) is a tx-begin of the catalogue too.
      (call) => effectsOfCall(context, call, 'tx-scope').find((e) => e.role.kind === 'tx-scope' || e.role.kind === 'tx-begin')?.role,
    ),
    byInterest: new Map(),
    completed: 0,
    topLevel: new WeakMap(),
    stack: [],
    inProgress: new Map(),
    partial: new Map(),
    cut: noCut,
  };
  return {
    effectsOfCall: (call, interest) => effectsOfCall(context, call, interest),
    effectsOfFunction: (fn, interest) => effectsOfFunction(context, fn, interest),
    mayHaveRole: (call, interest) => mayHaveRole(context, call, interest),
  };
}

function mayHaveRole(context: SummaryContext, call: CallLike, interest: EffectInterest): boolean {
  // `` sql`INSERT …` `` through a callable client: the statement, not the tag's name, has the role.
  if (isSqlTaggedTemplate(call)) return interest !== 'publish';
  const name = calleeNameOf(call);
  // Of the calls without a name (`super(…)`, `getHandler()(…)`, `fns[i](…)`), only an
  // immediately invoked function is followed: its body is right there.
  return name === undefined ? isImmediatelyInvoked(call) : context.effectNames.mayReach(name, interest);
}

function effectsOfCall(context: SummaryContext, call: CallLike, interest: EffectInterest = 'any'): readonly Effect[] {
  const { resolver } = context;
  // Syntax first: a call whose name leads to no role through the project's functions is not resolved at all.
  if (!mayHaveRole(context, call, interest)) return [];
  const library = resolver.libraryCallOf(call);
  if (library !== undefined) return effectsOfLibraryCall(resolver, call, library, interest);
  const declarations = resolver.calleeDeclarationsOf(call);
  const target = declarations.map(implementationOf).find((d) => d !== undefined) ?? memberFromFactory(context.checker, call);
  const label = resolver.labelOf(call);
  if (target !== undefined) return effectsThroughProjectFunction(context, call, target, label, interest);
  // A wrapper from a declaration-only library, judged from the broker client its class holds.
  for (const declaration of declarations) {
    const system = context.typedWrappers.publishSystemOf(declaration);
    if (system !== undefined) return [{ role: { kind: 'publish', system }, chain: [label, `${ownerNameOf(declaration) ?? 'wrapper'}.${declarationName(declaration) ?? 'publish'} (declared types)`] }];
  }
  return effectsThroughImplementations(context, declarations, label, interest);
}

function effectsOfLibraryCall(resolver: CallResolver, call: CallLike, library: LibraryCall, interest: EffectInterest): readonly Effect[] {
  // What a repeat does matters to consumers, not to a caller that only wants publishes.
  const idempotency = interest === 'publish' ? undefined : idempotencyRoleOf(call, library, resolver);
  const chain = [library.label];
  return idempotency === undefined || idempotency === library.role ? [{ role: library.role, chain }] : [{ role: library.role, chain }, { role: idempotency, chain }];
}

/** A call of a project function does what its body does; a transaction wrapper also scopes the callback it is given. */
function effectsThroughProjectFunction(context: SummaryContext, call: CallLike, target: ts.SignatureDeclaration, label: string, interest: EffectInterest): readonly Effect[] {
  if (!isReadableDeclaration(target, context.program)) return [];
  const effects = effectsOfFunction(context, target, interest).map((effect) => ({ role: effect.role, chain: [label, ...effect.chain] }));
  const wrapper = interest === 'publish' ? undefined : context.transactionWrappers.wrapperOf(target);
  const callback = wrapper === undefined || !ts.isCallExpression(call) ? undefined : call.arguments[wrapper.index];
  if (wrapper === undefined || callback === undefined || !isCallbackArgument(callback)) return effects;
  const role: Role = { kind: 'tx-scope', system: wrapper.system, callbackIndex: wrapper.index, ...(wrapper.handleRequired ? { handleRequired: true } : {}) };
  return [...effects, { role, chain: [label] }];
}

/** A call through an interface or abstract method does what its project implementations do. */
function effectsThroughImplementations(context: SummaryContext, declarations: readonly ts.Declaration[], label: string, interest: EffectInterest): readonly Effect[] {
  const found = new Map<string, Effect>();
  for (const { className, body } of declarations.flatMap((d) => context.implementations.implementationsOf(d))) {
    const name = ts.getNameOfDeclaration(body)?.getText() ?? (ts.isPropertyDeclaration(body.parent) ? body.parent.name.getText() : 'method');
    for (const effect of effectsOfFunction(context, body, interest)) {
      const key = effectKey(effect.role);
      if (!found.has(key)) found.set(key, { role: effect.role, chain: [label, `${className}.${name}`, ...effect.chain] });
    }
  }
  return [...found.values()];
}

function effectsOfFunction(context: SummaryContext, fn: ts.SignatureDeclaration, interest: EffectInterest = 'any'): readonly Effect[] {
  const { stack, inProgress } = context;
  const cached = completeSummary(context, fn, interest);
  if (cached !== undefined) return cached;
  const depth = stack.length;
  if (depth === 0) {
    const top = context.topLevel.get(fn);
    if (top?.completed === context.completed && top.interest === interest) return top.effects;
    context.partial = new Map();
  }
  // A cycle or a very deep chain contributes nothing more; the rest of the summary still holds,
  // but it is incomplete for every caller up to where the cut happened: they must not cache it.
  const onStack = inProgress.get(fn);
  if (onStack !== undefined) {
    context.cut = Math.min(context.cut, onStack);
    return [];
  }
  if (depth >= maxDepth) {
    context.cut = depthCut;
    return [];
  }
  const reused = context.partial.get(fn);
  if (reused !== undefined && reused.depth <= depth && reused.interest === interest) {
    // Still cut at the same in-progress function, or conservatively cut by depth.
    context.cut = Math.min(context.cut, reused.cut >= 0 && stack[reused.cut] === reused.cutAt ? reused.cut : depthCut);
    return reused.effects;
  }
  const outerCut = context.cut;
  context.cut = noCut;
  stack.push(fn);
  inProgress.set(fn, depth);
  try {
    const effects = collectEffects(context, fn, interest);
    const cut = context.cut;
    // A cycle back to `fn` itself loses nothing: its effects are already in the summary.
    if (cut >= depth) complete(context, fn, effects, interest);
    else if (depth === 0) context.topLevel.set(fn, { effects, completed: context.completed, interest });
    else context.partial.set(fn, { effects, depth, cut, cutAt: cut >= 0 ? stack[cut] : undefined, interest });
    return effects;
  } catch (error) {
    degrade(error);
    complete(context, fn, [], interest);
    return [];
  } finally {
    stack.pop();
    inProgress.delete(fn);
    context.cut = Math.min(outerCut, context.cut >= depth ? noCut : context.cut);
  }
}

function completeSummary(context: SummaryContext, fn: ts.Node, interest: EffectInterest): readonly Effect[] | undefined {
  const { byInterest } = context;
  return byInterest.get(interest)?.get(fn) ?? (interest === 'any' ? undefined : byInterest.get('any')?.get(fn));
}

function complete(context: SummaryContext, fn: ts.Node, effects: readonly Effect[], interest: EffectInterest): void {
  let summaries = context.byInterest.get(interest);
  if (summaries === undefined) context.byInterest.set(interest, (summaries = new WeakMap()));
  summaries.set(fn, effects);
  context.completed++;
}

function collectEffects(context: SummaryContext, fn: ts.SignatureDeclaration, interest: EffectInterest): readonly Effect[] {
  const body = 'body' in fn ? (fn.body as ts.Node | undefined) : undefined;
  if (body === undefined) return [];
  const found = new Map<string, Effect>();
  let visited = 0;
  const visit = (node: ts.Node): void => {
    if (++visited > maxNodesPerFunction) return;
    if (ts.isCallExpression(node) || ts.isTaggedTemplateExpression(node)) {
      for (const effect of effectsOfCall(context, node, interest)) {
        // A publish-only summary keeps publishes: the rest is never asked of it.
        if (interest === 'publish' && effect.role.kind !== 'publish') continue;
        const key = effectKey(effect.role);
        if (summarizedKinds.has(effect.role.kind) && !found.has(key)) found.set(key, effect);
      }
    }
    if (isDeferredBody(node)) return;
    ts.forEachChild(node, visit);
  };
  visit(body);
  return [...found.values()];
}

/** A callback written in place, or a reference to one (a wrapper handing its own callback on). */
function isCallbackArgument(node: ts.Expression): boolean {
  let inner = node;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  return ts.isArrowFunction(inner) || ts.isFunctionExpression(inner) || ts.isIdentifier(inner) || ts.isPropertyAccessExpression(inner);
}

function isImmediatelyInvoked(call: CallLike): boolean {
  if (!ts.isCallExpression(call)) return false;
  let callee: ts.Expression = call.expression;
  while (ts.isParenthesizedExpression(callee)) callee = callee.expression;
  return ts.isArrowFunction(callee) || ts.isFunctionExpression(callee);
}

/** One effect per kind is enough for a summary; an outbox write is distinct from a state write. */
export function effectKey(role: Role): string {
  return role.outbox === true ? `${role.kind}:outbox` : role.kind;
}

/**
 * Code that does not run when the enclosing function runs: nested function and class
 * declarations, object-literal methods, and callbacks registered to run later
 * (`router.post(path, handler)`, `emitter.on('x', cb)`). Function expressions passed to a call
 * that runs them as part of the body (`new Promise((resolve) => …)`, `items.map(cb)`, an
 * awaited `withRetry(cb)`) are treated as running.
 */
function isDeferredBody(node: ts.Node): boolean {
  if (ts.isFunctionDeclaration(node) || ts.isClassLike(node) || ts.isMethodDeclaration(node) || ts.isAccessor(node)) return true;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    let argument: ts.Node = node;
    while (ts.isParenthesizedExpression(argument.parent)) argument = argument.parent;
    const parent = argument.parent;
    return !((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(argument as ts.Expression) === true && runsCallbacksInline(parent));
  }
  return false;
}

/** Overload signatures have no body: use the implementation. */
function implementationOf(declaration: ts.Declaration): ts.SignatureDeclaration | undefined {
  if (ts.isFunctionLike(declaration) && 'body' in declaration && declaration.body !== undefined) return declaration;
  const held = functionHeldBy(declaration);
  if (held !== undefined) return held;
  if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) {
    const siblings = (declaration.parent as ts.Node & { statements?: ts.NodeArray<ts.Node>; members?: ts.NodeArray<ts.Node> });
    const candidates: readonly ts.Node[] = siblings.statements ?? siblings.members ?? [];
    const name = declaration.name?.getText();
    return candidates.find(
      (c): c is ts.FunctionDeclaration | ts.MethodDeclaration =>
        (ts.isFunctionDeclaration(c) || ts.isMethodDeclaration(c)) && c.body !== undefined && c.name?.getText() === name,
    );
  }
  return undefined;
}
