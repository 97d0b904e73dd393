import ts from 'typescript';
import { cataloguedPackages } from './catalogue/index.js';
import { packageOfFile } from './package-of.js';
import type { FunctionSpecifier } from './settings.js';

/**
 * The name of the class, interface, type alias or function that declares a member.
 * kafkajs declares `send` in a type literal inside `type Sender = {…}`: the owner is `Sender`.
 */
export function ownerNameOf(declaration: ts.Node): string | undefined {
  for (let node = declaration.parent as ts.Node | undefined; node !== undefined; node = node.parent) {
    if ((ts.isClassLike(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && node.name !== undefined) {
      return node.name.text;
    }
    if (ts.isFunctionDeclaration(node) && node.name !== undefined) return node.name.text;
    if (ts.isSourceFile(node) || ts.isModuleBlock(node)) return undefined;
  }
  return undefined;
}

/** A symbol with import aliases followed to what they name (`import { send as publish }`). */
export function resolveAlias(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): ts.Symbol | undefined {
  return symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** The symbol at a node, through import aliases. */
export function symbolAt(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  return resolveAlias(checker, checker.getSymbolAtLocation(node));
}

/** The package that declares a node: the file's package, or an ambient `declare module 'x'`. */
export function packageOfDeclaration(declaration: ts.Node): string | undefined {
  for (let node = declaration.parent as ts.Node | undefined; node !== undefined; node = node.parent) {
    if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) return node.name.text;
  }
  return packageOfFile(declaration.getSourceFile());
}

/** `const x = …`, not `let` or `var`: its initializer is the value. */
export function isConstDeclaration(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** The function a variable, class field or object property holds: `const f = () => …`, `handle = async () => …`. */
export function functionHeldBy(declaration: ts.Node): ts.ArrowFunction | ts.FunctionExpression | undefined {
  if (!ts.isVariableDeclaration(declaration) && !ts.isPropertyDeclaration(declaration) && !ts.isPropertyAssignment(declaration)) return undefined;
  const initializer = declaration.initializer;
  return initializer !== undefined && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) ? initializer : undefined;
}

/** The declared name of a function-like or property declaration. */
export function declarationName(declaration: ts.Declaration): string | undefined {
  const name = ts.getNameOfDeclaration(declaration);
  if (name === undefined) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}

/**
 * Files whose code the analysis reads and follows: the project's own, and TypeScript sources
 * reached through `node_modules` (workspace, linked and path-mapped packages, a shared event
 * library shipped as `.ts`). Declaration files have no bodies; a catalogued client's own sources
 * are known by their roles, not read.
 */
export function isReadableSource(file: ts.SourceFile, program: ts.Program): boolean {
  if (file.isDeclarationFile) return false;
  const pkg = packageOfFile(file);
  if (pkg === undefined && !program.isSourceFileFromExternalLibrary(file)) return true;
  return typeScriptSource.test(file.fileName) && (pkg === undefined || !cataloguedPackages.has(pkg));
}

const typeScriptSource = /\.[cm]?tsx?$/u;

/** Is this declaration in code the analysis reads ({@link isReadableSource})? */
export function isReadableDeclaration(declaration: ts.Node, program: ts.Program): boolean {
  return isReadableSource(declaration.getSourceFile(), program);
}

/** True for declarations the project wrote (not a library's `.d.ts`). */
export function isProjectDeclaration(declaration: ts.Node, program: ts.Program): boolean {
  const file = declaration.getSourceFile();
  return !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file) && packageOfFile(file) === undefined;
}

/** Does a settings specifier name this function or method? */
export function declarationMatchesSpecifier(declaration: ts.Declaration, specifier: FunctionSpecifier, program: ts.Program): boolean {
  const name = declarationName(declaration);
  if (name === undefined) return false;
  const owner = ownerNameOf(declaration);
  const candidates = owner === undefined ? [name] : [name, `${owner}.${name}`];
  const wanted = typeof specifier === 'string' ? [specifier] : typeof specifier.name === 'string' ? [specifier.name] : specifier.name;
  if (!wanted.some((w) => candidates.includes(w))) return false;
  if (typeof specifier === 'string') return true;
  const file = declaration.getSourceFile();
  switch (specifier.from) {
    case 'package':
      return packageOfDeclaration(declaration) === specifier.package;
    case 'lib':
      return program.isSourceFileDefaultLibrary(file);
    case 'file':
      return (
        isProjectDeclaration(declaration, program) &&
        (specifier.path === undefined || normalizePath(file.fileName).endsWith(`/${normalizePath(specifier.path).replace(/^\.?\//u, '')}`))
      );
  }
}

function normalizePath(path: string): string {
  return path.replaceAll('\\', '/');
}
