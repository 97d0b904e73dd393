/** Everything reachable from `seeds` along `edges` (the seeds included): the closure both the import graph and the call graph need. */
export function reachableFrom<T>(seeds: Iterable<T>, edges: ReadonlyMap<T, readonly T[]>): Set<T> {
  const reached = new Set(seeds);
  const queue = [...reached];
  for (let node = queue.pop(); node !== undefined; node = queue.pop()) {
    for (const next of edges.get(node) ?? []) {
      if (reached.has(next)) continue;
      reached.add(next);
      queue.push(next);
    }
  }
  return reached;
}
