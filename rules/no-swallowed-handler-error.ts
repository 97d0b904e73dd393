import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { enclosingHandler, type FileSemantics, getSemantics } from '../src/semantics/index.js';
import { isFunctionNode, isNode, parentOf, type FunctionNode } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';
import { describeChain } from '../src/util/messages.js';

export type Options = [];
export type MessageId = 'swallowedError' | 'ackInFinally' | 'rethrow';

/** Roles of the handler's own work: a `try` around only reads or logging guards nothing that matters. */
const workKinds: ReadonlySet<string> = new Set(['write', 'effect', 'publish', 'tx-scope', 'tx-commit']);
/** Roles that report a failure instead of hiding it: a nack or dead-letter, a publish to a retry topic, a write of the failure. */
const failureKinds: ReadonlySet<string> = new Set(['nack', 'publish', 'write']);
/** How far down a catch block or a helper's body is searched. */
const maxWalk = 2_000;

export default createRule<Options, MessageId>({
  name: 'no-swallowed-handler-error',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow message handlers that catch an error and finish normally, so the failed message is acked and lost',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    messages: {
      swallowedError:
        'This catch in `{{handler}}` ends the message as a success: {{system}} never redelivers it, and a log line is all that is left. Rethrow, nack it to a dead-letter queue, or report the failure.',
      ackInFinally:
        '{{ack}} in `finally` acks the message even when `{{handler}}` failed: {{system}} never redelivers it. Ack after the work succeeds, and nack or rethrow in the catch.',
      rethrow: 'Rethrow the error at the end of the catch.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const semantics = getSemantics(context);
    const sourceCode = context.sourceCode;

    return {
      CatchClause(node) {
        const handler = enclosingHandler(semantics, node);
        if (handler === undefined || !guardsWork(semantics, node.parent.block)) return;
        if (reportsFailure(semantics, sourceCode, node.body) || keepsError(sourceCode, node) || !endsTheMessage(semantics, node.parent, handler.fn)) return;
        // A handler that settles its messages itself (`channel.ack`, SQS `DeleteMessage`) loses one
        // only when the failure path still acks it; one left unsettled comes back.
        if (acksAnywhere(semantics, handler.fn) && !acksOnFailurePath(semantics, node, handler.fn)) return;
        context.report({
          node: sourceCode.getFirstToken(node) ?? node,
          messageId: 'swallowedError',
          data: { handler: handler.handler.name, system: handler.handler.system },
          suggest: rethrowSuggestion(sourceCode, node),
        });
      },
      'TryStatement > BlockStatement.finalizer CallExpression'(node: TSESTree.CallExpression) {
        const tryStatement = tryOfFinalizer(node);
        if (tryStatement === undefined) return;
        const handler = enclosingHandler(semantics, tryStatement);
        if (handler === undefined) return;
        const ack = semantics.effectsOf(node).find((e) => e.role.kind === 'ack');
        if (ack === undefined || !guardsWork(semantics, tryStatement.block)) return;
        context.report({ node, messageId: 'ackInFinally', data: { ack: describeChain(ack), handler: handler.handler.name, system: ack.role.system } });
      },
    };
  },
});

/** Does the `try` block do the handler's work (a write, a publish, an email), directly or through a helper? */
function guardsWork(semantics: FileSemantics, block: TSESTree.BlockStatement): boolean {
  return callsIn(block).some((call) => semantics.effectsOf(call).some((e) => workKinds.has(e.role.kind)));
}

/**
 * A catch that rethrows (also through a helper that throws), nacks or dead-letters, publishes
 * to a retry topic, writes the failure down, pushes it to a failures list (SQS batch item
 * failures), returns a value, or calls back with the error (`done(err)`) reports the failure.
 */
function reportsFailure(semantics: FileSemantics, sourceCode: Readonly<TSESLint.SourceCode>, body: TSESTree.BlockStatement): boolean {
  let found = false;
  walk(body, (node) => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.ThrowStatement) found = true;
    else if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null && !isNothing(node.argument)) found = true;
    else if (node.type === AST_NODE_TYPES.CallExpression) found = callReportsFailure(semantics, sourceCode, node);
  });
  return found;
}

function isAck(semantics: FileSemantics, call: TSESTree.CallExpression): boolean {
  return semantics.effectsOf(call).some((e) => e.role.kind === 'ack');
}

function acksAnywhere(semantics: FileSemantics, fn: FunctionNode): boolean {
  return callsIn(fn.body).some((call) => isAck(semantics, call));
}

/** The catch acks, or an ack follows the `try` on its way to the handler's end. */
function acksOnFailurePath(semantics: FileSemantics, node: TSESTree.CatchClause, fn: FunctionNode): boolean {
  return [node.body, ...statementsAfter(node.parent, fn)].some((statement) => callsIn(statement).some((call) => isAck(semantics, call)));
}

/** `catch (error) { failure = error; }`: the error is kept for later (a rethrow after the loop). */
function keepsError(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.CatchClause): boolean {
  if (node.param?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node.body), node.param.name);
  return (
    variable?.references.some((reference) => {
      let child: TSESTree.Node = reference.identifier;
      let parent: TSESTree.Node = child.parent;
      // Through a conversion: `failure = toError(error)`, `failure = error as Error`.
      while (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.TSAsExpression) {
        child = parent;
        parent = parent.parent;
      }
      return parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === child;
    }) === true
  );
}

function callReportsFailure(semantics: FileSemantics, sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier) {
    if (callee.property.name === 'push' || callee.property.name === 'reject' || callee.property.name === 'exit') return true;
  }
  // `done(err)`, `callback(error)`: a callback parameter of the handler, called with the error.
  if (callee.type === AST_NODE_TYPES.Identifier && call.arguments.length > 0 && isParameterOfAFunction(sourceCode, callee)) return true;
  if (semantics.effectsOf(call).some((e) => failureKinds.has(e.role.kind))) return true;
  return calleeAlwaysThrows(semantics, call);
}

function isParameterOfAFunction(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  return variable?.defs.some((d) => d.type === TSESLint.Scope.DefinitionType.Parameter) === true;
}

/** A project helper whose body throws (`handleError(error)` that logs and rethrows). */
function calleeAlwaysThrows(semantics: FileSemantics, call: TSESTree.CallExpression): boolean {
  const declarations = semantics.calleeDeclarationsOf(semantics.tsNodeOf(call) as ts.CallExpression);
  return declarations.some((declaration) => {
    if (declaration.getSourceFile().isDeclarationFile) return false;
    const body = ts.isFunctionLike(declaration) && 'body' in declaration ? (declaration.body as ts.Node | undefined) : undefined;
    return body !== undefined && containsThrow(body);
  });
}

/**
 * Is the failed message over once the catch finishes? Yes when the catch returns or
 * continues, or when nothing after the `try` (up to the handler's end) does more work.
 */
function endsTheMessage(semantics: FileSemantics, tryStatement: TSESTree.TryStatement, fn: FunctionNode): boolean {
  const last = tryStatement.handler?.body.body.at(-1);
  if (last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ContinueStatement) return true;
  return !statementsAfter(tryStatement, fn).some((statement) => callsIn(statement).some((call) => semantics.effectsOf(call).some((e) => workKinds.has(e.role.kind))));
}

function rethrowSuggestion(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.CatchClause): TSESLint.ReportSuggestionArray<MessageId> {
  const param = node.param;
  const closing = sourceCode.getLastToken(node.body);
  const before = closing === null ? null : sourceCode.getTokenBefore(closing);
  if (param?.type !== AST_NODE_TYPES.Identifier || before === null) return [];
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  const indent = ' '.repeat(line.length - line.trimStart().length + 2);
  return [{ messageId: 'rethrow', fix: (fixer) => fixer.insertTextAfter(before, `\n${indent}throw ${param.name};`) }];
}

function tryOfFinalizer(node: TSESTree.Node): TSESTree.TryStatement | undefined {
  for (let child = node, parent = parentOf(node); parent !== undefined; child = parent, parent = parentOf(parent)) {
    if (isFunctionNode(parent)) return undefined;
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.finalizer === child) return parent;
  }
  return undefined;
}

/** The statements that run after `statement` on its way to the end of `fn`, in every enclosing block. */
function statementsAfter(statement: TSESTree.Node, fn: FunctionNode): TSESTree.Statement[] {
  const after: TSESTree.Statement[] = [];
  for (let node: TSESTree.Node = statement, parent = parentOf(node); parent !== undefined && node !== fn; node = parent, parent = parentOf(parent)) {
    if (parent.type === AST_NODE_TYPES.BlockStatement) after.push(...parent.body.slice(parent.body.indexOf(node as TSESTree.Statement) + 1));
  }
  return after;
}

/** Calls in a statement, not inside nested functions other than inline callbacks. */
function callsIn(root: TSESTree.Node): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  walk(root, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
  });
  return calls;
}

/** Visits a subtree, staying out of functions that are not passed inline to a call. */
function walk(root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  let budget = maxWalk;
  const step = (node: TSESTree.Node): void => {
    if (budget-- <= 0) return;
    if (node !== root && isFunctionNode(node) && !(node.parent.type === AST_NODE_TYPES.CallExpression && (node.parent.arguments as readonly TSESTree.Node[]).includes(node))) return;
    visit(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) step(item);
      } else if (isNode(value)) step(value);
    }
  };
  step(root);
}

function isNothing(node: TSESTree.Expression): boolean {
  return (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') || (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void');
}

function containsThrow(body: ts.Node): boolean {
  let found = false;
  let budget = maxWalk;
  const visit = (node: ts.Node): void => {
    if (found || budget-- <= 0) return;
    if (ts.isThrowStatement(node)) {
      found = true;
      return;
    }
    if (ts.isFunctionLike(node)) return;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}
