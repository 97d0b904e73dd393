import type { Effect } from '../semantics/index.js';

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

/** Code quoted in a message: one line, at most `max` characters. */
export function clip(text: string, max = 40): string {
  const oneLine = text.replaceAll(/\s+/gu, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
