import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { getClientReach } from '../../src/semantics/client-reach.js';

/** A program over in-memory files; `/node_modules/<pkg>/index.d.ts` stands for an installed package. */
function programOf(files: Record<string, string>): ts.Program {
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noLib: true, noEmit: true };
  const host = ts.createCompilerHost(options);
  host.fileExists = (name) => name in files;
  host.readFile = (name) => files[name];
  host.getSourceFile = (name, version) => (name in files ? ts.createSourceFile(name, files[name] ?? '', version, true) : undefined);
  host.getCurrentDirectory = () => '/';
  host.directoryExists = (dir) => Object.keys(files).some((f) => f.startsWith(`${dir.replace(/\/$/u, '')}/`));
  host.realpath = (name) => name;
  return ts.createProgram({ rootNames: Object.keys(files).filter((f) => !f.startsWith('/node_modules/')), options, host });
}

describe('client reach: which files can get to a catalogued client', () => {
  const program = programOf({
    '/node_modules/kafkajs/package.json': '{"name":"kafkajs","types":"index.d.ts"}',
    '/node_modules/kafkajs/index.d.ts': 'export declare class Kafka { producer(): unknown }',
    '/node_modules/pg/package.json': '{"name":"pg","types":"index.d.ts"}',
    '/node_modules/pg/index.d.ts': 'export declare class Pool { query(text: string): Promise<unknown> }',
    '/node_modules/@acme/events/package.json': '{"name":"@acme/events","types":"index.d.ts"}',
    '/node_modules/@acme/events/index.d.ts': "import type { Kafka } from 'kafkajs'; export declare class Bus { constructor(k: Kafka); publishEvent(): void }",
    '/src/kafka.ts': "import { Kafka } from 'kafkajs'; export const kafka = new Kafka();",
    '/src/barrel.ts': "export * from './kafka';",
    '/src/service.ts': "import { kafka } from './barrel'; export const k = kafka;",
    '/src/repo.ts': "import { Pool } from 'pg'; export const pool = new Pool();",
    '/src/port.ts': 'export interface EventPublisher { publish(): Promise<void> } export interface Page { size: number }',
    '/src/uses-page.ts': "import type { Page } from './port'; export const first = (p: Page) => p.size;",
    '/src/base.ts': 'export class Formatter { format(s: string) { return s.trim(); } }',
    '/src/kafka-formatter.ts': "import { kafka } from './kafka'; import { Formatter } from './base'; export class KafkaFormatter extends Formatter { send() { void kafka; } }",
    '/src/uses-base.ts': "import { Formatter } from './base'; export const f = new Formatter();",
    '/src/adapter.ts': "import { kafka } from './kafka'; import type { EventPublisher } from './port'; export class KafkaPublisher implements EventPublisher { async publish() { void kafka; } }",
    '/src/uses-port.ts': "import type { EventPublisher } from './port'; export const run = (p: EventPublisher) => p.publish();",
    '/src/library-user.ts': "import { Bus } from '@acme/events'; export const use = (b: Bus) => b.publishEvent();",
    '/src/view.ts': 'export const render = (items: string[]) => items.map((i) => i.trim());',
  });
  const reach = getClientReach(program);
  const file = (name: string): ts.SourceFile => program.getSourceFile(name) ?? (() => { throw new Error(name); })();

  it('follows imports and re-exports to a broker', () => {
    expect(['/src/kafka.ts', '/src/barrel.ts', '/src/service.ts'].map((f) => reach.reachesBroker(file(f)))).toEqual([true, true, true]);
  });

  it('tells a database from a broker, and code that reaches neither', () => {
    expect([reach.reachesBroker(file('/src/repo.ts')), reach.reachesAnyClient(file('/src/repo.ts'))]).toEqual([false, true]);
    expect([reach.reachesBroker(file('/src/view.ts')), reach.reachesAnyClient(file('/src/view.ts'))]).toEqual([false, false]);
  });

  it('does not go through another type of the same module, nor from a concrete base class to its subclasses', () => {
    expect(reach.reachesAnyClient(file('/src/uses-page.ts'))).toBe(false);
    expect(reach.reachesAnyClient(file('/src/uses-base.ts'))).toBe(false);
  });

  it('goes from a port to the adapters that implement it, and through a declaration-only library', () => {
    expect(reach.reachesBroker(file('/src/uses-port.ts'))).toBe(true);
    expect(reach.reachesBroker(file('/src/library-user.ts'))).toBe(true);
  });
});
