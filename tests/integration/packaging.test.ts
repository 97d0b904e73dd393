// What a user installs: the package's metadata, its files, one copy of typescript-eslint's
// utilities beside the user's own, and the formatter under the name the docs give.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string;
  repository?: { url?: string };
  homepage?: string;
  bugs?: { url?: string };
  files: string[];
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

/** `^8.55.0` admits `8.72.0`: same major, not older. */
function caretAdmits(range: string, version: string): boolean {
  const [wantMajor = 0, wantMinor = 0, wantPatch = 0] = range.replace(/^\^/u, '').split('.').map(Number);
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  return major === wantMajor && (minor > wantMinor || (minor === wantMinor && patch >= wantPatch));
}

function versionsIn(tree: { version?: string; dependencies?: Record<string, unknown> }, name: string, found = new Set<string>()): Set<string> {
  for (const [dependency, child] of Object.entries(tree.dependencies ?? {})) {
    const node = child as { version?: string; dependencies?: Record<string, unknown> };
    if (dependency === name && node.version !== undefined) found.add(node.version);
    versionsIn(node, name, found);
  }
  return found;
}

describe('the published package', () => {
  it('says where it lives, under which license, and what changed', () => {
    expect(manifest.repository?.url).toMatch(/^git\+https:\/\/github\.com\//u);
    expect(manifest.homepage).toMatch(/^https:\/\//u);
    expect(manifest.bugs?.url).toMatch(/\/issues$/u);
    expect(readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/u);
    expect(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8')).toContain('## [Unreleased]');
    expect(manifest.scripts.prepack).toBe('npm run build');
  });

  it('takes typescript-eslint utilities as a caret range that admits the installed typescript-eslint: one copy', () => {
    const ranges = Object.entries(manifest.dependencies).filter(([name]) => name.startsWith('@typescript-eslint/'));
    expect(ranges.length).toBeGreaterThan(0);
    const installed = (JSON.parse(readFileSync(path.join(root, 'node_modules', 'typescript-eslint', 'package.json'), 'utf8')) as { version: string }).version;
    for (const [name, range] of ranges) {
      expect(range, name).toMatch(/^\^8\.\d+\.\d+$/u);
      expect(caretAdmits(range, installed), `${name} ${range} admits typescript-eslint ${installed}`).toBe(true);
    }
    const tree = JSON.parse(execFileSync('npm', ['ls', '@typescript-eslint/utils', '--all', '--json'], { cwd: root, encoding: 'utf8' })) as Parameters<typeof versionsIn>[0];
    expect([...versionsIn(tree, '@typescript-eslint/utils')]).toEqual([installed]);
  });

  it('packs the built code, the docs, the formatter file and the license, without source maps', () => {
    expect(existsSync(path.join(root, 'dist', 'src', 'index.js')), 'run `npm run build` first (npm test does)').toBe(true);
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as { files: { path: string }[] }[];
    const files = packed?.files.map((f) => f.path) ?? [];
    expect(files).toEqual(expect.arrayContaining(['dist/src/index.js', 'dist/src/index.d.ts', 'formatters/rdjsonl.js', 'LICENSE', 'CHANGELOG.md', 'docs/rules/no-dual-write.md']));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('tests/'))).toEqual([]);
  });

  it('gives ESLint a formatter file that `eslint -f <path>` loads: rdjsonl with suggestions', () => {
    let output = '';
    try {
      execFileSync(process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '-f', '../formatters/rdjsonl.js', 'src/wrong/fulfilment-events.ts'], {
        cwd: path.join(root, 'examples'),
        encoding: 'utf8',
      });
    } catch (error) {
      // ESLint exits 1 when it finds problems; the report is on stdout all the same.
      output = (error as { stdout?: string }).stdout ?? '';
    }
    const diagnostics = output.trim().split('\n').map((line) => JSON.parse(line) as { code: { value: string }; suggestions?: unknown[] });
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.some((d) => d.code.value === 'event-driven/event-name-past-tense' && (d.suggestions?.length ?? 0) > 0)).toBe(true);
  });
});
