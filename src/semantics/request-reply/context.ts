import ts from 'typescript';
import { isConstDeclaration, packageOfDeclaration, resolveAlias, symbolAt } from '../declarations.js';
import { skipOuter } from '../ts-nodes.js';
import type { TransportVerdict } from './types.js';

/** What every request/reply analysis of one program reads: its checker, and the project index built on first use. */
export interface RequestReplyContext {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  /** The program's client registrations and servers, read once on first use (`projectIndexOf`). */
  projectIndex: ProjectIndex | undefined;
}

export interface ProjectIndex {
  /** Client registrations by injection token: `ClientsModule.register([{ name, transport }])`, custom providers. */
  readonly registrations: ReadonlyMap<string, readonly TransportVerdict[]>;
  /** Transports of the microservice servers the program starts. */
  readonly servers: readonly TransportVerdict[];
}

export function createRequestReplyContext(program: ts.Program): RequestReplyContext {
  return { program, checker: program.getTypeChecker(), projectIndex: undefined };
}

/** How far a value is followed through `const`s, fields and base classes. */
export const maxHops = 4;
/** Node budget of a walk over a class or a file. */
export const maxWalk = 20_000;

/** The symbol a name (or the name of `a.b`) refers to, through import aliases and `{ shorthand }` properties. */
export function resolvedSymbol(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  const target = ts.isPropertyAccessExpression(node) ? node.name : node;
  if (ts.isShorthandPropertyAssignment(target.parent)) return resolveAlias(checker, checker.getShorthandAssignmentValueSymbol(target.parent));
  return symbolAt(checker, target);
}

export function constInitializerOf(checker: ts.TypeChecker, identifier: ts.Identifier): ts.Expression | undefined {
  const declaration = resolvedSymbol(checker, identifier)?.valueDeclaration;
  return declaration !== undefined && ts.isVariableDeclaration(declaration) && isConstDeclaration(declaration) ? declaration.initializer : undefined;
}

/** A string literal, or a `const` that holds one. */
export function stringValueOf(checker: ts.TypeChecker, expression: ts.Expression, hops: number): string | undefined {
  const node = skipOuter(expression);
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isIdentifier(node) && hops < maxHops) {
    const initializer = constInitializerOf(checker, node);
    return initializer === undefined ? undefined : stringValueOf(checker, initializer, hops + 1);
  }
  return undefined;
}

/** The declaration of the overload a call resolves to. */
export function signatureDeclarationOf(checker: ts.TypeChecker, call: ts.CallLikeExpression): ts.Declaration | undefined {
  return checker.getResolvedSignature(call)?.getDeclaration();
}

/** Is the called function declared in one of these packages? */
export function isCallDeclaredIn(checker: ts.TypeChecker, call: ts.CallExpression, packages: readonly string[]): boolean {
  const declaration = signatureDeclarationOf(checker, call);
  const pkg = declaration === undefined ? undefined : packageOfDeclaration(declaration);
  return pkg !== undefined && packages.includes(pkg);
}
