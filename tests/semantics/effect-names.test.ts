import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createEffectNames, type EffectInterest } from '../../src/semantics/effect-names.js';

/** A program over in-memory files; the effect-name index reads syntax only. */
function programOf(files: Record<string, string>): ts.Program {
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, noLib: true, noEmit: true };
  const host = ts.createCompilerHost(options);
  host.fileExists = (name) => name in files;
  host.readFile = (name) => files[name];
  host.getSourceFile = (name, version) => (name in files ? ts.createSourceFile(name, files[name] ?? '', version, true) : undefined);
  return ts.createProgram({ rootNames: Object.keys(files), options, host });
}

const seeds: Record<EffectInterest, ReadonlySet<string>> = {
  any: new Set(['send', 'query', 'transaction']),
  publish: new Set(['send']),
  'tx-scope': new Set(['transaction']),
};

function reachable(files: Record<string, string>, interest: EffectInterest, names: readonly string[]): Record<string, boolean> {
  const effectNames = createEffectNames(programOf(files), seeds);
  return Object.fromEntries(names.map((name) => [name, effectNames.mayReach(name, interest)]));
}

describe('effect names: which call names can lead to a call with a role', () => {
  it('follows wrappers of wrappers, whatever form the function takes', () => {
    const files = {
      '/a.ts': `
        export async function emitRaw(p: any) { await p.send({}); }
        export const emitOrder = async (p: any) => emitRaw(p);
        export class Publisher { publish = async (p: any) => { await emitOrder(p); }; async flush(p: any) { await this.publish(p); } }
        export const events = { async placed(p: any) { await emitRaw(p); }, cancelled: (p: any) => emitRaw(p) };
        export const typed = (async (p: any) => emitRaw(p)) as (p: any) => Promise<void>;
      `,
    };
    expect(reachable(files, 'publish', ['send', 'emitRaw', 'emitOrder', 'publish', 'flush', 'placed', 'cancelled', 'typed'])).toEqual({
      send: true,
      emitRaw: true,
      emitOrder: true,
      publish: true,
      flush: true,
      placed: true,
      cancelled: true,
      typed: true,
    });
  });

  it('follows renamed imports and re-exports, and default exports under any local name', () => {
    const files = {
      '/wrap.ts': `export async function emitRaw(p: any) { await p.send({}); } export default async function (p: any) { await p.send({}); }`,
      '/barrel.ts': `export { emitRaw as announce } from './wrap';`,
      '/use.ts': `import whatever from './wrap'; import { announce as shout } from './barrel';`,
      '/default-id.ts': `async function local(p: any) { await p.send({}); } export default local;`,
      '/use-id.ts': `import another from './default-id';`,
    };
    expect(reachable(files, 'publish', ['announce', 'shout', 'whatever', 'another'])).toEqual({ announce: true, shout: true, whatever: true, another: true });
  });

  it('a function defined inside another is reachable from it', () => {
    const files = { '/a.ts': `export function outer(p: any) { function inner() { return p.send({}); } const viaArrow = () => inner(); return viaArrow; }` };
    expect(reachable(files, 'publish', ['outer', 'inner', 'viaArrow'])).toEqual({ outer: true, inner: true, viaArrow: true });
  });

  it('locals that hold values, not functions, do not link functions through common names', () => {
    const files = {
      '/a.ts': `
        export async function place(p: any, repo: any) { const result = await repo.load(); await p.send(result); }
        export function describe(result: any) { return format(result); }
        export function format(x: any) { return String(x); }
        export function log() { const line = format(1); return line; }
      `,
    };
    expect(reachable(files, 'publish', ['place', 'result', 'describe', 'format', 'log', 'load'])).toEqual({
      place: true,
      result: false,
      describe: false,
      format: false,
      log: false,
      load: false,
    });
  });

  it('keeps interests apart: a function that only writes cannot publish', () => {
    const files = { '/a.ts': `export async function save(db: any) { await db.query('INSERT INTO t VALUES (1)'); } export async function run(db: any) { await db.transaction(async () => save(db)); }` };
    expect(reachable(files, 'publish', ['save', 'run'])).toEqual({ save: false, run: false });
    expect(reachable(files, 'any', ['save', 'run'])).toEqual({ save: true, run: true });
    expect(reachable(files, 'tx-scope', ['transaction', 'save'])).toEqual({ transaction: true, save: false });
  });

  it('ignores declaration files and code outside functions', () => {
    const files = {
      '/types.d.ts': `export declare function declared(p: any): void;`,
      '/a.ts': `declare const p: any; p.send({}); export function idle() { return 1; }`,
    };
    expect(reachable(files, 'publish', ['declared', 'idle'])).toEqual({ declared: false, idle: false });
  });
});
