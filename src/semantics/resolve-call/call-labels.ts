import ts from 'typescript';
import { isSqlTaggedTemplate, sqlTemplateStart } from './sql-text.js';
import type { CallLike } from './types.js';

const maxLabelLength = 48;

/** The called method or function name: `send` in `this.producer.send(…)`. */
export function calleeNameOf(call: CallLike): string | undefined {
  let callee: ts.Expression = ts.isCallExpression(call) ? call.expression : call.tag;
  while (ts.isParenthesizedExpression(callee) || ts.isNonNullExpression(callee)) callee = callee.expression;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) return callee.argumentExpression.text;
  return undefined;
}

export function labelOf(call: CallLike): string {
  if (ts.isCallExpression(call)) return shortCalleeText(call.expression);
  // `` sql`INSERT …` ``: the statement's first word says what the template does.
  const verb = isSqlTaggedTemplate(call) ? sqlTemplateStart.exec(ts.isNoSubstitutionTemplateLiteral(call.template) ? call.template.text : call.template.head.text)?.[0].trim() : undefined;
  return verb === undefined ? shortCalleeText(call.tag) : `${shortCalleeText(call.tag)} (${verb.toUpperCase()})`;
}

/** `this.producer.send` → `producer.send`; long receivers are cut to their last name. */
export function shortCalleeText(callee: ts.Expression): string {
  if (ts.isPropertyAccessExpression(callee)) {
    return labelText(`${shortReceiverText(callee.expression)}.${callee.name.text}`);
  }
  let inner = callee;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) {
    const isAsync = ts.getCombinedModifierFlags(inner) & ts.ModifierFlags.Async;
    return `(${isAsync ? 'async ' : ''}${ts.isArrowFunction(inner) ? '() => …' : 'function …'})`;
  }
  return labelText(callee.getText());
}

function shortReceiverText(receiver: ts.Expression): string {
  if (ts.isPropertyAccessExpression(receiver)) return receiver.name.text;
  if (ts.isIdentifier(receiver) || receiver.kind === ts.SyntaxKind.ThisKeyword) return receiver.getText();
  if (ts.isCallExpression(receiver)) return `${shortCalleeText(receiver.expression)}(…)`;
  if (ts.isNewExpression(receiver)) return `new ${shortCalleeText(receiver.expression)}(…)`;
  return '…';
}

/** A label: the first line of the code, at most `maxLabelLength` characters. */
function labelText(text: string): string {
  const newline = text.indexOf('\n');
  const line = newline === -1 ? text : `${text.slice(0, newline).trimEnd()}…`;
  return line.length > maxLabelLength ? `${line.slice(0, maxLabelLength - 1)}…` : line;
}
