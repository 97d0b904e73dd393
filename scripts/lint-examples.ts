import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const examplesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples');

/** Lints examples/ with its own eslint.config.mjs, exactly as a user's project would be linted. */
export async function lintExamples(): Promise<{ eslint: ESLint; results: ESLint.LintResult[] }> {
  const eslint = new ESLint({ cwd: examplesDir });
  const results = await eslint.lintFiles(['src/**/*.ts', 'src/**/*.schema.json']);
  return { eslint, results };
}

/**
 * Each file under src/wrong/ names the rules that must report in it (`// expect: event-driven/…`,
 * or `"$comment": "expect: …"` in a JSON Schema), and exactly those report; files under
 * src/right/ and src/shared/ have no finding.
 */
export function checkExpectations(results: readonly ESLint.LintResult[]): string[] {
  const problems: string[] = [];
  for (const result of results) {
    const relative = path.relative(examplesDir, result.filePath).replaceAll('\\', '/');
    const ruleIds = [...new Set(result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`))].sort();
    const fatal = result.messages.filter((m) => m.fatal === true || m.ruleId === null);
    if (fatal.length > 0) problems.push(`${relative}: ${fatal.map((m) => m.message).join('; ')}`);
    if (!relative.startsWith('src/wrong/')) {
      if (ruleIds.length > 0) problems.push(`${relative}: expected no finding, got ${ruleIds.join(', ')}`);
      continue;
    }
    const expected = expectedRules(readFileSync(result.filePath, 'utf8'));
    if (expected.length === 0) problems.push(`${relative}: has no "expect: event-driven/<rule>" marker`);
    else if (expected.join() !== ruleIds.join()) problems.push(`${relative}: expected ${expected.join(', ')}; got ${ruleIds.join(', ') || 'no finding'}`);
  }
  return problems;
}

/** The rule ids of a file's `expect:` markers, sorted. Linear: one marker per line. */
function expectedRules(text: string): string[] {
  const ids = [...text.matchAll(/expect: ([\w/, -]+)/gu)].flatMap((match) => (match[1] ?? '').split(',').map((id) => id.trim()));
  return [...new Set(ids.filter((id) => id !== ''))].sort();
}
