import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { createEventTimestamps, enclosingHandler, endsLikeTimestamp, type EventTimestamps, type FileSemantics, getSemantics, isEventName, isTimestampName, wallClockOrderColumn } from '../src/semantics/index.js';
import { inlineCallbacksOf, isFunctionNode, parentOf } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';
import { clip } from '../src/util/messages.js';
import { guard } from '../src/util/guard.js';

export type Options = [];
export type MessageId = 'orderedByWallClock' | 'latestWinsByWallClock';

/** Collection helpers whose iteratee decides an order or a "latest" element (lodash, lodash-es, …). */
const orderingHelpers: ReadonlySet<string> = new Set(['sortBy', 'orderBy', 'maxBy', 'minBy']);
const helperModules: readonly string[] = ['lodash', 'lodash-es', 'underscore', 'remeda', 'es-toolkit', 'ramda'];
const relational: ReadonlySet<string> = new Set(['<', '>', '<=', '>=']);

export default createRule<Options, MessageId>({
  name: 'no-wall-clock-ordering',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow ordering events, or picking the latest one, by their wall-clock timestamp (`occurredAt`) instead of a per-aggregate sequence',
      recommended: 'strict',
      requiresTypeChecking: true,
    },
    messages: {
      orderedByWallClock:
        '{{subject}} orders events by `{{field}}`, a time each producer takes from its own clock. Clocks drift and events in one millisecond have no order: order by a per-aggregate version or sequence instead.',
      latestWinsByWallClock:
        'This comparison picks the newer event by `{{field}}`, a time each producer takes from its own clock. With clock skew an older change wins: compare a per-aggregate version or sequence instead.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    // A component that sorts records for display is not applying events: UI code is out of scope.
    if (rendersUserInterface(context.filename, context.sourceCode.ast)) return {};
    const semantics = getSemantics(context);
    const check: OrderingCheck = { context, semantics, timestamps: createEventTimestamps(semantics.program) };

    // Never let an unexpected shape of user code or of a declaration file break linting: no finding instead.
    return {
      CallExpression: (node) => {
        safely(() => {
          visitCall(check, node);
        });
      },
      TaggedTemplateExpression: (node) => {
        safely(() => {
          checkSql(check, node, node.quasi);
        });
      },
      BinaryExpression: (node) => {
        if (relational.has(node.operator)) {
          safely(() => {
            if (!isInOrderingCallback(node)) checkComparison(check, node);
          });
        }
      },
    };
  },
});

/** What the checks of one file share: the rule's context, the semantic layer, the file's event-timestamp analysis. */
interface OrderingCheck {
  readonly context: Readonly<TSESLint.RuleContext<MessageId, Options>>;
  readonly semantics: FileSemantics;
  readonly timestamps: EventTimestamps;
}

function visitCall(check: OrderingCheck, node: TSESTree.CallExpression): void {
  const name = calleeName(node.callee);
  if ((name === 'sort' || name === 'toSorted') && node.arguments.length === 1 && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    checkSort(check, node, node.callee.object, node.arguments[0] as TSESTree.Expression);
  } else if (name !== undefined && helperNameOf(check.context.sourceCode, node.callee) !== undefined) {
    checkHelper(check, node);
  } else if (node.arguments[0] !== undefined) {
    checkSql(check, node, node.arguments[0]);
  }
}

/** `events.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))`, also with a named comparator from another file. */
function checkSort(check: OrderingCheck, node: TSESTree.CallExpression, receiver: TSESTree.Expression, comparator: TSESTree.Expression): void {
  const { semantics, timestamps } = check;
  const fn = timestamps.functionNamedBy(semantics.tsNodeOf(comparator) as ts.Expression);
  if (fn === undefined) return;
  const key = timestamps.firstOrderingKey(fn);
  const receiverNode = semantics.tsNodeOf(receiver) as ts.Expression;
  if (key === undefined || !isEventTimestamp(check, key.object, key.field, [lastName(receiver)], node, receiverNode)) return;
  check.context.report({ node, messageId: 'orderedByWallClock', data: { subject: `\`${clip(check.context.sourceCode.getText(node.callee))}(…)\``, field: key.field } });
}

/** `sortBy(events, 'occurredAt')`, `_.orderBy(events, [(e) => e.occurredAt])`, `maxBy(events, 'occurredAt')`. */
function checkHelper(check: OrderingCheck, node: TSESTree.CallExpression): void {
  const { context, semantics, timestamps } = check;
  const checker = semantics.checker;
  const [collection, iteratees] = node.arguments;
  if (collection === undefined || iteratees === undefined) return;
  const collectionType = timestamps.typeOf(semantics.tsNodeOf(collection));
  const element = collectionType === undefined ? undefined : checker.getIndexTypeOfType(checker.getNonNullableType(collectionType), ts.IndexKind.Number);
  if (element === undefined) return;
  const field = timestamps.firstIterateeField(semantics.tsNodeOf(iteratees) as ts.Expression);
  if (field === undefined || !isTimestampName(field)) return;
  const collectionNode = semantics.tsNodeOf(collection) as ts.Expression;
  if (element.getProperty(field) === undefined || !isEvent(check, element, [lastName(collection)], node, collectionNode)) return;
  const sourceCode = context.sourceCode;
  context.report({ node, messageId: 'orderedByWallClock', data: { subject: `\`${clip(sourceCode.getText(node.callee))}(${clip(sourceCode.getText(collection))}, …)\``, field } });
}

/** `SELECT … FROM events … ORDER BY occurred_at` passed to a database call. */
function checkSql(check: OrderingCheck, node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression, textNode: TSESTree.Node): void {
  const text = sqlTextOf(check.context.sourceCode, textNode);
  if (text === undefined || !text.toLowerCase().includes('order')) return;
  const sql = check.semantics.libraryCallOf(node)?.sql;
  if (sql === undefined) return;
  const eventTables = sql.readTables.filter((table) => isEventName(table));
  if (eventTables.length === 0) return;
  const column = wallClockOrderColumn(text, eventTables);
  if (column === undefined) return;
  check.context.report({ node: textNode, messageId: 'orderedByWallClock', data: { subject: `This query on \`${eventTables[0] ?? 'events'}\``, field: column } });
}

/** `if (event.occurredAt > current.updatedAt)`, `a.occurredAt > b.occurredAt ? a : b` in a reducer. */
function checkComparison(check: OrderingCheck, node: TSESTree.BinaryExpression): void {
  const sourceCode = check.context.sourceCode;
  for (const [side, other] of [
    [node.left, node.right],
    [node.right, node.left],
  ] as const) {
    const access = timestampAccessOf(side);
    if (access === undefined || other.type === AST_NODE_TYPES.PrivateIdentifier || !isTimestampLike(other)) continue;
    const otherAccess = unwrapTime(other);
    if (otherAccess.type === AST_NODE_TYPES.MemberExpression && sourceCode.getText(otherAccess.object) === sourceCode.getText(access.object)) return;
    const object = check.semantics.tsNodeOf(access.object) as ts.Expression;
    if (!isEventTimestamp(check, object, propertyName(access) ?? '', [lastName(access.object)], node)) continue;
    check.context.report({ node, messageId: 'latestWinsByWallClock', data: { field: propertyName(access) ?? 'timestamp' } });
    return;
  }
}

/** The object's type has the timestamp and is an event: an envelope, named as an event, or received by a message handler. */
function isEventTimestamp(check: OrderingCheck, object: ts.Expression, field: string, names: readonly string[], at: TSESTree.Node, collection?: ts.Expression): boolean {
  const type = check.timestamps.typeOf(object);
  if (type?.getProperty(field) === undefined) return false;
  if (collection !== undefined && comesFromHandler(check.semantics, collection, at)) return true;
  // `a.metadata.occurredAt`: the event may be the root the timestamp hangs from.
  const roots: ts.Expression[] = [object];
  for (let node = object; ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node); node = node.expression) roots.push(node.expression);
  return roots.some((root) => {
    const rootType = check.timestamps.typeOf(root);
    const rootNames = ts.isIdentifier(root) ? [...names, root.text] : names;
    return rootType !== undefined && isEvent(check, rootType, rootNames, at, root);
  });
}

function isEvent(check: OrderingCheck, type: ts.Type, names: readonly string[], at: TSESTree.Node, root: ts.Expression): boolean {
  return comesFromHandler(check.semantics, root, at) || check.timestamps.isEventShaped(type, names);
}

/** Is the root read from the parameters of an enclosing message handler (`eachBatch: ({ batch }) => batch.messages.sort(…)`)? */
function comesFromHandler(semantics: FileSemantics, root: ts.Expression, at: TSESTree.Node): boolean {
  let base: ts.Expression = root;
  while (ts.isPropertyAccessExpression(base) || ts.isElementAccessExpression(base) || ts.isCallExpression(base)) base = base.expression;
  if (!ts.isIdentifier(base)) return false;
  const declaration = semantics.checker.getSymbolAtLocation(base)?.valueDeclaration;
  if (declaration === undefined) return false;
  const handler = enclosingHandler(semantics, at);
  if (handler === undefined) return false;
  const fn = semantics.tsNodeOf(handler.fn) as ts.SignatureDeclaration;
  return fn.parameters.some((p) => declaration.pos >= p.pos && declaration.end <= p.end);
}

/** `sortBy` / `_.sortBy` / `{ sortBy as order }` imported from lodash (typed or not) or a similar collection library: its real name. */
function helperNameOf(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Expression): string | undefined {
  const local = callee.type === AST_NODE_TYPES.Identifier ? callee : callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier ? callee.object : undefined;
  if (local === undefined) return undefined;
  const definition = variableNamed(sourceCode, local)?.defs[0];
  if (definition?.type !== TSESLint.Scope.DefinitionType.ImportBinding || definition.parent.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  const source = definition.parent.source.value;
  if (!helperModules.some((m) => source === m || source.startsWith(`${m}/`) || source.startsWith(`${m}.`))) return undefined;
  const specifier = definition.node;
  const name =
    callee.type === AST_NODE_TYPES.MemberExpression
      ? calleeName(callee)
      : specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.imported.type === AST_NODE_TYPES.Identifier
        ? specifier.imported.name
        : local.name;
  return name !== undefined && orderingHelpers.has(name) ? name : undefined;
}

/** A string, a template (`${…}` as `?`), or a `const` holding one. */
function sqlTextOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : undefined;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('?');
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = variableNamed(sourceCode, node)?.defs[0];
  if (definition?.node.type !== AST_NODE_TYPES.VariableDeclarator || definition.parent?.type !== AST_NODE_TYPES.VariableDeclaration || definition.parent.kind !== 'const') return undefined;
  const init = definition.node.init;
  return init === null || init.type === AST_NODE_TYPES.Identifier ? undefined : sqlTextOf(sourceCode, init);
}

function variableNamed(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier) {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(identifier); scope !== null; scope = scope.upper) {
    const variable = scope.set.get(identifier.name);
    if (variable !== undefined) return variable;
  }
  return undefined;
}

/** `event.occurredAt`, `new Date(event.occurredAt)`, `Date.parse(e.timestamp)`, `e.createdAt.getTime()`. */
function timestampAccessOf(node: TSESTree.Expression | TSESTree.PrivateIdentifier): TSESTree.MemberExpression | undefined {
  if (node.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const inner = unwrapTime(node);
  if (inner.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = propertyName(inner);
  return name !== undefined && isTimestampName(name) ? inner : undefined;
}

/** The other side of a "which is newer" comparison: another record's time (`current.updatedAt`, `lastOccurredAt`), not `Date.now()` or a cutoff. */
function isTimestampLike(node: TSESTree.Expression): boolean {
  const inner = unwrapTime(node);
  const name = inner.type === AST_NODE_TYPES.MemberExpression ? propertyName(inner) : inner.type === AST_NODE_TYPES.Identifier ? inner.name : undefined;
  return name !== undefined && (isTimestampName(name) || endsLikeTimestamp(name));
}

function isInOrderingCallback(node: TSESTree.Node): boolean {
  for (let current = parentOf(node); current !== undefined; current = parentOf(current)) {
    if (!isFunctionNode(current)) continue;
    const parent = parentOf(current);
    if (parent?.type !== AST_NODE_TYPES.CallExpression || !inlineCallbacksOf(parent).includes(current)) return false;
    const name = calleeName(parent.callee);
    return name === 'sort' || name === 'toSorted' || (name !== undefined && orderingHelpers.has(name));
  }
  return false;
}

function safely(run: () => void): void {
  guard(run, undefined);
}

function calleeName(callee: TSESTree.Expression): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) return callee.property.name;
  return undefined;
}

function propertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
  if (node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

/** `new Date(x)`, `Date.parse(x)`, `Number(x)`, `+x`, `x.getTime()`, `x.valueOf()`, `x!`, `x as T` → `x`. */
function unwrapTime(node: TSESTree.Expression): TSESTree.Expression {
  let current = node;
  for (let depth = 0; depth < 8; depth++) {
    if (current.type === AST_NODE_TYPES.ChainExpression || current.type === AST_NODE_TYPES.TSNonNullExpression || current.type === AST_NODE_TYPES.TSAsExpression) {
      current = current.expression;
    } else if (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === '+') {
      current = current.argument;
    } else if (current.type === AST_NODE_TYPES.NewExpression && current.callee.type === AST_NODE_TYPES.Identifier && current.callee.name === 'Date' && current.arguments.length === 1) {
      current = current.arguments[0] as TSESTree.Expression;
    } else if (current.type === AST_NODE_TYPES.CallExpression && current.arguments.length === 1 && isConversionCallee(current.callee)) {
      current = current.arguments[0] as TSESTree.Expression;
    } else if (
      current.type === AST_NODE_TYPES.CallExpression &&
      current.arguments.length === 0 &&
      current.callee.type === AST_NODE_TYPES.MemberExpression &&
      ['getTime', 'valueOf', 'toMillis', 'getEpochSecond'].includes(calleeName(current.callee) ?? '')
    ) {
      current = current.callee.object;
    } else {
      break;
    }
  }
  return current;
}

function isConversionCallee(callee: TSESTree.Expression): boolean {
  if (callee.type === AST_NODE_TYPES.Identifier) return ['Number', 'dayjs', 'moment', 'parseISO'].includes(callee.name);
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Date' && calleeName(callee) === 'parse';
}

function lastName(node: TSESTree.Node): string {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return propertyName(node) ?? '';
  if (node.type === AST_NODE_TYPES.CallExpression) return lastName(node.callee);
  return '';
}

/** Modules whose import marks a file as user-interface code. */
const userInterfaceModules = /^(?:react|react-dom|react-native|preact|vue|svelte|solid-js|@angular\/core|mobx-react(?:-lite)?|styled-components)(?:$|\/)/u;

/** A `.tsx`/`.jsx` file, or one that imports a UI framework. */
function rendersUserInterface(filename: string, ast: TSESTree.Program): boolean {
  if (/\.[jt]sx$/u.test(filename)) return true;
  return ast.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && userInterfaceModules.test(statement.source.value));
}
