// The tree that primary alignments make (each objective under the first thing it aligns to), and
// whether one objective is above another in it, for every objective of the workspace at once.
// Following the primary alignments up from each objective costs the depth of the tree each time:
// n times for a chain n deep. Here one pass numbers the tree depth first (entered, left), and
// "above" is a comparison of numbers. Objectives whose primary alignments run into a cycle are
// left out of the numbering and followed step by step (`primaryChain`), as before.
import type { Objective } from '../syntax/ast';
import { parentObjective, type AlignmentGraph, type ObjectiveNode } from './graph';

/** The objective a node's primary alignment names (directly or through one of its key results). */
export function primaryParent(node: ObjectiveNode): Objective | undefined {
  return parentObjective(node.alignments.find((a) => a.primary)?.target);
}

/** The objectives above this one in its tree: its primary parent, that one's, and so on. */
export function primaryChain(node: ObjectiveNode, graph: AlignmentGraph): Set<Objective> {
  const chain = new Set<Objective>();
  let current: ObjectiveNode | undefined = node;
  while (current) {
    const primary = primaryParent(current);
    if (!primary || primary === node.objective || chain.has(primary)) break;
    chain.add(primary);
    current = graph.node(primary);
  }
  return chain;
}

export class PrimaryTree {
  private readonly entered = new Map<Objective, number>();
  private readonly left = new Map<Objective, number>();
  /** Objectives whose primary alignments run into a cycle. */
  private readonly cyclic = new Set<Objective>();

  constructor(private readonly graph: AlignmentGraph) {
    const parents = new Map<Objective, Objective | undefined>();
    const parentOf = (objective: Objective): Objective | undefined => {
      if (parents.has(objective)) return parents.get(objective);
      const node = graph.node(objective);
      const parent = node ? primaryParent(node) : undefined;
      parents.set(objective, parent);
      return parent;
    };
    // Which objectives run into a cycle: walk up from each until an objective already known.
    const known = new Set<Objective>();
    for (const node of graph.nodes.values()) {
      const path: Objective[] = [];
      const onPath = new Set<Objective>();
      let current: Objective | undefined = node.objective;
      let cycle = false;
      while (current && !known.has(current)) {
        if (onPath.has(current)) {
          cycle = true;
          break;
        }
        path.push(current);
        onPath.add(current);
        current = parentOf(current);
      }
      if (!cycle && current && this.cyclic.has(current)) cycle = true;
      for (const objective of path) {
        known.add(objective);
        if (cycle) this.cyclic.add(objective);
      }
    }
    // Number the rest depth first, children in workspace order.
    const children = new Map<Objective, Objective[]>();
    const roots: Objective[] = [];
    for (const objective of known) {
      if (this.cyclic.has(objective)) continue;
      const parent = parentOf(objective);
      if (parent) {
        const list = children.get(parent);
        if (list) list.push(objective);
        else children.set(parent, [objective]);
        if (!known.has(parent)) roots.push(parent); // A parent with no node of its own.
      } else roots.push(objective);
    }
    let clock = 0;
    const stack: { objective: Objective; next: number }[] = [];
    for (const root of roots) {
      if (this.entered.has(root)) continue;
      this.entered.set(root, clock++);
      stack.push({ objective: root, next: 0 });
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        const list = children.get(top.objective);
        if (list && top.next < list.length) {
          const child = list[top.next++]!;
          this.entered.set(child, clock++);
          stack.push({ objective: child, next: 0 });
        } else {
          this.left.set(top.objective, clock++);
          stack.pop();
        }
      }
    }
  }

  /** Whether `above` is above `node` in its tree (its primary parent, that one's, …). */
  isAbove(above: Objective, node: ObjectiveNode): boolean {
    if (this.cyclic.has(node.objective)) return primaryChain(node, this.graph).has(above);
    const a = this.entered.get(above);
    const n = this.entered.get(node.objective);
    if (a === undefined || n === undefined) return false;
    return a < n && this.left.get(node.objective)! < this.left.get(above)!;
  }
}

/** Steps followed up the tree before it is numbered: most trees are shallow, and a keystroke's analysis then numbers nothing. */
const SHORT_WALK = 32;

/** Whether one objective is above another in its tree: a short walk up, else the numbered tree. */
export class PrimaryAncestry {
  private tree: PrimaryTree | undefined;

  constructor(private readonly graph: AlignmentGraph) {}

  isAbove(above: Objective, node: ObjectiveNode): boolean {
    let current: ObjectiveNode | undefined = node;
    for (let step = 0; step < SHORT_WALK; step++) {
      const parent: Objective | undefined = current ? primaryParent(current) : undefined;
      if (!parent || parent === node.objective) return false;
      if (parent === above) return true;
      current = this.graph.node(parent);
      if (!current) return false;
    }
    return (this.tree ??= new PrimaryTree(this.graph)).isAbove(above, node);
  }
}
