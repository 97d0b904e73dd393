import ts from 'typescript';
import { packageOfDeclaration } from '../declarations.js';
import { consumerCatalogues } from './catalogue.js';
import type { ConsumerContext } from './context.js';
import type { Handler } from './handler.js';

/** Catalogued classes whose constructor takes a handler: `new Worker(queue, processor)`, `new Consumer({ handleMessage })`. */
export const constructors = consumerCatalogues.flatMap((c) => c.constructors ?? []);
const constructorClassNames: ReadonlySet<string> = new Set(constructors.flatMap((c) => c.classes));

/** The class name written after `new`, if the catalogue names such a class: `Worker` in `new Worker(…)` or `new bullmq.Worker(…)`. */
export function cataloguedClassNameOf(site: ts.NewExpression): string | undefined {
  const callee = site.expression;
  const className = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  return className !== undefined && constructorClassNames.has(className) ? className : undefined;
}

/** `new Worker('emails', async (job) => …)`, or a handler property of the options: `new Consumer({ handleMessage })`. */
export function constructorHandler(context: ConsumerContext, site: ts.NewExpression, index: number, fn: ts.SignatureDeclaration, property?: string): Handler | undefined {
  // Syntax first: only a class the catalogue names is resolved.
  if (cataloguedClassNameOf(site) === undefined) return undefined;
  const symbol = context.checker.getTypeAtLocation(site).getSymbol();
  const declaration = symbol?.declarations?.[0];
  if (symbol === undefined || declaration === undefined) return undefined;
  const pkg = packageOfDeclaration(declaration);
  const entry = constructors.find(
    (c) =>
      c.classes.includes(symbol.getName()) &&
      pkg !== undefined &&
      c.packages.includes(pkg) &&
      c.handlerIndex === index &&
      (property === undefined ? c.handlerProperties === undefined : c.handlerProperties?.includes(property) === true),
  );
  if (entry === undefined) return undefined;
  return { system: entry.system, description: property === undefined ? entry.description : `${entry.description} (${property})`, fn, name: property ?? 'processor' };
}
