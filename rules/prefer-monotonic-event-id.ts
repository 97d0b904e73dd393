import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createEventNameFinder, getSemantics, localInitializerOf, looksLikeEventObject, packageOfDeclaration, propertyNamesOf, symbolAt } from '../src/semantics/index.js';
import { parentOf } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';

export type Options = [];
export type MessageId = 'randomEventId' | 'useUuidV7' | 'useUlid';

/** Random (v4) UUID generators, by declaring package and exported name. */
const randomGenerators: readonly { packages: readonly string[]; names: readonly string[] }[] = [
  { packages: ['crypto', 'node:crypto', 'node', 'typescript'], names: ['randomUUID'] },
  { packages: ['uuid'], names: ['v4'] },
];
const idFields: ReadonlySet<string> = new Set(['id', 'eventId', 'messageId']);
const dependenciesByDirectory = new Map<string, ReadonlySet<string>>();

export default createRule<Options, MessageId>({
  name: 'prefer-monotonic-event-id',
  meta: {
    type: 'suggestion',
    hasSuggestions: true,
    docs: {
      description: 'Prefer time-ordered event ids (UUIDv7, ULID) over random UUIDv4',
      recommended: 'strict',
      requiresTypeChecking: true,
    },
    messages: {
      randomEventId:
        'This event id comes from `{{generator}}`, a random UUIDv4. Random ids scatter inserts across dedupe and outbox indexes and order nothing: use a time-ordered id (UUIDv7 or ULID).',
      useUuidV7: 'Use `v7()` from `uuid` (a time-ordered UUID).',
      useUlid: 'Use `ulid()` from `ulid`.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const semantics = getSemantics(context);
    const checker = semantics.checker;
    const sourceCode = context.sourceCode;

    const finder = createEventNameFinder(semantics, sourceCode);

    return {
      ObjectExpression(node) {
        const idProperty = node.properties.find(
          (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && idFields.has(p.key.name),
        );
        // Syntax first: an id set by a call (in place or through a local), in an object that looks like an event or an envelope base.
        const generator = idProperty === undefined ? undefined : generatorCallOf(idProperty.value);
        if (generator === undefined) return;
        const names = propertyNamesOf(node, undefined);
        if (!looksLikeEventObject(names) && !looksLikeEnvelopeBase(names)) return;
        checkGenerator(generator);
      },
      PropertyDefinition(node) {
        if (node.key.type !== AST_NODE_TYPES.Identifier || !idFields.has(node.key.name) || node.value?.type !== AST_NODE_TYPES.CallExpression) return;
        const cls = node.parent.parent;
        if (!finder.isEventClass(cls)) return;
        checkGenerator(node.value);
      },
      // `this.id = randomUUID()` in the constructor of an event class.
      'MethodDefinition[kind="constructor"] AssignmentExpression'(node: TSESTree.AssignmentExpression) {
        const { left, right } = node;
        if (left.type !== AST_NODE_TYPES.MemberExpression || left.object.type !== AST_NODE_TYPES.ThisExpression || left.property.type !== AST_NODE_TYPES.Identifier) return;
        if (!idFields.has(left.property.name) || right.type !== AST_NODE_TYPES.CallExpression) return;
        const cls = enclosingClass(node);
        if (cls === undefined || !finder.isEventClass(cls)) return;
        checkGenerator(right);
      },
    };

    /** `randomUUID()` written in place, or held in a `const` of the same function (`const id = randomUUID()`). */
    function generatorCallOf(value: TSESTree.Node): TSESTree.CallExpression | undefined {
      if (value.type === AST_NODE_TYPES.CallExpression) return value;
      if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
      const init = localInitializerOf(value, sourceCode);
      return init?.type === AST_NODE_TYPES.CallExpression ? init : undefined;
    }

    function checkGenerator(call: TSESTree.CallExpression): void {
      const generator = randomGeneratorName(call);
      if (generator === undefined) return;
      const dependencies = projectDependencies();
      const suggest: TSESLint.SuggestionReportDescriptor<MessageId>[] = [];
      if (dependencies.has('uuid@v7')) suggest.push({ messageId: 'useUuidV7', fix: (fixer) => replaceWith(fixer, call, 'v7', 'uuid') });
      if (dependencies.has('ulid')) suggest.push({ messageId: 'useUlid', fix: (fixer) => replaceWith(fixer, call, 'ulid', 'ulid') });
      context.report({ node: call, messageId: 'randomEventId', data: { generator }, suggest });
    }

    function randomGeneratorName(call: TSESTree.CallExpression): string | undefined {
      const callee = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.property : call.callee;
      const symbol = symbolAt(checker, semantics.tsNodeOf(callee));
      const declaration = symbol?.declarations?.[0];
      if (symbol === undefined || declaration === undefined) return undefined;
      const pkg = packageOfDeclaration(declaration);
      const matches = randomGenerators.some((g) => g.names.includes(symbol.getName()) && pkg !== undefined && g.packages.includes(pkg));
      return matches ? sourceCode.getText(call.callee) : undefined;
    }

    /** Replaces the call and imports the generator when the file does not import it yet. */
    function replaceWith(fixer: TSESLint.RuleFixer, call: TSESTree.CallExpression, name: string, module: string): TSESLint.RuleFix[] {
      const fixes = [fixer.replaceText(call, `${name}()`)];
      const program = sourceCode.ast;
      const imported = program.body.some(
        (s) =>
          s.type === AST_NODE_TYPES.ImportDeclaration &&
          s.source.value === module &&
          s.specifiers.some((spec) => spec.type === AST_NODE_TYPES.ImportSpecifier && spec.local.name === name),
      );
      if (!imported) {
        const lastImport = program.body.filter((s) => s.type === AST_NODE_TYPES.ImportDeclaration).at(-1);
        const statement = `import { ${name} } from '${module}';`;
        fixes.push(lastImport === undefined ? fixer.insertTextBeforeRange([0, 0], `${statement}\n`) : fixer.insertTextAfter(lastImport, `\n${statement}`));
      }
      return fixes;
    }

    /** `uuid@v7` when the nearest package.json depends on uuid ≥ 10, `ulid` when it depends on ulid. */
    function projectDependencies(): ReadonlySet<string> {
      // The program's file name is absolute even where the linter's is relative (the rule tester).
      const directory = path.dirname(semantics.tsNodeOf(sourceCode.ast).getSourceFile().fileName);
      const cached = dependenciesByDirectory.get(directory);
      if (cached !== undefined) return cached;
      const found = readDependencies(directory);
      dependenciesByDirectory.set(directory, found);
      return found;
    }
  },
});

/** A base spread into events (`{ ...baseEnvelope(), type }`): an id beside a time or a correlation. */
function looksLikeEnvelopeBase(names: ReadonlySet<string>): boolean {
  return ['occurredAt', 'timestamp', 'correlationId', 'causationId', 'occurred_at'].some((n) => names.has(n));
}

function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current = parentOf(node); current !== undefined; current = parentOf(current)) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return current;
  }
  return undefined;
}

function readDependencies(start: string): ReadonlySet<string> {
  for (let directory = start; ; directory = path.dirname(directory)) {
    const file = path.join(directory, 'package.json');
    if (existsSync(file)) {
      try {
        const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string> | undefined>;
        const all = { ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies };
        const found = new Set<string>();
        const uuidMajor = Number.parseInt((all.uuid ?? '').replace(/^\D*/u, ''), 10);
        if (uuidMajor >= 10) found.add('uuid@v7');
        if (all.ulid !== undefined) found.add('ulid');
        return found;
      } catch {
        // A package.json that does not parse is the project's business: it only picks the suggested id library.
        return new Set();
      }
    }
    if (path.dirname(directory) === directory) return new Set();
  }
}
