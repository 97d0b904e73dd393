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
