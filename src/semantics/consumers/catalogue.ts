import type ts from 'typescript';
import { allCatalogues } from '../catalogue/index.js';
import { packageOfDeclaration } from '../declarations.js';

/** The consumer sections of every client catalogue; each module of this folder reads the part it matches. */
export const consumerCatalogues = allCatalogues.flatMap((c) => (c.consumers === undefined ? [] : [c.consumers]));

/** Does the type (by its own name or its alias's, as `type Subscription = Sub`) come from one of these packages under one of these names? */
export function namedTypeMatches(type: ts.Type, names: readonly string[], packages: readonly string[]): boolean {
  return [type.getSymbol(), type.aliasSymbol].some((symbol) => {
    const declaration = symbol?.declarations?.[0];
    if (symbol === undefined || declaration === undefined || !names.includes(symbol.getName())) return false;
    const pkg = packageOfDeclaration(declaration);
    return pkg !== undefined && packages.includes(pkg);
  });
}
