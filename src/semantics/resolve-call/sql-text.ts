import ts from 'typescript';
import { callableEntries } from '../catalogue/index.js';
import { isConstDeclaration, symbolAt } from '../declarations.js';
import { sqlPlaceholder } from '../sql.js';
import type { CallLike } from './types.js';

const maxConstHops = 3;

/** The call-graph name of every SQL tagged template: what a function that runs one "calls". */
export const sqlTemplateName = '<sql template>';

/** Statement keywords a SQL template starts with; anchored, one alternation: linear time. */
export const sqlTemplateStart = /^\s*(?:insert|update|delete|merge|upsert|replace|with|select|begin|start|commit|rollback)\b/iu;

/**
 * A tagged template whose text starts like a SQL statement (`` sql`INSERT …` ``): the only shape
 * in which a callable client is resolved, so `` css`…` `` and `` gql`…` `` never reach the checker.
 */
export function isSqlTaggedTemplate(call: CallLike): call is ts.TaggedTemplateExpression {
  if (callableEntries.length === 0 || !ts.isTaggedTemplateExpression(call)) return false;
  const template = call.template;
  return sqlTemplateStart.test(ts.isNoSubstitutionTemplateLiteral(template) ? template.text : template.head.text);
}

export function firstArgument(call: CallLike): ts.Expression | undefined {
  return ts.isCallExpression(call) ? call.arguments[0] : call.template;
}

export function templateText(template: ts.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return template.text;
  return template.head.text + template.templateSpans.map((span) => sqlPlaceholder + span.literal.text).join('');
}

/** The text of a SQL argument: literals, templates, `{ text }` configs, and `const` bindings. */
/** `options`: the properties of a config object that hold the statement, from the catalogue entry. */
export function sqlTextOf(checker: ts.TypeChecker, node: ts.Expression | undefined, hops: number, options: readonly string[] = []): string | undefined {
  if (node === undefined) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return templateText(node);
  if (ts.isTaggedTemplateExpression(node)) return templateText(node.template);
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return sqlTextOf(checker, node.expression, hops, options);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return (sqlTextOf(checker, node.left, hops, options) ?? sqlPlaceholder) + (sqlTextOf(checker, node.right, hops, options) ?? sqlPlaceholder);
  }
  if (ts.isObjectLiteralExpression(node)) {
    const text = node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && options.includes(p.name.text));
    return text === undefined ? undefined : sqlTextOf(checker, text.initializer, hops, options);
  }
  if (ts.isIdentifier(node) && hops < maxConstHops) {
    // An imported constant (`import { INSERT_ORDER } from './sql.js'`) is an alias: follow it.
    const symbol = symbolAt(checker, node);
    const declaration = symbol?.valueDeclaration;
    if (declaration !== undefined && ts.isVariableDeclaration(declaration) && isConstDeclaration(declaration)) {
      return sqlTextOf(checker, declaration.initializer, hops + 1, options);
    }
  }
  return undefined;
}
