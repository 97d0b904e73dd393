import ts from 'typescript';
import { isReadableDeclaration, symbolAt } from '../declarations.js';
import type { ConsumerContext } from './context.js';

const maxHeritage = 8;

/** The project classes a class extends, nearest first, up to four hops. */
export function baseClassesOf(context: ConsumerContext, cls: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration[] {
  const bases: ts.ClassLikeDeclaration[] = [];
  for (let current: ts.ClassLikeDeclaration | undefined = cls, hops = 0; current !== undefined && hops < 4; hops++) {
    const extended = current.heritageClauses?.find((c) => c.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    if (extended === undefined) break;
    const symbol = symbolAt(context.checker, extended.expression);
    current = symbol?.declarations?.find((d): d is ts.ClassLikeDeclaration => ts.isClassLike(d));
    if (current !== undefined && isReadableDeclaration(current, context.program)) bases.push(current);
  }
  return bases;
}

/** Classes and interfaces a class extends or implements, transitively, in any file (a `.d.ts` included). */
export function heritageOf(checker: ts.TypeChecker, cls: ts.ClassLikeDeclaration | ts.InterfaceDeclaration): (ts.ClassLikeDeclaration | ts.InterfaceDeclaration)[] {
  const found: (ts.ClassLikeDeclaration | ts.InterfaceDeclaration)[] = [];
  const queue: (ts.ClassLikeDeclaration | ts.InterfaceDeclaration)[] = [cls];
  while (queue.length > 0 && found.length < maxHeritage) {
    const current = queue.shift();
    for (const type of (current?.heritageClauses ?? []).flatMap((clause) => clause.types)) {
      const declaration = symbolAt(checker, type.expression)?.declarations?.find(
        (d): d is ts.ClassLikeDeclaration | ts.InterfaceDeclaration => ts.isClassLike(d) || ts.isInterfaceDeclaration(d),
      );
      if (declaration === undefined || found.includes(declaration)) continue;
      found.push(declaration);
      queue.push(declaration);
    }
  }
  return found;
}
