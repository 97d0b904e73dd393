import ts from 'typescript';
import { allCatalogues, brokerCatalogues, inProcessPackages, packagesOf, platformPackages } from './catalogue/index.js';
import { isReadableSource } from './declarations.js';
import { perProgram } from './per-program.js';
import { packageOfFile } from './package-of.js';
import { staticModuleSpecifiersOf } from './ts-nodes.js';
import { reachableFrom } from '../util/graph.js';

/**
 * Which files can reach a catalogued client at all: a file that imports none, directly or through
 * the project's modules, can call no publish, write or effect, so its calls need not be resolved.
 * The reach follows imports and re-exports, and also goes from a type to the classes that extend
 * or implement it (a port `EventPublisher` reaches the Kafka adapter that implements it). Built
 * once per program from module symbols, without type checking any expression.
 */
export interface ClientReach {
  /** Can code in this file reach a broker client (for publishes)? */
  reachesBroker(file: ts.SourceFile): boolean;
  /** Can code in this file reach any catalogued client (publishes, writes, effects)? */
  reachesAnyClient(file: ts.SourceFile): boolean;
}

/** Declared globally, never imported: their roles (global `fetch`, `Set`) do not mark a file. */
const globalPackages: ReadonlySet<string> = new Set(platformPackages);
/** The catalogue's packages, less the platform's and the in-process buses'. */
const clientPackagesOf = (catalogues: typeof allCatalogues): Set<string> =>
  new Set(packagesOf(catalogues).filter((pkg) => !globalPackages.has(pkg) && !inProcessPackages.includes(pkg)));
const brokerPackages = clientPackagesOf(brokerCatalogues);
const clientPackages = clientPackagesOf(allCatalogues);

export const getClientReach: (program: ts.Program) => ClientReach = perProgram(createClientReach);

function createClientReach(program: ts.Program): ClientReach {
  let computed: { readonly broker: ReadonlySet<ts.SourceFile>; readonly any: ReadonlySet<ts.SourceFile> } | undefined;
  const compute = (): NonNullable<typeof computed> => {
    computed ??= computeReach(program);
    return computed;
  };
  return {
    reachesBroker: (file) => compute().broker.has(file),
    reachesAnyClient: (file) => compute().any.has(file),
  };
}

function computeReach(program: ts.Program): { broker: Set<ts.SourceFile>; any: Set<ts.SourceFile> } {
  const checker = program.getTypeChecker();
  /**
   * What reaches what, backwards: a file's importers, a type's users. Nodes are files and the
   * project's classes and interfaces, so that importing one type from a shared types module
   * does not make a file reach what every other type there reaches.
   */
  const importersOf = new Map<ts.Node, ts.Node[]>();
  const broker = new Set<ts.Node>();
  const any = new Set<ts.Node>();
  const addEdge = (from: ts.Node, to: ts.Node): void => {
    const list = importersOf.get(to);
    if (list === undefined) importersOf.set(to, [from]);
    else list.push(from);
  };
  const reachedByLibrary = new Map<ts.SourceFile, ReadonlySet<string>>();
  for (const file of program.getSourceFiles()) {
    if (!isReadableSource(file, program)) continue;
    for (const imported of importedFiles(checker, file)) {
      const reached = packagesReachedBy(checker, program, imported, reachedByLibrary);
      if ([...reached].some((pkg) => brokerPackages.has(pkg))) broker.add(file);
      if ([...reached].some((pkg) => clientPackages.has(pkg))) any.add(file);
      addEdge(file, imported);
    }
    // A port reaches its adapters: `interface EventPublisher` reaches whatever a class implementing it reaches,
    // and a file that imports the port reaches that too.
    for (const base of baseTypesOf(checker, file)) if (isPort(base) && isReadableSource(base.getSourceFile(), program)) addEdge(base, file);
    for (const type of importedTypesOf(checker, file)) addEdge(file, type);
  }
  const onlyFiles = (nodes: Set<ts.Node>): Set<ts.SourceFile> => new Set([...nodes].filter((n): n is ts.SourceFile => ts.isSourceFile(n)));
  return { broker: onlyFiles(reachableFrom(broker, importersOf)), any: onlyFiles(reachableFrom(any, importersOf)) };
}

/**
 * The catalogued packages an imported file stands for: its own package, or — for a library the
 * analysis cannot read (a shared event library's `.d.ts`) — the packages its declarations import.
 */
function packagesReachedBy(checker: ts.TypeChecker, program: ts.Program, file: ts.SourceFile, cache: Map<ts.SourceFile, ReadonlySet<string>>, depth = 0): ReadonlySet<string> {
  const own = packageOfFile(file);
  if (own !== undefined && clientPackages.has(own)) return new Set([own]);
  if (isReadableSource(file, program) || depth > maxLibraryDepth) return noPackages;
  const cached = cache.get(file);
  if (cached !== undefined) return cached;
  cache.set(file, noPackages);
  const found = new Set<string>();
  for (const imported of importedFiles(checker, file)) for (const pkg of packagesReachedBy(checker, program, imported, cache, depth + 1)) found.add(pkg);
  cache.set(file, found);
  return found;
}

const noPackages: ReadonlySet<string> = new Set();
const maxLibraryDepth = 3;

/** The files a file's imports, re-exports, `import type`s, `import()` and `require()` resolve to. */
function importedFiles(checker: ts.TypeChecker, file: ts.SourceFile): ts.SourceFile[] {
  const found: ts.SourceFile[] = [];
  const add = (specifier: ts.Expression | undefined): void => {
    if (specifier === undefined || !ts.isStringLiteralLike(specifier)) return;
    const declaration = checker.getSymbolAtLocation(specifier)?.declarations?.[0];
    const target = declaration?.getSourceFile();
    if (target !== undefined && target !== file) found.push(target);
  };
  for (const specifier of staticModuleSpecifiersOf(file)) add(specifier);
  // `await import('./kafka')`, `require('pg')`: only files that spell them are walked.
  if (file.text.includes('import(') || file.text.includes('require(')) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) add(node.arguments[0]);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

/** The class and interface declarations that the top-level classes and interfaces of a file extend or implement. */
function baseTypesOf(checker: ts.TypeChecker, file: ts.SourceFile): ts.Declaration[] {
  const found: ts.Declaration[] = [];
  for (const statement of file.statements) {
    if (!ts.isClassDeclaration(statement) && !ts.isInterfaceDeclaration(statement)) continue;
    for (const type of (statement.heritageClauses ?? []).flatMap((clause) => clause.types)) {
      const declaration = typeDeclarationOf(checker, ts.isPropertyAccessExpression(type.expression) ? type.expression.name : type.expression);
      if (declaration !== undefined) found.push(declaration);
    }
  }
  return found;
}

/** The classes and interfaces a file imports by name (`import { EventPublisher } from './ports'`). */
function importedTypesOf(checker: ts.TypeChecker, file: ts.SourceFile): ts.Declaration[] {
  const found: ts.Declaration[] = [];
  for (const statement of file.statements) {
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
    if (clause === undefined) continue;
    const names = [...(clause.name === undefined ? [] : [clause.name]), ...(clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements.map((e) => e.name) : [])];
    for (const name of names) {
      const declaration = typeDeclarationOf(checker, name);
      if (declaration !== undefined) found.push(declaration);
    }
  }
  return found;
}

/**
 * A type whose callers reach its implementations: an interface, or an abstract class with a
 * bodiless member. A concrete base class runs its own code, which its own imports account for.
 */
function isPort(declaration: ts.Declaration): boolean {
  if (ts.isInterfaceDeclaration(declaration)) return declaration.members.some((m) => ts.isMethodSignature(m) || ts.isPropertySignature(m));
  if (!ts.isClassDeclaration(declaration)) return false;
  return declaration.members.some((m) => (ts.isMethodDeclaration(m) || ts.isPropertyDeclaration(m)) && (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Abstract) !== 0);
}

function typeDeclarationOf(checker: ts.TypeChecker, name: ts.Node): ts.Declaration | undefined {
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.declarations?.find((d) => ts.isClassDeclaration(d) || ts.isInterfaceDeclaration(d));
}
