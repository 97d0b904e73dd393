/**
 * `npm run bench -- --checkout <dir>`: the benchmark's plan over a real checkout with its own
 * tsconfig files, where what a user pays is measured against what they already pay: the typed
 * parse (a), the checker floor every type-aware rule pays (f), no-floating-promises (b),
 * `configs.all` (c), each rule alone (d), and typescript-eslint's `recommendedTypeChecked`
 * without (r) and with (rc) the plugin. Budget lines are those of issue 13.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { ChildResult, Job, JobKind } from './lint-child.js';

interface CheckoutRun {
  readonly id: string;
  readonly label: string;
  readonly kind: JobKind;
  readonly rule?: string;
}

export interface CheckoutInput {
  readonly dir: string;
  readonly pluginPath: string;
  readonly rules: readonly string[];
  readonly repeat: number;
  readonly runChild: (job: Job, heapMb?: number) => Promise<ChildResult>;
  readonly versions: Readonly<Record<string, string>>;
}

/** Issue 13's budgets on a real checkout. */
const budgets = { maxAllOverFloor: 1.1, maxExtraRssMb: 300, maxRuleSecondsWhenSilent: 1, maxP95Ms: 5, maxFileMs: 150, maxBesideTypeChecked: 1.03 } as const;
/** Large checkouts build programs of several GB; the child gets room for them. */
const heapMb = 16_384;

export async function benchCheckout(input: CheckoutInput): Promise<void> {
  const dir = resolve(input.dir);
  const runs: CheckoutRun[] = [
    { id: 'a', label: '(a) typed parse, no rules', kind: 'baseline' },
    { id: 'f', label: '(f) (a) + the checker floor', kind: 'checker' },
    { id: 'b', label: '(b) + no-floating-promises', kind: 'floating' },
    { id: 'c', label: '(c) + configs.all', kind: 'all' },
    { id: 'r', label: '(r) recommendedTypeChecked', kind: 'recommended-type-checked' },
    { id: 'rc', label: '(rc) (r) + configs.all', kind: 'recommended-type-checked-all' },
    ...input.rules.map((rule): CheckoutRun => ({ id: `d:${rule}`, label: `(d) ${rule}`, kind: 'rule', rule })),
  ];
  console.log(`checkout: ${dir}`);
  const results = new Map<string, ChildResult>();
  let done = 0;
  for (let round = 0; round < input.repeat; round++) {
    for (const run of runs) {
      done++;
      const job: Job = { dir, pluginPath: input.pluginPath, kind: run.kind, checkout: true, ...(run.rule === undefined ? {} : { rule: run.rule }) };
      const result = await input.runChild(job, heapMb);
      const best = results.get(run.id);
      if (best === undefined || result.wallMs < best.wallMs) results.set(run.id, result);
      console.error(`[${String(done)}/${String(runs.length * input.repeat)}] ${run.label}: ${(result.wallMs / 1000).toFixed(1)} s wall, ${String(result.messages)} messages`);
    }
  }
  const get = (id: string): ChildResult => {
    const result = results.get(id);
    if (result === undefined) throw new Error(`missing run ${id}`);
    return result;
  };
  const [a, f, b, c, r, rc] = ['a', 'f', 'b', 'c', 'r', 'rc'].map(get) as [ChildResult, ChildResult, ChildResult, ChildResult, ChildResult, ChildResult];

  console.log(`\n${'configuration'.padEnd(44)} ${'wall s'.padStart(7)} ${'CPU s'.padStart(7)} ${'peak MB'.padStart(8)} ${'messages'.padStart(9)}`);
  for (const run of runs) {
    const x = get(run.id);
    console.log(`${run.label.padEnd(44)} ${(x.wallMs / 1000).toFixed(2).padStart(7)} ${(x.cpuMs / 1000).toFixed(2).padStart(7)} ${x.maxRssMb.toFixed(0).padStart(8)} ${String(x.messages).padStart(9)}`);
  }
  const both = (x: ChildResult, y: ChildResult): string => `${(x.wallMs / y.wallMs).toFixed(2)} [${(x.cpuMs / y.cpuMs).toFixed(2)}]`;
  console.log(`\nRatios (wall; CPU in brackets): (c)/(a) ${both(c, a)}  (c)/(f) ${both(c, f)}  (f)/(a) ${both(f, a)}  (b)/(a) ${both(b, a)}  (rc)/(r) ${both(rc, r)}`);

  console.log('\nPlugin rule time in (c), summed over files (messages in brackets)');
  const pluginRules = Object.entries(c.ruleMs).filter(([rule]) => rule.startsWith('event-driven/')).sort(([, x], [, y]) => y - x);
  for (const [rule, ms] of pluginRules) console.log(`  ${rule.padEnd(48)} ${(ms / 1000).toFixed(2).padStart(6)} s  [${String(c.messagesByRule[rule] ?? 0)}]`);
  const totalRuleMs = pluginRules.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`  ${'all plugin rules'.padEnd(48)} ${(totalRuleMs / 1000).toFixed(2).padStart(6)} s`);
  const q = c.pluginFileMs;
  console.log(`  per file: p50 ${q.p50.toFixed(1)} ms, p95 ${q.p95.toFixed(1)} ms, max ${q.max.toFixed(1)} ms`);
  for (const slow of c.slowestPluginFiles) console.log(`    ${slow.ms.toFixed(1).padStart(8)} ms  ${relative(dir, slow.file)}`);

  const silentSlowRules = pluginRules.filter(([rule, ms]) => (c.messagesByRule[rule] ?? 0) === 0 && ms > budgets.maxRuleSecondsWhenSilent * 1000);
  const lines: [boolean, string][] = [
    [c.wallMs / f.wallMs <= budgets.maxAllOverFloor, `configs.all is ${both(c, f)}× the checker floor (budget ≤ ${String(budgets.maxAllOverFloor)}×)`],
    [c.maxRssMb - f.maxRssMb <= budgets.maxExtraRssMb, `configs.all adds ${(c.maxRssMb - f.maxRssMb).toFixed(0)} MB peak RSS over the checker floor (budget ≤ ${String(budgets.maxExtraRssMb)} MB)`],
    [silentSlowRules.length === 0, silentSlowRules.length === 0 ? `no rule that reports nothing takes more than ${String(budgets.maxRuleSecondsWhenSilent)} s` : `rules that report nothing but take more than ${String(budgets.maxRuleSecondsWhenSilent)} s: ${silentSlowRules.map(([rule, ms]) => `${rule} ${(ms / 1000).toFixed(2)} s`).join(', ')}`],
    [q.p95 <= budgets.maxP95Ms && q.max <= budgets.maxFileMs, `plugin time per file p95 ${q.p95.toFixed(1)} ms, max ${q.max.toFixed(1)} ms (budget p95 ≤ ${String(budgets.maxP95Ms)} ms, max ≤ ${String(budgets.maxFileMs)} ms)`],
    [rc.wallMs / r.wallMs <= budgets.maxBesideTypeChecked, `beside recommendedTypeChecked the plugin adds ${(100 * (rc.wallMs / r.wallMs - 1)).toFixed(1)}% wall (budget ≤ ${(100 * (budgets.maxBesideTypeChecked - 1)).toFixed(0)}%)`],
  ];
  console.log('');
  for (const [pass, text] of lines) console.log(`BUDGET ${pass ? 'PASS' : 'FAIL'}: ${text}`);

  const resultsDir = join(import.meta.dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'checkout.json'), `${JSON.stringify({ meta: { ...input.versions, dir, date: new Date().toISOString() }, runs: Object.fromEntries(runs.map((run) => [run.id, { label: run.label, ...get(run.id) }])) }, null, 2)}\n`);
}
