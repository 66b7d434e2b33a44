// Cycles in a directed graph: Tarjan's strongly connected components, iterative so that a
// 10,000-long chain cannot overflow the stack, then one concrete cycle through each component.

export interface Edge<N> {
  readonly to: N;
}

/** For each cycle found: the edges along it, in order, starting anywhere on the cycle. */
export function findCycles<N, E extends Edge<N>>(nodes: Iterable<N>, edgesOf: (node: N) => readonly E[]): E[][] {
  const index = new Map<N, number>();
  const low = new Map<N, number>();
  const onStack = new Set<N>();
  const stack: N[] = [];
  const components: N[][] = [];
  let counter = 0;

  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: N; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const edges = edgesOf(frame.node);
      if (frame.edge < edges.length) {
        const next = edges[frame.edge++]!.to;
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ node: next, edge: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: N[] = [];
        let member: N;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && edges.some((e) => e.to === frame.node);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }
  return components.map((component) => cycleThrough(component, edgesOf));
}

/** A shortest cycle from the component's first node back to itself, staying inside it. */
function cycleThrough<N, E extends Edge<N>>(component: N[], edgesOf: (node: N) => readonly E[]): E[] {
  const members = new Set(component);
  const start = component[component.length - 1] as N;
  const cameBy = new Map<N, { from: N; edge: E }>();
  const queue: N[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const edge of edgesOf(node)) {
      if (!members.has(edge.to)) continue;
      if (edge.to === start) {
        const path: E[] = [edge];
        for (let at: N = node; at !== start; ) {
          const step = cameBy.get(at)!;
          path.push(step.edge);
          at = step.from;
        }
        return path.reverse();
      }
      if (!cameBy.has(edge.to)) {
        cameBy.set(edge.to, { from: node, edge });
        queue.push(edge.to);
      }
    }
  }
  return [];
}
