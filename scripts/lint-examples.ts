import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const examplesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples');

/** Lints examples/ with its own eslint.config.mjs, exactly as a user's project would be linted. */
export async function lintExamples(): Promise<{ eslint: ESLint; results: ESLint.LintResult[] }> {
  const eslint = new ESLint({ cwd: examplesDir });
  const results = await eslint.lintFiles(['src/**/*.ts', 'src/**/*.schema.json']);
  return { eslint, results };
}

/** Files under src/wrong/ must each have a finding; files under src/right/ and src/shared/ none. */
export function checkExpectations(results: readonly ESLint.LintResult[]): string[] {
  const problems: string[] = [];
  for (const result of results) {
    const relative = path.relative(examplesDir, result.filePath).replaceAll('\\', '/');
    const ruleIds = result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
    const fatal = result.messages.filter((m) => m.fatal === true || m.ruleId === null);
    if (fatal.length > 0) problems.push(`${relative}: ${fatal.map((m) => m.message).join('; ')}`);
    if (relative.startsWith('src/wrong/') && ruleIds.length === 0) problems.push(`${relative}: expected a finding, got none`);
    if (!relative.startsWith('src/wrong/') && ruleIds.length > 0) problems.push(`${relative}: expected no finding, got ${ruleIds.join(', ')}`);
  }
  return problems;
}
