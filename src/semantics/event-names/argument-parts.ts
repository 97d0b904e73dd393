import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { propertyKeyName } from '../../util/ast.js';

/** Properties that name where a message goes. */
const destinationFields: ReadonlySet<string> = new Set(['QueueUrl', 'TopicArn', 'topic', 'queue', 'subject', 'routingKey', 'exchange', 'channel', 'destination']);
const maxObjectDepth = 6;

/** Object literals in a call's arguments, through arrays, nested objects, calls such as `JSON.stringify(…)` and local variables. */
export function objectLiteralsIn(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.ObjectExpression[] {
  return argumentParts(call, sourceCode).filter((n): n is TSESTree.ObjectExpression => n.type === AST_NODE_TYPES.ObjectExpression);
}

/** Calls nested in a call's arguments: `publishEvent(topic, key, envelope('OrderPlaced', data))`. */
export function callsIn(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.CallExpression[] {
  return argumentParts(call, sourceCode).filter((n): n is TSESTree.CallExpression => n.type === AST_NODE_TYPES.CallExpression);
}

/** Factory calls and constructions in a call's arguments: `JSON.stringify(envelope(…))`, `new OrderPlaced(…)`. */
export function buildersIn(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): (TSESTree.CallExpression | TSESTree.NewExpression)[] {
  return argumentParts(call, sourceCode).filter((n): n is TSESTree.CallExpression | TSESTree.NewExpression => n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression);
}

/** The object literals, calls and constructions that make up a call's arguments, depth-bounded. */
function argumentParts(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  const seen = new Set<TSESTree.Node>();
  const visit = (node: TSESTree.Node, depth: number): void => {
    if (depth > maxObjectDepth || seen.has(node)) return;
    seen.add(node);
    switch (node.type) {
      case AST_NODE_TYPES.ObjectExpression:
        found.push(node);
        for (const property of node.properties) if (property.type === AST_NODE_TYPES.Property) visit(property.value, depth + 1);
        return;
      case AST_NODE_TYPES.ArrayExpression:
        for (const element of node.elements) if (element !== null) visit(element, depth + 1);
        return;
      case AST_NODE_TYPES.CallExpression:
        found.push(node);
        for (const argument of node.arguments) visit(argument, depth + 1);
        return;
      case AST_NODE_TYPES.NewExpression:
        found.push(node);
        for (const argument of node.arguments) visit(argument, depth + 1);
        return;
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        visit(node.expression, depth + 1);
        return;
      case AST_NODE_TYPES.AwaitExpression:
        visit(node.argument, depth + 1);
        return;
      case AST_NODE_TYPES.Identifier: {
        const init = localInitializerOf(node, sourceCode);
        if (init !== undefined) visit(init, depth + 1);
        return;
      }
      default:
        return;
    }
  };
  for (const argument of call.arguments) visit(argument, 0);
  return found;
}

/** The initializer of the local `const`/`let` an identifier refers to. */
export function localInitializerOf(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Expression | undefined {
  const variable = sourceCode.getScope(identifier).references.find((r) => r.identifier === identifier)?.resolved;
  const definition = variable?.defs[0];
  return definition?.node.type === AST_NODE_TYPES.VariableDeclarator ? (definition.node.init ?? undefined) : undefined;
}

/** Topics, queues, subjects and channels written as literals at a publish: string arguments and `topic`/`QueueUrl`/… properties. */
export function destinationsOf(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): string[] {
  return [...call.arguments.filter(isStringLiteral), ...objectLiteralsIn(call, sourceCode).flatMap(destinationValuesOf)].map((literal) => literal.value);
}

export function isStringLiteral(node: TSESTree.Node): node is TSESTree.StringLiteral {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string';
}

function destinationValuesOf(object: TSESTree.ObjectExpression): TSESTree.StringLiteral[] {
  return object.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property && destinationFields.has(propertyKeyName(p)) && isStringLiteral(p.value) ? [p.value] : []));
}
