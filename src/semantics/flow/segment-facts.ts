import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type CodePath = TSESLint.CodePath;
type CodePathSegment = TSESLint.CodePathSegment;

/**
 * Forward dataflow over ESLint's code paths, in the shape of core's `require-atomic-updates`:
 * each segment's facts are merged from its predecessors when it starts, handlers update the
 * facts of the segments current at a node, and a per-code-path stack keeps nested functions
 * apart. Segments are shared with other rules, so facts live in a WeakMap, never on a segment.
 *
 * Loop back-edges arrive after a loop head has started, so a loop body sees the facts of the
 * first iteration only (a known, conservative limit).
 */
export interface SegmentFacts<F> {
  /** Code-path listeners to spread into the rule's listener object. */
  readonly listeners: TSESLint.RuleListener;
  /** Facts on the current path: the merge of the facts of all current segments. */
  current(): F;
  /** Replaces the facts of every current segment with `update(old)`. */
  update(update: (facts: F) => F): void;
}

interface CodePathListeners {
  onCodePathStart(codePath: CodePath, node: TSESTree.Node): void;
  onCodePathEnd(): void;
  onCodePathSegmentStart(segment: CodePathSegment): void;
  onCodePathSegmentEnd(segment: CodePathSegment): void;
  onUnreachableCodePathSegmentStart(segment: CodePathSegment): void;
  onUnreachableCodePathSegmentEnd(segment: CodePathSegment): void;
}

export interface SegmentFactsOptions<F> {
  readonly empty: F;
  /** Combines the facts of several incoming paths into one. */
  readonly merge: (facts: readonly F[]) => F;
  /** Facts a new code path (function) starts with; `outer` are the facts where it is defined. */
  readonly initial?: (node: TSESTree.Node, outer: F) => F;
}

export function trackSegmentFacts<F>({ empty, merge, initial }: SegmentFactsOptions<F>): SegmentFacts<F> {
  const facts = new WeakMap<CodePathSegment, F>();
  const stack: { segments: Set<CodePathSegment>; start: F }[] = [];

  const current = (): F => {
    const top = stack.at(-1);
    if (top === undefined) return empty;
    const list = [...top.segments].map((segment) => facts.get(segment) ?? top.start);
    return list.length === 1 ? (list[0] ?? empty) : merge(list);
  };

  const listeners: CodePathListeners = {
      onCodePathStart(_codePath, node) {
        const outer = current();
        stack.push({ segments: new Set(), start: initial === undefined ? empty : initial(node, outer) });
      },
      onCodePathEnd() {
        stack.pop();
      },
      onCodePathSegmentStart(segment) {
        const top = stack.at(-1);
        if (top === undefined) return;
        const incoming = segment.prevSegments.map((prev) => facts.get(prev)).filter((f): f is F => f !== undefined);
        facts.set(segment, incoming.length === 0 ? top.start : incoming.length === 1 ? (incoming[0] ?? empty) : merge(incoming));
        top.segments.add(segment);
      },
      onCodePathSegmentEnd(segment) {
        stack.at(-1)?.segments.delete(segment);
      },
      onUnreachableCodePathSegmentStart(segment) {
        stack.at(-1)?.segments.add(segment);
      },
      onUnreachableCodePathSegmentEnd(segment) {
        stack.at(-1)?.segments.delete(segment);
      },
  };

  return {
    // typescript-eslint's RuleListener only types node selectors; ESLint calls these with code paths.
    listeners: listeners as unknown as TSESLint.RuleListener,
    current,
    update(update) {
      const top = stack.at(-1);
      if (top === undefined) return;
      for (const segment of top.segments) facts.set(segment, update(facts.get(segment) ?? top.start));
    },
  };
}
