import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type Effect, type FileSemantics, getSemantics, type Handler, positionFieldNames, type SegmentFacts, trackSegmentFacts } from '../src/semantics/index.js';
import { inlineCallbacksOf, isFunctionNode, isNode, parentOf } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';
import { describeChain } from '../src/util/messages.js';

export type Options = [];
export type MessageId = 'nonIdempotentEffect';

/** What the path through a handler has done so far. */
interface PathFacts {
  readonly handler?: Handler;
  /** A dedupe guard (or an idempotent wrapper, a version gate, a lookup that returns early) came first. */
  readonly guarded: boolean;
}

const outsideHandlers: PathFacts = { guarded: false };
/** Wrappers that make a whole handler idempotent (`@aws-lambda-powertools/idempotency`). */
const idempotentWrappers: ReadonlySet<string> = new Set(['makeIdempotent', 'makeHandlerIdempotent', 'idempotent', 'Idempotent']);
/** Fields whose comparison gates a handler on the order of events. Linear: one alternation. */
const versionGate = /version|sequence|revision|^seq$/iu;
/** Fields of a state machine. */
const stateField = /^(?:status|state|stage|phase)$/iu;
const accumulatingAssignment: ReadonlySet<string> = new Set(['+=', '-=', '*=']);
const appendingMethods: ReadonlySet<string> = new Set(['push', 'unshift']);

export default createRule<Options, MessageId>({
  name: 'idempotent-consumer',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require message handlers to deduplicate on the event id before effects that a redelivery would repeat',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    messages: {
      nonIdempotentEffect:
        '{{effect}} {{what}} in {{handler}} with no dedupe on the event id first. {{system}} delivers at least once, so a redelivery does it again: record the event id first (an inbox row with `ON CONFLICT DO NOTHING`, Redis `SET … NX`) and skip repeats.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const semantics = getSemantics(context);
    const flow = trackSegmentFacts<PathFacts>({ empty: outsideHandlers, merge: mergeFacts, initial: (node, outer) => startingFacts(semantics, node, outer) });
    const scan: ConsumerScan = { context, semantics, flow };

    return {
      ...flow.listeners,
      IfStatement(node) {
        if (flow.current().handler === undefined || !exitsEarly(node.consequent)) return;
        if (isVersionGate(node.test) || isStateGate(node.test) || returnsWhenFound(scan, node.test)) flow.update((f) => ({ ...f, guarded: true }));
      },
      'CallExpression:exit': (node: TSESTree.CallExpression) => {
        visitCall(scan, node);
      },
      'TaggedTemplateExpression:exit': (node: TSESTree.TaggedTemplateExpression) => {
        visitCall(scan, node);
      },
    };
  },
});

/** What the steps over one file share: the rule's context, the semantic layer, the path facts. */
interface ConsumerScan {
  readonly context: Readonly<TSESLint.RuleContext<MessageId, Options>>;
  readonly semantics: FileSemantics;
  readonly flow: SegmentFacts<PathFacts>;
}

function visitCall(scan: ConsumerScan, node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): void {
  const { semantics, flow } = scan;
  const facts = flow.current();
  if (facts.handler === undefined) return;
  const effects = semantics.effectsOf(node);
  // A helper that both guards and acts is trusted to guard first. A guard keyed on a broker
  // position (`SET NX` on a delivery tag) dedupes nothing: a re-published event gets a new one.
  if (effects.some((e) => e.role.kind === 'guard')) {
    if (!isKeyedOnPosition(scan, node)) flow.update((f) => ({ ...f, guarded: true }));
    return;
  }
  if (facts.guarded) return;
  const effect = effects.find((e) => e.role.kind === 'effect') ?? accumulationSavedBy(scan.context.sourceCode, node, effects);
  // A poller's own bookkeeping before it receives runs once per poll, not per message.
  if (effect !== undefined && semantics.runsPerMessage(facts.handler, node)) report(scan.context, node, effect, facts.handler);
}

/**
 * A read-modify-write in memory saved in full: `account.balance += amount; await repo.save(account)`.
 * The save overwrites by id, but with a value that grew on every delivery.
 */
function accumulationSavedBy(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression, effects: readonly Effect[]): Effect | undefined {
  const write = effects.find((e) => e.role.kind === 'write' && e.role.outbox !== true);
  if (write === undefined || node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const saved = [...savedObjectsOf(node)].find((identifier) => isAccumulatedBefore(sourceCode, identifier, node));
  return saved === undefined ? undefined : { role: { kind: 'effect', system: write.role.system, what: `saves \`${saved.name}\` after adding to it in memory` }, chain: write.chain };
}

/** The object a write saves: the receiver of `doc.save()`, the first argument of `repo.save(entity)`, an `Item` of a put. */
function* savedObjectsOf(call: TSESTree.CallExpression): Generator<TSESTree.Identifier> {
  if (call.callee.type === AST_NODE_TYPES.MemberExpression && call.callee.object.type === AST_NODE_TYPES.Identifier) yield call.callee.object;
  for (const argument of call.arguments.slice(0, 2)) {
    if (argument.type === AST_NODE_TYPES.Identifier) yield argument;
    if (argument.type === AST_NODE_TYPES.NewExpression || argument.type === AST_NODE_TYPES.ObjectExpression) {
      const objects = argument.type === AST_NODE_TYPES.NewExpression ? argument.arguments : [argument];
      for (const object of objects) {
        if (object.type !== AST_NODE_TYPES.ObjectExpression) continue;
        for (const property of object.properties) {
          if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) yield property.value;
        }
      }
    }
  }
}

/** `x.total += n`, `x.count++`, `x.total = x.total + n`, `x.items.push(…)` earlier in the same function. */
function isAccumulatedBefore(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier, before: TSESTree.Node): boolean {
  const variable = sourceCode.getScope(identifier).references.find((r) => r.identifier === identifier)?.resolved;
  return (
    variable?.references.some((reference) => {
      const use = reference.identifier;
      if (use.range[0] >= before.range[0] || use.parent.type !== AST_NODE_TYPES.MemberExpression || use.parent.object !== use) return false;
      let member: TSESTree.MemberExpression = use.parent;
      while (member.parent.type === AST_NODE_TYPES.MemberExpression && member.parent.object === member) member = member.parent;
      const parent = member.parent;
      if (parent.type === AST_NODE_TYPES.UpdateExpression) return true;
      if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) {
        return accumulatingAssignment.has(parent.operator) || (parent.operator === '=' && sourceCode.getText(parent.right).startsWith(`${sourceCode.getText(member)} `));
      }
      return parent.type === AST_NODE_TYPES.CallExpression && parent.callee === member && member.property.type === AST_NODE_TYPES.Identifier && appendingMethods.has(member.property.name);
    }) === true
  );
}

/** Does a call's key (its arguments, through local variables) read a broker position such as a delivery tag? */
function isKeyedOnPosition(scan: ConsumerScan, call: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): boolean {
  const sourceCode = scan.context.sourceCode;
  let found = false;
  const visit = (node: TSESTree.Node, depth: number): void => {
    if (found || depth > 10 || isFunctionNode(node)) return;
    if ((node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.CallExpression) && isPositionRead(scan.semantics, node)) {
      found = true;
      return;
    }
    if (node.type === AST_NODE_TYPES.Identifier) {
      const init = initializerInScopeOf(sourceCode, node);
      if (init !== undefined) visit(init, depth + 1);
      return;
    }
    for (const child of childrenOf(node, sourceCode.visitorKeys)) visit(child, depth + 1);
  };
  const parts = call.type === AST_NODE_TYPES.CallExpression ? call.arguments : [call.quasi];
  for (const part of parts) visit(part, 0);
  return found;
}

function isPositionRead(semantics: FileSemantics, node: TSESTree.MemberExpression | TSESTree.CallExpression): boolean {
  const member = node.type === AST_NODE_TYPES.CallExpression ? node.callee : node;
  if (member.type !== AST_NODE_TYPES.MemberExpression || member.property.type !== AST_NODE_TYPES.Identifier || !positionFieldNames.has(member.property.name)) return false;
  return semantics.positionFieldOf(node) !== undefined;
}

function startingFacts(semantics: FileSemantics, node: TSESTree.Node, outer: PathFacts): PathFacts {
  if (!isFunctionNode(node)) return outsideHandlers;
  const handler = semantics.handlerOf(node);
  if (handler !== undefined) return { handler, guarded: isWrappedIdempotent(node) };
  // A callback passed inline inside a handler runs as part of it.
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.CallExpression && inlineCallbacksOf(parent).includes(node)) return outer;
  return outsideHandlers;
}

/**
 * `if (existing) return;` after `const existing = await repo.findOneBy({ eventId })`: the message
 * was handled when the lookup finds something. A return when it finds nothing
 * (`if (!order) return;`) is a not-found check on an entity, not a dedupe; so is a lookup keyed
 * on a broker position.
 */
function returnsWhenFound(scan: ConsumerScan, test: TSESTree.Expression): boolean {
  const sourceCode = scan.context.sourceCode;
  let found = false;
  const visit = (node: TSESTree.Node, whenFound: boolean, depth: number): void => {
    if (found || depth > 12) return;
    switch (node.type) {
      case AST_NODE_TYPES.UnaryExpression:
        if (node.operator === '!') visit(node.argument, !whenFound, depth + 1);
        return;
      case AST_NODE_TYPES.BinaryExpression: {
        const empty = [node.left, node.right].some(isNothing);
        // `found === null` is true when nothing was found; `found !== null` when something was.
        const negative = empty && ['===', '=='].includes(node.operator);
        for (const side of [node.left, node.right]) if (!isNothing(side)) visit(side, negative ? !whenFound : whenFound, depth + 1);
        return;
      }
      case AST_NODE_TYPES.CallExpression:
        if (whenFound && isLookup(scan, node)) found = true;
        else for (const child of childrenOf(node, sourceCode.visitorKeys)) visit(child, whenFound, depth + 1);
        return;
      case AST_NODE_TYPES.Identifier: {
        const init = initializerInScopeOf(sourceCode, node);
        if (init !== undefined) visit(init, whenFound, depth + 1);
        return;
      }
      default:
        for (const child of childrenOf(node, sourceCode.visitorKeys)) visit(child, whenFound, depth + 1);
    }
  };
  visit(test, true, 0);
  return found;
}

function isLookup(scan: ConsumerScan, call: TSESTree.CallExpression): boolean {
  if (isKeyedOnPosition(scan, call)) return false;
  const library = scan.semantics.libraryCallOf(call);
  if (library !== undefined) return library.role.kind === 'read' || library.role.kind === 'kv';
  return scan.semantics.effectsOf(call).some((e) => e.role.kind === 'guard');
}

/**
 * The initializer of the variable an identifier names, found by name from the identifier's scope
 * outward to the first function scope above it (the barrel's `localInitializerOf` follows the
 * resolved reference instead).
 */
function initializerInScopeOf(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = sourceCode.getScope(identifier).set.get(identifier.name) ?? findInUpperScopes(sourceCode, identifier);
  const definition = variable?.defs[0];
  if (definition?.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  return definition.node.init ?? undefined;
}

function findInUpperScopes(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier) {
  for (let scope = sourceCode.getScope(identifier).upper; scope !== null; scope = scope.upper) {
    const variable = scope.set.get(identifier.name);
    if (variable !== undefined) return variable;
    if (scope.type === TSESLint.Scope.ScopeType.function) return undefined;
  }
  return undefined;
}

function childrenOf(node: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.Node[] {
  const keys = visitorKeys[node.type] ?? [];
  const record = node as unknown as Record<string, unknown>;
  return keys.flatMap((key) => {
    const value = record[key];
    if (Array.isArray(value)) return value.filter(isNode);
    return isNode(value) ? [value] : [];
  });
}

function report(context: Readonly<TSESLint.RuleContext<MessageId, Options>>, node: TSESTree.Node, effect: Effect, handler: Handler): void {
  context.report({
    node,
    messageId: 'nonIdempotentEffect',
    data: {
      effect: describeChain(effect),
      what: effect.role.what ?? 'has a side effect',
      handler: `\`${handler.name}\``,
      description: handler.description,
      system: handler.system,
    },
  });
}

function mergeFacts(list: readonly PathFacts[]): PathFacts {
  return { handler: list.find((f) => f.handler)?.handler, guarded: list.some((f) => f.guarded) };
}

/** `makeIdempotent(async (event) => …)` or a method decorated `@idempotent(…)`. */
function isWrappedIdempotent(fn: TSESTree.Node): boolean {
  let node = parentOf(fn);
  for (let depth = 0; node !== undefined && depth < 4; depth++, node = parentOf(node)) {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && idempotentWrappers.has(node.callee.name)) return true;
    if (node.type === AST_NODE_TYPES.MethodDefinition) {
      return node.decorators.some((d) => {
        const callee = d.expression.type === AST_NODE_TYPES.CallExpression ? d.expression.callee : d.expression;
        return callee.type === AST_NODE_TYPES.Identifier && idempotentWrappers.has(callee.name);
      });
    }
  }
  return false;
}

function exitsEarly(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body.at(-1);
    return last !== undefined && exitsEarly(last);
  }
  return (
    statement.type === AST_NODE_TYPES.ReturnStatement ||
    statement.type === AST_NODE_TYPES.ThrowStatement ||
    statement.type === AST_NODE_TYPES.ContinueStatement ||
    statement.type === AST_NODE_TYPES.BreakStatement
  );
}

/** `null`, `undefined`, `0` or an empty string: what a lookup returns when it finds nothing. */
function isNothing(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'undefined';
  return node.type === AST_NODE_TYPES.Literal && (node.value === null || node.value === 0 || node.value === '');
}

/** `if (order.status === 'shipped') return;`: a state machine refuses a step it has taken. */
function isStateGate(test: TSESTree.Expression): boolean {
  if (test.type === AST_NODE_TYPES.LogicalExpression) return isStateGate(test.left) || isStateGate(test.right);
  if (test.type !== AST_NODE_TYPES.BinaryExpression || !['!==', '!=', '===', '=='].includes(test.operator)) return false;
  const sides = [test.left, test.right];
  return sides.some((s) => s.type === AST_NODE_TYPES.MemberExpression && s.property.type === AST_NODE_TYPES.Identifier && stateField.test(s.property.name)) &&
    sides.some((s) => (s.type === AST_NODE_TYPES.Literal && typeof s.value === 'string') || s.type === AST_NODE_TYPES.MemberExpression);
}

/** `if (event.version !== order.version + 1) return;` */
function isVersionGate(test: TSESTree.Expression): boolean {
  if (test.type === AST_NODE_TYPES.LogicalExpression) return isVersionGate(test.left) || isVersionGate(test.right);
  if (test.type !== AST_NODE_TYPES.BinaryExpression || !['!==', '!=', '<', '<=', '>', '>=', '===', '=='].includes(test.operator)) return false;
  return [test.left, test.right].some((side) => mentionsVersion(side));
}

function mentionsVersion(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.MemberExpression) return (node.property.type === AST_NODE_TYPES.Identifier && versionGate.test(node.property.name)) || mentionsVersion(node.object);
  if (node.type === AST_NODE_TYPES.Identifier) return versionGate.test(node.name);
  if (node.type === AST_NODE_TYPES.BinaryExpression) return mentionsVersion(node.left) || mentionsVersion(node.right);
  return false;
}

