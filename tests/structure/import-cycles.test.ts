import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Dependencies run one way. A cycle, even through `import type`, hides which module owns what.
const repoDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const importSpecifier = /^(?:import|export)\s[^;]*?\sfrom\s+'(\.{1,2}\/[^']+)'/gmu;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of [...sourceFiles(path.join(repoDir, 'src')), ...sourceFiles(path.join(repoDir, 'rules'))]) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(importSpecifier)].map((match) => path.resolve(path.dirname(file), (match[1] ?? '').replace(/\.js$/u, '.ts')));
    graph.set(file, targets);
  }
  return graph;
}

/** Every cycle, as the list of files on it (relative), each reported once from its first file. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (state.get(target) === 'open') cycles.push(stack.slice(stack.indexOf(target)).map((f) => path.relative(repoDir, f)));
      else if (state.get(target) === undefined) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (state.get(file) === undefined) visit(file);
  return cycles;
}

describe('module structure', () => {
  it('finds cycles when there are some (the check itself can fail)', () => {
    const graph = new Map([
      ['/a.ts', ['/b.ts']],
      ['/b.ts', ['/a.ts']],
    ]);
    expect(cyclesOf(graph)).toHaveLength(1);
  });

  it('has no import cycles in src/ and rules/, type-only imports included', () => {
    expect(cyclesOf(importGraph())).toEqual([]);
  });
});
