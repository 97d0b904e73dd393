import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import { enclosingHandler, type EnclosingHandler, envelopeBuiltBy, type FieldOrigin, type FileSemantics, buildersIn, getSemantics, objectLiteralsIn } from '../src/semantics/index.js';
import { propertyKeyName, type FunctionNode } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';

export type Options = [];
export type MessageId = 'correlationNotCarried' | 'causationNotCarried' | 'fillFromIncoming';

/** Fields of the envelope: the flow id carried unchanged, and the id of the event that caused this one. */
const correlationField = 'correlationId';
const causationField = 'causationId';

export default createRule<Options, MessageId>({
  name: 'propagate-correlation',
  meta: {
    type: 'suggestion',
    hasSuggestions: true,
    docs: {
      description: 'Require events published by a handler to carry the incoming correlationId and take the incoming event id as causationId',
      recommended: 'strict',
      requiresTypeChecking: true,
    },
    messages: {
      correlationNotCarried:
        'This follow-up from {{handler}} has a `correlationId` that is {{problem}}. The flow can no longer be traced across services: carry the incoming event\'s `correlationId` unchanged.',
      causationNotCarried:
        'This follow-up from {{handler}} has a `causationId` that is {{problem}}. Nobody can tell which event caused it: set it to the incoming event\'s `id`.',
      fillFromIncoming: 'Take `correlationId` and `causationId` from `{{incoming}}`.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const semantics = getSemantics(context);
    const check: CorrelationCheck = { context, semantics, reported: new WeakSet() };

    return {
      'CallExpression:exit'(node: TSESTree.CallExpression) {
        // Syntax first: only calls with an object literal somewhere in their arguments can publish an envelope here.
        if (node.arguments.length === 0) return;
        const handler = enclosingHandler(semantics, node);
        // A publish before the function has received anything (a poller's heartbeat) is not a follow-up.
        if (handler === undefined || !semantics.runsPerMessage(handler.handler, node)) return;
        if (!semantics.effectsOf(node, 'publish').some((e) => e.role.kind === 'publish' && e.role.expectsReply !== true)) return;
        for (const envelope of objectLiteralsIn(node, context.sourceCode)) checkEnvelope(check, envelope, handler);
        for (const built of buildersIn(node, context.sourceCode)) checkBuilt(check, built, handler);
      },
    };
  },
});

/** What the checks of one file share. */
interface CorrelationCheck {
  readonly context: Readonly<TSESLint.RuleContext<MessageId, Options>>;
  readonly semantics: FileSemantics;
  /** Envelopes and constructions already reported: each is reported once. */
  readonly reported: WeakSet<TSESTree.Node>;
}

/**
 * An envelope built by a project helper or class: what the helper does with the correlation
 * decides. It copies it from a parameter (then the caller must pass the incoming event's), or
 * it starts a new one.
 */
function checkBuilt(check: CorrelationCheck, call: TSESTree.CallExpression | TSESTree.NewExpression, handler: EnclosingHandler): void {
  const { context, semantics, reported } = check;
  if (reported.has(call)) return;
  const built = envelopeBuiltBy(semantics.checker, semantics.program, semantics.tsNodeOf(call) as ts.CallExpression | ts.NewExpression);
  if (built === undefined) return;
  const data = { handler: `\`${handler.handler.name}\` (${handler.handler.description})` };
  const correlationProblem = problemWithOrigin(context.sourceCode, built.correlation, built.factory, call);
  const causationProblem = problemWithOrigin(context.sourceCode, built.causation, built.factory, call);
  if (correlationProblem !== undefined) {
    reported.add(call);
    context.report({ node: call, messageId: 'correlationNotCarried', data: { ...data, problem: correlationProblem } });
  } else if (causationProblem !== undefined) {
    reported.add(call);
    context.report({ node: call, messageId: 'causationNotCarried', data: { ...data, problem: causationProblem } });
  }
}

/** Why what the factory builds does not carry the incoming value; undefined when it may (the caller passes something). */
function problemWithOrigin(sourceCode: Readonly<TSESLint.SourceCode>, origin: FieldOrigin, factory: string, call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  switch (origin.kind) {
    case 'missing':
      return `missing from what \`${factory}\` builds`;
    case 'fresh':
      return `set by \`${factory}\` to ${origin.how}`;
    case 'parameter': {
      const argument = call.arguments[origin.index];
      if (argument === undefined || (argument.type === AST_NODE_TYPES.Identifier && argument.name === 'undefined')) return `not passed to \`${factory}\``;
      if (argument.type === AST_NODE_TYPES.Literal || argument.type === AST_NODE_TYPES.CallExpression) {
        return `\`${sourceCode.getText(argument)}\` passed to \`${factory}\`, not taken from the incoming event`;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function checkEnvelope(check: CorrelationCheck, envelope: TSESTree.ObjectExpression, handler: EnclosingHandler): void {
  const { context, semantics, reported } = check;
  if (reported.has(envelope)) return;
  const type = semantics.checker.getContextualType(semantics.tsNodeOf(envelope) as ts.Expression) ?? typeAt(semantics, envelope);
  const wantsCorrelation = type.getProperty(correlationField) !== undefined;
  const wantsCausation = type.getProperty(causationField) !== undefined;
  if (!wantsCorrelation && !wantsCausation) return;
  const correlation = propertyNamed(envelope, correlationField);
  const causation = propertyNamed(envelope, causationField);
  const correlationProblem = wantsCorrelation ? problemWith(context.sourceCode, correlation?.value, [correlationField]) : undefined;
  const causationProblem = wantsCausation ? problemWith(context.sourceCode, causation?.value, ['id', 'eventId', 'messageId']) : undefined;
  if (correlationProblem === undefined && causationProblem === undefined) return;
  reported.add(envelope);
  const incoming = incomingEventOf(semantics, handler.fn);
  const suggest: TSESLint.SuggestionReportDescriptor<MessageId>[] =
    incoming === undefined ? [] : [{ messageId: 'fillFromIncoming', data: { incoming }, fix: (fixer) => fillFields(fixer, envelope, incoming) }];
  const data = { handler: `\`${handler.handler.name}\` (${handler.handler.description})` };
  if (correlationProblem !== undefined) {
    context.report({ node: correlation ?? envelope, messageId: 'correlationNotCarried', data: { ...data, problem: correlationProblem }, suggest });
  } else if (causationProblem !== undefined) {
    context.report({ node: causation ?? envelope, messageId: 'causationNotCarried', data: { ...data, problem: causationProblem }, suggest });
  }
}

/** Why a value is not taken from the incoming event, or undefined when it is. */
function problemWith(sourceCode: Readonly<TSESLint.SourceCode>, value: TSESTree.Node | undefined, acceptedNames: readonly string[]): string | undefined {
  if (value === undefined) return 'missing';
  if (value.type === AST_NODE_TYPES.Literal || (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0)) return 'a constant';
  if (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') return 'undefined';
  if (value.type === AST_NODE_TYPES.CallExpression) return `a new value (\`${sourceCode.getText(value.callee)}()\`)`;
  if (value.type === AST_NODE_TYPES.MemberExpression && value.property.type === AST_NODE_TYPES.Identifier && !acceptedNames.includes(value.property.name)) {
    return `\`${sourceCode.getText(value)}\`, not the incoming ${acceptedNames[0] === correlationField ? 'correlation id' : 'event id'}`;
  }
  return undefined;
}

/**
 * The incoming event, when it is unambiguous: the handler's first parameter, or the one local
 * variable, typed as an envelope with `id` and `correlationId`.
 */
function incomingEventOf(semantics: FileSemantics, fn: FunctionNode): string | undefined {
  const candidates: string[] = [];
  const first = fn.params[0];
  if (first?.type === AST_NODE_TYPES.Identifier && isEnvelope(semantics, first)) candidates.push(first.name);
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    for (const statement of fn.body.body) {
      if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
      for (const declarator of statement.declarations) {
        // An envelope built here from an object literal is outgoing, not incoming.
        if (declarator.id.type === AST_NODE_TYPES.Identifier && !isObjectLiteral(declarator.init) && isEnvelope(semantics, declarator.id)) {
          candidates.push(declarator.id.name);
        }
      }
    }
  }
  return candidates.length === 1 ? candidates[0] : undefined;
}

function isEnvelope(semantics: FileSemantics, node: TSESTree.Node): boolean {
  const type = typeAt(semantics, node);
  return type.getProperty('id') !== undefined && type.getProperty(correlationField) !== undefined;
}

function typeAt(semantics: FileSemantics, node: TSESTree.Node): ts.Type {
  return semantics.checker.getTypeAtLocation(semantics.tsNodeOf(node));
}

function fillFields(fixer: TSESLint.RuleFixer, envelope: TSESTree.ObjectExpression, incoming: string): TSESLint.RuleFix[] {
  const wanted: [string, string][] = [
    [correlationField, `${incoming}.${correlationField}`],
    [causationField, `${incoming}.id`],
  ];
  const fixes: TSESLint.RuleFix[] = [];
  const missing: string[] = [];
  for (const [field, value] of wanted) {
    const existing = propertyNamed(envelope, field);
    if (existing === undefined) missing.push(`${field}: ${value}`);
    else fixes.push(fixer.replaceText(existing, `${field}: ${value}`));
  }
  if (missing.length > 0) {
    const last = envelope.properties.at(-1);
    fixes.push(
      last === undefined
        ? fixer.replaceText(envelope, `{ ${missing.join(', ')} }`)
        : fixer.insertTextAfter(last, `, ${missing.join(', ')}`),
    );
  }
  return fixes;
}

function isObjectLiteral(node: TSESTree.Expression | null): boolean {
  if (node === null) return false;
  if (node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSSatisfiesExpression) return isObjectLiteral(node.expression);
  return node.type === AST_NODE_TYPES.ObjectExpression;
}

function propertyNamed(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    if (propertyKeyName(property) === name) return property;
  }
  return undefined;
}
