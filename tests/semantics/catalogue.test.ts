/**
 * Drift alarm for the catalogue: every (package, owner, method) it names must exist in the
 * INSTALLED declaration files, seen exactly as the resolver sees them (ownerNameOf and
 * packageOfDeclaration). A library upgrade that moves or renames a method fails here, naming
 * the catalogue entry, instead of silently turning a rule off.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  allCatalogues,
  commandSenderPackages,
  isCommandSenderPackage,
  ownerMatches,
  prismaGeneratedPackage,
  type ClientCatalogue,
  type CommandEntry,
  type MethodEntry,
} from '../../src/semantics/catalogue/index.js';
import { declarationName, ownerNameOf, packageOfDeclaration } from '../../src/semantics/declarations.js';
import { packageNameFromPath } from '../../src/semantics/package-of.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const nodeModules = path.join(repoRoot, 'node_modules');
const prismaFixtureDir = path.join(repoRoot, 'tests', 'fixtures', 'prisma');
/** What Prisma's generated files import; package-of.ts recognises them by this prefix. */
const prismaRuntime = '@prisma/client/runtime/client';

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  // The ECMAScript library without the DOM: catalogue entries may point into it (`Set.has`).
  lib: ['lib.esnext.d.ts'],
  types: ['node'],
  strict: true,
  skipLibCheck: true,
  noEmit: true,
};

/** Sub-entry points whose declarations the package's main entry does not reach. */
const extraEntryPoints: Readonly<Record<string, readonly string[]>> = {
  'drizzle-orm': ['drizzle-orm/pg-core', 'drizzle-orm/mysql-core', 'drizzle-orm/sqlite-core'],
  mysql2: ['mysql2/promise'],
  amqplib: ['amqplib/callback_api'],
};

/** Where a package (or its DefinitelyTyped types) is installed; `mongodb` is mongoose's own nested dependency here. */
function packageDirectory(name: string): string | undefined {
  const typesName = name.startsWith('@') ? name.slice(1).replace('/', '__') : name;
  const candidates = [path.join(nodeModules, name), path.join(nodeModules, '@types', typesName)];
  if (name === 'mongodb') candidates.push(path.join(nodeModules, 'mongoose', 'node_modules', 'mongodb'));
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'package.json')));
}

/** The file module resolution starts from: inside mongoose for its nested `mongodb`. */
function containingFileFor(name: string, directory: string): string {
  const nested = path.join('node_modules', 'mongoose', 'node_modules');
  return directory.includes(nested) ? path.join(nodeModules, 'mongoose', '__drift__.ts') : path.join(repoRoot, '__drift__.ts');
}

function resolveTypes(specifier: string, containingFile: string): string | undefined {
  for (const mode of [ts.ModuleKind.ESNext, ts.ModuleKind.CommonJS] as const) {
    const resolved = ts.resolveModuleName(specifier, containingFile, compilerOptions, ts.sys, undefined, undefined, mode).resolvedModule;
    if (resolved !== undefined && /\.d\.[cm]?ts$/u.test(resolved.resolvedFileName)) return resolved.resolvedFileName;
  }
  return undefined;
}

function entryLabel(client: ClientCatalogue, entry: MethodEntry | CommandEntry): string {
  const list = allCatalogues.indexOf(client);
  const kind = 'commands' in entry ? 'commands' : 'methods';
  const index = kind === 'commands' ? (client.commands ?? []).indexOf(entry as CommandEntry) : (client.methods ?? []).indexOf(entry as MethodEntry);
  const owners = 'owners' in entry && entry.owners !== undefined ? entry.owners.join('|') : 'ownerSuffix' in entry && entry.ownerSuffix !== undefined ? `*${entry.ownerSuffix}` : '*';
  return `allCatalogues[${String(list)}] (${client.client}).${kind}[${String(index)}] {packages: ${entry.packages.join(', ')}; owners: ${owners}}`;
}

interface DeclarationIndex {
  /** `package \0 member name` → owners (undefined for module-level functions) that declare it. */
  readonly members: ReadonlyMap<string, ReadonlySet<string | undefined>>;
  /** `package \0 type name` → class, interface, type alias and enum declarations. */
  readonly types: ReadonlyMap<string, readonly ts.Declaration[]>;
  readonly installed: ReadonlySet<string>;
  /** Installed packages whose declarations could not be resolved: a broken harness, not drift. */
  readonly unresolved: readonly string[];
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  /** Entry declaration file of each installed package. */
  readonly entryFiles: ReadonlyMap<string, string>;
  /** Prisma's installed runtime declarations (what every generated client is built on). */
  readonly prismaRuntimeFile: string | undefined;
  /** Files of a committed generated-client fixture, when there is one. */
  readonly prismaFixtureFiles: readonly string[];
  readonly sourceFileCount: number;
  readonly buildMillis: number;
}

const memberKey = (pkg: string, name: string): string => `${pkg}\0${name}`;

function isMember(node: ts.Node): node is ts.Declaration {
  return (
    ts.isMethodSignature(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isPropertySignature(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isFunctionDeclaration(node) ||
    // `export declare const runInTransaction: (fn) => …`: a module-level function held by a constant.
    (ts.isVariableDeclaration(node) && ts.isVariableStatement(node.parent.parent) && ts.isSourceFile(node.parent.parent.parent))
  );
}

function buildIndex(): DeclarationIndex {
  const started = performance.now();
  const packages = new Set(
    allCatalogues
      .flatMap((c) => [...(c.methods ?? []), ...(c.commands ?? []), ...consumerEntriesOf(c).map((e) => e.entry)].flatMap((e) => packagesOf(e)))
      .filter((p) => p !== prismaGeneratedPackage),
  );
  // The resolver sees the senders' own package too: `client.send` is declared by Smithy.
  for (const sender of commandSenderPackages) packages.add(sender);

  const installed = new Set<string>();
  const unresolved: string[] = [];
  const entryFiles = new Map<string, string>();
  const rootNames: string[] = [];
  for (const name of packages) {
    const directory = packageDirectory(name);
    if (directory === undefined) continue;
    installed.add(name);
    // TypeScript's own package is the default library, already in every program.
    if (name === 'typescript') continue;
    const containingFile = containingFileFor(name, directory);
    const entry = resolveTypes(name, containingFile);
    if (entry === undefined) {
      // `@types/pg` is installed but only ever imported as `pg`; its entry is reached that way.
      if (!name.startsWith('@types/')) unresolved.push(name);
      continue;
    }
    entryFiles.set(name, entry);
    rootNames.push(entry);
    for (const extra of extraEntryPoints[name] ?? []) {
      const file = resolveTypes(extra, containingFile);
      if (file === undefined) unresolved.push(extra);
      else rootNames.push(file);
    }
  }
  const prismaRuntimeFile = resolveTypes(prismaRuntime, path.join(repoRoot, '__drift__.ts'));
  if (prismaRuntimeFile !== undefined) rootNames.push(prismaRuntimeFile);
  const prismaFixtureFiles = fs.existsSync(prismaFixtureDir) ? ts.sys.readDirectory(prismaFixtureDir, ['.ts', '.mts', '.cts']) : [];
  rootNames.push(...prismaFixtureFiles);

  const program = ts.createProgram({ rootNames, options: compilerOptions });
  // Creating the checker binds every file, which sets the parent pointers the owner walk needs.
  const checker = program.getTypeChecker();
  const members = new Map<string, Set<string | undefined>>();
  const types = new Map<string, ts.Declaration[]>();
  const visit = (node: ts.Node): void => {
    if ((ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node)) && node.name !== undefined) {
      const pkg = packageOfDeclaration(node);
      if (pkg !== undefined) {
        const key = memberKey(pkg, node.name.text);
        const list = types.get(key);
        if (list === undefined) types.set(key, [node]);
        else list.push(node);
      }
    }
    if (isMember(node)) {
      const name = declarationName(node);
      const pkg = packageOfDeclaration(node);
      if (name !== undefined && pkg !== undefined) {
        const key = memberKey(pkg, name);
        let owners = members.get(key);
        if (owners === undefined) members.set(key, (owners = new Set()));
        owners.add(ownerNameOf(node));
      }
    }
    ts.forEachChild(node, visit);
  };
  const files = program.getSourceFiles();
  for (const file of files) visit(file);
  return {
    members,
    types,
    installed,
    unresolved,
    program,
    checker,
    entryFiles,
    prismaRuntimeFile,
    prismaFixtureFiles,
    sourceFileCount: files.length,
    buildMillis: performance.now() - started,
  };
}

/** Human-readable problems with one method entry; empty when it matches the installed declarations. */
function methodEntryProblems(index: DeclarationIndex, client: ClientCatalogue, entry: MethodEntry): string[] {
  const label = entryLabel(client, entry);
  const candidates = entry.packages.filter((p) => p === prismaGeneratedPackage || index.installed.has(p));
  if (candidates.length === 0) return [`${label}: none of its packages is installed (${entry.packages.join(', ')})`];
  const problems: string[] = [];
  for (const method of entry.methods) {
    const found = candidates.some((pkg) => [...(index.members.get(memberKey(pkg, method)) ?? [])].some((owner) => ownerMatches(entry, owner)));
    if (!found) {
      const seenOwners = candidates.flatMap((pkg) => [...(index.members.get(memberKey(pkg, method)) ?? [])].map((o) => `${pkg}:${o ?? '<module>'}`));
      problems.push(
        `${label}: method '${method}' is not declared by any matching owner in ${candidates.join(', ')}` +
          (seenOwners.length > 0 ? ` (declared by: ${[...new Set(seenOwners)].slice(0, 8).join(', ')})` : ' (not declared at all)'),
      );
    }
  }
  return problems;
}

/** The exported symbol `name` of a package's entry file, aliases followed. */
function exportOf(index: DeclarationIndex, pkg: string, name: string): ts.Symbol | undefined {
  const entryFile = index.entryFiles.get(pkg);
  const sourceFile = entryFile === undefined ? undefined : index.program.getSourceFile(entryFile);
  const moduleSymbol = sourceFile === undefined ? undefined : index.checker.getSymbolAtLocation(sourceFile);
  if (moduleSymbol === undefined) return undefined;
  const symbol = index.checker.getExportsOfModule(moduleSymbol).find((s) => s.getName() === name);
  if (symbol === undefined) return undefined;
  return symbol.flags & ts.SymbolFlags.Alias ? index.checker.getAliasedSymbol(symbol) : symbol;
}

function exportedClassesOf(index: DeclarationIndex, pkg: string): ts.Symbol[] {
  const entryFile = index.entryFiles.get(pkg);
  const sourceFile = entryFile === undefined ? undefined : index.program.getSourceFile(entryFile);
  const moduleSymbol = sourceFile === undefined ? undefined : index.checker.getSymbolAtLocation(sourceFile);
  if (moduleSymbol === undefined) return [];
  return index.checker
    .getExportsOfModule(moduleSymbol)
    .map((s) => (s.flags & ts.SymbolFlags.Alias ? index.checker.getAliasedSymbol(s) : s))
    .filter((s) => (s.flags & ts.SymbolFlags.Class) !== 0);
}

/** Problems with one AWS-style command entry: each command is an exported class declared by its package. */
function commandEntryProblems(index: DeclarationIndex, client: ClientCatalogue, entry: CommandEntry): string[] {
  const label = entryLabel(client, entry);
  const candidates = entry.packages.filter((p) => index.installed.has(p));
  if (candidates.length === 0) return [`${label}: none of its packages is installed (${entry.packages.join(', ')})`];
  const problems: string[] = [];
  for (const command of entry.commands) {
    const ok = candidates.some((pkg) => {
      const symbol = exportOf(index, pkg, command);
      const declaration = symbol?.declarations?.[0];
      // The resolver reads the package off the class's first declaration.
      return symbol !== undefined && (symbol.flags & ts.SymbolFlags.Class) !== 0 && declaration !== undefined && packageOfDeclaration(declaration) === pkg;
    });
    if (!ok) problems.push(`${label}: '${command}' is not an exported class declared by ${candidates.join(', ')}`);
  }
  return problems;
}

/**
 * The resolver only treats `x.send(command)` as a command call when `send` is declared by a
 * Smithy package or by `@aws-sdk/*`: each service client's `send` must still come from there.
 */
function commandSenderProblems(index: DeclarationIndex, client: ClientCatalogue, entry: CommandEntry): string[] {
  const label = entryLabel(client, entry);
  const problems: string[] = [];
  for (const pkg of entry.packages.filter((p) => index.installed.has(p))) {
    const clients = exportedClassesOf(index, pkg).filter((s) => s.getName().endsWith('Client'));
    if (clients.length === 0) problems.push(`${label}: ${pkg} exports no *Client class`);
    for (const clientClass of clients) {
      const send = index.checker.getDeclaredTypeOfSymbol(clientClass).getProperty('send');
      const senderPackages = (send?.declarations ?? []).map((d) => packageOfDeclaration(d) ?? '<project>');
      const ok = senderPackages.some((p) => isCommandSenderPackage(p));
      if (!ok) problems.push(`${label}: ${pkg} ${clientClass.getName()}.send is declared by [${senderPackages.join(', ')}], not a command sender package`);
    }
  }
  return problems;
}

/** The string literals of an exported union type alias of a declaration file. */
function exportedStringUnion(index: DeclarationIndex, file: string, name: string): string[] {
  const sourceFile = index.program.getSourceFile(file);
  const moduleSymbol = sourceFile === undefined ? undefined : index.checker.getSymbolAtLocation(sourceFile);
  const symbol = moduleSymbol === undefined ? undefined : index.checker.getExportsOfModule(moduleSymbol).find((s) => s.getName() === name);
  if (symbol === undefined) return [];
  const type = index.checker.getDeclaredTypeOfSymbol(symbol);
  return (type.isUnion() ? type.types : [type]).filter((t) => t.isStringLiteral()).map((t) => t.value);
}

/**
 * Prisma's client is generated per project, so there is no installed `OrderDelegate` to look
 * up. What is installed is the runtime the generated code is typed with: every catalogued
 * method must still be one of its model operations (or a `$`-method it declares), and its
 * import path must still be the one package-of.ts recognises generated files by.
 */
function prismaProblems(index: DeclarationIndex, client: ClientCatalogue): string[] {
  if (index.prismaRuntimeFile === undefined) return [`${prismaRuntime} does not resolve: package-of.ts recognises generated Prisma files by that import`];
  const operations = new Set(exportedStringUnion(index, index.prismaRuntimeFile, 'Operation'));
  const problems: string[] = [];
  if (operations.size === 0) problems.push(`${prismaRuntime} no longer exports the \`Operation\` union of model operations`);
  const runtimePackage = packageNameFromPath(index.prismaRuntimeFile) ?? '@prisma/client';
  for (const entry of client.methods ?? []) {
    for (const method of entry.methods) {
      if (operations.has(method) || index.members.has(memberKey(runtimePackage, method))) continue;
      problems.push(`${entryLabel(client, entry)}: '${method}' is neither a model operation nor a member declared by ${prismaRuntime}`);
    }
  }
  return problems;
}

/** The committed generated-client fixture must look generated to the resolver and fit the catalogue's owners. */
function prismaFixtureProblems(index: DeclarationIndex, client: ClientCatalogue): string[] {
  const problems: string[] = [];
  for (const file of index.prismaFixtureFiles) {
    const sourceFile = index.program.getSourceFile(file);
    if (sourceFile === undefined) problems.push(`${file} is not in the program`);
    else if (sourceFile.statements.some((s) => ts.isImportDeclaration(s)) && packageOfDeclaration(sourceFile.statements[0] ?? sourceFile) !== prismaGeneratedPackage) {
      problems.push(`${path.relative(repoRoot, file)} is not reported as ${prismaGeneratedPackage}`);
    }
  }
  for (const entry of client.methods ?? []) {
    // A trimmed fixture need not declare every operation, but each entry must match something in it.
    if (!entry.methods.some((method) => methodEntryProblems(index, client, { ...entry, methods: [method] }).length === 0)) {
      problems.push(`${entryLabel(client, entry)}: matches nothing in tests/fixtures/prisma`);
    }
  }
  return problems;
}

/**
 * Consumer entries (handler registrations, constructors, decorators, event types, iterables,
 * position fields), read structurally: the shapes are young, and a field this test does not
 * know must fail loudly below rather than break compilation here.
 */
interface ConsumerEntryView {
  readonly kind: string;
  readonly index: number;
  readonly entry: Readonly<Record<string, unknown>>;
}

function consumerEntriesOf(client: ClientCatalogue): ConsumerEntryView[] {
  const consumers: unknown = (client as { readonly consumers?: unknown }).consumers;
  if (typeof consumers !== 'object' || consumers === null) return [];
  return Object.entries(consumers).flatMap(([kind, list]: [string, unknown]) =>
    Array.isArray(list) ? list.map((entry: unknown, index) => ({ kind, index, entry: (typeof entry === 'object' && entry !== null ? entry : {}) as Readonly<Record<string, unknown>> })) : [],
  );
}

function stringList(value: unknown): readonly string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}

function packagesOf(entry: { readonly packages?: unknown }): readonly string[] {
  return stringList(entry.packages) ?? [];
}

/** The declared type of a class or interface declaration, for inherited-member lookups. */
function declaredTypeOf(index: DeclarationIndex, declaration: ts.Declaration): ts.Type | undefined {
  const name = ts.getNameOfDeclaration(declaration);
  const symbol = name === undefined ? undefined : index.checker.getSymbolAtLocation(name);
  return symbol === undefined ? undefined : index.checker.getDeclaredTypeOfSymbol(symbol);
}

/** Problems with one consumer entry, checked the way consumers.ts matches it. */
function consumerEntryProblems(index: DeclarationIndex, client: ClientCatalogue, view: ConsumerEntryView): string[] {
  const { entry } = view;
  const label = `allCatalogues[${String(allCatalogues.indexOf(client))}] (${client.client}).consumers.${view.kind}[${String(view.index)}] {packages: ${packagesOf(entry).join(', ')}}`;
  const candidates = packagesOf(entry).filter((p) => p === prismaGeneratedPackage || index.installed.has(p));
  if (candidates.length === 0) return [`${label}: none of its packages is installed (${packagesOf(entry).join(', ')})`];
  const problems: string[] = [];
  const owners = stringList(entry.owners);
  const hasMember = (member: string, ownerList: readonly string[]): boolean =>
    candidates.some((pkg) => [...(index.members.get(memberKey(pkg, member)) ?? [])].some((owner) => owner !== undefined && ownerList.includes(owner)));
  const typeDeclarations = (name: string): ts.Declaration[] => candidates.flatMap((pkg) => index.types.get(memberKey(pkg, name)) ?? []);
  let checked = false;

  // Registrations and position fields: a member declared by one of the owners (calleeDeclarationsOf → ownerNameOf).
  for (const listName of ['methods', 'fields'] as const) {
    const members = stringList(entry[listName]);
    if (members === undefined || owners === undefined) continue;
    checked = true;
    for (const member of members) {
      if (!hasMember(member, owners)) problems.push(`${label}: '${member}' is not declared by ${owners.join('|')} in ${candidates.join(', ')}`);
    }
  }
  // Registrations inherited from a generic base: the receiver's type is declared by the package and has the method.
  const receiverOwners = stringList(entry.receiverOwners);
  const receiverMethods = stringList(entry.methods);
  if (receiverOwners !== undefined && receiverMethods !== undefined) {
    checked = true;
    for (const owner of receiverOwners) {
      const declarations = typeDeclarations(owner);
      if (declarations.length === 0) problems.push(`${label}: receiver type '${owner}' is not declared by ${candidates.join(', ')}`);
      for (const method of receiverMethods) {
        if (declarations.length > 0 && !declarations.some((d) => declaredTypeOf(index, d)?.getProperty(method) !== undefined)) {
          problems.push(`${label}: receiver type '${owner}' has no '${method}'`);
        }
      }
    }
  }
  // Handler constructors: an exported class of the package whose constructor takes the handler at handlerIndex.
  const classes = stringList(entry.classes);
  if (classes !== undefined) {
    checked = true;
    const handlerIndex = typeof entry.handlerIndex === 'number' ? entry.handlerIndex : 0;
    for (const name of classes) {
      const symbol = candidates.map((pkg) => ({ pkg, symbol: exportOf(index, pkg, name) })).find((c) => c.symbol !== undefined && (c.symbol.flags & ts.SymbolFlags.Class) !== 0);
      if (symbol?.symbol === undefined) {
        problems.push(`${label}: '${name}' is not an exported class of ${candidates.join(', ')}`);
        continue;
      }
      const constructors = index.checker.getTypeOfSymbol(symbol.symbol).getConstructSignatures();
      if (!constructors.some((signature) => signature.getParameters().length > handlerIndex)) {
        problems.push(`${label}: no constructor of '${name}' takes an argument at handlerIndex ${String(handlerIndex)}`);
      }
    }
  }
  // Decorators: exported by the package and declared there (the resolver reads the first declaration's package).
  const decoratorNames = stringList(entry.decorators);
  if (decoratorNames !== undefined) {
    checked = true;
    for (const name of decoratorNames) {
      const found = candidates.some((pkg) => {
        const declaration = exportOf(index, pkg, name)?.declarations?.[0];
        return declaration !== undefined && packageOfDeclaration(declaration) === pkg;
      });
      if (!found) problems.push(`${label}: decorator '${name}' is not exported and declared by ${candidates.join(', ')}`);
    }
  }
  // Event types and iterables: named types declared by the package.
  const typeNames = stringList(entry.types);
  if (typeNames !== undefined) {
    checked = true;
    for (const name of typeNames) {
      if (typeDeclarations(name).length === 0) problems.push(`${label}: type '${name}' is not declared by ${candidates.join(', ')}`);
    }
  }
  if (!checked) problems.push(`${label}: an entry shape this drift test does not check yet (keys: ${Object.keys(entry).join(', ')}); extend tests/semantics/catalogue.test.ts`);
  return problems;
}

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

let index: DeclarationIndex;

beforeAll(() => {
  index = buildIndex();
  // Measured, not asserted: the shared program is the bulk of this file's run time.
  console.info(`catalogue drift: program of ${String(index.sourceFileCount)} declaration files built and indexed in ${index.buildMillis.toFixed(0)} ms`);
});

describe('catalogue drift against installed declarations', () => {
  it('resolves the declarations of every installed catalogue package', () => {
    expect(index.unresolved).toEqual([]);
    // Sanity: the walk really saw the packages, so an empty problem list below means something.
    expect(index.installed.size).toBeGreaterThan(20);
    expect(index.members.get(memberKey('kafkajs', 'send'))).toContain('Sender');
  });

  it('reports a renamed method or owner (the check itself can fail)', () => {
    const kafka = defined(allCatalogues.find((c) => c.client === 'kafkajs'));
    const renamedMethod: MethodEntry = { packages: ['kafkajs'], owners: ['Sender'], methods: ['send', 'sendMessages'], role: 'publish', system: 'Kafka' };
    const movedOwner: MethodEntry = { packages: ['kafkajs'], owners: ['Producer'], methods: ['send'], role: 'publish', system: 'Kafka' };
    const wrongPackage: MethodEntry = { packages: ['kafkajs-next'], owners: ['Sender'], methods: ['send'], role: 'publish', system: 'Kafka' };
    const suffix: MethodEntry = { packages: ['kafkajs'], ownerSuffix: 'Delegate', methods: ['send'], role: 'publish', system: 'Kafka' };
    expect(methodEntryProblems(index, kafka, renamedMethod)).toEqual([expect.stringContaining("method 'sendMessages'")]);
    expect(methodEntryProblems(index, kafka, movedOwner)).toEqual([expect.stringContaining("method 'send' is not declared by any matching owner")]);
    expect(methodEntryProblems(index, kafka, wrongPackage)).toEqual([expect.stringContaining('none of its packages is installed')]);
    expect(methodEntryProblems(index, kafka, suffix)).toHaveLength(1);
    const aws = defined(allCatalogues.find((c) => c.commands !== undefined));
    const renamedCommand: CommandEntry = { packages: ['@aws-sdk/client-sns'], commands: ['PublishCommand', 'PublishMessageCommand'], role: 'publish', system: 'SNS' };
    expect(commandEntryProblems(index, aws, renamedCommand)).toEqual([expect.stringContaining("'PublishMessageCommand'")]);
    const prisma: ClientCatalogue = {
      client: '@prisma/client',
      methods: [{ packages: [prismaGeneratedPackage], ownerSuffix: 'Delegate', methods: ['create', 'insertOne'], role: 'write', system: 'Prisma' }],
    };
    expect(prismaProblems(index, prisma)).toEqual([expect.stringContaining("'insertOne'")]);
  });

  it('reports renamed consumer APIs (the consumer checks can fail)', () => {
    const consumers = {
      registrations: [
        { packages: ['kafkajs'], owners: ['Consumer'], methods: ['run', 'runEach'] },
        { packages: ['node-nats-streaming'], receiverOwners: ['Subscription', 'Subscriptionn'], methods: ['on', 'onMessage'] },
      ],
      constructors: [{ packages: ['bullmq'], classes: ['Worker', 'Workerr'], handlerIndex: 1 }, { packages: ['bullmq'], classes: ['Worker'], handlerIndex: 9 }],
      decorators: [{ packages: ['@nestjs/microservices'], decorators: ['EventPattern', 'EventPatternn'] }],
      eventTypes: [{ packages: ['aws-lambda'], types: ['SQSEvent', 'SQSEventt'] }],
      positionFields: [{ packages: ['kafkajs'], owners: ['EachMessagePayload'], fields: ['partition', 'partitionn'] }],
      future: [{ packages: ['kafkajs'], somethingNew: ['x'] }],
    };
    const fake = { client: 'fake', consumers } as unknown as ClientCatalogue;
    const problems = consumerEntriesOf(fake).flatMap((view) => consumerEntryProblems(index, fake, view));
    expect(problems).toEqual([
      expect.stringContaining("'runEach' is not declared by Consumer"),
      expect.stringContaining("receiver type 'Subscription' has no 'onMessage'"),
      expect.stringContaining("receiver type 'Subscriptionn' is not declared"),
      expect.stringContaining("'Workerr' is not an exported class"),
      expect.stringContaining('handlerIndex 9'),
      expect.stringContaining("decorator 'EventPatternn'"),
      expect.stringContaining("type 'SQSEventt'"),
      expect.stringContaining("'partitionn' is not declared"),
      expect.stringContaining('an entry shape this drift test does not check yet'),
    ]);
  });

  for (const client of allCatalogues) {
    const generated = [...(client.methods ?? []), ...(client.commands ?? []), ...consumerEntriesOf(client).map((v) => v.entry)].every((e) =>
      packagesOf(e).every((p) => p === prismaGeneratedPackage),
    );
    if (generated) {
      it(`${client.client}: every catalogued method is an operation of the installed Prisma runtime`, () => {
        expect(prismaProblems(index, client)).toEqual([]);
      });
      // The fixture is someone else's file and may not exist yet.
      it.skipIf(!fs.existsSync(prismaFixtureDir))(`${client.client}: the generated-client fixture is seen as ${prismaGeneratedPackage} and fits every entry`, () => {
        expect(index.prismaFixtureFiles.length).toBeGreaterThan(0);
        expect(prismaFixtureProblems(index, client)).toEqual([]);
      });
      continue;
    }
    it(`${client.client}: every catalogued method, command and consumer API exists in the installed declarations`, () => {
      const problems = [
        ...(client.methods ?? []).flatMap((entry) => methodEntryProblems(index, client, entry)),
        ...(client.commands ?? []).flatMap((entry) => [...commandEntryProblems(index, client, entry), ...commandSenderProblems(index, client, entry)]),
        ...consumerEntriesOf(client).flatMap((view) => consumerEntryProblems(index, client, view)),
      ];
      expect(problems).toEqual([]);
    });
  }
});
