import ts from 'typescript';
import { publishLikeMethodName } from './catalogue/index.js';
import type { ClientReach } from './client-reach.js';
import { isReadableSource } from './declarations.js';
import type { EffectInterest } from './roles.js';
import { reachableFrom } from '../util/graph.js';
import { calleeNameOf, isSqlTaggedTemplate, sqlTemplateName, type CallLike } from './resolve-call/index.js';

/**
 * Which call names can lead, through the project's own functions, to a catalogued or
 * settings-named call. Built from syntax alone: a project function may have an effect only if
 * its body calls such a name, directly or through other project functions. A call whose name is
 * not in the set cannot have an effect, so the checker is never asked what it calls — on a
 * typical code base that rules out most calls (`map`, `logger.info`, query builders' `exec`),
 * and resolving those receivers is where type-aware linting spends its time.
 *
 * It is a name-level over-approximation: two functions with the same name are one node, so a
 * name can only be let through wrongly, never kept out wrongly.
 */
export interface EffectNames {
  /** Could a call to something named `name` reach a call with a role of this interest? */
  mayReach(name: string, interest: EffectInterest): boolean;
}

export type { EffectInterest } from './roles.js';

/** One walk of a file: what it defines and calls. */
interface FileIndex {
  /** Pairs of a defined (or imported-as) name and a name its body calls, flattened. */
  readonly edges: readonly string[];
  /** Every call and tagged template in the file. */
  readonly calls: readonly CallLike[];
  /** Every `new` expression with arguments (`new Worker(queue, processJob)`). */
  readonly constructions: readonly ts.NewExpression[];
  /** `import publish from './publisher'`: local names of other modules' default exports, linked once the program resolves the module. */
  readonly defaultImports: readonly DefaultImport[];
}

interface DefaultImport {
  /** The local name, or this module's own default name for `export { default } from './x'`. */
  readonly local: string;
  readonly specifier: ts.Expression;
}

/** Files are reused between programs while unchanged (editor sessions), so their walk is too. */
const indexByFile = new WeakMap<ts.SourceFile, FileIndex>();
const defaultExportName = 'default';

/** The node of a module's default export: one per file, so two default exports are not one name. */
function defaultNameOf(file: ts.SourceFile): string {
  return `${defaultExportName}\u0000${file.fileName}`;
}

/**
 * `seeds`: the call names that have a role by themselves, per interest. `reach`: which files can
 * reach a broker client through their imports; for publishes, a function in a file that reaches
 * none calls nothing that publishes, so its calls are left out of that graph. That keeps common
 * names (`get`, `add`, `find`) from making every call a publish candidate.
 */
export function createEffectNames(program: ts.Program, seeds: Readonly<Record<EffectInterest, ReadonlySet<string>>>, reach?: ClientReach): EffectNames {
  const graphs = new Map<'broker' | 'any', ReadonlyMap<string, readonly string[]>>();
  const reachable = new Map<EffectInterest, ReadonlySet<string>>();
  return {
    mayReach(name, interest) {
      let names = reachable.get(interest);
      if (names === undefined) {
        // Only brokers are never global: a file that imports nothing may still call `fetch` or use a `Set`.
        const scope = interest === 'publish' ? 'broker' : 'any';
        let callersOf = graphs.get(scope);
        if (callersOf === undefined) {
          callersOf = callGraphOf(program, scope === 'broker' && reach !== undefined ? (file) => reach.reachesBroker(file) : undefined);
          graphs.set(scope, callersOf);
        }
        // Publish-like names may be wrappers from declaration-only libraries, whose bodies are not in the graph.
        const publishLike = interest === 'tx-scope' ? [] : [...callersOf.keys()].filter((called) => publishLikeMethodName.test(called));
        names = reachableFrom([...seeds[interest], ...publishLike], callersOf);
        reachable.set(interest, names);
      }
      return names.has(name) || (interest !== 'tx-scope' && publishLikeMethodName.test(name));
    },
  };
}

/** Called name → the names whose bodies call it, over the project's own files (those in scope, when given). */
function callGraphOf(program: ts.Program, inScope?: (file: ts.SourceFile) => boolean): Map<string, string[]> {
  const checker = program.getTypeChecker();
  const callersOf = new Map<string, string[]>();
  const addEdge = (definer: string, called: string): void => {
    const callers = callersOf.get(called);
    if (callers) callers.push(definer);
    else callersOf.set(called, [definer]);
  };
  for (const file of program.getSourceFiles()) {
    if (!isReadableSource(file, program) || (inScope !== undefined && !inScope(file))) continue;
    const { edges, defaultImports } = indexOf(file);
    for (let i = 0; i + 1 < edges.length; i += 2) addEdge(edges[i] ?? '', edges[i + 1] ?? '');
    // Only module resolution is asked of the checker here, no types.
    for (const { local, specifier } of defaultImports) {
      const target = checker.getSymbolAtLocation(specifier)?.valueDeclaration;
      if (target !== undefined && ts.isSourceFile(target) && isReadableSource(target, program)) addEdge(local, defaultNameOf(target));
    }
  }
  return callersOf;
}

/** The calls of a file, from the same (cached) walk that builds the call graph. */
export function callsIn(file: ts.SourceFile): readonly CallLike[] {
  return indexOf(file).calls;
}

/** The `new` expressions with arguments of a file, from the same walk. */
export function constructionsIn(file: ts.SourceFile): readonly ts.NewExpression[] {
  return indexOf(file).constructions;
}

function indexOf(file: ts.SourceFile): FileIndex {
  const cached = indexByFile.get(file);
  if (cached !== undefined) return cached;
  const edges: string[] = [];
  const calls: CallLike[] = [];
  const constructions: ts.NewExpression[] = [];
  const defaultImports: DefaultImport[] = [];
  const ownDefault = defaultNameOf(file);
  /** Enclosing named definitions, innermost last; calls belong to the innermost. */
  const definers: string[] = [];
  const visit = (node: ts.Node): void => {
    const kind = node.kind;
    // Tokens, identifiers and literals are leaves, and types hold no calls: skipping them is
    // most of what keeps this walk cheap.
    if (kind < ts.SyntaxKind.FirstNode || (kind >= ts.SyntaxKind.FirstTypeNode && kind <= ts.SyntaxKind.LastTypeNode)) return;
    switch (kind) {
      case ts.SyntaxKind.InterfaceDeclaration:
      case ts.SyntaxKind.TypeAliasDeclaration:
        return;
      case ts.SyntaxKind.ImportSpecifier:
      case ts.SyntaxKind.ExportSpecifier: {
        // `import { publish as emit }`, `export { publish as emit }`: calling `emit` calls `publish`.
        const specifier = node as ts.ImportSpecifier | ts.ExportSpecifier;
        const local = specifier.name.text === defaultExportName ? ownDefault : specifier.name.text;
        const imported = (specifier.propertyName ?? specifier.name).text;
        const from = ts.isImportSpecifier(specifier) ? specifier.parent.parent.parent.moduleSpecifier : specifier.parent.parent.moduleSpecifier;
        // `import { default as publish } from './publisher'`, `export { default } from './publisher'`: that module's default.
        if (imported === defaultExportName && from !== undefined) defaultImports.push({ local, specifier: from });
        else edges.push(local, imported);
        return;
      }
      case ts.SyntaxKind.ImportClause: {
        const name = (node as ts.ImportClause).name;
        if (name !== undefined) defaultImports.push({ local: name.text, specifier: (node as ts.ImportClause).parent.moduleSpecifier });
        break;
      }
      case ts.SyntaxKind.ExportAssignment: {
        const expression = (node as ts.ExportAssignment).expression;
        if (ts.isIdentifier(expression)) edges.push(ownDefault, expression.text);
        break;
      }
      case ts.SyntaxKind.NewExpression:
        if (((node as ts.NewExpression).arguments?.length ?? 0) > 0) constructions.push(node as ts.NewExpression);
        break;
      case ts.SyntaxKind.CallExpression:
      case ts.SyntaxKind.TaggedTemplateExpression: {
        calls.push(node as CallLike);
        const called = calleeNameOf(node as CallLike);
        const definer = definers.at(-1);
        if (called !== undefined && definer !== undefined) edges.push(definer, called);
        // `` sql`INSERT …` ``: the tag's name is the project's own; the statement is what has a role.
        if (definer !== undefined && isSqlTaggedTemplate(node as CallLike)) edges.push(definer, sqlTemplateName);
        break;
      }
      default:
        break;
    }
    const defined = definedNameOf(node, ownDefault);
    // `export default function publishOrder()`: importers call it by another name.
    if (defined !== undefined && defined !== ownDefault && isDefaultExport(node)) edges.push(ownDefault, defined);
    if (defined === undefined) {
      ts.forEachChild(node, visit);
      return;
    }
    // A nested definition is reachable from its encloser, which may call it by reference.
    const outer = definers.at(-1);
    if (outer !== undefined) edges.push(outer, defined);
    definers.push(defined);
    ts.forEachChild(node, visit);
    definers.pop();
  };
  visit(file);
  const index: FileIndex = { edges, calls, constructions, defaultImports };
  indexByFile.set(file, index);
  return index;
}

/** The name a call site uses for this function-like, method, or initialized binding (`ownDefault` for this module's anonymous default). */
function definedNameOf(node: ts.Node, ownDefault: string): string | undefined {
  switch (node.kind) {
    case ts.SyntaxKind.FunctionDeclaration: {
      const fn = node as ts.FunctionDeclaration;
      if (fn.name !== undefined) return fn.name.text;
      return isDefaultExport(fn) ? ownDefault : undefined;
    }
    case ts.SyntaxKind.ExportAssignment:
      return (node as ts.ExportAssignment).isExportEquals === true ? undefined : ownDefault;
    case ts.SyntaxKind.FunctionExpression:
      return (node as ts.FunctionExpression).name?.text;
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.GetAccessor:
      return memberNameText((node as ts.MethodDeclaration | ts.GetAccessorDeclaration).name);
    // Only bindings that hold a function are called by their name; other locals would link
    // unrelated functions through common names (`result`, `value`).
    case ts.SyntaxKind.PropertyDeclaration:
    case ts.SyntaxKind.PropertyAssignment: {
      const property = node as ts.PropertyDeclaration | ts.PropertyAssignment;
      return holdsFunction(property.initializer) ? memberNameText(property.name) : undefined;
    }
    case ts.SyntaxKind.VariableDeclaration: {
      const variable = node as ts.VariableDeclaration;
      return ts.isIdentifier(variable.name) && holdsFunction(variable.initializer) ? variable.name.text : undefined;
    }
    default:
      return undefined;
  }
}

function isDefaultExport(node: ts.Node): boolean {
  return (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Default) !== 0;
}

function holdsFunction(initializer: ts.Expression | undefined): boolean {
  let expression = initializer;
  while (expression !== undefined && (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression))) {
    expression = expression.expression;
  }
  return expression !== undefined && (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression));
}

function memberNameText(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}
