import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type Effect, getSemantics } from '../src/semantics/index.js';
import { enclosingFunction } from '../src/util/ast.js';
import { promiseFateOf, type PromiseFate } from '../src/util/promise-fate.js';
import { createRule } from '../src/util/create-rule.js';
import { describeChain } from '../src/util/messages.js';

export type Options = [];
export type MessageId = 'floatingPublish' | 'voidedPublish' | 'publishInIgnoredCallback' | 'addAwait';

/** Callers that drop what their callback returns: array iteration and timers. */
const ignoringMethods: ReadonlySet<string> = new Set(['forEach']);
const ignoringFunctions: ReadonlySet<string> = new Set(['setInterval', 'setTimeout', 'setImmediate', 'queueMicrotask', 'nextTick']);

function ignoringCallerName(callee: TSESTree.Expression): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier && ignoringFunctions.has(callee.name)) return callee.name;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = callee.property.name;
  return ignoringMethods.has(name) || ignoringFunctions.has(name) ? name : undefined;
}

export default createRule<Options, MessageId>({
  name: 'no-floating-publish',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Require every publish promise to be awaited, returned or given a rejection handler',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    messages: {
      floatingPublish:
        '{{call}} publishes to {{system}} and nobody waits for it. If the broker call fails, the event is lost and nothing notices: `await` it, return it, or handle its rejection.',
      voidedPublish:
        '{{call}} publishes to {{system}} and `void` throws its promise away. If the broker call fails, the event is lost and nothing notices: `await` it or handle its rejection.',
      publishInIgnoredCallback:
        'This callback publishes to {{system}} ({{call}}), but `{{caller}}` ignores the promise it returns: a failure is lost. Await it in a `for…of` loop, collect it with `Promise.all`, or handle its rejection.',
      addAwait: 'Await the publish.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const semantics = getSemantics(context);
    const sourceCode = context.sourceCode;
    const reportedCallbacks = new WeakSet<TSESTree.Node>();
    // Syntax first: a file whose calls cannot lead to a publish asks the checker nothing.
    if (!semantics.mayPublishIn(sourceCode.ast)) return {};

    return {
      CallExpression(node) {
        const fate = promiseFateOf(node, sourceCode);
        if (fate === 'handled') {
          checkIgnoredCallback(node);
          return;
        }
        // Syntax first: only a function whose calls can lead to a publish is asked about this call.
        if (!semantics.mayPublishIn(enclosingFunction(node) ?? sourceCode.ast)) return;
        const publish = publishOf(node);
        // A wrapper that catches and logs the broker's error already handled the failure.
        if (publish === undefined || !semantics.returnsPromise(node) || !semantics.publishFailureEscapes(node)) return;
        const data = { call: describeChain(publish), system: publish.role.system };
        context.report({ node, messageId: fate === 'voided' ? 'voidedPublish' : 'floatingPublish', data, suggest: awaitSuggestion(node, fate) });
      },
    };

    function publishOf(node: TSESTree.CallExpression): Effect | undefined {
      return semantics.effectsOf(node, 'publish').find((e) => e.role.kind === 'publish');
    }

    /**
     * `items.forEach(async (item) => { await producer.send(…) })`, `setInterval(() => this.flush(), ms)`:
     * the callback's promise goes to a caller that ignores what callbacks return.
     */
    function checkIgnoredCallback(call: TSESTree.CallExpression): void {
      const callback = enclosingFunction(call);
      // An async callback, or one whose body is the publish (`forEach((e) => producer.send(e))`).
      if (callback === undefined || !(callback.async || callback.body === call) || reportedCallbacks.has(callback)) return;
      const caller = callback.parent;
      if (caller.type !== AST_NODE_TYPES.CallExpression || caller.arguments[0] !== callback) return;
      const ignoring = ignoringCallerName(caller.callee);
      if (ignoring === undefined) return;
      const publish = publishOf(call);
      if (publish === undefined || (!callback.async && !semantics.returnsPromise(call)) || !semantics.publishFailureEscapes(call)) return;
      reportedCallbacks.add(callback);
      context.report({ node: caller.callee, messageId: 'publishInIgnoredCallback', data: { call: describeChain(publish), system: publish.role.system, caller: ignoring } });
    }

    /** `await` in front of the call (or instead of `void`), where the enclosing function is async. */
    function awaitSuggestion(call: TSESTree.CallExpression, fate: PromiseFate): TSESLint.ReportSuggestionArray<MessageId> {
      if (enclosingFunction(call)?.async !== true) return [];
      const statement = call.parent;
      if (fate === 'voided' && statement.type === AST_NODE_TYPES.UnaryExpression) {
        const voidKeyword = sourceCode.getFirstToken(statement);
        if (voidKeyword === null) return [];
        return [{ messageId: 'addAwait', fix: (fixer) => fixer.replaceText(voidKeyword, 'await') }];
      }
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return [];
      return [{ messageId: 'addAwait', fix: (fixer) => fixer.insertTextBefore(call, 'await ') }];
    }
  },
});
