import ts from 'typescript';
import { calleeNameOf } from './resolve-call.js';

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

/** What a caller is looking for: any role, only publishes (most contract rules), or transaction callbacks. */
export type EffectInterest = 'any' | 'publish' | 'tx-scope';

/** What one file defines: each named function-like with the names it calls. */
interface FileCalls {
  /** Pairs: a defined (or imported-as) name, and a name its body or initializer calls. */
  readonly edges: readonly (readonly [definer: string, called: string])[];
}

/** Files are reused between programs while unchanged (editor sessions), so their walk is too. */
const callsByFile = new WeakMap<ts.SourceFile, FileCalls>();
const defaultExportName = 'default';

/** `seeds`: the call names that have a role by themselves, per interest. */
export function createEffectNames(program: ts.Program, seeds: Readonly<Record<EffectInterest, ReadonlySet<string>>>): EffectNames {
  let callersOf: ReadonlyMap<string, readonly string[]> | undefined;
  const reachable = new Map<EffectInterest, ReadonlySet<string>>();
  return {
    mayReach(name, interest) {
      let names = reachable.get(interest);
      if (names === undefined) {
        callersOf ??= callGraphOf(program);
        names = namesReaching(seeds[interest], callersOf);
        reachable.set(interest, names);
      }
      return names.has(name);
    },
  };
}

/** Called name → the names whose bodies call it, over the project's own files. */
function callGraphOf(program: ts.Program): Map<string, string[]> {
  const callersOf = new Map<string, string[]>();
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file)) continue;
    for (const [definer, called] of callsOf(file).edges) {
      const callers = callersOf.get(called);
      if (callers) callers.push(definer);
      else callersOf.set(called, [definer]);
    }
  }
  return callersOf;
}

function namesReaching(seedNames: ReadonlySet<string>, callersOf: ReadonlyMap<string, readonly string[]>): Set<string> {
  const reachable = new Set(seedNames);
  const queue = [...seedNames];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    for (const caller of callersOf.get(name) ?? []) {
      if (reachable.has(caller)) continue;
      reachable.add(caller);
      queue.push(caller);
    }
  }
  return reachable;
}

function callsOf(file: ts.SourceFile): FileCalls {
  const cached = callsByFile.get(file);
  if (cached !== undefined) return cached;
  const edges: [string, string][] = [];
  /** Enclosing named definitions, innermost last; calls belong to the innermost. */
  const definers: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportSpecifier(node) || ts.isExportSpecifier(node)) {
      // `import { publish as emit }`, `export { publish as emit }`: calling `emit` calls `publish`.
      edges.push([node.name.text, (node.propertyName ?? node.name).text]);
      return;
    }
    if (ts.isImportClause(node) && node.name !== undefined) edges.push([node.name.text, defaultExportName]);
    if (ts.isExportAssignment(node) && ts.isIdentifier(node.expression)) edges.push([defaultExportName, node.expression.text]);
    if (ts.isCallExpression(node) || ts.isTaggedTemplateExpression(node)) {
      const called = calleeNameOf(node);
      const definer = definers.at(-1);
      if (called !== undefined && definer !== undefined) edges.push([definer, called]);
    }
    const defined = definedNameOf(node);
    if (defined === undefined) {
      ts.forEachChild(node, visit);
      return;
    }
    // A nested definition is reachable from its encloser, which may call it by reference.
    const outer = definers.at(-1);
    if (outer !== undefined) edges.push([outer, defined]);
    definers.push(defined);
    ts.forEachChild(node, visit);
    definers.pop();
  };
  visit(file);
  const calls: FileCalls = { edges };
  callsByFile.set(file, calls);
  return calls;
}

/** The name a call site uses for this function-like, method, or initialized binding. */
function definedNameOf(node: ts.Node): string | undefined {
  if (ts.isFunctionDeclaration(node)) {
    if (node.name !== undefined) return node.name.text;
    return ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Default ? defaultExportName : undefined;
  }
  if (ts.isExportAssignment(node) && !node.isExportEquals) return defaultExportName;
  if (ts.isFunctionExpression(node)) return node.name?.text;
  if (ts.isMethodDeclaration(node) || ts.isGetAccessor(node)) return memberNameText(node.name);
  // Only bindings that hold a function are called by their name; other locals would link
  // unrelated functions through common names (`result`, `value`).
  if ((ts.isPropertyDeclaration(node) || ts.isPropertyAssignment(node)) && holdsFunction(node.initializer)) return memberNameText(node.name);
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && holdsFunction(node.initializer)) return node.name.text;
  return undefined;
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
