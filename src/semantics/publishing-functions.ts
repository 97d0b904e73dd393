import ts from 'typescript';
import { callsIn } from './effect-names.js';
import type { CallLike } from './resolve-call/index.js';

/**
 * The functions of a file (and the file itself, for top-level code) that contain a call that may
 * publish, judged by name alone (`EffectNames`). A rule whose findings all end at a publish
 * tracks path facts only inside them, so most functions never reach the checker.
 */
export function functionsThatMayPublish(file: ts.SourceFile, mayPublish: (call: CallLike) => boolean): ReadonlySet<ts.Node> {
  const found = new Set<ts.Node>();
  for (const call of callsIn(file)) {
    if (mayPublish(call)) markEnclosing(call, found);
  }
  return found;
}

function markEnclosing(call: ts.Node, found: Set<ts.Node>): void {
  let node = call;
  while (!ts.isSourceFile(node)) {
    node = node.parent;
    if (!ts.isFunctionLike(node) && !ts.isSourceFile(node)) continue;
    // Everything above a marked function was marked with it.
    if (found.has(node)) return;
    found.add(node);
  }
}
