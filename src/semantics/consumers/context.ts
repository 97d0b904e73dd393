import type ts from 'typescript';
import { declarationMatchesSpecifier } from '../declarations.js';
import type { CallResolver } from '../resolve-call/index.js';
import type { FunctionSpecifier } from '../settings.js';
import type { Handler } from './handler.js';

/**
 * What the consumer analyses of one program and one set of settings share: the checker, the
 * call resolver, the bridged buses, and the caches. It is made per program (with the call
 * resolver), so the caches are dropped with the program.
 */
export interface ConsumerContext {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly resolver: CallResolver;
  /** Registrations and decorators of buses the settings bridge to a broker. */
  readonly bridged: readonly FunctionSpecifier[];
  /** Their last names (`OnEvent` of `EventEmitter.OnEvent`): the syntactic pre-filter. */
  readonly bridgedNames: ReadonlySet<string>;
  /** The answer for each function asked about; `null` when it is not a handler. */
  readonly handlers: WeakMap<ts.Node, Handler | null>;
  /** Handlers registered by reference anywhere in the program, found on first use. */
  registeredByReference: Map<ts.Node, Handler> | undefined;
  /** Bodiless members that handlers call, per member name. */
  readonly dispatchedByName: Map<string, Map<ts.Node, Handler>>;
  /** Every registered handler, the starting points of dispatch, found on first use. */
  handlersForDispatch: Handler[] | undefined;
  /** Per class, the members its own handlers call on `this`. */
  readonly dispatchingMembers: WeakMap<ts.ClassLikeDeclaration, ReadonlyMap<string, Handler>>;
}

export function createConsumerContext(program: ts.Program, resolver: CallResolver, bridged: readonly FunctionSpecifier[]): ConsumerContext {
  return {
    program,
    checker: program.getTypeChecker(),
    resolver,
    bridged,
    bridgedNames: new Set(
      bridged.flatMap((spec) => (typeof spec === 'string' ? [spec] : typeof spec.name === 'string' ? [spec.name] : [...spec.name])).map((n) => n.slice(n.lastIndexOf('.') + 1)),
    ),
    handlers: new WeakMap(),
    registeredByReference: undefined,
    dispatchedByName: new Map(),
    handlersForDispatch: undefined,
    dispatchingMembers: new WeakMap(),
  };
}

export function isBridged(context: ConsumerContext, declarations: readonly ts.Declaration[]): boolean {
  const { bridged, program } = context;
  return bridged.length > 0 && declarations.some((d) => bridged.some((spec) => declarationMatchesSpecifier(d, spec, program)));
}
