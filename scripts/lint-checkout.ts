// Runs a preset of the plugin (`all` unless `--preset recommended|strict`) over any local
// TypeScript checkout, file by file, so that one crash cannot hide the rest:
//   npx tsx scripts/lint-checkout.ts <dir> [--preset name] [--json out.json]
// The checkout's own tsconfig files give the types; packages it has not installed are `any`,
// which the rules treat as "no finding".
import { ESLint } from 'eslint';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import plugin from '../src/index.js';

const [dirArgument, ...flags] = process.argv.slice(2);
const flagValue = (name: string): string | undefined => {
  const at = flags.indexOf(name);
  return at === -1 ? undefined : flags[at + 1];
};
const jsonPath = flagValue('--json');
const presetName = flagValue('--preset') ?? 'all';
if (dirArgument === undefined || !['all', 'recommended', 'strict'].includes(presetName)) {
  console.error('usage: tsx scripts/lint-checkout.ts <dir> [--preset all|recommended|strict] [--json out.json]');
  process.exit(2);
}
const preset = plugin.configs[presetName as 'all' | 'recommended' | 'strict'];
const dir = path.resolve(dirArgument);

const eslint = new ESLint({
  cwd: dir,
  overrideConfigFile: true,
  errorOnUnmatchedPattern: false,
  overrideConfig: [
    { linterOptions: { reportUnusedDisableDirectives: 'off' } },
    { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/*.d.ts', '**/.next/**', '**/coverage/**'] },
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: dir } },
      ...preset,
    },
  ],
});

const files = listFiles();
const findings: { file: string; line: number; ruleId: string; message: string }[] = [];
const crashes: { file: string; error: string }[] = [];
let withoutTypes = 0;
const started = performance.now();

for (const file of files) {
  try {
    const [result] = await eslint.lintFiles([file]);
    for (const message of result?.messages ?? []) {
      if (message.fatal === true) {
        withoutTypes++;
        continue;
      }
      // The checkout's own `eslint-disable` comments name rules that are not loaded here.
      if (message.ruleId?.startsWith('event-driven/') !== true) continue;
      findings.push({ file: path.relative(dir, file), line: message.line, ruleId: message.ruleId, message: message.message });
    }
  } catch (error) {
    crashes.push({ file: path.relative(dir, file), error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

for (const finding of findings) console.log(`${finding.file}:${String(finding.line)}  ${finding.ruleId}  ${finding.message}`);
for (const crash of crashes) console.log(`CRASH ${crash.file}\n${crash.error}`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${String(files.length)} files, ${String(findings.length)} findings, ${String(crashes.length)} crashes, ${String(withoutTypes)} files without type information, ${seconds}s`);
if (jsonPath !== undefined) writeFileSync(jsonPath, JSON.stringify({ files: files.length, findings, crashes }, null, 2));

function listFiles(): string[] {
  const skipped = /(?:^|\/)(?:node_modules|dist|build|coverage|\.next|\.git)\//u;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.replaceAll('\\', '/'))
    .filter((f) => /\.(?:c|m)?tsx?$/u.test(f) && !f.endsWith('.d.ts') && !skipped.test(f))
    .map((f) => path.join(dir, f));
}
