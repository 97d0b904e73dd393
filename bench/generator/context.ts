import type { Field, ServicePlan } from './plan.js';

/** What every service template needs: the plan, its names in each spelling, and its events. */

export interface EventInfo {
  /** `created`, `confirmed`: the key in the events constant and the publisher method. */
  readonly key: string;
  /** `Created`, `Confirmed` */
  readonly pascal: string;
  /** Parameters of the envelope factory and of the publisher function. */
  readonly params: string;
  /** Arguments passed at the call site in the service. */
  readonly args: string;
  readonly dataType: string;
}

export interface Context {
  readonly plan: ServicePlan;
  readonly up: ServicePlan;
  readonly S: string;
  readonly s: string;
  readonly C: string;
  readonly k: string;
  readonly table: string;
  readonly words: string;
  readonly fields: readonly Field[];
  readonly firstStatus: string;
  readonly events: Readonly<Record<'created' | 'updated' | 'forward' | 'abort' | 'deleted', EventInfo>>;
  /** Row/entity/record → domain. */
  readonly fromStore: string;
  /** Domain → row/entity/record. */
  readonly toStore: string;
}

export function contextOf(plan: ServicePlan, up: ServicePlan): Context {
  const { pascal: S, camel: s } = plan.names;
  const store = plan.db === 'typeorm' ? 'Entity' : plan.db === 'mongoose' ? 'Record' : 'Row';
  const { forward, abort } = plan.lifecycle;
  const statusEvent = (event: string): EventInfo => ({
    key: event.toLowerCase(),
    pascal: event,
    params: `entity: ${S}, from: ${S}Status`,
    args: 'entity, from',
    dataType: `${S}StatusChangedData`,
  });
  return {
    plan,
    up,
    S,
    s,
    C: plan.names.constant,
    k: plan.names.kebab,
    table: plan.names.table,
    words: plan.names.words,
    fields: plan.fields,
    firstStatus: plan.lifecycle.statuses[0] ?? 'pending',
    events: {
      created: { key: 'created', pascal: 'Created', params: `entity: ${S}`, args: 'entity', dataType: `${S}CreatedData` },
      updated: { key: 'updated', pascal: 'Updated', params: `entity: ${S}, changes: readonly string[]`, args: 'entity, changes', dataType: `${S}UpdatedData` },
      forward: statusEvent(forward.event),
      abort: statusEvent(abort.event),
      deleted: { key: 'deleted', pascal: 'Deleted', params: 'id: string', args: 'id', dataType: `${S}DeletedData` },
    },
    fromStore: plan.db === 'typeorm' ? `from${S}Entity` : plan.db === 'mongoose' ? `from${S}Record` : `to${S}`,
    toStore: `to${S}${store}`,
  };
}

/** Import path of a shared-kernel module from a file `depth` directories below `src/`. */
export const shared = (depth: number, path: string): string => `${'../'.repeat(depth)}shared/${path}`;

export function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

export function eventList(c: Context): EventInfo[] {
  return [c.events.created, c.events.updated, c.events.forward, c.events.abort, c.events.deleted];
}
