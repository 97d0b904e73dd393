import ts from 'typescript';
import { packageOfDeclaration, symbolAt } from '../declarations.js';
import { consumerCatalogues } from './catalogue.js';
import { isBridged, type ConsumerContext } from './context.js';
import { bridgedBusHandler, methodName, type Handler } from './handler.js';

const decorators = consumerCatalogues.flatMap((c) => c.decorators ?? []);
const decoratorNames: ReadonlySet<string> = new Set(decorators.flatMap((d) => d.decorators));

/** `@EventPattern('order_created') handle(@Payload() data) {…}` */
export function decoratedHandler(context: ConsumerContext, fn: ts.SignatureDeclaration): Handler | undefined {
  if (!ts.isMethodDeclaration(fn)) return undefined;
  for (const decorator of ts.getDecorators(fn) ?? []) {
    const expression = decorator.expression;
    const callee = ts.isCallExpression(expression) ? expression.expression : expression;
    // Syntax first: most decorators (`@Get`, `@Column`, `@Injectable`) are ruled out by name.
    const calleeName = ts.isPropertyAccessExpression(callee) ? callee.name.text : callee.getText();
    if (!decoratorNames.has(calleeName) && !context.bridgedNames.has(calleeName)) continue;
    const symbol = symbolAt(context.checker, ts.isPropertyAccessExpression(callee) ? callee.name : callee);
    const declaration = symbol?.declarations?.[0];
    if (symbol === undefined || declaration === undefined) continue;
    const pkg = packageOfDeclaration(declaration);
    const entry = decorators.find((d) => d.decorators.includes(symbol.getName()) && pkg !== undefined && d.packages.includes(pkg));
    if (entry !== undefined) return { system: entry.system, description: entry.description, fn, name: methodName(fn) };
    if (isBridged(context, symbol.declarations ?? [])) return bridgedBusHandler(fn, methodName(fn));
  }
  return undefined;
}
