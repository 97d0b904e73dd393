import { consumerTs, controllerTs, listenersTs, moduleTs } from './consumer-files.js';
import { contextOf } from './context.js';
import { configTs, dtoTs, errorsTs, mapperTs, queryTs, typesTs, validationTs } from './domain-files.js';
import { eventsTs, publisherTs } from './event-files.js';
import { entityTs, modelTs, repositoryTs, sqlTs } from './persistence-files.js';
import type { ServicePlan } from './plan.js';
import { serviceTs } from './service-class.js';
import type { FileMap } from './shared-files.js';

/**
 * One feature module per service plan, as a NestJS code base lays it out: types, DTOs,
 * validation, mapper, errors, config, persistence, queries (ordinary code), and events,
 * publisher, service, consumer, listeners and module (the event-driven minority).
 */
export function serviceFiles(plan: ServicePlan, upstream: ServicePlan): FileMap {
  const c = contextOf(plan, upstream);
  const files: FileMap = new Map();
  const base = `${plan.dir}/${c.k}`;
  files.set(`${base}.types.ts`, typesTs(c));
  files.set(`${base}.errors.ts`, errorsTs(c));
  files.set(`${base}.config.ts`, configTs(c));
  files.set(`${base}.validation.ts`, validationTs(c));
  files.set(`${base}.dto.ts`, dtoTs(c));
  files.set(`${base}.mapper.ts`, mapperTs(c));
  files.set(`${base}.query.ts`, queryTs(c));
  if (plan.db === 'typeorm') files.set(`${base}.entity.ts`, entityTs(c));
  else if (plan.db === 'mongoose') files.set(`${base}.model.ts`, modelTs(c));
  else files.set(`${base}.sql.ts`, sqlTs(c));
  files.set(`${base}.repository.ts`, repositoryTs(c));
  files.set(`${plan.dir}/events/${c.k}.events.ts`, eventsTs(c));
  files.set(`${plan.dir}/events/${c.k}.publisher.ts`, publisherTs(c));
  files.set(`${base}.service.ts`, serviceTs(c));
  if (plan.consumer === 'nest') files.set(`${base}.controller.ts`, controllerTs(c));
  else files.set(`${base}.consumer.ts`, consumerTs(c));
  files.set(`${base}.listeners.ts`, listenersTs(c));
  files.set(`${base}.module.ts`, moduleTs(c));
  return files;
}

/** Files a service produces (the generator sizes projects with it). */
export const filesPerService = 15;
