import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Loads the BUILT package by its name (npm test builds first), as a user's config would.
const projectDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'config-project');
const configFiles = ['eslint.config.mjs', 'eslint.config.js', 'eslint.config.cjs', 'eslint.config.ts'];

interface ESLintModule {
  ESLint: new (options: { cwd: string; overrideConfigFile: string }) => {
    lintFiles(patterns: string[]): Promise<{ messages: { ruleId: string | null; message: string; line: number }[] }[]>;
  };
}

const eslintVersions: [string, () => Promise<ESLintModule>][] = [
  ['ESLint 10', () => import('eslint')],
  ['ESLint 9', () => import('eslint-v9')],
];

describe.each(eslintVersions)('%s', (_version, load) => {
  it.each(configFiles)('loads the plugin from %s and reports the dual write', async (configFile) => {
    const { ESLint } = await load();
    const eslint = new ESLint({ cwd: projectDir, overrideConfigFile: path.join(projectDir, configFile) });
    const [result] = await eslint.lintFiles(['src/order.ts']);
    expect(result?.messages.map((m) => [m.ruleId, m.line])).toEqual([['event-driven/no-dual-write', 9]]);
  });
});
