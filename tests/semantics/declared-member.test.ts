import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { declaredTypeNamesOf, memberByDeclaredType } from '../../src/semantics/declared-member.js';
import { symbolAt } from '../../src/semantics/declarations.js';

const root = path.resolve(import.meta.dirname, '..', '..');

function programOf(tsconfig: string, extraFiles: readonly string[] = []): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (parsed === undefined) throw new Error(`cannot read ${tsconfig}`);
  return ts.createProgram({ rootNames: [...parsed.fileNames, ...extraFiles], options: parsed.options });
}

/** Every `receiver.method(…)` call of the program's own files. */
function memberCalls(program: ts.Program): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) calls.push(node);
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (!file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file)) visit(file);
  return calls;
}

const where = (call: ts.CallExpression): string => {
  const file = call.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(call.getStart());
  return `${path.relative(root, file.fileName)}:${String(line + 1)} ${call.expression.getText()}`;
};

describe('declared-type shortcut: the member a receiver is declared to have', () => {
  // The fixtures and the examples use the real client packages: kafkajs, amqplib, pg, TypeORM,
  // Mongoose, Prisma, Knex, Drizzle, Sequelize, the AWS SDK, NestJS…
  const programs = [programOf(path.join(root, 'tests', 'fixtures', 'tsconfig.json')), programOf(path.join(root, 'examples', 'tsconfig.json'))];

  it('answers exactly what the checker answers, whenever it answers', () => {
    let answered = 0;
    let calls = 0;
    const disagreements: string[] = [];
    for (const program of programs) {
      const checker = program.getTypeChecker();
      for (const call of memberCalls(program)) {
        calls++;
        const access = call.expression as ts.PropertyAccessExpression;
        const shortcut = memberByDeclaredType(checker, access.expression, access.name.text);
        if (shortcut === undefined) continue;
        answered++;
        const byChecker = symbolAt(checker, access.name)?.declarations ?? [];
        const same = shortcut.length === byChecker.length && shortcut.every((d) => byChecker.includes(d));
        if (!same) disagreements.push(`${where(call)}: shortcut ${String(shortcut.length)}, checker ${String(byChecker.length)}`);
      }
    }
    expect(disagreements).toEqual([]);
    // It must answer often enough to matter: the checker is asked about the rest.
    expect(answered).toBeGreaterThan(calls / 4);
  });

  it('answers for the shapes services are written in, and leaves the rest to the checker', () => {
    const program = programs[0];
    if (program === undefined) throw new Error('no program');
    const checker = program.getTypeChecker();
    const answered = new Map<string, boolean>();
    for (const call of memberCalls(program)) {
      if (!call.getSourceFile().fileName.endsWith('typed-receivers.ts')) continue;
      const access = call.expression as ts.PropertyAccessExpression;
      answered.set(access.getText(), memberByDeclaredType(checker, access.expression, access.name.text) !== undefined);
    }
    for (const shape of ['this.outbox.save', 'OrderModel.findOne', 'this.orders.create', 'pool.query', 'this.dataSource.transaction', 'this.seen.has', 'this.counts.set', 'this.emit', 'getSnsClient().send', 'this.ping', 'this.manager?.save']) {
      expect([shape, answered.get(shape)]).toEqual([shape, true]);
    }
    // An intersection of aliases (kafkajs `Producer`), a callback parameter, a field declared in
    // a base class, `this` in an object literal: the checker's job.
    for (const shape of ['producer.send', 'em.save', 'this.size.toFixed']) {
      expect([shape, answered.get(shape)]).toEqual([shape, false]);
    }
  });

  it('names the declared type and its written type arguments', () => {
    const program = programs[0];
    if (program === undefined) throw new Error('no program');
    const checker = program.getTypeChecker();
    const names = new Map<string, readonly string[] | undefined>();
    for (const call of memberCalls(program)) {
      const access = call.expression as ts.PropertyAccessExpression;
      names.set(access.expression.getText(), declaredTypeNamesOf(checker, access.expression));
    }
    // tests/fixtures/lib/typed-receivers.ts
    expect(names.get('this.outbox')).toEqual(['Repository', 'OutboxMessage']);
    expect(names.get('OrderModel')).toEqual(['Model', 'OrderRecord']);
    expect(names.get('this.orders')).toEqual(['Model', 'OrderRecord']);
    expect(names.get('pool')).toEqual(['Pool']);
    // Inherited field, `Sender & {…}` alias, destructured or untyped: left to the checker.
    expect(names.get('this.db')).toBeUndefined();
    expect(names.get('producer')).toBeUndefined();
  });
});
