import type ts from 'typescript';
import type { MethodEntry, RepeatFacets } from '../catalogue/index.js';
import type { EventDrivenSettings, FunctionSpecifier } from '../settings.js';
import type { SqlClassification } from '../sql.js';
import type { CallLike, LibraryCall, PartitionKeyedMessages } from './types.js';

/**
 * What every step of the resolver shares: the program's checker, the settings, and the caches
 * of one resolver (so of one program and one settings object), filled as calls are resolved.
 */
export interface ResolverContext {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly settings: EventDrivenSettings;
  /** Last names of the functions the settings name: a call by another name skips the settings check. */
  readonly settingsNames: ReadonlySet<string>;
  readonly libraryCalls: WeakMap<CallLike, LibraryCall | null>;
  readonly sqlClassifications: WeakMap<CallLike, SqlClassification>;
  readonly payloadsByCall: WeakMap<CallLike, readonly ts.Expression[]>;
  readonly calleeDeclarations: WeakMap<CallLike, readonly ts.Declaration[]>;
  readonly matchedEntries: WeakMap<CallLike, MethodEntry>;
  readonly commandRepeats: WeakMap<CallLike, RepeatFacets>;
  readonly partitionKeys: WeakMap<CallLike, PartitionKeyedMessages>;
}

export function createResolverContext(program: ts.Program, settings: EventDrivenSettings): ResolverContext {
  return {
    program,
    checker: program.getTypeChecker(),
    settings,
    settingsNames: new Set(
      [...settings.publishers, ...settings.writers, ...settings.outboxWriters, ...settings.guards, ...settings.failureRecorders].flatMap((spec) => namesOfSpecifier(spec)),
    ),
    libraryCalls: new WeakMap(),
    sqlClassifications: new WeakMap(),
    payloadsByCall: new WeakMap(),
    calleeDeclarations: new WeakMap(),
    matchedEntries: new WeakMap(),
    commandRepeats: new WeakMap(),
    partitionKeys: new WeakMap(),
  };
}

export function namesOfSpecifier(spec: FunctionSpecifier): string[] {
  const names = typeof spec === 'string' ? [spec] : typeof spec.name === 'string' ? [spec.name] : [...spec.name];
  return names.map((n) => n.slice(n.lastIndexOf('.') + 1));
}
