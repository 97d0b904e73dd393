/**
 * One measured lint run, in a process of its own so that nothing (the TypeScript program, the
 * plugin's per-program caches, the JIT) carries over between configurations. Started by
 * bench/run.ts with a job as its only argument; sends one `ChildResult` back over IPC.
 */
import { ESLint, type Linter } from 'eslint';
import { pathToFileURL } from 'node:url';
import tseslint from 'typescript-eslint';

export type JobKind = 'baseline' | 'checker' | 'floating' | 'all' | 'rule' | 'floating-all' | 'recommended-type-checked' | 'recommended-type-checked-all';

export interface Job {
  readonly dir: string;
  readonly pluginPath: string;
  readonly kind: JobKind;
  /** For `rule`: the plugin rule name without prefix. */
  readonly rule?: string;
  /** A real checkout: every TypeScript file under `dir`, with its own tsconfig files (default: `src/**\/*.ts` of a generated project). */
  readonly checkout?: boolean;
}

export interface ChildResult {
  /** The rules the plugin in dist/ had when this run loaded it. */
  readonly pluginRules: readonly string[];
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly files: number;
  readonly messages: number;
  readonly fatal: number;
  readonly messagesByRule: Readonly<Record<string, number>>;
  /** Sum over files of each rule's listener time (ESLint `stats`). */
  readonly ruleMs: Readonly<Record<string, number>>;
  /** Sum over files of parse time; includes building the TypeScript program on the first file. */
  readonly parseMs: number;
  /** The file with the most event-driven rule time, and that time. */
  readonly slowestPluginFile?: { readonly file: string; readonly ms: number };
  /**
   * The file with the second most event-driven rule time: the first file to ask pays for the
   * project-wide indexes, so this shows what a file costs once they exist.
   */
  readonly runnerUpPluginFile?: { readonly file: string; readonly ms: number };
  /** The file with the most time in any rule (for (b): where no-floating-promises pays the most). */
  readonly slowestRuleFile?: { readonly file: string; readonly ms: number };
  /** Event-driven rule time per file: quantiles over all files. */
  readonly pluginFileMs: { readonly p50: number; readonly p95: number; readonly max: number };
  /** First few fatal messages, to see why a run went wrong. */
  readonly fatalSamples: readonly string[];
  /** The files with the most event-driven rule time, slowest first. */
  readonly slowestPluginFiles: readonly { readonly file: string; readonly ms: number }[];
}

interface PluginModule {
  readonly rules: Readonly<Record<string, unknown>>;
  readonly configs: Readonly<Record<'all', Linter.Config>>;
}

const pluginPrefix = 'event-driven/';
let files = ['**/*.ts'];
/** What a checkout holds besides its own code. */
const checkoutIgnores = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/*.d.ts', '**/.next/**', '**/.yarn/**'];

function configsFor(job: Job, plugin: PluginModule): Linter.Config[] {
  const base: Linter.Config = {
    files,
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: job.dir },
    },
  };
  // typescript-eslint's own preset, restricted to the files the other runs lint.
  const recommendedTypeChecked: Linter.Config[] = tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files }));
  const floating: Linter.Config = {
    files,
    // typescript-eslint's plugin type is not ESLint's, though it is one at run time.
    plugins: { '@typescript-eslint': tseslint.plugin as unknown as ESLint.Plugin },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  };
  switch (job.kind) {
    case 'baseline':
      return [base];
    case 'checker':
      return [base, checkerFloor];
    case 'floating':
      return [base, floating];
    case 'all':
      return [base, { ...plugin.configs.all, files }];
    case 'floating-all':
      return [base, floating, { ...plugin.configs.all, files }];
    case 'recommended-type-checked':
      return [base, ...recommendedTypeChecked];
    case 'recommended-type-checked-all':
      return [base, ...recommendedTypeChecked, { ...plugin.configs.all, files }];
    case 'rule':
      if (job.rule === undefined) throw new Error('a rule job needs a rule');
      return [base, { files, plugins: { 'event-driven': plugin as unknown as ESLint.Plugin }, rules: { [`${pluginPrefix}${job.rule}`]: 'error' } }];
  }
}

/**
 * A rule that only asks for the type checker: what any type-aware rule pays before it asks a
 * single question (TypeScript binds every file and merges the global scope when the checker is
 * created). The floor under every type-aware plugin.
 */
const checkerFloor: Linter.Config = {
  files,
  plugins: {
    floor: {
      rules: {
        'type-checker': {
          meta: { type: 'problem', schema: [] },
          create(context) {
            const { parserServices: services } = context.sourceCode as unknown as { parserServices?: { program?: { getTypeChecker(): unknown } } };
            services?.program?.getTypeChecker();
            return {};
          },
        },
      },
    },
  },
  rules: { 'floor/type-checker': 'error' },
};

function slowestOf(entries: readonly { file: string; ms: number }[]): { file: string; ms: number } | undefined {
  return entries.reduce<{ file: string; ms: number } | undefined>((worst, entry) => (worst === undefined || entry.ms > worst.ms ? entry : worst), undefined);
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function run(job: Job): Promise<ChildResult> {
  if (job.checkout === true) files = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
  const imported = (await import(pathToFileURL(job.pluginPath).href)) as { default: PluginModule };
  const plugin = imported.default;
  const overrideConfig = configsFor(job, plugin);

  // Measure only the lint itself: modules are loaded above, identically for every configuration.
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const eslint = new ESLint({
    cwd: job.dir,
    overrideConfigFile: true,
    overrideConfig: job.checkout === true ? [{ ignores: checkoutIgnores }, { linterOptions: { reportUnusedDisableDirectives: 'off' } }, ...overrideConfig] : overrideConfig,
    stats: true,
    cache: false,
    concurrency: 'off',
    errorOnUnmatchedPattern: false,
  });
  const results = await eslint.lintFiles(job.checkout === true ? ['.'] : ['src']);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);

  const ruleMs: Record<string, number> = {};
  const messagesByRule: Record<string, number> = {};
  const pluginPerFile: { file: string; ms: number }[] = [];
  const rulesPerFile: { file: string; ms: number }[] = [];
  const fatalSamples: string[] = [];
  let parseMs = 0;
  let messages = 0;
  let fatal = 0;
  for (const result of results) {
    messages += result.messages.length;
    fatal += result.fatalErrorCount;
    for (const message of result.messages) {
      const id = message.ruleId ?? '(none)';
      messagesByRule[id] = (messagesByRule[id] ?? 0) + 1;
      if (message.fatal === true && fatalSamples.length < 3) fatalSamples.push(`${result.filePath}: ${message.message}`);
    }
    let pluginMs = 0;
    let anyRuleMs = 0;
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
        ruleMs[ruleId] = (ruleMs[ruleId] ?? 0) + time.total;
        anyRuleMs += time.total;
        if (ruleId.startsWith(pluginPrefix)) pluginMs += time.total;
      }
    }
    pluginPerFile.push({ file: result.filePath, ms: pluginMs });
    rulesPerFile.push({ file: result.filePath, ms: anyRuleMs });
  }
  const slowest = slowestOf(pluginPerFile);
  const runnerUp = slowestOf(pluginPerFile.filter((entry) => entry !== slowest));
  const slowestAny = slowestOf(rulesPerFile);
  const sorted = pluginPerFile.map((entry) => entry.ms).sort((a, b) => a - b);
  return {
    pluginRules: Object.keys(plugin.rules).sort(),
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    files: results.length,
    messages,
    fatal,
    messagesByRule,
    ruleMs,
    parseMs,
    ...(slowest === undefined || slowest.ms === 0 ? {} : { slowestPluginFile: slowest }),
    ...(runnerUp === undefined || runnerUp.ms === 0 ? {} : { runnerUpPluginFile: runnerUp }),
    ...(slowestAny === undefined || slowestAny.ms === 0 ? {} : { slowestRuleFile: slowestAny }),
    pluginFileMs: { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1) ?? 0 },
    fatalSamples,
    slowestPluginFiles: [...pluginPerFile].sort((x, y) => y.ms - x.ms).slice(0, 5).filter((entry) => entry.ms > 0),
  };
}

const argument = process.argv[2];
if (argument === undefined || process.send === undefined) {
  console.error('lint-child: start me from bench/run.ts (needs a job argument and an IPC channel)');
  process.exit(2);
}
const send = process.send.bind(process);
try {
  const result = await run(JSON.parse(argument) as Job);
  // Exit explicitly: the project service may keep handles open.
  send({ ok: true, result }, () => process.exit(0));
} catch (error) {
  send({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1));
}
