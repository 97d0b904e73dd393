import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { trackSegmentFacts } from '../src/semantics/flow/segment-facts.js';
import { getSemantics, type Effect, type Handler } from '../src/semantics/index.js';
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
        '{{effect}} {{what}} in {{handler}} ({{description}}) with no dedupe on the event id before it: {{system}} delivers at least once, so a redelivery {{what}} again. Record the event id first (e.g. `INSERT INTO processed_events … ON CONFLICT DO NOTHING` or Redis `SET … NX`) and skip the message when it was already there.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const semantics = getSemantics(context);
    const sourceCode = context.sourceCode;
    const flow = trackSegmentFacts<PathFacts>({ empty: outsideHandlers, merge: mergeFacts, initial: startingFacts });

    return {
      ...flow.listeners,
      IfStatement(node) {
        if (flow.current().handler === undefined || !exitsEarly(node.consequent)) return;
        if (isVersionGate(node.test) || usesLookup(node.test)) flow.update((f) => ({ ...f, guarded: true }));
      },
      'CallExpression:exit': (node: TSESTree.CallExpression) => {
        visitCall(node);
      },
      'TaggedTemplateExpression:exit': (node: TSESTree.TaggedTemplateExpression) => {
        visitCall(node);
      },
    };

    function visitCall(node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): void {
      const facts = flow.current();
      if (facts.handler === undefined) return;
      const effects = semantics.effectsOf(node);
      // A helper that both guards and acts is trusted to guard first.
      if (effects.some((e) => e.role.kind === 'guard')) {
        flow.update((f) => ({ ...f, guarded: true }));
        return;
      }
      if (facts.guarded) return;
      const effect = effects.find((e) => e.role.kind === 'effect');
      if (effect !== undefined) report(node, effect, facts.handler);
    }

    function startingFacts(node: TSESTree.Node, outer: PathFacts): PathFacts {
      if (!isFunctionNode(node)) return outsideHandlers;
      const handler = semantics.handlerOf(node);
      if (handler !== undefined) return { handler, guarded: isWrappedIdempotent(node) };
      // A callback passed inline inside a handler runs as part of it.
      const parent = node.parent;
      if (parent.type === AST_NODE_TYPES.CallExpression && inlineCallbacksOf(parent).includes(node)) return outer;
      return outsideHandlers;
    }

    /** `if (existing) return;` after `const existing = await repo.findOneBy({ id })`, or `if (!(await redis.set(…, 'NX'))) return;`. */
    function usesLookup(test: TSESTree.Expression): boolean {
      let found = false;
      const visit = (node: TSESTree.Node, depth: number): void => {
        if (found || depth > 12) return;
        if (node.type === AST_NODE_TYPES.CallExpression && isLookup(node)) {
          found = true;
          return;
        }
        if (node.type === AST_NODE_TYPES.Identifier) {
          const init = localInitializerOf(node);
          if (init !== undefined) visit(init, depth + 1);
          return;
        }
        for (const child of childrenOf(node)) visit(child, depth + 1);
      };
      visit(test, 0);
      return found;
    }

    function isLookup(call: TSESTree.CallExpression): boolean {
      const library = semantics.libraryCallOf(call);
      if (library !== undefined) return library.role.kind === 'read' || library.role.kind === 'kv';
      return semantics.effectsOf(call).some((e) => e.role.kind === 'guard');
    }

    function localInitializerOf(identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
      const variable = sourceCode.getScope(identifier).set.get(identifier.name) ?? findInUpperScopes(identifier);
      const definition = variable?.defs[0];
      if (definition?.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
      return definition.node.init ?? undefined;
    }

    function findInUpperScopes(identifier: TSESTree.Identifier) {
      for (let scope = sourceCode.getScope(identifier).upper; scope !== null; scope = scope.upper) {
        const variable = scope.set.get(identifier.name);
        if (variable !== undefined) return variable;
        if (scope.type === TSESLint.Scope.ScopeType.function) return undefined;
      }
      return undefined;
    }

    function childrenOf(node: TSESTree.Node): TSESTree.Node[] {
      const keys = sourceCode.visitorKeys[node.type] ?? [];
      const record = node as unknown as Record<string, unknown>;
      return keys.flatMap((key) => {
        const value = record[key];
        if (Array.isArray(value)) return value.filter(isNode);
        return isNode(value) ? [value] : [];
      });
    }

    function report(node: TSESTree.Node, effect: Effect, handler: Handler): void {
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
  },
});

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

