// `npm run new-rule <name>`: scaffolds a rule — its file, typed test, docs page and registry entry.
// The test it writes fails until the rule reports something: write the rule from there.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2] ?? '';
if (!/^[a-z][a-z\d]*(?:-[a-z\d]+)+$/u.test(name)) {
  console.error('usage: npm run new-rule <name>   (kebab-case, at least two words: no-early-ack)');
  process.exit(2);
}
const camel = name.replace(/-([a-z\d])/gu, (_match, letter: string) => letter.toUpperCase());
const files = {
  rule: path.join(repoDir, 'rules', `${name}.ts`),
  test: path.join(repoDir, 'tests', 'rules', `${name}.test.ts`),
  docs: path.join(repoDir, 'docs', 'rules', `${name}.md`),
};
for (const file of Object.values(files)) {
  if (existsSync(file)) {
    console.error(`${path.relative(repoDir, file)} exists already`);
    process.exit(2);
  }
}

writeFileSync(
  files.rule,
  `import type { TSESTree } from '@typescript-eslint/utils';
import { getSemantics } from '../src/semantics/index.js';
import { createRule } from '../src/util/create-rule.js';

export type Options = [];
export type MessageId = 'TODO';

export default createRule<Options, MessageId>({
  name: '${name}',
  meta: {
    type: 'problem',
    docs: {
      description: 'TODO: what the rule disallows or requires, in one line',
      recommended: false,
      requiresTypeChecking: true,
    },
    messages: {
      TODO: 'TODO: what is wrong, in under 120 characters. Then why production breaks and what to do.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const semantics = getSemantics(context);
    return {
      CallExpression(node: TSESTree.CallExpression) {
        // Syntax first, then the semantic layer: semantics.effectsOf(node), semantics.handlerOf(fn)…
        if (semantics.effectsOf(node, 'publish').length === 0) return;
      },
    };
  },
});
`,
);

writeFileSync(
  files.test,
  `import rule from '../../rules/${name}.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

// Typed fixtures import the real client packages (installed as devDependencies).
ruleTester.run('${name}', rule, {
  valid: [
    {
      name: 'TODO: the right way, with a real client',
      code: \`
import { Kafka } from 'kafkajs';
export const producer = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'] }).producer();
\`,
    },
  ],
  invalid: [
    {
      name: 'TODO: the defect, with a real client',
      code: \`
import { Kafka } from 'kafkajs';
export const producer = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'] }).producer();
\`,
      errors: [{ messageId: 'TODO' }],
    },
  ],
});
`,
);

writeFileSync(
  files.docs,
  `# event-driven/${name}

<!-- end auto-generated rule header -->

## Why this breaks in production

TODO: the failure, as it happens in production.

## Examples

❌ Incorrect

\`\`\`ts
// TODO: wrong code, with real imports
\`\`\`

✅ Correct

\`\`\`ts
// TODO: right code, with real imports
\`\`\`

## How detection works

TODO: what the rule recognises, through which catalogue facets, and what it leaves out.

## When Not To Use It

TODO.
`,
);

// The registry: an import and an entry, both in alphabetical order.
const registryPath = path.join(repoDir, 'rules', 'index.ts');
const registry = readFileSync(registryPath, 'utf8').split('\n');
const importLine = `import ${camel} from './${name}.js';`;
const entryLine = `  '${name}': ${camel},`;
const imports = registry.filter((line) => line.startsWith('import '));
const entries = registry.filter((line) => /^ {2}'[a-z-]+': \w+,$/u.test(line));
const insertSorted = (lines: string[], group: readonly string[], line: string): void => {
  const after = group.find((existing) => existing.localeCompare(line) > 0);
  const at = after === undefined ? lines.indexOf(group.at(-1) ?? '') + 1 : lines.indexOf(after);
  lines.splice(at, 0, line);
};
insertSorted(registry, imports, importLine);
insertSorted(registry, entries, entryLine);
writeFileSync(registryPath, registry.join('\n'));

console.log(`created ${Object.values(files).map((f) => path.relative(repoDir, f)).join(', ')} and registered '${name}' in rules/index.ts`);
console.log('next: write the rule until its test passes, then `npm run docs` (headers, README table) and `npm test`.');
