import { ESLint, Linter } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { rules } from '../rules/index.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const ruleFiles = readdirSync(path.join(root, 'rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/u, ''));
const ruleEntries = Object.entries(rules);

describe('plugin object', () => {
  it('has meta with the package name, version and namespace', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'event-driven' });
  });

  it('registers every file in rules/, in alphabetical order', () => {
    expect(Object.keys(rules)).toEqual([...ruleFiles].sort());
  });

  it('derives the presets from meta.docs.recommended', () => {
    const inPreset = (preset: 'recommended' | 'strict' | 'all') => Object.keys(plugin.configs[preset].rules ?? {}).sort();
    const named = (wanted: (level: unknown) => boolean) =>
      ruleEntries.filter(([, rule]) => wanted(rule.meta.docs?.recommended)).map(([name]) => `event-driven/${name}`).sort();
    expect(inPreset('recommended')).toEqual(named((level) => level === 'recommended'));
    expect(inPreset('strict')).toEqual(named((level) => level === 'recommended' || level === 'strict'));
    expect(inPreset('all')).toEqual(named(() => true));
    expect(plugin.configs.recommended.plugins?.['event-driven']).toBe(plugin);
  });

  it('applies the presets to TypeScript files and leaves test files out', async () => {
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
    const rulesFor = async (file: string): Promise<string[]> => {
      const config = (await eslint.calculateConfigForFile(file)) as { rules?: Record<string, unknown> } | undefined;
      return Object.keys(config?.rules ?? {}).filter((rule) => rule.startsWith('event-driven/'));
    };
    const expected = Object.keys(plugin.configs.recommended.rules ?? {});
    for (const file of ['src/orders.ts', 'src/view.tsx', 'src/esm.mts', 'src/cjs.cts']) expect(await rulesFor(file), file).toEqual(expected);
    for (const file of ['src/orders.test.ts', 'src/orders.spec.tsx', 'src/__tests__/orders.ts', 'test/orders.ts', 'packages/api/tests/e.ts', 'eslint.config.mjs']) {
      expect(await rulesFor(file), file).toEqual([]);
    }
  });
});

describe.each(ruleEntries)('rule %s', (name, rule) => {
  const docPath = path.join(root, 'docs', 'rules', `${name}.md`);
  const doc = readFileSync(docPath, 'utf8');
  const source = readFileSync(path.join(root, 'rules', `${name}.ts`), 'utf8');

  it('links to its docs page, which exists', () => {
    expect(rule.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`, 'u'));
  });

  it('has a docs page with the required sections', () => {
    const hasOptions = Object.keys((rule.meta.schema as readonly { properties?: object }[])[0]?.properties ?? {}).length > 0;
    for (const heading of ['## Why this breaks in production', '## Examples', ...(hasOptions ? ['## Options'] : []), '## When Not To Use It']) {
      expect(doc, `${name}.md lacks "${heading}"`).toContain(heading);
    }
    expect(doc).toContain('❌');
    expect(doc).toContain('✅');
  });

  it('documents every option under its own heading', () => {
    const schema = rule.meta.schema as readonly { properties?: Record<string, { description?: string }> }[];
    for (const [option, definition] of Object.entries(schema[0]?.properties ?? {})) {
      expect(doc, `${name}.md lacks "### \`${option}\`"`).toContain(`### \`${option}\``);
      expect(definition.description, `${option} has no description`).toBeTruthy();
    }
  });

  it('requires type checking exactly when it asks for parser services', () => {
    expect(rule.meta.docs?.requiresTypeChecking).toBe(source.includes('getSemantics(') || source.includes('getParserServices('));
  });

  it('rejects bad options with a clear message', () => {
    const linter = new Linter({ configType: 'flat' });
    const run = () =>
      linter.verify('const x = 1;', [
        { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { 'event-driven': plugin }, rules: { [`event-driven/${name}`]: ['error', { notAnOption: true }, 'extra'] } },
      ], 'file.ts');
    expect(run).toThrow(/notAnOption|additional properties|should NOT have more than|must NOT have more than/iu);
  });
});

describe('settings', () => {
  it('reports a bad setting once per file, naming its exact path, instead of crashing', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      'export {};',
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: path.join(root, 'tests', 'fixtures') } },
          plugins: { 'event-driven': plugin },
          settings: { 'event-driven': { publishers: [{ from: 'package', name: 'publish' }] } },
          rules: { 'event-driven/no-dual-write': 'error', 'event-driven/idempotent-consumer': 'error' },
        },
      ],
      path.join(root, 'tests', 'fixtures', 'file.ts'),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      line: 1,
      message: `eslint-plugin-event-driven: settings['event-driven'].publishers[0].package must name the npm package, e.g. "@acme/messaging".`,
    });
  });
});
