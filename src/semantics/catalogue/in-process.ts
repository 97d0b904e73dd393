/**
 * Buses that deliver inside one process, once. Their `emit`/`publish` is never a broker publish
 * and their handlers are never at-least-once consumers, unless settings name a bus as bridged.
 */
export const inProcessPackages: readonly string[] = [
  'events',
  'node:events',
  '@types/node',
  'eventemitter2',
  'eventemitter3',
  'mitt',
  'rxjs',
  '@nestjs/event-emitter',
  '@nestjs/cqrs',
];

/** In-process emitters whose `once(id, …)` waits for a reply inside the process; rxjs streams are not emitters. */
export const inProcessEmitterPackages: readonly string[] = inProcessPackages.filter((pkg) => pkg !== 'rxjs');

/** Declared by the platform, never installed as a client: Node's and the DOM's types, TypeScript's libraries. */
export const platformPackages: readonly string[] = ['node', 'typescript', 'undici-types'];
