import ts from 'typescript';
import { receiveNames } from '../catalogue/index.js';
import { consumerCatalogues, namedTypeMatches } from './catalogue.js';
import type { ConsumerContext } from './context.js';
import { functionName, type Handler } from './handler.js';

const iterables = consumerCatalogues.flatMap((c) => c.iterables ?? []);

/** A function that polls for messages (SQS `ReceiveMessageCommand`, `receiver.receiveMessages()`) processes what it received. */
export function pollingLoop(context: ConsumerContext, fn: ts.SignatureDeclaration): Handler | undefined {
  const body = 'body' in fn ? (fn.body as ts.Node | undefined) : undefined;
  if (body === undefined || !ts.isBlock(body)) return undefined;
  const text = fn.getSourceFile().text;
  const receives = receiveNames.some((name) => textWithin(text, name, body));
  if (!textWithin(text, 'for await', body)) return receives ? receivingLoop(context, body, fn) : undefined;
  return (receives ? receivingLoop(context, body, fn) : undefined) ?? forAwaitLoop(context.checker, body, fn);
}

function receivingLoop(context: ConsumerContext, body: ts.Node, fn: ts.SignatureDeclaration): Handler | undefined {
  let found: Handler | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined || (ts.isFunctionLike(node) && node !== fn)) return;
    const role = ts.isCallExpression(node) ? context.resolver.libraryCallOf(node)?.role : undefined;
    if (ts.isCallExpression(node) && role?.kind === 'receive') {
      found = { system: role.system, description: `${role.system} polling loop`, fn, name: functionName(fn), receivesAt: node };
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/** `for await (const msg of subscription)` over a NATS subscription. */
function forAwaitLoop(checker: ts.TypeChecker, body: ts.Node, fn: ts.SignatureDeclaration): Handler | undefined {
  let found: Handler | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined || (ts.isFunctionLike(node) && node !== fn)) return;
    if (ts.isForOfStatement(node) && node.awaitModifier !== undefined) {
      const entry = iterables.find((i) => namedTypeMatches(checker.getTypeAtLocation(node.expression), i.types, i.packages));
      if (entry !== undefined) found = { system: entry.system, description: entry.description, fn, name: functionName(fn), receivesAt: node };
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

// Keyed by source file, whose text never changes: the positions live as long as the file.
const needlePositions = new WeakMap<ts.SourceFile, Map<string, readonly number[]>>();

/** Does the needle occur inside the node? Positions are found once per file, so this stays linear. */
function textWithin(text: string, needle: string, node: ts.Node): boolean {
  const file = node.getSourceFile();
  let byNeedle = needlePositions.get(file);
  if (byNeedle === undefined) {
    byNeedle = new Map();
    needlePositions.set(file, byNeedle);
  }
  let positions = byNeedle.get(needle);
  if (positions === undefined) {
    const found: number[] = [];
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) found.push(at);
    positions = found;
    byNeedle.set(needle, positions);
  }
  return positions.some((at) => at >= node.pos && at < node.end);
}
