// The alignment tree (tree.ts) built from one analysis snapshot, section by section: a pure function, computed
// on request (the preview's `okr/tree`, the command line's `okr tree` and HTML export).
//
// Where each objective goes — every objective appears exactly once:
//  - under the objective its first (primary) `aligns to` names, or the objective of the key result
//    it names (`viaKeyResult`); `enabling` when that parent is at its own level;
//  - under the strategy its primary alignment names;
//  - else at the top of a group: "Not aligned" (no `aligns to` at all; a chain of objectives
//    under such a top objective hangs under it, as everywhere), "Aligned to something unknown"
//    (the primary alignment does not resolve) or "In an alignment cycle": for each loop of
//    primary alignments, its first objective in (uri, position) order is the group's root and
//    its own primary alignment is the one edge cut; the rest of the loop, and whatever hangs
//    into it, hang under it as usual;
//  - an objective deeper than MAX_TREE_DEPTH starts again at the top of the group "Deeper than
//    100 levels" (only absurd chains get there: it keeps the model safe to walk recursively).
// An objective placed at the top of a group has neither `enabling` nor `viaKeyResult`.
// Roots: the strategies, then the non-empty groups in that order. Strategies and children are in
// (uri, position) order: files by URI, then position in the file.
//
// Links are never tree edges (the tree already draws the primary alignment, `enabling` flags how):
//  - each further `aligns to` that resolves: `enabling` when its target (the objective, or the
//    key result's objective) is at the objective's own level, `extra` otherwise. The target may
//    be a strategy: `to` is then the strategy's key. A link to the primary target, to itself or a
//    repeat of one already made is left out;
//  - each `contributes to` that resolves: `contributes`, from key result to key result.
//
// Keys are unique in the model: objectives and strategies share one namespace (their ids do):
// the first definition of an id (the one references resolve to) is `id`, the later ones `id#2`,
// `id#3` in (uri, position) order. Key results: `objective.kr` (a repeated id in one objective:
// `objective.kr#2`), or `objective#N` for the N-th key result when it has no id (should that clash
// with a duplicate objective's `objective#N`: `objective.#N`). Groups: `group:unaligned`,
// `group:unknown`, `group:cycle`, `group:deep` (ids never hold a `:`).
//
// Problems: a key result carries those that start in its block; an objective those that start in
// its block outside its key results' (its own lines); the rest (header, strategies) only count in
// `totals`. Iterative throughout: a 10,000-long chain of alignments cannot overflow the stack.
import { pinnedToday } from './analysis';
import type { Snapshot } from './snapshot';
import { catchAllReason, describeCatchAll } from './model/catchAll';
import { formatDay } from './model/dates';
import { parentObjective, type ObjectiveNode } from './model/graph';
import { paceOf, rollupArithmetic, rollupOf } from './model/insight';
import { objectiveGrade, stepsProgress, validGrade } from './model/closing';
import { formatAmount } from './model/units';
import type { Problem } from './rules/types';
import type { KeyResult, Objective, Span, Strategy } from './syntax/ast';
import { positionAt } from './text';
import type {
  Severity,
  TreeGroup,
  TreeKeyResult,
  TreeLink,
  TreeLocation,
  TreeModel,
  TreeObjective,
  TreeProblem,
  TreeRoot,
  TreeStrategy,
  TreeClosing,
  TreeStatus,
} from './tree';
import type { Closing } from './syntax/ast';
import type { OkrDocument } from './workspace';

/**
 * How deep objectives nest in the model, at most. Real trees are a handful of levels deep; a
 * longer chain continues in the group "Deeper than 100 levels", so that every consumer (JSON over
 * the connection, the webview, the command line's printers) can walk the model recursively.
 */
export const MAX_TREE_DEPTH = 100;

export const GROUP_KEYS = { unaligned: 'group:unaligned', unknown: 'group:unknown', cycle: 'group:cycle', deep: 'group:deep' } as const;
type GroupKind = keyof typeof GROUP_KEYS;
const GROUP_ORDER: readonly GroupKind[] = ['unaligned', 'unknown', 'cycle', 'deep'];
const GROUP_TITLES: Readonly<Record<GroupKind, string>> = {
  unaligned: 'Not aligned',
  unknown: 'Aligned to something unknown',
  cycle: 'In an alignment cycle',
  deep: `Deeper than ${MAX_TREE_DEPTH} levels`,
};

/** Where an objective's primary alignment puts it. */
type Place =
  | { readonly kind: 'strategy'; readonly strategy: Strategy }
  | { readonly kind: 'objective'; readonly parent: Objective; readonly via?: KeyResult }
  | { readonly kind: 'unaligned' }
  | { readonly kind: 'unknown' };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The tree of one snapshot: its documents, graph, progress, problems and configuration, all of one generation. */
export function buildTree(snapshot: Snapshot): TreeModel {
  const documents = [...snapshot.index.all()].sort((a, b) => compareStrings(a.uri, b.uri));
  const order = orderAndKeys(snapshot, documents);
  const places = placesOf(order.nodes);
  const problems = problemsByBlock(snapshot, documents);
  const { roots } = treeOf(snapshot, order, places, problems);
  const { levels, periods, owners, statuses } = filtersOf(snapshot, order.nodes);
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const list of snapshot.problems.values()) for (const problem of list) totals[problem.severity]++;
  return {
    today: formatDay(snapshot.today),
    ...(pinnedToday(snapshot.config) === snapshot.today ? { todayPinned: true } : {}),
    levels,
    periods,
    owners,
    ...(statuses ? { statuses } : {}),
    roots,
    links: linksOf(snapshot, order),
    totals,
    objectiveCount: order.nodes.length,
  };
}

/** The objectives and strategies in (uri, position) order, and the key of each (and of each key result). */
interface Order {
  readonly nodes: readonly ObjectiveNode[];
  readonly strategies: readonly { readonly uri: string; readonly document: OkrDocument; readonly strategy: Strategy }[];
  readonly keys: ReadonlyMap<Objective | Strategy, string>;
  readonly krKeys: ReadonlyMap<KeyResult, string>;
}

// ── Order and keys ────────────────────────────────────────────────────────────────────────────
function orderAndKeys({ graph }: Snapshot, documents: readonly OkrDocument[]): Order {
  const nodes: ObjectiveNode[] = [];
  const strategies: { uri: string; document: OkrDocument; strategy: Strategy }[] = [];
  const keys = new Map<Objective | Strategy, string>();
  const krKeys = new Map<KeyResult, string>();
  const taken = new Set<string>();
  const idCounts = new Map<string, number>();
  const claim = (id: string): string => {
    const count = (idCounts.get(id) ?? 0) + 1;
    idCounts.set(id, count);
    return count === 1 ? id : `${id}#${count}`;
  };
  for (const document of documents) {
    const { file, uri } = document;
    const definitions: (Objective | Strategy)[] = [...file.strategies, ...file.objectives].sort((a, b) => a.span.start - b.span.start);
    for (const definition of definitions) {
      const key = claim(definition.id.text);
      keys.set(definition, key);
      taken.add(key);
      if (definition.kind === 'strategy') strategies.push({ uri, document, strategy: definition });
      else {
        const node = graph.node(definition);
        if (node) nodes.push(node);
      }
    }
  }
  for (const node of nodes) {
    const objectiveKey = keys.get(node.objective)!;
    const krIds = new Map<string, number>();
    node.objective.keyResults.forEach((kr, i) => {
      let key: string;
      if (kr.id) {
        const count = (krIds.get(kr.id.text) ?? 0) + 1;
        krIds.set(kr.id.text, count);
        key = `${objectiveKey}.${kr.id.text}${count === 1 ? '' : `#${count}`}`;
      } else {
        key = `${objectiveKey}#${i + 1}`;
        if (taken.has(key)) key = `${objectiveKey}.#${i + 1}`;
      }
      krKeys.set(kr, key);
      taken.add(key);
    });
  }
  return { nodes, strategies, keys, krKeys };
}

/** Where each objective goes: its place, and which objectives start a group (cycles, too deep). */
interface Places {
  readonly places: ReadonlyMap<Objective, Place>;
  readonly cycleRoots: ReadonlySet<Objective>;
  readonly deepRoots: ReadonlySet<Objective>;
  /** Objectives shown under their parent: not a root of a group or strategy, nor too deep. */
  shownUnderParent(objective: Objective): boolean;
}

// ── Places, and the loops of primary alignments ───────────────────────────────────────────────
function placesOf(nodes: readonly ObjectiveNode[]): Places {
  const order = new Map<Objective, number>();
  nodes.forEach((node, i) => order.set(node.objective, i));
  const places = new Map<Objective, Place>();
  for (const node of nodes) {
    const place = placeOf(node);
    // A parent outside the model cannot be (the graph is built from this index): never lose the objective.
    places.set(node.objective, place.kind === 'objective' && !order.has(place.parent) ? { kind: 'unknown' } : place);
  }
  const parentOf = (objective: Objective): Objective | undefined => {
    const place = places.get(objective);
    return place?.kind === 'objective' ? place.parent : undefined;
  };
  /** 1: on the path being walked; 2: done. */
  const state = new Map<Objective, 1 | 2>();
  const cycleRoots = new Set<Objective>();
  for (const node of nodes) {
    const path: Objective[] = [];
    let current: Objective | undefined = node.objective;
    while (current && !state.has(current)) {
      state.set(current, 1);
      path.push(current);
      current = parentOf(current);
    }
    if (current && state.get(current) === 1) {
      const loop = path.slice(path.indexOf(current));
      let first = loop[0]!;
      for (const member of loop) if (order.get(member)! < order.get(first)!) first = member;
      cycleRoots.add(first);
    }
    for (const member of path) state.set(member, 2);
  }
  /** Objectives shown under their parent: not a root of a group or strategy, nor too deep. */
  const depths = new Map<Objective, number>();
  const deepRoots = new Set<Objective>();
  const underParent = (objective: Objective) => !cycleRoots.has(objective) && parentOf(objective) !== undefined;
  for (const node of nodes) {
    const path: Objective[] = [];
    let current: Objective = node.objective;
    while (!depths.has(current) && underParent(current)) {
      path.push(current);
      current = parentOf(current)!;
    }
    let depth = depths.get(current) ?? 1;
    depths.set(current, depth);
    for (let i = path.length - 1; i >= 0; i--) {
      depth++;
      if (depth > MAX_TREE_DEPTH) {
        depth = 1;
        deepRoots.add(path[i]!);
      }
      depths.set(path[i]!, depth);
    }
  }
  const shownUnderParent = (objective: Objective) => underParent(objective) && !deepRoots.has(objective);
  return { places, cycleRoots, deepRoots, shownUnderParent };
}

/** Problems by the objective (its own lines) or key result whose block they start in. */
interface BlockProblems {
  readonly objectiveProblems: ReadonlyMap<Objective, TreeProblem[]>;
  readonly krProblems: ReadonlyMap<KeyResult, TreeProblem[]>;
}

// ── Problems, by objective and key result ─────────────────────────────────────────────────────
function problemsByBlock(snapshot: Snapshot, documents: readonly OkrDocument[]): BlockProblems {
  const objectiveProblems = new Map<Objective, TreeProblem[]>();
  const krProblems = new Map<KeyResult, TreeProblem[]>();
  for (const document of documents) {
    const problems = [...(snapshot.problems.get(document.uri) ?? [])].sort((a, b) => a.span.start - b.span.start);
    const objectives = [...document.file.objectives].sort((a, b) => a.blockSpan.start - b.blockSpan.start);
    let at = 0;
    for (const problem of problems) {
      const start = problem.span.start;
      while (at < objectives.length && objectives[at]!.blockSpan.end < start) at++;
      const objective = objectives[at];
      if (!objective || start < objective.blockSpan.start) continue;
      const treeProblem = toTreeProblem(problem, document);
      const kr = objective.keyResults.find((k) => within(start, k.blockSpan));
      if (kr) push(krProblems, kr, treeProblem);
      else push(objectiveProblems, objective, treeProblem);
    }
  }
  return { objectiveProblems, krProblems };
}

// ── Nodes, and the tree ───────────────────────────────────────────────────────────────────────
function treeOf(analysis: Snapshot, order: Order, where: Places, blockProblems: BlockProblems): { roots: TreeRoot[] } {
  const { index, graph, progress, config } = analysis;
  const { nodes, strategies, keys, krKeys } = order;
  const { places, cycleRoots, deepRoots, shownUnderParent } = where;
  const { objectiveProblems, krProblems } = blockProblems;
  const children = new Map<Objective, TreeObjective[]>();
  const treeObjectives = new Map<Objective, TreeObjective>();
  for (const node of nodes) {
    const { objective } = node;
    const place = places.get(objective)!;
    const inTree = place.kind === 'objective' && shownUnderParent(objective) ? place : undefined;
    const parentNode = inTree && graph.node(inTree.parent);
    const pace = paceOf(node, analysis);
    const reason = catchAllReason(node, graph, progress, config);
    const list: TreeObjective[] = [];
    children.set(objective, list);
    treeObjectives.set(objective, defined<TreeObjective>({
      kind: 'objective',
      key: keys.get(objective)!,
      id: objective.id.text,
      title: objective.title.text,
      level: node.level,
      rank: node.rank,
      owner: node.owner,
      period: node.period?.text,
      commitment: objective.commitment?.kind,
      why: objective.why?.text,
      progress: pace.done,
      expected: pace.expected,
      catchAll: reason && describeCatchAll(reason),
      viaKeyResult: inTree?.via && krKeys.get(inTree.via),
      enabling: node.rank !== undefined && parentNode?.rank === node.rank ? true : undefined,
      ...closingOf(objective, objectiveGrade(objective)),
      keyResults: objective.keyResults.map((kr) => keyResultOf(kr, document(node))),
      problems: objectiveProblems.get(objective) ?? [],
      children: list,
      location: locationOf(document(node), objective.blockSpan),
    }));
  }

  function document(node: ObjectiveNode): OkrDocument {
    return index.get(node.uri)!;
  }

  function keyResultOf(kr: KeyResult, document: OkrDocument): TreeKeyResult {
    const metric = progress.metric(kr);
    const value = progress.value(kr);
    let rollup: string | undefined;
    if (kr.rollupSum) {
      const sum = rollupOf(kr, analysis);
      const arithmetic = rollupArithmetic(sum, false);
      if (arithmetic) rollup = `${arithmetic}${sum.target !== undefined ? ` of ${formatAmount(sum.target, sum.unit)}` : ''}`;
    }
    const into = kr.contributesTo && graph.resolve(kr.contributesTo);
    return defined<TreeKeyResult>({
      key: krKeys.get(kr)!,
      id: kr.id?.text,
      title: kr.title.text,
      owner: kr.owner?.text,
      metric: metric?.statement,
      metricInferred: metric?.source === 'inferred' ? true : undefined,
      value: value && Number.isFinite(value.value) ? formatAmount(value.value, metric?.unit) : undefined,
      progress: progress.keyResultProgress(kr),
      rollup,
      contributesTo: into?.kind === 'keyResult' ? krKeys.get(into.node) : undefined,
      ...closingOf(kr, validGrade(kr) === undefined ? undefined : { value: validGrade(kr)!, source: 'own' }),
      steps: ((s) => (s ? { done: s.done, total: s.total } : undefined))(stepsProgress(kr, analysis.today)),
      weight: kr.weight && Number.isFinite(kr.weight.value) ? kr.weight.value : undefined,
      problems: krProblems.get(kr) ?? [],
      location: locationOf(document, kr.blockSpan),
    });
  }

  const strategyChildren = new Map<Strategy, TreeObjective[]>();
  for (const { strategy } of strategies) strategyChildren.set(strategy, []);
  const groups: Record<GroupKind, TreeObjective[]> = { unaligned: [], unknown: [], cycle: [], deep: [] };
  for (const node of nodes) {
    const { objective } = node;
    const tree = treeObjectives.get(objective)!;
    const place = places.get(objective)!;
    if (cycleRoots.has(objective)) groups.cycle.push(tree);
    else if (deepRoots.has(objective)) groups.deep.push(tree);
    else if (place.kind === 'objective') children.get(place.parent)!.push(tree);
    else if (place.kind === 'strategy') (strategyChildren.get(place.strategy) ?? groups.unknown).push(tree);
    else groups[place.kind].push(tree);
  }
  const roots: TreeRoot[] = strategies.map(({ strategy, document }): TreeStrategy => ({
    kind: 'strategy',
    key: keys.get(strategy)!,
    id: strategy.id.text,
    title: strategy.title.text,
    children: strategyChildren.get(strategy)!,
    location: locationOf(document, strategy.span),
  }));
  for (const group of GROUP_ORDER) {
    if (groups[group].length) roots.push({ kind: 'group', key: GROUP_KEYS[group], title: GROUP_TITLES[group], children: groups[group] } satisfies TreeGroup);
  }
  return { roots };
}

// ── Links ─────────────────────────────────────────────────────────────────────────────────────
function linksOf({ graph }: Snapshot, { nodes, keys, krKeys }: Order): TreeLink[] {
  const links: TreeLink[] = [];
  const linked = new Set<string>();
  const link = (from: string | undefined, to: string | undefined, kind: TreeLink['kind']) => {
    if (from === undefined || to === undefined || from === to) return;
    const id = `${from}\n${to}`;
    if (linked.has(id)) return;
    linked.add(id);
    links.push({ from, to, kind });
  };
  for (const node of nodes) {
    const from = keys.get(node.objective);
    const primary = node.alignments.find((a) => a.primary)?.target;
    for (const alignment of node.alignments) {
      const { target } = alignment;
      if (alignment.primary || !target || sameTarget(target, primary)) continue;
      if (target.kind === 'strategy') {
        link(from, keys.get(target.node), 'extra');
        continue;
      }
      const to = parentObjective(target)!;
      if (to === node.objective) continue;
      const toRank = graph.node(to)?.rank;
      const kind = node.rank !== undefined && toRank === node.rank ? 'enabling' : 'extra';
      link(from, target.kind === 'keyResult' ? krKeys.get(target.node) : keys.get(to), kind);
    }
    for (const kr of node.objective.keyResults) {
      if (!kr.contributesTo) continue;
      const into = graph.resolve(kr.contributesTo);
      if (into?.kind === 'keyResult') link(krKeys.get(kr), krKeys.get(into.node), 'contributes');
    }
  }
  return links;
}

// ── Filters ───────────────────────────────────────────────────────────────────────────────────
function filtersOf({ config }: Snapshot, nodes: readonly ObjectiveNode[]): { levels: string[]; periods: string[]; owners: string[]; statuses?: TreeStatus[] } {
  const usedLevels = new Set<string>();
  const periods = new Map<string, { start: number; end: number }>();
  const owners = new Set<string>();
  const statuses = new Set<TreeStatus>();
  for (const node of nodes) {
    for (const block of [node.objective, ...node.objective.keyResults] as Closing[]) if (block.status) statuses.add(block.status.kind);
    if (node.level) usedLevels.add(node.level);
    if (node.period) periods.set(node.period.text, node.period);
    if (node.owner) owners.add(node.owner);
    for (const kr of node.objective.keyResults) if (kr.owner?.text) owners.add(kr.owner.text);
  }
  const levels = [
    ...config.levels.filter((level) => usedLevels.has(level)),
    ...[...usedLevels].filter((level) => !config.levels.includes(level)).sort(compareStrings),
  ];
  return {
    levels,
    periods: [...periods].sort(([a, p], [b, q]) => p.start - q.start || p.end - q.end || compareStrings(a, b)).map(([text]) => text),
    owners: [...owners].sort(compareOwners),
    ...(statuses.size ? { statuses: (['done', 'missed', 'dropped', 'carried'] as const).filter((s) => statuses.has(s)) } : {}),
  };
}

function placeOf(node: ObjectiveNode): Place {
  const primary = node.alignments.find((a) => a.primary);
  if (!primary) return { kind: 'unaligned' };
  const { target } = primary;
  if (!target) return { kind: 'unknown' };
  if (target.kind === 'strategy') return { kind: 'strategy', strategy: target.node };
  if (target.kind === 'keyResult') return { kind: 'objective', parent: target.objective, via: target.node };
  return { kind: 'objective', parent: target.node };
}

function sameTarget(a: { kind: string; node: unknown } | undefined, b: { kind: string; node: unknown } | undefined): boolean {
  return a !== undefined && b !== undefined && a.kind === b.kind && a.node === b.node;
}

function toTreeProblem(problem: Problem, document: OkrDocument): TreeProblem {
  return { severity: problem.severity, rule: problem.rule, message: problem.message, line: positionAt(document.file.lineStarts, problem.span.start).line };
}

function locationOf(document: OkrDocument, span: Span): TreeLocation {
  const { lineStarts } = document.file;
  return {
    uri: document.uri,
    startLine: positionAt(lineStarts, span.start).line,
    // The end is exclusive: the block's last line is the one of its last character.
    endLine: positionAt(lineStarts, Math.max(span.start, span.end - 1)).line,
  };
}

function within(offset: number, span: Span): boolean {
  return offset >= span.start && offset <= span.end;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The closing parts of a tree node (absent ones left out). */
function closingOf(block: Closing, grade: { value: number; source: 'own' | 'key results' } | undefined): TreeClosing {
  return defined<TreeClosing>({
    grade: grade?.value,
    gradeFromKeyResults: grade?.source === 'key results' ? true : undefined,
    gradeNote: block.grade?.note?.text,
    status: block.status?.kind,
    carriedTo: block.status?.kind === 'carried' ? block.status.carriedTo?.text : undefined,
    learned: block.learned.length ? block.learned.map((l) => l.text) : undefined,
  });
}

/** The object without its undefined properties: the model is plain JSON, and compares so in tests. */
function defined<T extends object>(object: { [K in keyof T]: T[K] | undefined }): T {
  const result = {} as Mutable<T>;
  for (const key of Object.keys(object) as (keyof T)[]) {
    if (object[key] !== undefined) result[key] = object[key] as T[keyof T];
  }
  return result;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Owners by name, whatever their mark (`@ana`, `"Ana Lopez"`), case-insensitive; then as written. */
function compareOwners(a: string, b: string): number {
  const name = (owner: string) => owner.replace(/^[@"]+/, '').toLowerCase();
  return compareStrings(name(a), name(b)) || compareStrings(a, b);
}
