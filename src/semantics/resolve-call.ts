import ts from 'typescript';
import { callableEntries, commandEntriesByClass, isCommandSenderPackage, methodEntriesByName, ownerMatches, publishMethodNames, transactionScopeMethodNames, type MethodEntry, type RepeatFacets } from './catalogue/index.js';
import type { PartitionKeyLocation } from './catalogue/types.js';
import type { EffectInterest } from './roles.js';
import { declaredTypeNamesOf, memberByDeclaredType } from './declared-member.js';
import { declarationMatchesSpecifier, isConstDeclaration, ownerNameOf, packageOfDeclaration, symbolAt } from './declarations.js';
import type { Role } from './roles.js';
import type { EventDrivenSettings, FunctionSpecifier } from './settings.js';
import { payloadExpressions } from './payloads.js';
import { classifySql, sqlPlaceholder, type SqlClassification } from './sql.js';
import { guard } from '../util/guard.js';

export type CallLike = ts.CallExpression | ts.TaggedTemplateExpression;

/** A call that the catalogue or the settings give a role directly. */
export interface LibraryCall {
  readonly role: Role;
  /** Short text of the call as written: `producer.send`. */
  readonly label: string;
  /** For SQL calls: what the statement does. */
  readonly sql?: SqlClassification;
  /** For publishes: the message bodies, where the catalogue says the client carries them. */
  readonly payloads?: readonly ts.Expression[];
  /** The catalogue entry the call matched (a method's; commands have none). */
  readonly entry?: MethodEntry;
  /** How a repeat of the call behaves, from its method or command entry. */
  readonly repeat?: RepeatFacets;
  /** For publishes: the messages that carry a partition or ordering key, where they are written in place. */
  readonly partitionKey?: PartitionKeyedMessages;
}

/** The message objects of a publish (`{ key, value }` of kafkajs) and the property that keys them. */
export interface PartitionKeyedMessages {
  readonly location: PartitionKeyLocation;
  /** Each message as written: an object literal, or an expression the rule cannot see into. */
  readonly messages: readonly ts.Expression[];
}

export interface CallResolver {
  /** The role of a call to a catalogued library API or a settings-named function. */
  libraryCallOf(call: CallLike): LibraryCall | undefined;
  /** The declarations a call invokes, through aliases, overloads and inheritance. */
  calleeDeclarationsOf(call: CallLike): readonly ts.Declaration[];
  labelOf(call: CallLike): string;
  /** Names of what a call writes or reads: tables, models, entities, receivers, DynamoDB table names. */
  targetNamesOf(call: CallLike): readonly string[];
  /** Call names that can have a role by themselves (catalogued methods, `send` of commands, settings names), per interest. */
  readonly namesWithRoles: Readonly<Record<EffectInterest, ReadonlySet<string>>>;
}

const maxLabelLength = 48;
const maxConstHops = 3;

/** Resolves calls to roles through the checker: signature → declaration → owner → exact package. */
export function createCallResolver(program: ts.Program, settings: EventDrivenSettings): CallResolver {
  const checker = program.getTypeChecker();
  const libraryCalls = new WeakMap<CallLike, LibraryCall | null>();
  const sqlClassifications = new WeakMap<CallLike, SqlClassification>();
  const payloadsByCall = new WeakMap<CallLike, readonly ts.Expression[]>();
  const calleeDeclarations = new WeakMap<CallLike, readonly ts.Declaration[]>();
  const matchedEntries = new WeakMap<CallLike, MethodEntry>();
  const commandRepeats = new WeakMap<CallLike, RepeatFacets>();
  const partitionKeys = new WeakMap<CallLike, PartitionKeyedMessages>();
  const settingsNames = new Set(
    [...settings.publishers, ...settings.writers, ...settings.outboxWriters, ...settings.guards, ...settings.failureRecorders].flatMap((spec) => namesOfSpecifier(spec)),
  );

  const namesWithRoles = {
    any: new Set([...methodEntriesByName.keys(), 'send', sqlTemplateName, ...settingsNames]),
    publish: new Set([...publishMethodNames, 'send', ...settings.publishers.flatMap((spec) => namesOfSpecifier(spec))]),
    'tx-scope': new Set([...transactionScopeMethodNames, sqlTemplateName]),
  };

  return {
    libraryCallOf,
    calleeDeclarationsOf,
    labelOf,
    targetNamesOf: (call) => [...sqlTablesOf(call), ...targetNamesOf(call)],
    namesWithRoles,
  };

  function libraryCallOf(call: CallLike): LibraryCall | undefined {
    const cached = libraryCalls.get(call);
    if (cached !== undefined) return cached ?? undefined;
    const resolved = guard(() => computeLibraryCall(call), undefined);
    libraryCalls.set(call, resolved ?? null);
    return resolved;
  }

  function computeLibraryCall(call: CallLike): LibraryCall | undefined {
    const name = calleeNameOf(call);
    if (name === undefined) return undefined;
    const entries = methodEntriesByName.get(name);
    const maybeCommand = name === 'send' && ts.isCallExpression(call) && call.arguments.length > 0;
    // Syntax first: most calls are ruled out here without asking the checker anything.
    if (entries === undefined && !maybeCommand && !settingsNames.has(name)) return isSqlTaggedTemplate(call) ? callableLibraryCall(call) : undefined;

    const declarations = calleeDeclarationsOf(call);
    const role =
      roleFromSettings(declarations) ??
      (maybeCommand ? roleFromCommand(call, declarations) : undefined) ??
      roleFromCatalogue(call, declarations, entries ?? []);
    if (role === undefined) return undefined;
    const sql = sqlClassifications.get(call);
    const payloads = payloadsByCall.get(call);
    const entry = matchedEntries.get(call);
    const repeat = entry?.repeat ?? commandRepeats.get(call);
    const partitionKey = partitionKeys.get(call);
    return {
      role,
      label: labelOf(call),
      ...(sql === undefined ? {} : { sql }),
      ...(payloads === undefined || role.kind !== 'publish' ? {} : { payloads }),
      ...(entry === undefined ? {} : { entry }),
      ...(repeat === undefined ? {} : { repeat }),
      ...(partitionKey === undefined || role.kind !== 'publish' ? {} : { partitionKey }),
    };
  }

  /** postgres.js `` sql`INSERT …` ``: the client is the function, known by the call signature it declares. */
  function callableLibraryCall(call: ts.TaggedTemplateExpression): LibraryCall | undefined {
    for (const declaration of declarationsBySignature(call)) {
      const pkg = packageOfDeclaration(declaration);
      const owner = ownerNameOf(declaration);
      const entry = callableEntries.find((e) => pkg !== undefined && owner !== undefined && e.packages.includes(pkg) && e.owners.includes(owner));
      if (entry === undefined) continue;
      const sql = classifySql(templateText(call.template));
      sqlClassifications.set(call, sql);
      if (sql.kind === 'other') return undefined;
      const role: Role = { kind: sql.kind, system: entry.system };
      const tables = sql.kind === 'write' ? sql.writtenTables : sql.kind === 'read' ? sql.readTables : undefined;
      return { role: tables === undefined ? role : withLazyOutbox(role, () => targetsOutbox(call, tables)), label: labelOf(call), sql };
    }
    return undefined;
  }

  function roleFromSettings(declarations: readonly ts.Declaration[]): Role | undefined {
    if (settingsNames.size === 0) return undefined;
    const matches = (specs: readonly FunctionSpecifier[]): boolean =>
      declarations.some((d) => specs.some((spec) => declarationMatchesSpecifier(d, spec, program)));
    if (matches(settings.guards)) return { kind: 'guard', system: 'dedupe (settings)' };
    if (matches(settings.outboxWriters)) return { kind: 'write', system: settingsOutboxSystem, outbox: true };
    if (matches(settings.publishers)) return { kind: 'publish', system: 'a broker (settings)' };
    if (matches(settings.writers)) return { kind: 'write', system: 'the database (settings)' };
    if (matches(settings.failureRecorders)) return { kind: 'nack', system: 'a failure recorder (settings)' };
    return undefined;
  }

  /** AWS SDK v3: `client.send(new PublishCommand(…))`; the command's class says what it does. */
  function roleFromCommand(call: ts.CallExpression, declarations: readonly ts.Declaration[]): Role | undefined {
    const fromSmithy = declarations.some((d) => {
      const pkg = packageOfDeclaration(d);
      return pkg !== undefined && isCommandSenderPackage(pkg);
    });
    const command = call.arguments[0];
    if (!fromSmithy || command === undefined) return undefined;
    const symbol = checker.getTypeAtLocation(command).getSymbol();
    const entries = symbol === undefined ? undefined : commandEntriesByClass.get(symbol.getName());
    const declaration = symbol?.declarations?.[0];
    if (entries === undefined || declaration === undefined) return undefined;
    const pkg = packageOfDeclaration(declaration);
    const entry = entries.find((e) => pkg !== undefined && e.packages.includes(pkg));
    if (entry === undefined) return undefined;
    if (entry.role === 'effect') return { kind: 'effect', system: entry.system, what: entry.what ?? 'has a side effect' };
    if (entry.effectWhenInputHas !== undefined && commandInputHas(command, entry.effectWhenInputHas.property)) {
      return { kind: 'effect', system: entry.system, what: entry.effectWhenInputHas.what };
    }
    if (entry.payload !== undefined) {
      const input = commandNewExpressionOf(command)?.arguments?.[entry.payload.argument];
      payloadsByCall.set(call, payloadExpressions(checker, input, { path: entry.payload.path ?? [], argument: 0 }));
    }
    if (entry.partitionKey !== undefined) {
      const input = commandNewExpressionOf(command)?.arguments?.[entry.partitionKey.argument];
      partitionKeys.set(call, { location: entry.partitionKey, messages: payloadExpressions(checker, input, { path: entry.partitionKey.path ?? [], argument: 0 }) });
    }
    if (entry.role !== 'write') return { kind: entry.role, system: entry.system };
    if (entry.repeat !== undefined) commandRepeats.set(call, entry.repeat);
    return withLazyOutbox({ kind: 'write', system: entry.system }, () => targetsOutbox(call, entry.tableProperty === undefined ? [] : commandInputTables(command, entry.tableProperty)));
  }

  function roleFromCatalogue(call: CallLike, declarations: readonly ts.Declaration[], entries: readonly MethodEntry[]): Role | undefined {
    for (const declaration of declarations) {
      const pkg = packageOfDeclaration(declaration);
      if (pkg === undefined) continue;
      const owner = ownerNameOf(declaration);
      const entry = entries.find((e) => e.packages.includes(pkg) && ownerMatches(e, owner));
      if (entry === undefined) continue;
      matchedEntries.set(call, entry);
      return roleFromEntry(entry, call);
    }
    return undefined;
  }

  function roleFromEntry(entry: MethodEntry, call: CallLike): Role | undefined {
    const system = entry.system;
    switch (entry.role) {
      case 'sql': {
        const text = sqlTextOf(firstArgument(call), 0, entry.sqlOptions ?? []);
        if (text === undefined) return undefined;
        const sql = classifySql(text);
        sqlClassifications.set(call, sql);
        if (sql.kind === 'other') return undefined;
        // A read of the outbox (`SELECT … FROM outbox … FOR UPDATE SKIP LOCKED`) is what a relay does.
        if (sql.kind === 'read') return withLazyOutbox({ kind: 'read', system }, () => targetsOutbox(call, sql.readTables));
        if (sql.kind !== 'write') return { kind: sql.kind, system };
        return withLazyOutbox({ kind: 'write', system }, () => targetsOutbox(call, sql.writtenTables));
      }
      case 'tx-scope': {
        const args = ts.isCallExpression(call) ? call.arguments : [];
        const index = entry.callbackIndex === -1 ? args.length - 1 : (entry.callbackIndex ?? 0);
        const callback = args[index];
        // The callback written in place, or a reference to one (`session.withTransaction(work)` inside a wrapper).
        if (callback !== undefined && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback) || ts.isIdentifier(callback) || ts.isPropertyAccessExpression(callback))) {
          return { kind: 'tx-scope', system, callbackIndex: index, ...(entry.handleRequired === true ? { handleRequired: true } : {}) };
        }
        // `knex.transaction()` / `sequelize.transaction()` without a callback hand back a transaction to commit.
        return args.some((a) => ts.isArrayLiteralExpression(a)) ? undefined : { kind: 'tx-begin', system };
      }
      case 'write': {
        if (ts.isTaggedTemplateExpression(call)) sqlClassifications.set(call, classifySql(templateText(call.template)));
        return withLazyOutbox({ kind: 'write', system }, () => targetsOutbox(call, sqlClassifications.get(call)?.writtenTables ?? []));
      }
      case 'effect':
        if (entry.onlyWhen !== undefined && !hasPropertyValue(call, entry.onlyWhen.property, entry.onlyWhen.values)) return undefined;
        // A provider's idempotency key (`{ idempotencyKey }`, an `Idempotency-Key` header) makes the repeat harmless.
        if (entry.idempotentWith?.some((property) => hasPropertyNamed(call, property)) === true) return undefined;
        return { kind: 'effect', system, what: entry.what ?? 'has a side effect' };
      case 'read':
        return withLazyOutbox({ kind: 'read', system }, () => targetsOutbox(call, []));
      case 'publish':
        // A job enqueued through the caller's own connection commits with its transaction: an outbox row.
        if (entry.inCallersTransactionWith !== undefined && hasPropertyNamed(call, entry.inCallersTransactionWith)) return { kind: 'write', system, outbox: true };
        if (entry.payload !== undefined && ts.isCallExpression(call)) {
          payloadsByCall.set(call, payloadExpressions(checker, call.arguments[entry.payload.argument], entry.payload));
        }
        if (entry.partitionKey !== undefined && ts.isCallExpression(call)) {
          partitionKeys.set(call, { location: entry.partitionKey, messages: payloadExpressions(checker, call.arguments[entry.partitionKey.argument], entry.partitionKey) });
        }
        return {
          kind: 'publish',
          system,
          ...(entry.expectsReply === true ? { expectsReply: true } : {}),
          ...(entry.jobQueue === true ? { jobQueue: true } : {}),
          ...(entry.idempotentWith === undefined ? {} : { idempotentWith: entry.idempotentWith }),
        };
      default:
        return { kind: entry.role, system };
    }
  }

  function calleeDeclarationsOf(call: CallLike): readonly ts.Declaration[] {
    const cached = calleeDeclarations.get(call);
    if (cached !== undefined) return cached;
    const declarations = guard(() => declarationsBySymbol(call) ?? declarationsBySignature(call), []);
    calleeDeclarations.set(call, declarations);
    return declarations;
  }

  /**
   * The callee's symbol: cheaper than resolving the call's signature, which type-checks every
   * argument (contextual typing, inference). Overloads come back together, which is enough to
   * tell the package, the owner and the project implementation.
   */
  function declarationsBySymbol(call: CallLike): readonly ts.Declaration[] | undefined {
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

  function declarationsBySignature(call: CallLike): readonly ts.Declaration[] {
    const declaration = checker.getResolvedSignature(call)?.getDeclaration() as ts.Declaration | undefined;
    return declaration !== undefined && !ts.isJSDocSignature(declaration) ? [declaration] : [];
  }

  /** The text of a SQL argument: literals, templates, `{ text }` configs, and `const` bindings. */
  /** `options`: the properties of a config object that hold the statement, from the catalogue entry. */
  function sqlTextOf(node: ts.Expression | undefined, hops: number, options: readonly string[] = []): string | undefined {
    if (node === undefined) return undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node)) return templateText(node);
    if (ts.isTaggedTemplateExpression(node)) return templateText(node.template);
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return sqlTextOf(node.expression, hops, options);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      return (sqlTextOf(node.left, hops, options) ?? sqlPlaceholder) + (sqlTextOf(node.right, hops, options) ?? sqlPlaceholder);
    }
    if (ts.isObjectLiteralExpression(node)) {
      const text = node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && options.includes(p.name.text));
      return text === undefined ? undefined : sqlTextOf(text.initializer, hops, options);
    }
    if (ts.isIdentifier(node) && hops < maxConstHops) {
      // An imported constant (`import { INSERT_ORDER } from './sql.js'`) is an alias: follow it.
      const symbol = symbolAt(checker, node);
      const declaration = symbol?.valueDeclaration;
      if (declaration !== undefined && ts.isVariableDeclaration(declaration) && isConstDeclaration(declaration)) {
        return sqlTextOf(declaration.initializer, hops + 1, options);
      }
    }
    return undefined;
  }

  /** Is the written table, model, entity or repository an outbox? Names are data, not code. */
  function targetsOutbox(call: CallLike, tables: readonly string[]): boolean {
    const names = [...tables, ...targetNamesOf(call)].map((n) => n.toLowerCase());
    return names.some((name) => name.includes('outbox') || settings.outboxTables.some((table) => name.includes(table)));
  }

  function targetNamesOf(call: CallLike): string[] {
    const names: string[] = [];
    const callee = ts.isCallExpression(call) ? call.expression : call.tag;
    if (ts.isPropertyAccessExpression(callee)) {
      names.push(boundedText(callee.expression));
      // The declared type, when it is plain, names the receiver without making the checker infer it.
      names.push(...(declaredTypeNamesOf(checker, callee.expression) ?? typeNames(checker.getTypeAtLocation(callee.expression))));
    }
    const first = firstArgument(call);
    if (first !== undefined) {
      if (ts.isIdentifier(first) || ts.isPropertyAccessExpression(first)) names.push(first.getText());
      if (ts.isNewExpression(first)) names.push(first.expression.getText());
      // The entity class or instance passed in: `manager.save(OutboxMessage, row)`, `em.persist(message)`.
      // Object and array literals (also through a local) are skipped: their type has no name, and
      // checking them is the costly part.
      const declared = ts.isIdentifier(first) ? declaredTypeNamesOf(checker, first) : undefined;
      if (declared !== undefined) names.push(...declared);
      else if (!isLiteralValue(first)) {
        const symbolName = checker.getTypeAtLocation(first).getSymbol()?.getName();
        if (symbolName !== undefined && !symbolName.startsWith('__')) names.push(symbolName);
      }
    }
    // Fluent chains name the table after the verb: `trx.insert(row).into('outbox')`.
    const tableChain = matchedEntries.get(call)?.tableChain ?? [];
    for (let node: ts.Node = call; tableChain.length > 0 && ts.isPropertyAccessExpression(node.parent) && ts.isCallExpression(node.parent.parent); node = node.parent.parent) {
      const method = node.parent.name.text;
      const argument = node.parent.parent.arguments[0];
      if (tableChain.includes(method) && argument !== undefined) names.push(boundedText(argument));
    }
    return names;
  }

  function isLiteralValue(node: ts.Expression): boolean {
    if (ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node) || ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) return true;
    if (!ts.isIdentifier(node)) return false;
    const declaration = symbolAt(checker, node)?.valueDeclaration;
    const initializer = declaration !== undefined && ts.isVariableDeclaration(declaration) && declaration.type === undefined ? declaration.initializer : undefined;
    return initializer !== undefined && (ts.isObjectLiteralExpression(initializer) || ts.isArrayLiteralExpression(initializer));
  }

  function typeNames(type: ts.Type): string[] {
    const names: string[] = [];
    const symbolName = type.getSymbol()?.getName();
    if (symbolName !== undefined) names.push(symbolName);
    for (const argument of checker.getTypeArguments(type as ts.TypeReference)) {
      const argumentName = argument.getSymbol()?.getName();
      if (argumentName !== undefined) names.push(argumentName);
    }
    return names;
  }

  /** Does the command's input object (`new PublishCommand({ PhoneNumber })`, also through a `const`) set this property? */
  function commandInputHas(command: ts.Expression, property: string): boolean {
    const input = commandNewExpressionOf(command)?.arguments?.[0];
    return input !== undefined && ts.isObjectLiteralExpression(input) && input.properties.some((p) => p.name !== undefined && p.name.getText().replace(/['"]/gu, '') === property);
  }

  /** `new PublishCommand(…)` written in place or held in a local. */
  function commandNewExpressionOf(command: ts.Expression): ts.NewExpression | undefined {
    let node: ts.Expression | undefined = command;
    if (ts.isIdentifier(node)) {
      const declaration = symbolAt(checker, node)?.valueDeclaration;
      node = declaration !== undefined && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
    }
    return node !== undefined && ts.isNewExpression(node) ? node : undefined;
  }

  /** Table names in a command's input (`{ TableName: 'outbox' }` of DynamoDB), at any depth: transactions included. */
  function commandInputTables(command: ts.Expression, tableProperty: string): string[] {
    let input: ts.Node = command;
    if (ts.isIdentifier(input)) {
      const declaration = checker.getSymbolAtLocation(input)?.valueDeclaration;
      if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined) return [];
      input = declaration.initializer;
    }
    const tables: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === tableProperty && ts.isStringLiteralLike(node.initializer)) {
        tables.push(node.initializer.text);
      }
      if (tables.length < 50) ts.forEachChild(node, visit);
    };
    visit(input);
    return tables;
  }

  function sqlTablesOf(call: CallLike): string[] {
    const sql = sqlClassifications.get(call);
    return sql === undefined ? [] : [...sql.writtenTables, ...sql.readTables];
  }

  function labelOf(call: CallLike): string {
    if (ts.isCallExpression(call)) return shortCalleeText(call.expression);
    // `` sql`INSERT …` ``: the statement's first word says what the template does.
    const verb = isSqlTaggedTemplate(call) ? sqlTemplateStart.exec(ts.isNoSubstitutionTemplateLiteral(call.template) ? call.template.text : call.template.head.text)?.[0].trim() : undefined;
    return verb === undefined ? shortCalleeText(call.tag) : `${shortCalleeText(call.tag)} (${verb.toUpperCase()})`;
  }
}

/** Does an object-literal argument of the call have this property (at any depth; names compared case-insensitively, as headers are)? */
export function hasPropertyNamed(call: CallLike, property: string): boolean {
  return propertyNamed(call, property) !== undefined;
}

/** Does an object-literal argument set this property to one of these string values (`method: 'POST'`, any case)? */
export function hasPropertyValue(call: CallLike, property: string, values: readonly string[]): boolean {
  const found = propertyNamed(call, property);
  const value = found !== undefined && ts.isPropertyAssignment(found) ? found.initializer : undefined;
  return value !== undefined && ts.isStringLiteralLike(value) && values.some((v) => v.toLowerCase() === value.text.toLowerCase());
}

function propertyNamed(call: CallLike, property: string): ts.PropertyAssignment | ts.ShorthandPropertyAssignment | undefined {
  const args = ts.isCallExpression(call) ? call.arguments : [];
  const wanted = property.toLowerCase();
  let found: ts.PropertyAssignment | ts.ShorthandPropertyAssignment | undefined;
  let budget = 500;
  const visit = (node: ts.Node): void => {
    if (found !== undefined || budget-- <= 0) return;
    if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && node.name.getText().replace(/['"]/gu, '').toLowerCase() === wanted) {
      found = node;
      return;
    }
    if (ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node) || ts.isPropertyAssignment(node) || ts.isParenthesizedExpression(node)) {
      ts.forEachChild(node, visit);
    }
  };
  for (const argument of args) visit(argument);
  return found;
}

function namesOfSpecifier(spec: FunctionSpecifier): string[] {
  const names = typeof spec === 'string' ? [spec] : typeof spec.name === 'string' ? [spec.name] : [...spec.name];
  return names.map((n) => n.slice(n.lastIndexOf('.') + 1));
}

/** The called method or function name: `send` in `this.producer.send(…)`. */
export function calleeNameOf(call: CallLike): string | undefined {
  let callee: ts.Expression = ts.isCallExpression(call) ? call.expression : call.tag;
  while (ts.isParenthesizedExpression(callee) || ts.isNonNullExpression(callee)) callee = callee.expression;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) return callee.argumentExpression.text;
  return undefined;
}

/** `this.producer.send` → `producer.send`; long receivers are cut to their last name. */
export function shortCalleeText(callee: ts.Expression): string {
  if (ts.isPropertyAccessExpression(callee)) {
    return clip(`${shortReceiverText(callee.expression)}.${callee.name.text}`);
  }
  let inner = callee;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) {
    const isAsync = ts.getCombinedModifierFlags(inner) & ts.ModifierFlags.Async;
    return `(${isAsync ? 'async ' : ''}${ts.isArrowFunction(inner) ? '() => …' : 'function …'})`;
  }
  return clip(callee.getText());
}

function shortReceiverText(receiver: ts.Expression): string {
  if (ts.isPropertyAccessExpression(receiver)) return receiver.name.text;
  if (ts.isIdentifier(receiver) || receiver.kind === ts.SyntaxKind.ThisKeyword) return receiver.getText();
  if (ts.isCallExpression(receiver)) return `${shortCalleeText(receiver.expression)}(…)`;
  if (ts.isNewExpression(receiver)) return `new ${shortCalleeText(receiver.expression)}(…)`;
  return '…';
}

function clip(text: string): string {
  const newline = text.indexOf('\n');
  const line = newline === -1 ? text : `${text.slice(0, newline).trimEnd()}…`;
  return line.length > maxLabelLength ? `${line.slice(0, maxLabelLength - 1)}…` : line;
}

function boundedText(node: ts.Node): string {
  const text = node.getText();
  return text.length > 200 ? text.slice(0, 200) : text;
}

/**
 * A write or read whose `outbox` flag is computed when first read: telling an outbox table
 * apart asks the checker for the receiver's type, which a caller that only wants publishes
 * (event names, envelopes) never needs.
 */
function withLazyOutbox(role: Role, compute: () => boolean): Role {
  let value: boolean | undefined;
  return Object.defineProperty({ ...role }, 'outbox', { enumerable: true, get: () => (value ??= compute()) });
}

/** The system of an outbox writer named in settings: the outbox is all that is known of it. */
export const settingsOutboxSystem = 'outbox';

/** The call-graph name of every SQL tagged template: what a function that runs one "calls". */
export const sqlTemplateName = '<sql template>';

/** Statement keywords a SQL template starts with; anchored, one alternation: linear time. */
const sqlTemplateStart = /^\s*(?:insert|update|delete|merge|upsert|replace|with|select|begin|start|commit|rollback)\b/iu;

/**
 * A tagged template whose text starts like a SQL statement (`` sql`INSERT …` ``): the only shape
 * in which a callable client is resolved, so `` css`…` `` and `` gql`…` `` never reach the checker.
 */
export function isSqlTaggedTemplate(call: CallLike): call is ts.TaggedTemplateExpression {
  if (callableEntries.length === 0 || !ts.isTaggedTemplateExpression(call)) return false;
  const template = call.template;
  return sqlTemplateStart.test(ts.isNoSubstitutionTemplateLiteral(template) ? template.text : template.head.text);
}

function firstArgument(call: CallLike): ts.Expression | undefined {
  return ts.isCallExpression(call) ? call.arguments[0] : call.template;
}

function templateText(template: ts.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return template.text;
  return template.head.text + template.templateSpans.map((span) => sqlPlaceholder + span.literal.text).join('');
}
