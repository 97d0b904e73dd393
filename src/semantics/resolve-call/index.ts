import type ts from 'typescript';
import { methodEntriesByName, publishMethodNames, transactionScopeMethodNames } from '../catalogue/index.js';
import type { EffectInterest } from '../roles.js';
import type { EventDrivenSettings } from '../settings.js';
import { labelOf } from './call-labels.js';
import { calleeDeclarationsOf } from './callee-declarations.js';
import { createResolverContext, namesOfSpecifier } from './context.js';
import { sqlTemplateName } from './sql-text.js';
import { targetNamesOf } from './target-names.js';
import { libraryCallOf } from './targets.js';
import type { CallLike, LibraryCall } from './types.js';

export { calleeNameOf, shortCalleeText } from './call-labels.js';
export { hasPropertyNamed, hasPropertyValue } from './properties.js';
export { isSqlTaggedTemplate, sqlTemplateName } from './sql-text.js';
export { settingsOutboxSystem } from './targets.js';
export type { CallLike, LibraryCall, PartitionKeyedMessages } from './types.js';

export interface CallResolver {
  /** The role of a call to a catalogued library API or a settings-named function. */
  libraryCallOf(call: CallLike): LibraryCall | undefined;
  /** The declarations a call invokes, through aliases, overloads and inheritance. */
  calleeDeclarationsOf(call: CallLike): readonly ts.Declaration[];
  labelOf(call: CallLike): string;
  /** Names of what a call writes or reads: tables, models, entities, receivers, DynamoDB table names. */
  targetNamesOf(call: CallLike): readonly string[];
  /** Call names that can have a role by themselves (catalogued methods, `send` of commands, settings names), per interest. */
  readonly namesWithRoles: Readonly<Record<EffectInterest, ReadonlySet<string>>>;
}

/** Resolves calls to roles through the checker: signature → declaration → owner → exact package. */
export function createCallResolver(program: ts.Program, settings: EventDrivenSettings): CallResolver {
  const context = createResolverContext(program, settings);
  const namesWithRoles = {
    any: new Set([...methodEntriesByName.keys(), 'send', sqlTemplateName, ...context.settingsNames]),
    publish: new Set([...publishMethodNames, 'send', ...settings.publishers.flatMap((spec) => namesOfSpecifier(spec))]),
    'tx-scope': new Set([...transactionScopeMethodNames, sqlTemplateName]),
  };
  return {
    libraryCallOf: (call) => libraryCallOf(context, call),
    calleeDeclarationsOf: (call) => calleeDeclarationsOf(context, call),
    labelOf,
    targetNamesOf: (call) => targetNamesOf(context, call),
    namesWithRoles,
  };
}
