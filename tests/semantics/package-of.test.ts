import { describe, expect, it } from 'vitest';
import { prismaGeneratedPackage } from '../../src/semantics/catalogue/index.js';
import { packageNameFromPath } from '../../src/semantics/package-of.js';

describe('packageNameFromPath', () => {
  it.each<[string, string]>([
    ['/repo/node_modules/pg/lib/index.d.ts', 'pg'],
    ['/repo/node_modules/kafkajs/types/index.d.ts', 'kafkajs'],
    ['/repo/node_modules/pg', 'pg'],
    ['/repo/node_modules/@aws-sdk/client-sns/dist-types/commands/PublishCommand.d.ts', '@aws-sdk/client-sns'],
    ['/repo/node_modules/@google-cloud/pubsub/build/src/topic.d.ts', '@google-cloud/pubsub'],
  ])('plain and scoped: %s → %s', (fileName, expected) => {
    expect(packageNameFromPath(fileName)).toBe(expected);
  });

  it.each<[string, string]>([
    ['/repo/node_modules/@types/pg/index.d.ts', 'pg'],
    ['/repo/node_modules/@types/node/events.d.ts', 'node'],
    ['/repo/node_modules/@types/babel__core/index.d.ts', '@babel/core'],
    ['/repo/node_modules/@types/aws-lambda/handler.d.ts', 'aws-lambda'],
  ])('DefinitelyTyped packages name the package they type: %s → %s', (fileName, expected) => {
    expect(packageNameFromPath(fileName)).toBe(expected);
  });

  it.each<[string, string]>([
    ['/repo/node_modules/.pnpm/pg@8.11.0/node_modules/pg/lib/index.d.ts', 'pg'],
    ['/repo/node_modules/.pnpm/@types+pg@8.11.0/node_modules/@types/pg/index.d.ts', 'pg'],
    ['/repo/node_modules/.pnpm/@aws-sdk+client-sqs@3.0.0/node_modules/@aws-sdk/client-sqs/dist-types/index.d.ts', '@aws-sdk/client-sqs'],
    ['/repo/node_modules/mongoose/node_modules/mongodb/mongodb.d.ts', 'mongodb'],
    ['/repo/node_modules/a/node_modules/b/node_modules/@scope/c/index.d.ts', '@scope/c'],
    ['/repo/.yarn/cache/pg-npm-8.11.0-abc.zip/node_modules/pg/lib/index.d.ts', 'pg'],
  ])('nested node_modules: the innermost package wins: %s → %s', (fileName, expected) => {
    expect(packageNameFromPath(fileName)).toBe(expected);
  });

  it.each<[string, string]>([
    ['C:\\repo\\node_modules\\pg\\lib\\index.d.ts', 'pg'],
    ['C:\\repo\\node_modules\\@aws-sdk\\client-sns\\dist-types\\index.d.ts', '@aws-sdk/client-sns'],
    ['C:\\repo\\node_modules\\@types\\pg\\index.d.ts', 'pg'],
    ['C:\\repo\\node_modules\\.pnpm\\pg@8.11.0\\node_modules\\pg\\lib\\index.d.ts', 'pg'],
    ['C:/repo/node_modules\\pg\\index.d.ts', 'pg'],
  ])('Windows paths: %s → %s', (fileName, expected) => {
    expect(packageNameFromPath(fileName)).toBe(expected);
  });

  it('matches package names exactly: pg is not pg-pool, kafkajs is not kafkajs-lz4', () => {
    expect(packageNameFromPath('/repo/node_modules/pg-pool/index.d.ts')).toBe('pg-pool');
    expect(packageNameFromPath('/repo/node_modules/pg-protocol/dist/index.d.ts')).toBe('pg-protocol');
    expect(packageNameFromPath('/repo/node_modules/@types/pg-pool/index.d.ts')).toBe('pg-pool');
    expect(packageNameFromPath('/repo/node_modules/kafkajs-lz4/index.d.ts')).toBe('kafkajs-lz4');
    expect(packageNameFromPath('/repo/node_modules/pg/node_modules/pg-pool/index.d.ts')).toBe('pg-pool');
    expect(packageNameFromPath('/repo/node_modules/pg-pool/node_modules/pg/index.d.ts')).toBe('pg');
  });

  it.each([
    '/repo/src/orders/service.ts',
    '/repo/src/pg/index.ts',
    '/repo/node_modules_backup/pg/index.d.ts',
    '/repo/my_node_modules/pg/index.d.ts',
    'C:\\repo\\src\\kafka\\producer.ts',
    '/repo/node_modules/',
    'index.ts',
    '',
  ])('project files and non-package paths have no package: %j', (fileName) => {
    expect(packageNameFromPath(fileName)).toBeUndefined();
  });

  it("reports Prisma's classic generated client as the generated-client pseudo-package", () => {
    expect(packageNameFromPath('/repo/node_modules/.prisma/client/index.d.ts')).toBe(prismaGeneratedPackage);
    expect(packageNameFromPath('C:\\repo\\node_modules\\.prisma\\client\\index.d.ts')).toBe(prismaGeneratedPackage);
    // The runtime itself is a regular package.
    expect(packageNameFromPath('/repo/node_modules/@prisma/client/runtime/client.d.ts')).toBe('@prisma/client');
  });

  it('a bare scope folder or a malformed @types name is not a package', () => {
    // BUG (minor, package-of.ts packageNameFromPath, line 37 / fromTypesPackage): a path that
    // ends at a scope folder yields the half name `@scope/`, `@types/__x` yields `@/x`, and
    // `.bin` is reported as a package. TypeScript never hands such paths to the resolver, so
    // this is hygiene, not a live failure. Fix: return undefined when a scoped name has no
    // second segment, when a `@types/` name has an empty scope or name, or the name starts with '.'.
    expect(packageNameFromPath('/repo/node_modules/@scope')).toBeUndefined();
    expect(packageNameFromPath('/repo/node_modules/@scope/')).toBeUndefined();
    expect(packageNameFromPath('/repo/node_modules/@types/__x/index.d.ts')).toBeUndefined();
    expect(packageNameFromPath('/repo/node_modules/.bin/tsc')).toBeUndefined();
  });
});
