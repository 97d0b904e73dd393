import type { Effect } from '../semantics/index.js';
export { clip } from './text.js';

/**
 * "`orderPlaced` (via `emitOrderEvent` → `producer.send`)": the call as written, then the chain
 * it reaches; a longer chain keeps its first and last steps (the review report shows it whole).
 */
export function describeChain(effect: Effect): string {
  const [first, ...rest] = effect.chain;
  const head = `\`${first ?? 'call'}\``;
  const steps = rest.length > 2 ? [rest[0] ?? '', '…', rest.at(-1) ?? ''] : rest;
  return steps.length === 0 ? head : `${head} (via ${steps.map((c) => (c === '…' ? c : `\`${c}\``)).join(' → ')})`;
}

