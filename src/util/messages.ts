import type { Effect } from '../semantics/index.js';

/** "`orderPlaced` (via `emitOrderEvent` → `producer.send`)": the call as written, then the chain it reaches. */
export function describeChain(effect: Effect): string {
  const [first, ...rest] = effect.chain;
  const head = `\`${first ?? 'call'}\``;
  return rest.length === 0 ? head : `${head} (via ${rest.map((c) => `\`${c}\``).join(' → ')})`;
}
