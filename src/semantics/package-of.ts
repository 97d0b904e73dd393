import ts from 'typescript';
import { prismaGeneratedPackage, prismaRuntimeSpecifier } from './catalogue/index.js';

const packageCache = new WeakMap<ts.SourceFile, string | undefined>();

/**
 * The exact npm package that declares a file: `kafkajs`, `@aws-sdk/client-sns`, `pg` (from
 * `@types/pg`), or undefined for the project's own files. Unlike a regular expression on the
 * path, `pg` never matches `pg-pool`. Prisma's generated client, wherever it is generated, is
 * reported as one pseudo-package.
 */
export function packageOfFile(file: ts.SourceFile): string | undefined {
  if (packageCache.has(file)) return packageCache.get(file);
  const name = computePackageOfFile(file);
  packageCache.set(file, name);
  return name;
}

function computePackageOfFile(file: ts.SourceFile): string | undefined {
  if (importsPrismaRuntime(file)) return prismaGeneratedPackage;
  const fromPath = packageNameFromPath(file.fileName);
  if (fromPath !== undefined) return fromPath;
  // Ambient `declare module 'x' { … }` blocks are handled by the caller through the owner chain.
  return undefined;
}

/** `…/node_modules/@scope/name/…` → `@scope/name`; `@types/scope__name` → `@scope/name`. */
export function packageNameFromPath(fileName: string): string | undefined {
  const normalized = fileName.replaceAll('\\', '/');
  const marker = '/node_modules/';
  const at = normalized.lastIndexOf(marker);
  if (at === -1) return undefined;
  const parts = normalized.slice(at + marker.length).split('/');
  const first = parts[0];
  if (first === undefined || first === '') return undefined;
  if (first === '.prisma') return prismaGeneratedPackage;
  // `.bin`, `.cache`, `.pnpm`…: tool folders, not packages.
  if (first.startsWith('.')) return undefined;
  if (!first.startsWith('@')) return first;
  // A bare scope folder (`@scope`, `@scope/`) is not a package.
  const second = parts[1];
  if (first === '@' || second === undefined || second === '' || second.startsWith('.')) return undefined;
  return fromTypesPackage(`${first}/${second}`);
}

/** `@types/pg` declares `pg`; `@types/scope__name` declares `@scope/name`; a malformed name declares nothing. */
function fromTypesPackage(name: string): string | undefined {
  if (!name.startsWith('@types/')) return name;
  const bare = name.slice('@types/'.length);
  const scoped = bare.indexOf('__');
  if (scoped === -1) return bare;
  const scope = bare.slice(0, scoped);
  const rest = bare.slice(scoped + 2);
  return scope === '' || rest === '' ? undefined : `@${scope}/${rest}`;
}

function importsPrismaRuntime(file: ts.SourceFile): boolean {
  if (!file.fileName.includes('prisma') && !file.isDeclarationFile) return false;
  return file.statements.some(
    (statement) =>
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier !== undefined &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text.startsWith(prismaRuntimeSpecifier),
  );
}
