import type { ClientCatalogue } from './types.js';

/**
 * Prisma's client is generated: its declarations live in `node_modules/.prisma/client` or, with
 * the `prisma-client` generator, inside the project. The package resolver reports any file that
 * imports Prisma's runtime as this pseudo-package.
 */
export const prismaGeneratedPackage = '<prisma-generated-client>';

/** What Prisma's generated client files import: how package-of.ts recognises them. */
export const prismaRuntimeSpecifier = '@prisma/client/runtime';

export const prisma: ClientCatalogue = {
  client: '@prisma/client',
  methods: [
    {
      packages: [prismaGeneratedPackage],
      ownerSuffix: 'Delegate',
      methods: ['create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany'],
      role: 'write',
      system: 'Prisma',
      repeat: {
        inserts: ['create', 'createMany', 'createManyAndReturn'],
        conflictOptions: ['skipDuplicates'],
        accumulatingOperators: { increment: 'adds to a field', decrement: 'subtracts from a field', multiply: 'multiplies a field', push: 'appends to an array' },
      },
    },
    {
      packages: [prismaGeneratedPackage],
      ownerSuffix: 'Delegate',
      methods: ['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count'],
      role: 'read',
      system: 'Prisma',
    },
    { packages: [prismaGeneratedPackage], owners: ['PrismaClient'], methods: ['$executeRaw', '$executeRawUnsafe'], role: 'write', system: 'Prisma' },
    { packages: [prismaGeneratedPackage], owners: ['PrismaClient'], methods: ['$transaction'], role: 'tx-scope', system: 'Prisma', callbackIndex: 0, handleRequired: true },
  ],
};
