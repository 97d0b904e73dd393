import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { settingsOutboxSystem, type Effect, type EventNameSite, type Role } from '../../semantics/index.js';
import type { FunctionNode } from '../../util/ast.js';
import type { PublishItem } from '../inventory-items.js';
import { destinationsOf, type InventoryFile } from './destinations.js';
import { enclosingFunctionOf, producerNameOf, walk } from './syntax.js';
import { unique } from '../../util/text.js';

/** A publish site of the inventory, with the event names its arguments carry. */
export interface PublishSite {
  readonly item: PublishItem;
  readonly nameSites: readonly EventNameSite[];
}

type PublishKind = Pick<PublishItem, 'mechanism' | 'system' | 'chain'> & { readonly carriesEventNames: boolean };

/** The inventory entry of a call that publishes (a broker call, a project wrapper, an outbox write), if it does. */
export function publishSiteOf(
  file: InventoryFile,
  namesInPublish: (call: TSESTree.CallExpression) => EventNameSite[],
  node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression,
): PublishSite | undefined {
  const found = publishKindOf(file, node);
  if (found === undefined) return undefined;
  const { carriesEventNames, ...publish } = found;
  // A relay's own outbox bookkeeping (`DELETE FROM outbox …` after the send) is not a publish.
  if (publish.mechanism === 'outbox' && publishesToBroker(file, enclosingFunctionOf(node))) return undefined;
  const nameSites = node.type === AST_NODE_TYPES.CallExpression && node.arguments.length > 0 && carriesEventNames ? namesInPublish(node) : [];
  const item: PublishItem = {
    kind: 'publish',
    ...publish,
    eventNames: unique(nameSites.map((s) => s.name)),
    destinations: node.type === AST_NODE_TYPES.CallExpression ? destinationsOf(file, node) : [],
    producer: producerNameOf(node),
    relay: publish.mechanism !== 'outbox' && isInOutboxRelay(file, node),
  };
  return { item, nameSites };
}

/**
 * What kind of publish a call is, if any: a broker call, a project wrapper, or an outbox write;
 * and whether its names are event names (job names and request/reply patterns are not).
 */
function publishKindOf(file: InventoryFile, node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): PublishKind | undefined {
  const carriesEventNames = (role: Role): boolean => role.jobQueue !== true && role.expectsReply !== true;
  const library = file.semantics.libraryCallOf(node);
  if (library !== undefined) {
    const role = library.role;
    if (role.kind === 'publish') return { mechanism: 'broker', system: role.system, chain: [library.label], carriesEventNames: carriesEventNames(role) };
    if (role.kind === 'write' && role.outbox === true) return { mechanism: 'outbox', system: outboxSystem(role.system), chain: [library.label], carriesEventNames: true };
    return undefined;
  }
  const effects = file.semantics.effectsOf(node);
  const published = effects.find((e) => e.role.kind === 'publish');
  if (published !== undefined) return { mechanism: 'wrapper', system: published.role.system, chain: published.chain, carriesEventNames: carriesEventNames(published.role) };
  const outboxWrite = effects.find(isOutboxWrite);
  return outboxWrite === undefined ? undefined : { mechanism: 'outbox', system: outboxSystem(outboxWrite.role.system), chain: outboxWrite.chain, carriesEventNames: true };
}

function publishesToBroker(file: InventoryFile, fn: FunctionNode | undefined): boolean {
  return fn !== undefined && file.semantics.effectsOfFunction(fn).some((e) => e.role.kind === 'publish');
}

/** A relay reads committed outbox rows, publishes them and clears them: its function also touches the outbox. */
function isInOutboxRelay(file: InventoryFile, node: TSESTree.Node): boolean {
  const fn = enclosingFunctionOf(node);
  if (fn === undefined) return false;
  if (file.semantics.effectsOfFunction(fn).some(isOutboxWrite)) return true;
  let readsOutbox = false;
  walk(file.sourceCode, fn, (child) => {
    if (readsOutbox || (child.type !== AST_NODE_TYPES.CallExpression && child.type !== AST_NODE_TYPES.TaggedTemplateExpression)) return;
    const library = file.semantics.libraryCallOf(child);
    readsOutbox = library?.role.kind === 'read' && library.sql?.readTables.some((table) => table.includes('outbox')) === true;
  });
  return readsOutbox;
}

function isOutboxWrite(effect: Effect): boolean {
  return effect.role.kind === 'write' && effect.role.outbox === true;
}

function outboxSystem(system: string): string {
  return system === settingsOutboxSystem ? 'outbox' : `outbox (${system})`;
}
