// The alignment map's layout: which boxes are shown and where. Strategies (and the groups of
// objectives that hang under none) at the top, each objective under what it aligns to first, key
// results inside their objective's box when asked for; a node deeper than `depth` (or closed by
// hand) is collapsed, its box saying how many objectives are folded under it. Placed by
// d3-hierarchy's tidy tree (Reingold–Tilford, linear time): at 10,000 objectives a full layout
// is tens of milliseconds. Pure: no DOM, so the command line lays out the SVG export the same way.
import { hierarchy, tree } from 'd3-hierarchy';
import type { Severity, TreeKeyResult, TreeLink, TreeLocation, TreeModel, TreeObjective, TreeProblem, TreeRoot } from '../../../server/src/core/tree';

export const BOX_WIDTH = 220;
export const BOX_HEIGHT = 74;
export const KR_LINE = 18;
const GAP_X = 24;
const GAP_Y = 56;

export interface MapOptions {
  /** Objectives deeper than this (strategies 0, their objectives 1, …) start collapsed. */
  readonly depth: number;
  /** Nodes opened or closed by hand: node key → open. */
  readonly open?: Readonly<Record<string, boolean>>;
  /** Key results listed inside their objective's box. */
  readonly keyResults?: boolean;
}

export interface MapBox {
  /** `r:` + the root's key, or the objective's key. */
  readonly key: string;
  readonly kind: 'strategy' | 'group' | 'objective';
  readonly id?: string;
  readonly title: string;
  /** `level · owner · period` of an objective. */
  readonly meta?: string;
  readonly progress?: number;
  readonly expected?: number;
  readonly catchAll?: string;
  /** Problems on the objective and its key results, by severity. */
  readonly problems: Readonly<Partial<Record<Severity, number>>>;
  readonly keyResults: readonly TreeKeyResult[];
  readonly location?: TreeLocation;
  /** Objectives directly under it, shown or not. */
  readonly childCount: number;
  /** Objectives under it, at any depth, that a collapse hides. */
  readonly hidden: number;
  readonly open: boolean;
  readonly depth: number;
  readonly parent?: string;
  /** Top-left corner and size, in map units. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface MapLink {
  readonly from: string;
  readonly to: string;
  readonly kind: TreeLink['kind'];
}

export interface MapLayout {
  readonly boxes: readonly MapBox[];
  /** Tree edges: parent box key → child box key. */
  readonly edges: readonly { readonly from: string; readonly to: string; readonly enabling: boolean }[];
  /** Extra alignments, enabling links and contributions between shown boxes (lighter lines). */
  readonly links: readonly MapLink[];
  readonly width: number;
  readonly height: number;
}

interface Item {
  readonly key: string;
  readonly depth: number;
  readonly root?: TreeRoot;
  readonly objective?: TreeObjective;
  readonly children: Item[];
  readonly open: boolean;
}

/** The objectives under an objective or root, at any depth. */
function countUnder(children: readonly TreeObjective[]): number {
  let count = 0;
  const stack = [...children];
  while (stack.length) {
    const next = stack.pop()!;
    count++;
    for (const child of next.children) stack.push(child);
  }
  return count;
}

export function isOpen(key: string, depth: number, options: MapOptions): boolean {
  return options.open?.[key] ?? depth < options.depth;
}

export function layoutMap(model: TreeModel, options: MapOptions): MapLayout {
  // The shown part of the tree, iteratively (a long chain of alignments cannot overflow the stack).
  const top: Item = { key: '', depth: -1, children: [], open: true };
  const stack: { item: Item; children: readonly TreeObjective[] }[] = [];
  for (const root of model.roots) {
    const key = `r:${root.key}`;
    const item: Item = { key, depth: 0, root, children: [], open: isOpen(key, 0, options) };
    top.children.push(item);
    if (item.open) stack.push({ item, children: root.children });
  }
  while (stack.length) {
    const { item, children } = stack.pop()!;
    for (const objective of children) {
      const depth = item.depth + 1;
      const child: Item = { key: objective.key, depth, objective, children: [], open: isOpen(objective.key, depth, options) };
      item.children.push(child);
      if (child.open && objective.children.length) stack.push({ item: child, children: objective.children });
    }
  }

  const krLines = (objective: TreeObjective | undefined) => (options.keyResults && objective ? objective.keyResults.length : 0);
  // One row per depth, as tall as its tallest box.
  const rowHeight: number[] = [];
  const measureStack = [top];
  while (measureStack.length) {
    const item = measureStack.pop()!;
    if (item.depth >= 0) rowHeight[item.depth] = Math.max(rowHeight[item.depth] ?? 0, BOX_HEIGHT + krLines(item.objective) * KR_LINE);
    for (const child of item.children) measureStack.push(child);
  }
  const rowTop: number[] = [];
  let y = 0;
  for (let depth = 0; depth < rowHeight.length; depth++) {
    rowTop[depth] = y;
    y += (rowHeight[depth] ?? BOX_HEIGHT) + GAP_Y;
  }

  const laid = tree<Item>()
    .nodeSize([BOX_WIDTH + GAP_X, 1])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.15))(hierarchy(top, (item) => item.children));
  let minX = Infinity;
  let maxX = -Infinity;
  laid.each((node) => {
    if (node.depth === 0) return;
    minX = Math.min(minX, node.x);
    maxX = Math.max(maxX, node.x);
  });
  if (minX === Infinity) minX = maxX = 0;

  const boxes: MapBox[] = [];
  const edges: { from: string; to: string; enabling: boolean }[] = [];
  const shown = new Set<string>();
  laid.each((node) => {
    const item = node.data;
    if (item.depth < 0) return;
    const { root, objective } = item;
    const children = objective ? objective.children : root!.children;
    const problems: Partial<Record<Severity, number>> = {};
    const count = (list: readonly TreeProblem[]) => {
      for (const problem of list) problems[problem.severity] = (problems[problem.severity] ?? 0) + 1;
    };
    if (objective) {
      count(objective.problems);
      for (const kr of objective.keyResults) count(kr.problems);
    }
    const box: MapBox = {
      key: item.key,
      kind: objective ? 'objective' : root!.kind,
      id: objective ? objective.id : root!.kind === 'strategy' ? root!.id : undefined,
      title: objective ? objective.title : root!.title,
      meta: objective ? [objective.level, objective.owner, objective.period].filter(Boolean).join(' · ') : root!.kind === 'strategy' ? 'strategy' : undefined,
      progress: objective?.progress,
      expected: objective?.expected,
      catchAll: objective?.catchAll,
      problems,
      keyResults: options.keyResults && objective ? objective.keyResults : [],
      location: objective ? objective.location : root!.kind === 'strategy' ? root!.location : undefined,
      childCount: children.length,
      hidden: item.open ? 0 : countUnder(children),
      open: item.open,
      depth: item.depth,
      parent: node.parent && node.parent.data.depth >= 0 ? node.parent.data.key : undefined,
      x: node.x - minX,
      y: rowTop[item.depth]!,
      width: BOX_WIDTH,
      height: BOX_HEIGHT + krLines(objective) * KR_LINE,
    };
    boxes.push(box);
    shown.add(box.key);
    if (box.parent !== undefined) edges.push({ from: box.parent, to: box.key, enabling: objective?.enabling === true });
  });

  // Links name objectives or key results (`revenue.arr`): a key result is drawn at its objective's box.
  const boxOf = (key: string) => {
    if (shown.has(key)) return key;
    const owner = keyResultOwners(model).get(key);
    return owner !== undefined && shown.has(owner) ? owner : undefined;
  };
  const links: MapLink[] = [];
  for (const link of model.links) {
    const from = boxOf(link.from);
    const to = boxOf(link.to);
    if (from && to && from !== to) links.push({ from, to, kind: link.kind });
  }
  return { boxes, edges, links, width: maxX - minX + BOX_WIDTH, height: Math.max(0, y - GAP_Y) };
}

const owners = new WeakMap<TreeModel, Map<string, string>>();

/** Key result key → its objective's key, over the whole model (made once per model). */
function keyResultOwners(model: TreeModel): Map<string, string> {
  let map = owners.get(model);
  if (!map) {
    map = new Map();
    const stack: TreeObjective[] = model.roots.flatMap((root) => root.children);
    while (stack.length) {
      const objective = stack.pop()!;
      for (const kr of objective.keyResults) map.set(kr.key, objective.key);
      for (const child of objective.children) stack.push(child);
    }
    owners.set(model, map);
  }
  return map;
}
