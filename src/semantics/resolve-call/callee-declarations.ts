import ts from 'typescript';
import { memberByDeclaredType } from '../declared-member.js';
import { symbolAt } from '../declarations.js';
import { guard } from '../../util/guard.js';
import type { ResolverContext } from './context.js';
import type { CallLike } from './types.js';

/** The declarations a call invokes, through aliases, overloads and inheritance. */
export function calleeDeclarationsOf(context: ResolverContext, call: CallLike): readonly ts.Declaration[] {
  const cached = context.calleeDeclarations.get(call);
  if (cached !== undefined) return cached;
  const declarations = guard(() => declarationsBySymbol(context.checker, call) ?? declarationsBySignature(context.checker, call), []);
  context.calleeDeclarations.set(call, declarations);
  return declarations;
}

export function declarationsBySignature(checker: ts.TypeChecker, call: CallLike): readonly ts.Declaration[] {
  const declaration = checker.getResolvedSignature(call)?.getDeclaration() as ts.Declaration | undefined;
  return declaration !== undefined && !ts.isJSDocSignature(declaration) ? [declaration] : [];
}

/**
 * The callee's symbol: cheaper than resolving the call's signature, which type-checks every
 * argument (contextual typing, inference). Overloads come back together, which is enough to
 * tell the package, the owner and the project implementation.
 */
function declarationsBySymbol(checker: ts.TypeChecker, call: CallLike): readonly ts.Declaration[] | undefined {
  let callee: ts.Expression = ts.isCallExpression(call) ? call.expression : call.tag;
  while (ts.isParenthesizedExpression(callee) || ts.isNonNullExpression(callee)) callee = callee.expression;
  const nameNode = ts.isPropertyAccessExpression(callee)
    ? callee.name
    : ts.isElementAccessExpression(callee)
      ? callee.argumentExpression
      : ts.isIdentifier(callee)
        ? callee
        : undefined;
  if (nameNode === undefined) return undefined;
  if (ts.isPropertyAccessExpression(callee)) {
    const declared = memberByDeclaredType(checker, callee.expression, callee.name.text);
    if (declared !== undefined) return declared;
  }
  const symbol = symbolAt(checker, nameNode);
  const declarations = symbol?.declarations;
  return declarations !== undefined && declarations.length > 0 ? declarations : undefined;
}
