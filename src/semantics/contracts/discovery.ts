import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { eventBodyFields, eventIdentityFields, eventTypeNameFields, notEventTypeName } from '../event-name-declarations.js';
import { createEventNameFinder, type EventNameSite } from '../event-names/index.js';
import type { FileSemantics } from '../file-semantics.js';
import { shapeOfType, type Shape } from './shape.js';

/** One event contract found in a file: the event, its version, its payload's shape, where it is. */
export interface EventContract {
  readonly name: string;
  readonly version: number;
  readonly shape: Shape;
  /** Where a break is reported: the type's name, the class, the published object. */
  readonly node: TSESTree.Node;
  /** "envelope type", "event class", "published object": declarations are compared first. */
  readonly source: ContractSource;
}

export type ContractSource = 'envelope type' | 'event class' | 'published object' | 'JSON Schema';

/** `OrderPlacedV2`, `order.placed.v2`, `OrderPlaced_v3`. Linear: one anchored suffix. */
const versionSuffix = /[._-]?v(\d{1,4})$/iu;

/**
 * Listeners that find the file's event contracts: interfaces and type aliases that look like an
 * event envelope (a literal type field), event classes, and objects published with an event
 * name. Each is handed to `found` as the listener sees it.
 */
export function contractListeners(semantics: FileSemantics, sourceCode: Readonly<TSESLint.SourceCode>, found: (contract: EventContract) => void): TSESLint.RuleListener {
  const finder = createEventNameFinder(semantics, sourceCode);
  const checker = semantics.checker;

  return {
    TSInterfaceDeclaration: (node) => {
      declarationContract(node);
    },
    TSTypeAliasDeclaration: (node) => {
      declarationContract(node);
    },
    ClassDeclaration(node) {
      const site = finder.nameOfEventClass(node);
      if (site === undefined || node.id === null || node.typeParameters !== undefined) return;
      const symbol = checker.getSymbolAtLocation(semantics.tsNodeOf(node.id));
      if (symbol === undefined) return;
      const shape = shapeOfType(checker, checker.getDeclaredTypeOfSymbol(symbol));
      found({ name: site.name, version: versionOf(shape, [node.id.name, site.name]), shape, node: node.id, source: 'event class' });
    },
    CallExpression(node) {
      // Syntax first: a call with no object or call among its arguments carries no event object.
      if (!node.arguments.some((a) => a.type !== AST_NODE_TYPES.Literal && a.type !== AST_NODE_TYPES.Identifier)) return;
      const publish = semantics.effectsOf(node, 'publish').find((e) => e.role.kind === 'publish' && e.role.jobQueue !== true);
      if (publish === undefined) return;
      const sites = finder.namesInPublish(node).filter((s) => s.source === 'published type field' || s.source === 'event factory argument');
      const names = new Set(sites.map((s) => s.name));
      const site = sites[0];
      if (names.size !== 1 || site === undefined) return;
      const event = eventObjectOf(site);
      if (event === undefined) return;
      const shape = shapeOfType(checker, checker.getTypeAtLocation(semantics.tsNodeOf(event)));
      found({ name: site.name, version: versionOf(shape, [site.name], literalVersionIn(event)), shape, node: event, source: 'published object' });
    },
  };

  /**
   * An interface or type alias whose type field is one string literal (`type: 'OrderPlaced'`,
   * `subject: Subjects.TicketCreated`) and that carries what events carry: a version, an id or
   * time, a body, or an `…Event` name. A Redux action (`{ type: 'ADD_TODO' }`) carries none.
   */
  function declarationContract(node: TSESTree.TSInterfaceDeclaration | TSESTree.TSTypeAliasDeclaration): void {
    // A generic envelope (`EventEnvelope<T>`) is a family of contracts; its instantiations are the events.
    if (node.typeParameters !== undefined || notEventTypeName.test(node.id.name)) return;
    // Syntax first: the declaration must spell a type field or be an instantiation that may have one.
    const text = sourceCode.getText(node);
    if (!eventTypeNameFields.some((field) => text.includes(field)) && node.type === AST_NODE_TYPES.TSInterfaceDeclaration) return;
    const symbol = checker.getSymbolAtLocation(semantics.tsNodeOf(node.id));
    if (symbol === undefined) return;
    const shape = shapeOfType(checker, checker.getDeclaredTypeOfSymbol(symbol));
    const name = eventTypeNameFields.map((field) => shape.properties?.[field]?.const).find((value): value is string => typeof value === 'string');
    const fields = Object.keys(shape.properties ?? {});
    const eventLike = /Event$/u.test(node.id.name) || fields.some((f) => f === 'version' || eventIdentityFields.has(f) || eventBodyFields.has(f));
    if (name === undefined || !eventLike) return;
    found({ name, version: versionOf(shape, [node.id.name, name]), shape, node: node.id, source: 'envelope type' });
  }
}

/** The published event object around an event name: the object literal with the type field, or the factory call. */
function eventObjectOf(site: EventNameSite): TSESTree.Node | undefined {
  const parent = site.node.parent;
  if (site.source === 'published type field') return parent?.type === AST_NODE_TYPES.Property && parent.parent.type === AST_NODE_TYPES.ObjectExpression ? parent.parent : undefined;
  return parent?.type === AST_NODE_TYPES.CallExpression ? parent : undefined;
}

/** `version: 2` written in the published object. */
function literalVersionIn(event: TSESTree.Node): number | undefined {
  if (event.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of event.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== 'version') continue;
    return property.value.type === AST_NODE_TYPES.Literal && typeof property.value.value === 'number' ? property.value.value : undefined;
  }
  return undefined;
}

/** The version a contract declares: a literal `version` field, a version written at the publish, a `V2` suffix; else 1. */
export function versionOf(shape: Shape, names: readonly string[], written?: number): number {
  if (written !== undefined) return written;
  const field = shape.properties?.version?.const;
  if (typeof field === 'number') return field;
  for (const name of names) {
    const match = versionSuffix.exec(name);
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return 1;
}
