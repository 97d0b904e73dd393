import ts from 'typescript';
import { consumerCatalogues, namedTypeMatches } from './catalogue.js';
import { functionName, type Handler } from './handler.js';

const eventTypes = consumerCatalogues.flatMap((c) => c.eventTypes ?? []);
/** Written type names that can carry a Lambda event type: `SQSEvent`, `SQSHandler`, `EventBridgeEvent<…>`. */
const eventTypeWords = ['Event', 'Handler', 'Record'];

/** Lambda handlers: `export const handler: SQSHandler = async (event) => …` or `(event: SQSEvent)`. */
export function handlerByEventType(checker: ts.TypeChecker, fn: ts.SignatureDeclaration): Handler | undefined {
  const first = fn.parameters[0];
  // Syntax first: the event type is written on the parameter, or on the variable that holds the handler.
  if (first === undefined || !mentionsAnEventType(first.type ?? variableTypeOf(fn))) return undefined;
  const type = checker.getTypeAtLocation(first);
  const entry = eventTypes.find((e) => namedTypeMatches(type, e.types, e.packages));
  return entry === undefined ? undefined : { system: entry.system, description: entry.description, fn, name: functionName(fn) };
}

function mentionsAnEventType(type: ts.TypeNode | undefined): boolean {
  if (type === undefined) return false;
  const text = type.getText();
  return text.length < 500 && eventTypeWords.some((word) => text.includes(word));
}

/** `export const handler: SQSHandler = async (event) => …`: the type written on the variable. */
function variableTypeOf(fn: ts.SignatureDeclaration): ts.TypeNode | undefined {
  const parent = fn.parent;
  return ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) ? parent.type : undefined;
}
