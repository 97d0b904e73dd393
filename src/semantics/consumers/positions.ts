import ts from 'typescript';
import { ownerNameOf, packageOfDeclaration } from '../declarations.js';
import { guard } from '../../util/guard.js';
import { consumerCatalogues } from './catalogue.js';

export interface PositionField {
  readonly field: string;
  readonly system: string;
  /** Why it cannot identify an event. */
  readonly reason: string;
  /** Many messages share it (a partition number). */
  readonly sharedAcrossMessages: boolean;
}

const positionFields = consumerCatalogues.flatMap((c) => c.positionFields ?? []);
/** Names of the catalogued position fields: the syntactic pre-filter before the checker is asked. */
export const positionFieldNames: ReadonlySet<string> = new Set(positionFields.flatMap((p) => p.fields));

/** Does this property access or method call read a broker position (`message.offset`, `fields.deliveryTag`)? */
export function positionFieldOf(checker: ts.TypeChecker, node: ts.PropertyAccessExpression | ts.CallExpression): PositionField | undefined {
  // Position getters take no arguments (`batch.firstOffset()`, `context.getPartition()`): a
  // query builder's `.offset(20)` is ruled out without resolving its receiver's type.
  if (ts.isCallExpression(node) && node.arguments.length > 0) return undefined;
  const access = ts.isCallExpression(node) ? node.expression : node;
  if (!ts.isPropertyAccessExpression(access) || !positionFieldNames.has(access.name.text)) return undefined;
  const field = access.name.text;
  return guard(() => {
    const symbol = checker.getSymbolAtLocation(access.name);
    for (const declaration of symbol?.declarations ?? []) {
      const pkg = packageOfDeclaration(declaration);
      const owner = ownerNameOf(declaration);
      const entry = positionFields.find((p) => p.fields.includes(field) && pkg !== undefined && p.packages.includes(pkg) && owner !== undefined && p.owners.includes(owner));
      if (entry !== undefined) return { field, system: entry.system, reason: entry.reason, sharedAcrossMessages: entry.sharedAcrossMessages === true };
    }
    return undefined;
  }, undefined);
}
