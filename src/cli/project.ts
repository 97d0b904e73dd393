import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ReviewError, firstLineOf } from './errors.js';

/** The TypeScript project to review: its tsconfig files and the source files they include. */
export interface ReviewProject {
  readonly root: string;
  /** Absolute paths of the `tsconfig.json` files found. */
  readonly tsconfigs: readonly string[];
  /** Absolute paths of the TypeScript sources they include, under `root`, sorted. */
  readonly files: readonly string[];
  /** One-line problems with the tsconfig files that did not stop the review. */
  readonly warnings: readonly string[];
}

/** Folders that never hold the project's own sources. */
const skippedFolders: ReadonlySet<string> = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'bower_components', 'jspm_packages']);
const maxSearchDepth = 8;
const maxTsconfigs = 500;
const sourceExtension = /\.(?:ts|tsx|mts|cts)$/u;
const declarationFile = /\.d\.(?:ts|mts|cts)$|\.d\.[^.]+\.ts$/u;

/**
 * Finds every `tsconfig.json` under `root` (the name typescript-eslint's project service looks
 * for) and the files they include. Throws a `ReviewError` when there is nothing to review;
 * messages name the directory as the user wrote it (`dir`).
 */
export function findProject(root: string, dir = root): ReviewProject {
  const stats = statOrUndefined(root);
  if (stats === undefined) throw new ReviewError(`no such directory: ${dir}`);
  if (!stats.isDirectory()) throw new ReviewError(`not a directory: ${dir} (give the folder that holds tsconfig.json)`);

  const tsconfigs = findTsconfigs(root);
  if (tsconfigs.length === 0) {
    throw new ReviewError(`no tsconfig.json in ${dir} or its subfolders: event-driven-review reviews TypeScript projects and takes their files and types from tsconfig.json`);
  }
  const warnings: string[] = [];
  const files = new Set<string>();
  // A solution-style tsconfig.json lists its projects as references (`tsconfig.app.json`): follow them.
  const queue = [...tsconfigs];
  const seen = new Set(queue);
  for (let tsconfig = queue.shift(); tsconfig !== undefined; tsconfig = queue.shift()) {
    const parsed = parseTsconfig(tsconfig, warnings, root);
    for (const file of parsed.files) if (isInside(root, file) && sourceExtension.test(file) && !declarationFile.test(file) && !file.split(path.sep).includes('node_modules')) files.add(file);
    for (const reference of parsed.references) {
      if (!seen.has(reference) && seen.size < maxTsconfigs && isInside(root, reference)) {
        seen.add(reference);
        queue.push(reference);
      }
    }
  }
  if (files.size === 0) {
    throw new ReviewError(`the tsconfig.json files in ${dir} include no TypeScript source files (${tsconfigs.map((t) => path.relative(root, t) || 'tsconfig.json').join(', ')})`);
  }
  return { root, tsconfigs, files: [...files].sort(), warnings };
}

function findTsconfigs(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // An unreadable folder is skipped, as `tsc` would.
    }
    for (const entry of entries) {
      if (entry.isFile() && entry.name === 'tsconfig.json') found.push(path.join(dir, entry.name));
    }
    if (depth >= maxSearchDepth) return;
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !skippedFolders.has(entry.name)) visit(path.join(dir, entry.name), depth + 1);
    }
  };
  visit(root, 0);
  return found.sort();
}

/** The files a tsconfig includes and the tsconfig files it references; its errors become one-line warnings. */
function parseTsconfig(tsconfig: string, warnings: string[], root: string): { readonly files: readonly string[]; readonly references: readonly string[] } {
  const name = path.relative(root, tsconfig) || 'tsconfig.json';
  let unrecoverable: ts.Diagnostic | undefined;
  let parsed: ts.ParsedCommandLine | undefined;
  try {
    parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        unrecoverable = diagnostic;
      },
    });
  } catch (error) {
    warnings.push(`${name}: cannot be read (${firstLineOf(error)})`);
    return { files: [], references: [] };
  }
  if (parsed === undefined) {
    warnings.push(`${name}: cannot be read${unrecoverable === undefined ? '' : ` (${messageOf(unrecoverable)})`}`);
    return { files: [], references: [] };
  }
  // "No inputs were found" is normal for a solution-style tsconfig that only lists references.
  const errors = parsed.errors.filter((d) => d.category === ts.DiagnosticCategory.Error && !(d.code === 18003 && (parsed.projectReferences?.length ?? 0) > 0));
  const first = errors[0];
  if (first !== undefined) warnings.push(`${name}: ${messageOf(first)}${errors.length > 1 ? ` (and ${String(errors.length - 1)} more)` : ''}`);
  const references = (parsed.projectReferences ?? []).map((reference) => {
    const target = path.resolve(reference.path);
    return statOrUndefined(target)?.isDirectory() === true ? path.join(target, 'tsconfig.json') : target;
  });
  return { files: parsed.fileNames.map((file) => path.resolve(file)), references };
}

function messageOf(diagnostic: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
