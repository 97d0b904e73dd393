import type { TSESTree } from '@typescript-eslint/utils';
import path from 'node:path';
import { type Break, breakingChanges, type CompatibilityMode, compatibilityModes, contractListeners, contractOfJsonSchema, type EventContract, eventKey, findLockFile, getSemantics, isJsonDocument, type JsonNode, jsonValueOf, type LockFile, readLockFile, rootSchema } from '../src/semantics/index.js';
import { createRule } from '../src/util/create-rule.js';

export type Options = [{ lockFile?: string; compatibility?: CompatibilityMode }];
export type MessageId = 'breakingChange' | 'unreadableLockFile';

/** What each kind of break does to the consumers on the other side of a deploy. */
const consequences: Readonly<Record<Break['kind'], string>> = {
  removed: 'consumers that still read it get `undefined`',
  'became-required': 'events already on the topic, and replays, lack it',
  'became-optional': 'consumers that rely on it may get `undefined`',
  'member-added': 'consumers that switch on it do not know the new value',
  'member-removed': 'events already written still carry the old value',
  'type-changed': 'consumers parse it as the old type',
};

export default createRule<Options, MessageId>({
  name: 'no-breaking-event-change',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow changing an event contract in the lock file (event-schemas.lock.json) in a way its consumers cannot read, without a new version',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    messages: {
      breakingChange:
        '`{{event}}` v{{version}} breaks its locked contract ({{mode}}): {{changes}}. Here {{consequence}}: publish the change as version {{next}} (keep v{{version}} while it has consumers), keep the old field, or upcast old events.',
      unreadableLockFile: 'The event contract lock file cannot be read: {{problem}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          lockFile: { type: 'string', description: 'Path of the lock file, relative to the working directory (default: the nearest event-schemas.lock.json above the linted file).' },
          compatibility: { type: 'string', enum: [...compatibilityModes], description: 'Schema-registry compatibility mode: backward (default), forward or full.' },
        },
      },
    ],
    defaultOptions: [{ compatibility: 'backward' }],
  },
  create(context, [options]) {
    // Silent, and free, until a lock file exists: one cached look per directory.
    const lockPath = options.lockFile === undefined ? findLockFile(path.dirname(context.physicalFilename)) : path.resolve(context.cwd, options.lockFile);
    if (lockPath === undefined) return {};
    let lock: LockFile;
    try {
      lock = readLockFile(lockPath);
    } catch (error) {
      // Silent until the lock file exists, wherever it is configured.
      if ((error as { code?: string }).code === 'ENOENT') return {};
      const problem = error instanceof Error ? error.message : String(error);
      return { Program: () => { context.report({ loc: { line: 1, column: 0 }, messageId: 'unreadableLockFile', data: { problem } }); } };
    }
    const mode = options.compatibility ?? 'backward';

    if (isJsonDocument(context.sourceCode.ast)) {
      const schema = rootSchema(context.sourceCode.ast);
      return schema === undefined ? {} : { Document: () => { checkSchema(schema); } };
    }
    const semantics = getSemantics(context);
    const contracts: EventContract[] = [];
    return {
      ...contractListeners(semantics, context.sourceCode, (contract) => contracts.push(contract)),
      'Program:exit'() {
        for (const contract of contracts) check(contract, contract.node);
      },
    };

    function checkSchema(schema: JsonNode): void {
      const contract = contractOfJsonSchema(jsonValueOf(schema));
      if (contract !== undefined) check({ ...contract, source: 'JSON Schema' }, schema as unknown as TSESTree.Node);
    }

    function check(contract: Pick<EventContract, 'name' | 'version' | 'shape' | 'source'>, node: TSESTree.Node): void {
      // A new version is a new contract; an event the lock does not know is new.
      const locked = lock.events.get(eventKey(contract.name, contract.version));
      if (locked === undefined) return;
      // A published object is checked against the lock only where the lock took its shape from one; a declared type is checked where it is declared.
      if (contract.source === 'published object' && locked.source !== 'published object') return;
      const breaks = breakingChanges(locked.shape, contract.shape, mode);
      const first = breaks[0];
      if (first === undefined) return;
      const data = {
        event: contract.name,
        version: String(contract.version),
        next: String(contract.version + 1),
        mode,
        changes: breaks.map((b) => b.description).join('; '),
        consequence: consequences[first.kind],
      };
      context.report({ node, messageId: 'breakingChange', data });
    }
  },
});
