import ts from 'typescript';
import { calleeNameOf } from '../resolve-call/index.js';
import { skipOuter } from '../ts-nodes.js';
import { guard } from '../../util/guard.js';
import { clip as clipTo } from '../../util/text.js';

/** Checker-free helpers over the syntax the request/reply analyses read. */

export function guarded<T>(compute: () => T): T | undefined {
  return guard<T | undefined>(compute, undefined);
}

const importAliases = new WeakMap<ts.SourceFile, ReadonlyMap<string, string>>();

/**
 * The name a call's callee was imported under: `first` in `import { firstValueFrom as first }`
 * is `firstValueFrom`. Read from the file's import declarations, so it needs no checker.
 */
export function importedCalleeNameOf(call: ts.CallExpression): string | undefined {
  const name = calleeNameOf(call);
  const callee = skipOuter(call.expression);
  if (name === undefined || !ts.isIdentifier(callee)) return name;
  const file = call.getSourceFile();
  let aliases = importAliases.get(file);
  if (aliases === undefined) {
    aliases = namedImportAliasesOf(file);
    importAliases.set(file, aliases);
  }
  return aliases.get(name) ?? name;
}

/** Local name → imported name, for the renamed named imports of a file. */
function namedImportAliasesOf(file: ts.SourceFile): Map<string, string> {
  const found = new Map<string, string>();
  for (const statement of file.statements) {
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
    if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      if (element.propertyName !== undefined) found.set(element.name.text, element.propertyName.text);
    }
  }
  return found;
}

export function functionOf(node: ts.Node | undefined): ts.ArrowFunction | ts.FunctionExpression | undefined {
  const inner = node === undefined ? undefined : skipOuter(node as ts.Expression);
  return inner !== undefined && (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) ? inner : undefined;
}

export function objectProperty(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (propertyNameOf(property) !== name) continue;
    if (ts.isPropertyAssignment(property)) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property)) return property.name;
    if (ts.isMethodDeclaration(property)) return undefined;
  }
  return undefined;
}

export function propertyNameOf(property: ts.ObjectLiteralElementLike): string | undefined {
  const name = property.name;
  if (name === undefined) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}

export function isLiteral(node: ts.Expression): boolean {
  const inner = skipOuter(node);
  return (
    ts.isStringLiteralLike(inner) ||
    ts.isNumericLiteral(inner) ||
    inner.kind === ts.SyntaxKind.TrueKeyword ||
    inner.kind === ts.SyntaxKind.FalseKeyword ||
    inner.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(inner) && inner.text === 'undefined')
  );
}

export function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.getSourceFile() === outer.getSourceFile() && inner.pos >= outer.pos && inner.end <= outer.end;
}

/** Code quoted in a request/reply label: one line, at most 60 characters. */
export function clip(text: string): string {
  return clipTo(text, 60);
}
