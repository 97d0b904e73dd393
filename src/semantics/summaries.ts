import ts from 'typescript';
import { declarationName, functionHeldBy, isReadableDeclaration, ownerNameOf } from './declarations.js';
import { memberFromFactory } from './factory-members.js';
import { createTransactionWrappers } from './transaction-wrappers.js';
import { runsCallbacksInline } from './ts-nodes.js';
import { createTypedWrappers } from './typed-wrappers.js';
import { idempotencyRoleOf } from './idempotency.js';
import type { ClientReach } from './client-reach.js';
import { createEffectNames, type EffectInterest } from './effect-names.js';
import { createImplementations } from './implementations.js';
import { calleeNameOf, isSqlTaggedTemplate, type CallLike, type CallResolver } from './resolve-call/index.js';
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

/** `reach`: which files can reach a catalogued client; without it every file may. */
export function createSummaries(program: ts.Program, resolver: CallResolver, reach?: ClientReach): Summaries {
  const implementations = createImplementations(program);
  const effectNames = createEffectNames(program, resolver.namesWithRoles, reach);
  const typedWrappers = createTypedWrappers(program);
  const checker = program.getTypeChecker();
  const transactionWrappers = createTransactionWrappers(
    // Opening a transaction with SQL text (`query('BEGIN')`) is a tx-begin of the catalogue too.
    (call) => effectsOfCall(call, 'tx-scope').find((e) => e.role.kind === 'tx-scope' || e.role.kind === 'tx-begin')?.role,
  );
  /**
   * Complete summaries, per interest: computed with nothing cut below them, so the same whoever
   * asks first. A `publish` ask that finds an `any` summary uses it (it holds every publish).
   */
  const byInterest = new Map<EffectInterest, WeakMap<ts.Node, readonly Effect[]>>();
  const completeSummary = (fn: ts.Node, interest: EffectInterest): readonly Effect[] | undefined =>
    byInterest.get(interest)?.get(fn) ?? (interest === 'any' ? undefined : byInterest.get('any')?.get(fn));
  let completed = 0;
  /**
   * Summaries asked for with an empty stack but cut by the depth limit or a cycle. Such a
   * summary depends only on the complete ones it used: reuse it until another one is cached.
   */
  const topLevel = new WeakMap<ts.Node, { readonly effects: readonly Effect[]; readonly completed: number; readonly interest: EffectInterest }>();
  /** The functions being summarized, outermost first; `inProgress` maps each to its index. */
  const stack: ts.Node[] = [];
  const inProgress = new Map<ts.Node, number>();
  /**
   * Cut summaries of the current top-level computation, reused so that a wide or deep graph is
   * not re-walked once per path (each is recomputed at most once per shallower depth).
   */
  let partial = new Map<ts.Node, PartialSummary>();
  /**
   * What the computation in progress lost: `noCut`, the stack index of the outermost in-progress
   * function that a cycle ran into, or `depthCut` (the depth limit, or a reused cut summary).
   */
  let cut = noCut;

  return { effectsOfCall, effectsOfFunction, mayHaveRole };

  function mayHaveRole(call: CallLike, interest: EffectInterest): boolean {
    // `` sql`INSERT …` `` through a callable client: the statement, not the tag's name, has the role.
    if (isSqlTaggedTemplate(call)) return interest !== 'publish';
    const name = calleeNameOf(call);
    // Of the calls without a name (`super(…)`, `getHandler()(…)`, `fns[i](…)`), only an
    // immediately invoked function is followed: its body is right there.
    return name === undefined ? isImmediatelyInvoked(call) : effectNames.mayReach(name, interest);
  }

  function effectsOfCall(call: CallLike, interest: EffectInterest = 'any'): readonly Effect[] {
    // Syntax first: a call whose name leads to no role through the project's functions is not resolved at all.
    if (!mayHaveRole(call, interest)) return [];
    const library = resolver.libraryCallOf(call);
    if (library !== undefined) {
      // What a repeat does matters to consumers, not to a caller that only wants publishes.
      const idempotency = interest === 'publish' ? undefined : idempotencyRoleOf(call, library, resolver);
      const chain = [library.label];
      return idempotency === undefined || idempotency === library.role ? [{ role: library.role, chain }] : [{ role: library.role, chain }, { role: idempotency, chain }];
    }
    const declarations = resolver.calleeDeclarationsOf(call);
    const target = declarations.map(implementationOf).find((d) => d !== undefined) ?? memberFromFactory(checker, call);
    const label = resolver.labelOf(call);
    if (target !== undefined) {
      if (!isReadableDeclaration(target, program)) return [];
      const effects = effectsOfFunction(target, interest).map((effect) => ({ role: effect.role, chain: [label, ...effect.chain] }));
      const wrapper = interest === 'publish' ? undefined : transactionWrappers.wrapperOf(target);
      const callback = wrapper === undefined || !ts.isCallExpression(call) ? undefined : call.arguments[wrapper.index];
      if (wrapper === undefined || callback === undefined || !isCallbackArgument(callback)) return effects;
      const role: Role = { kind: 'tx-scope', system: wrapper.system, callbackIndex: wrapper.index, ...(wrapper.handleRequired ? { handleRequired: true } : {}) };
      return [...effects, { role, chain: [label] }];
    }
    // A wrapper from a declaration-only library, judged from the broker client its class holds.
    for (const declaration of declarations) {
      const system = typedWrappers.publishSystemOf(declaration);
      if (system !== undefined) return [{ role: { kind: 'publish', system }, chain: [label, `${ownerNameOf(declaration) ?? 'wrapper'}.${declarationName(declaration) ?? 'publish'} (declared types)`] }];
    }
    // A call through an interface or abstract method does what its project implementations do.
    const found = new Map<string, Effect>();
    for (const { className, body } of declarations.flatMap((d) => implementations.implementationsOf(d))) {
      const name = ts.getNameOfDeclaration(body)?.getText() ?? (ts.isPropertyDeclaration(body.parent) ? body.parent.name.getText() : 'method');
      for (const effect of effectsOfFunction(body, interest)) {
        const key = effectKey(effect.role);
        if (!found.has(key)) found.set(key, { role: effect.role, chain: [label, `${className}.${name}`, ...effect.chain] });
      }
    }
    return [...found.values()];
  }

  function effectsOfFunction(fn: ts.SignatureDeclaration, interest: EffectInterest = 'any'): readonly Effect[] {
    const cached = completeSummary(fn, interest);
    if (cached !== undefined) return cached;
    const depth = stack.length;
    if (depth === 0) {
      const top = topLevel.get(fn);
      if (top?.completed === completed && top.interest === interest) return top.effects;
      partial = new Map();
    }
    // A cycle or a very deep chain contributes nothing more; the rest of the summary still holds,
    // but it is incomplete for every caller up to where the cut happened: they must not cache it.
    const onStack = inProgress.get(fn);
    if (onStack !== undefined) {
      cut = Math.min(cut, onStack);
      return [];
    }
    if (depth >= maxDepth) {
      cut = depthCut;
      return [];
    }
    const reused = partial.get(fn);
    if (reused !== undefined && reused.depth <= depth && reused.interest === interest) {
      // Still cut at the same in-progress function, or conservatively cut by depth.
      cut = Math.min(cut, reused.cut >= 0 && stack[reused.cut] === reused.cutAt ? reused.cut : depthCut);
      return reused.effects;
    }
    const outerCut = cut;
    cut = noCut;
    stack.push(fn);
    inProgress.set(fn, depth);
    try {
      const effects = collectEffects(fn, interest);
      // A cycle back to `fn` itself loses nothing: its effects are already in the summary.
      if (cut >= depth) complete(fn, effects, interest);
      else if (depth === 0) topLevel.set(fn, { effects, completed, interest });
      else partial.set(fn, { effects, depth, cut, cutAt: cut >= 0 ? stack[cut] : undefined, interest });
      return effects;
    } catch (error) {
      degrade(error);
      complete(fn, [], interest);
      return [];
    } finally {
      stack.pop();
      inProgress.delete(fn);
      cut = Math.min(outerCut, cut >= depth ? noCut : cut);
    }
  }

  function complete(fn: ts.Node, effects: readonly Effect[], interest: EffectInterest): void {
    let summaries = byInterest.get(interest);
    if (summaries === undefined) byInterest.set(interest, (summaries = new WeakMap()));
    summaries.set(fn, effects);
    completed++;
  }

  function collectEffects(fn: ts.SignatureDeclaration, interest: EffectInterest): readonly Effect[] {
    const body = 'body' in fn ? (fn.body as ts.Node | undefined) : undefined;
    if (body === undefined) return [];
    const found = new Map<string, Effect>();
    let visited = 0;
    const visit = (node: ts.Node): void => {
      if (++visited > maxNodesPerFunction) return;
      if (ts.isCallExpression(node) || ts.isTaggedTemplateExpression(node)) {
        for (const effect of effectsOfCall(node, interest)) {
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
