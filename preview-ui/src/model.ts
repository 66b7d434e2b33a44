// The TreeModel (server/src/core/tree.ts) indexed for the page: one ViewNode per root,
// objective and key result, with its parent and depth, the links that start at it, and the
// results of the current filters. Built once per model, iteratively (a long chain of
// alignments cannot overflow the stack); filtering is one linear pass.
import type { Severity, TreeKeyResult, TreeLink, TreeLocation, TreeModel, TreeObjective, TreeProblem, TreeRoot } from '../../server/src/core/tree';

export type NodeKind = 'root' | 'objective' | 'kr';

export interface NodeLink {
  readonly link: TreeLink;
  /** The node the link points to, when it is in the tree. */
  readonly target?: ViewNode;
}

/** A root, objective or key result of the page, with what the filters decided about it. */
export class ViewNode {
  /** Objectives under this root or objective, in model order. */
  readonly children: ViewNode[] = [];
  /** Key results of this objective. */
  readonly krs: ViewNode[] = [];
  /** Links that start here (`extra`, `enabling`, `contributes`). */
  readonly links: NodeLink[] = [];
  // ── the current filters (see applyFilters) ──
  /** The node itself meets the filters. */
  match = true;
  /** Meets them for a reason of its own, enough to show it (and its ancestors) by itself. */
  distinct = true;
  /** Something below it is shown (it opens by itself while filtering). */
  descendantShown = false;
  /** The row is shown. */
  shown = true;
  private text?: string;

  constructor(
    /** Unique in the page: `r:`, `o:` or `k:` + the model's key. */
    readonly id: string,
    readonly kind: NodeKind,
    readonly key: string,
    /** Tree depth: roots 0, their objectives 1, … key results one below their objective. */
    readonly depth: number,
    readonly parent: ViewNode | undefined,
    readonly root: TreeRoot | undefined,
    readonly objective: TreeObjective | undefined,
    readonly kr: TreeKeyResult | undefined,
    readonly location: TreeLocation | undefined,
    /** Problems shown on the node: an objective's own and its key results'; a key result's own. */
    readonly problems: readonly TreeProblem[],
  ) {}

  /** Lower-case text the search looks in: id, key, title, owner (made on the first search). */
  get haystack(): string {
    if (this.text === undefined) {
      const parts =
        this.kind === 'root'
          ? [this.root!.kind === 'strategy' ? this.root!.id : '', this.root!.title]
          : this.kind === 'objective'
            ? [this.objective!.id, this.key, this.objective!.title, this.objective!.owner]
            : [this.kr!.id, this.kr!.title, this.kr!.owner];
      this.text = parts.map(text).join('\n').toLowerCase();
    }
    return this.text;
  }
}

export interface ModelIndex {
  readonly model: TreeModel;
  readonly roots: ViewNode[];
  readonly byId: Map<string, ViewNode>;
  /** Objectives, key results and strategies by the model's key (links and `viaKeyResult` use it). */
  readonly byKey: Map<string, ViewNode>;
  /** Nodes with a location, by document URI. */
  readonly byUri: Map<string, ViewNode[]>;
  /** Roots and objectives, parents before children. */
  readonly preorder: ViewNode[];
  readonly objectiveCount: number;
  readonly keyResultCount: number;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export function severities(): readonly Severity[] {
  return SEVERITIES;
}

function list<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Whether a message's model looks like a TreeModel (enough not to throw while rendering). */
export function isTreeModel(value: unknown): value is TreeModel {
  return typeof value === 'object' && value !== null && Array.isArray((value as { roots?: unknown }).roots);
}

export function indexModel(model: TreeModel): ModelIndex {
  const byId = new Map<string, ViewNode>();
  const byKey = new Map<string, ViewNode>();
  const byUri = new Map<string, ViewNode[]>();
  const preorder: ViewNode[] = [];
  let objectiveCount = 0;
  let keyResultCount = 0;

  const locate = (node: ViewNode) => {
    const uri = node.location?.uri;
    if (typeof uri !== 'string') return;
    const nodes = byUri.get(uri);
    if (nodes) nodes.push(node);
    else byUri.set(uri, [node]);
  };
  const make = (
    prefix: string,
    kind: NodeKind,
    key: string,
    depth: number,
    parent: ViewNode | undefined,
    data: { root?: TreeRoot; objective?: TreeObjective; kr?: TreeKeyResult },
    location: TreeLocation | undefined,
    problems: readonly TreeProblem[],
  ): ViewNode => {
    let id = `${prefix}${key}`;
    if (byId.has(id)) for (let n = 2; byId.has(id); n++) id = `${prefix}${key}\u0000${n}`;
    const node = new ViewNode(id, kind, key, depth, parent, data.root, data.objective, data.kr, location, problems);
    byId.set(id, node);
    return node;
  };

  const roots: ViewNode[] = [];
  /** Objectives still to index, with the node they hang under. */
  const pending: { objective: TreeObjective; parent: ViewNode }[] = [];
  for (const root of list(model.roots)) {
    const node = make('r:', 'root', text(root.key), 0, undefined, { root }, root.kind === 'strategy' ? root.location : undefined, []);
    roots.push(node);
    preorder.push(node);
    if (root.kind === 'strategy' && !byKey.has(node.key)) byKey.set(node.key, node);
    locate(node);
    const children = list(root.children);
    for (let i = children.length - 1; i >= 0; i--) pending.push({ objective: children[i]!, parent: node });
  }

  // Depth-first, parents before children, siblings in model order.
  while (pending.length) {
    const { objective, parent } = pending.pop()!;
    objectiveCount++;
    const krs = list(objective.keyResults);
    let problems = list(objective.problems);
    for (const kr of krs) if (list(kr.problems).length) problems = problems.concat(kr.problems);
    const node = make('o:', 'objective', text(objective.key), parent.depth + 1, parent, { objective }, objective.location, problems);
    parent.children.push(node);
    preorder.push(node);
    byKey.set(node.key, node); // an objective wins over a strategy of the same key
    locate(node);
    for (const kr of krs) {
      keyResultCount++;
      const krNode = make('k:', 'kr', text(kr.key), node.depth + 1, node, { kr }, kr.location, list(kr.problems));
      node.krs.push(krNode);
      if (!byKey.has(krNode.key)) byKey.set(krNode.key, krNode);
      locate(krNode);
    }
    const children = list(objective.children);
    for (let i = children.length - 1; i >= 0; i--) pending.push({ objective: children[i]!, parent: node });
  }

  for (const link of list(model.links)) {
    const from = byKey.get(text(link.from));
    if (!from) continue;
    from.links.push({ link, target: byKey.get(text(link.to)) });
  }

  return { model, roots, byId, byKey, byUri, preorder, objectiveCount, keyResultCount };
}

// ── Filters ────────────────────────────────────────────────────────────────────────────────────

export interface Criteria {
  readonly period: string;
  readonly level: string;
  readonly owner: string;
  /** A closing status (`done`, `missed`, `dropped`, `carried`), or empty. */
  readonly status?: string;
  /** Lower case, trimmed. */
  readonly search: string;
  readonly problemsOnly: boolean;
}

export function isFiltering(criteria: Criteria): boolean {
  return !!(criteria.period || criteria.level || criteria.owner || criteria.status || criteria.search || criteria.problemsOnly);
}

export interface FilterResult {
  /** Objectives, key results and strategies that meet the filters themselves. */
  readonly matches: number;
}

/**
 * Marks every node: `match` (meets the filters), `distinct` (worth showing by itself), `shown`
 * (a match, or an ancestor of one), `descendantShown`. Without filters everything is shown.
 *
 * - Period and level are the objective's; its key results share them.
 * - Owner: an objective's owner; a key result's own owner, else its objective's.
 * - Status: an objective's or key result's own closing status.
 * - Search: id, key, title and owner of an objective, key result or strategy.
 * - Problems only: an objective with problems of its own or of its key results; a key result
 *   with problems.
 * A key result pulls its objective into view only for a reason of its own (a search hit, its
 * problems, its own owner): filtering by level does not list every key result of every match.
 */
export function applyFilters(index: ModelIndex, criteria: Criteria): FilterResult {
  const filtering = isFiltering(criteria);
  const { period, level, owner, search, problemsOnly } = criteria;
  const status = criteria.status ?? '';
  let matches = 0;
  for (let i = index.preorder.length - 1; i >= 0; i--) {
    const node = index.preorder[i]!;
    let descendantShown = false;
    for (const child of node.children) if (child.shown) descendantShown = true;
    if (node.kind === 'root') {
      node.match = !filtering || (!!search && !period && !level && !owner && !status && !problemsOnly && node.haystack.includes(search));
      node.distinct = node.match;
    } else {
      const objective = node.objective!;
      const inScope = (!period || objective.period === period) && (!level || objective.level === level);
      node.match =
        !filtering ||
        (inScope &&
          (!owner || objective.owner === owner) &&
          (!status || objective.status === status) &&
          (!search || node.haystack.includes(search)) &&
          (!problemsOnly || node.problems.length > 0));
      node.distinct = node.match;
      for (const kr of node.krs) {
        const krOwner = kr.kr!.owner ?? objective.owner;
        kr.match =
          !filtering ||
          (inScope &&
            (!owner || krOwner === owner) &&
            (!status || kr.kr!.status === status) &&
            (!search || kr.haystack.includes(search)) &&
            (!problemsOnly || kr.problems.length > 0));
        kr.distinct = kr.match && (!filtering || !!search || problemsOnly || (!!owner && kr.kr!.owner === owner) || !!status);
        kr.shown = kr.match || (node.match && !problemsOnly);
        if (filtering && kr.distinct) {
          descendantShown = true;
          matches++;
        }
      }
    }
    node.descendantShown = descendantShown;
    node.shown = node.match || descendantShown;
    if (filtering && node.match) matches++;
  }
  return { matches };
}

/** Key results shown in an open objective. */
export function shownKeyResults(node: ViewNode): ViewNode[] {
  return node.krs.filter((kr) => kr.shown);
}

export function shownChildren(node: ViewNode): ViewNode[] {
  return node.children.filter((child) => child.shown);
}

/** The node whose location holds `line` of `uri`: the innermost (a key result before its objective). */
export function nodeAt(index: ModelIndex, uri: string, line: number): ViewNode | undefined {
  let best: ViewNode | undefined;
  for (const node of index.byUri.get(uri) ?? []) {
    const location = node.location!;
    if (line < location.startLine || line > location.endLine) continue;
    const span = location.endLine - location.startLine;
    const bestSpan = best ? best.location!.endLine - best.location!.startLine : Infinity;
    if (span < bestSpan || (span === bestSpan && best && best.kind === 'objective' && node.kind === 'kr')) best = node;
  }
  return best;
}

/** Ancestors of a node, the root first. */
export function ancestors(node: ViewNode): ViewNode[] {
  const chain: ViewNode[] = [];
  for (let at = node.parent; at; at = at.parent) chain.push(at);
  return chain.reverse();
}

/** Problems counted by severity. */
export function countBySeverity(problems: readonly TreeProblem[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const problem of problems) if (problem.severity in counts) counts[problem.severity]++;
  return counts;
}
