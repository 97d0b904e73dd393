import { amqpConnectionManager } from './amqp-connection-manager.js';
import { amqplib } from './amqplib.js';
import { awsSdk } from './aws-sdk.js';
import { azureServiceBus } from './azure-service-bus.js';
import { bull } from './bull.js';
import { bullmq } from './bullmq.js';
import { confluentKafka } from './confluent-kafka.js';
import { drizzle } from './drizzle.js';
import { email } from './email.js';
import { golevelupRabbitmq } from './golevelup-rabbitmq.js';
import { googlePubSub } from './google-pubsub.js';
import { http } from './http.js';
import { inMemoryCollections } from './in-memory.js';
import { ioredis } from './ioredis.js';
import { kafkajs } from './kafkajs.js';
import { knex } from './knex.js';
import { kysely } from './kysely.js';
import { mikroOrm } from './mikro-orm.js';
import { mongodb } from './mongodb.js';
import { mongoose } from './mongoose.js';
import { mysql2 } from './mysql2.js';
import { nats } from './nats.js';
import { nestjsMicroservices } from './nestjs-microservices.js';
import { nodeRedis } from './node-redis.js';
import { payments } from './payments.js';
import { pg } from './pg.js';
import { pgBoss } from './pg-boss.js';
import { postgresJs } from './postgres-js.js';
import { prisma } from './prisma.js';
import { resend } from './resend.js';
import { sequelize } from './sequelize.js';
import { sqsConsumer } from './sqs-consumer.js';
import { twilio } from './twilio.js';
import { typeorm } from './typeorm.js';
import type { CallableEntry, ClientCatalogue, CommandEntry, EntryRole, MethodEntry, TransactionDecoratorEntry } from './types.js';

export type { CallableEntry, ClientCatalogue, CommandEntry, ConsumerEntry, EntryRole, MessageTypeEntry, MethodEntry, RepeatFacets } from './types.js';
export { commandSenderPackages, isCommandSenderPackage } from './aws-sdk.js';
export { inProcessEmitterPackages, inProcessPackages, platformPackages } from './in-process.js';
import { inProcessPackages } from './in-process.js';
export { prismaGeneratedPackage, prismaRuntimeSpecifier } from './prisma.js';

export const brokerCatalogues: readonly ClientCatalogue[] = [
  kafkajs, confluentKafka, amqplib, amqpConnectionManager, golevelupRabbitmq, awsSdk, sqsConsumer, azureServiceBus, googlePubSub, nats,
  nestjsMicroservices, ioredis, nodeRedis, bullmq, bull, pgBoss,
];
export const databaseCatalogues: readonly ClientCatalogue[] = [pg, postgresJs, mysql2, typeorm, prisma, mongoose, mongodb, knex, kysely, drizzle, sequelize, mikroOrm];
/** Side effects that are neither a broker nor a database: email, payments, outbound HTTP. */
export const sideEffectCatalogues: readonly ClientCatalogue[] = [email, resend, twilio, payments, http];
export const allCatalogues: readonly ClientCatalogue[] = [...brokerCatalogues, ...databaseCatalogues, ...sideEffectCatalogues, inMemoryCollections];

/** Every package the catalogue knows: their sources are known by their roles, never read as project code. */
export const cataloguedPackages: ReadonlySet<string> = new Set([...inProcessPackages, ...packagesOf(allCatalogues)]);

/** Every package the entries of these catalogues name, of every kind. */
export function packagesOf(catalogues: readonly ClientCatalogue[]): string[] {
  return catalogues.flatMap((c) => [
    ...(c.methods ?? []).flatMap((e) => e.packages),
    ...(c.commands ?? []).flatMap((e) => e.packages),
    ...(c.callables ?? []).flatMap((e) => e.packages),
    ...Object.values(c.consumers ?? {}).flatMap((entries: readonly { readonly packages: readonly string[] }[]) => entries.flatMap((e) => e.packages)),
    ...(c.transactionDecorators ?? []).flatMap((e) => e.packages),
  ]);
}

/** Clients that are themselves the function (postgres.js `sql`). */
export const callableEntries: readonly CallableEntry[] = allCatalogues.flatMap((c) => c.callables ?? []);

/** Method decorators that run the method in a transaction: `@Transactional()`. */
export const transactionDecorators: readonly TransactionDecoratorEntry[] = allCatalogues.flatMap((c) => c.transactionDecorators ?? []);

/** Method entries by method name: the cheap syntactic pre-filter asks this before the checker. */
export const methodEntriesByName: ReadonlyMap<string, readonly MethodEntry[]> = indexBy(
  allCatalogues.flatMap((c) => c.methods ?? []),
  (entry) => entry.methods,
);

/** The catalogue entry for a method declared by `pkg` on `owner`, if any. */
export function findMethodEntry(method: string, pkg: string, owner: string | undefined, role?: EntryRole): MethodEntry | undefined {
  return methodEntriesByName.get(method)?.find((e) => (role === undefined || e.role === role) && e.packages.includes(pkg) && ownerMatches(e, owner));
}

export function ownerMatches(entry: MethodEntry, owner: string | undefined): boolean {
  if (entry.ownerSuffix !== undefined) return owner?.endsWith(entry.ownerSuffix) === true;
  return entry.owners === undefined || (owner !== undefined && entry.owners.includes(owner));
}

/**
 * Method names that read as "put a message on the wire": `publish`, `publishEvent`, `emit`,
 * `sendMessage`, `produce`. Used only where a wrapper's body cannot be read (a declaration-only
 * event library) and its owner holds a broker client.
 */
export const publishLikeMethodName = /^(?:publish|emit|send|produce)(?:$|[A-Z_\d])/u;

/** Names of the methods that wait for a reply over a broker they name themselves (not through a client's transport). */
export const fixedTransportRequestNames: ReadonlySet<string> = new Set(
  allCatalogues.flatMap((c) => c.methods ?? []).flatMap((e) => (e.role === 'publish' && e.expectsReply === true && e.transportFromClient !== true ? e.methods : [])),
);

/** Handler decorators whose method's return value is sent back as a reply (`@RabbitRPC`). */
export const replyingDecoratorEntries = allCatalogues.flatMap((c) => c.consumers?.decorators ?? []).filter((d) => d.replies !== undefined);

/** Names of the catalogued methods that publish. */
export const publishMethodNames: ReadonlySet<string> = methodNamesWithRole('publish');
/** Names of the catalogued methods that run a callback in a transaction, or open one (SQL text can say `BEGIN`). */
export const transactionScopeMethodNames: ReadonlySet<string> = new Set([...methodNamesWithRole('tx-scope'), ...methodNamesWithRole('tx-begin'), ...methodNamesWithRole('sql')]);

function methodNamesWithRole(role: EntryRole): Set<string> {
  return new Set(allCatalogues.flatMap((c) => c.methods ?? []).flatMap((entry) => (entry.role === role ? entry.methods : [])));
}

/** Command classes and methods that receive by polling (`ReceiveMessageCommand`, `receiveMessages`): a polling loop's text pre-filter. */
export const receiveNames: readonly string[] = [
  ...new Set([
    ...allCatalogues.flatMap((c) => c.commands ?? []).flatMap((entry) => (entry.role === 'receive' ? entry.commands : [])),
    ...methodNamesWithRole('receive'),
  ]),
];

/** Packages of AWS SDK clients whose commands publish, with the system: `@aws-sdk/client-sns` → SNS. */
export const publishingCommandPackages: ReadonlyMap<string, string> = new Map(
  allCatalogues.flatMap((c) => c.commands ?? []).flatMap((entry) => (entry.role === 'publish' ? entry.packages.map((pkg) => [pkg, entry.system] as const) : [])),
);

/** Command entries by command class name. */
export const commandEntriesByClass: ReadonlyMap<string, readonly CommandEntry[]> = indexBy(
  allCatalogues.flatMap((c) => c.commands ?? []),
  (entry) => entry.commands,
);

function indexBy<T>(entries: readonly T[], keysOf: (entry: T) => readonly string[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const entry of entries) {
    for (const key of keysOf(entry)) {
      const list = index.get(key);
      if (list) list.push(entry);
      else index.set(key, [entry]);
    }
  }
  return index;
}
