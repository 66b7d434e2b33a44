// The alignment graph: every `aligns to` and `contributes to` reference resolved against the
// workspace index. Shared by every rule and feature. Built once; after an edit that leaves every
// file's ids as they were (typing a title, a value, a reference), `update` redoes only the edited
// files' nodes and the references into them, so a keystroke costs what the edited file costs.
import type { AnalysisConfig } from '../config';
import type { KeyResult, Objective, OkrFile, Reference } from '../syntax/ast';
import type { Definition, KeyResultDefinition, WorkspaceIndex } from '../workspace';
import { levelOf, levelRank, ownerOf } from './levels';
import { periodOf, type Period } from './period';

export type Target = Definition | KeyResultDefinition;

export interface Alignment {
  readonly uri: string;
  readonly objective: Objective;
  readonly reference: Reference;
  /** What the reference names; undefined when it does not resolve (unknown-reference). */
  target: Target | undefined;
  /** The first reference of an objective is its place in the tree; the others are extra links. */
  readonly primary: boolean;
}

export interface Contribution {
  readonly uri: string;
  readonly objective: Objective;
  readonly keyResult: KeyResult;
  readonly reference: Reference;
  target: KeyResultDefinition | undefined;
}

export interface ObjectiveNode {
  readonly uri: string;
  readonly file: OkrFile;
  readonly objective: Objective;
  /** Its level (own or the file's default), and that level's rank: 0 at the top. */
  readonly level: string | undefined;
  readonly rank: number | undefined;
  /** Its owner (own or the file's default). */
  readonly owner: string | undefined;
  /** Its period (own or the file's), when valid. */
  readonly period: Period | undefined;
  readonly alignments: Alignment[];
  /** Alignments of other objectives to this one (or to one of its key results), in workspace order. */
  readonly alignedFrom: Alignment[];
}

interface FileEntry {
  readonly file: OkrFile;
  readonly nodes: ObjectiveNode[];
  readonly alignments: Alignment[];
  readonly contributions: Contribution[];
}

/** Workspace order: by file, then by place in the file. */
function inWorkspaceOrder(a: { uri: string; reference: Reference }, b: { uri: string; reference: Reference }): number {
  return a.uri === b.uri ? a.reference.span.start - b.reference.span.start : a.uri < b.uri ? -1 : 1;
}

/** How many objectives `build` links between two steps. */
const LINK_STEP = 2_000;

export class AlignmentGraph {
  private readonly byObjective = new Map<Objective, ObjectiveNode>();
  private readonly files = new Map<string, FileEntry>();
  /** Every reference (resolved or not) by the id it names: what to re-resolve when that id's file changes. */
  private readonly incoming = new Map<string, Set<Alignment | Contribution>>();
  private readonly contributedFrom = new Map<KeyResult, Contribution[]>();
  private readonly contributionByKeyResult = new Map<KeyResult, Contribution>();
  private ordered: { nodes: Map<Objective, ObjectiveNode>; alignments: Alignment[]; contributions: Contribution[] } | undefined;
  private readonly ranks = new Map<number, ObjectiveNode[]>();
  private readonly owners = new Map<string, ObjectiveNode[]>();

  constructor(
    /** The index the graph was built from, or last updated from. */
    public index: WorkspaceIndex,
    readonly config: AnalysisConfig,
    /** False: an empty graph, for `build` to fill in steps. */
    fill = true,
  ) {
    if (!fill) return;
    const documents = index.all();
    for (const document of documents) this.addNodes(document.uri, document.file);
    for (const document of documents) this.link(document.uri);
  }

  /**
   * The same graph as `new AlignmentGraph(index, config)`, built in steps: it yields after each
   * file's objectives, and every LINK_STEP objectives while it links them, so that whoever
   * builds it can pause (the analysis, between turns of the event loop).
   */
  static *build(index: WorkspaceIndex, config: AnalysisConfig): Generator<void, AlignmentGraph> {
    const graph = new AlignmentGraph(index, config, false);
    const documents = index.all();
    for (const document of documents) {
      graph.addNodes(document.uri, document.file);
      yield;
    }
    for (const document of documents) {
      const entry = graph.files.get(document.uri)!;
      for (let i = 0; i < entry.nodes.length; i++) {
        graph.linkNode(document.uri, entry, entry.nodes[i]!);
        if ((i + 1) % LINK_STEP === 0) yield;
      }
      yield;
    }
    return graph;
  }

  /** Every objective, in workspace order. */
  get nodes(): ReadonlyMap<Objective, ObjectiveNode> {
    return this.inOrder().nodes;
  }

  /** Every `aligns to` reference, in workspace order. */
  get alignments(): readonly Alignment[] {
    return this.inOrder().alignments;
  }

  /** Every `contributes to` reference, in workspace order. */
  get contributions(): readonly Contribution[] {
    return this.inOrder().contributions;
  }

  nodesOf(uri: string): readonly ObjectiveNode[] {
    return this.files.get(uri)?.nodes ?? [];
  }

  alignmentsOf(uri: string): readonly Alignment[] {
    return this.files.get(uri)?.alignments ?? [];
  }

  contributionsOf(uri: string): readonly Contribution[] {
    return this.files.get(uri)?.contributions ?? [];
  }

  /** The objectives at a level rank (0: the top level), in workspace order. */
  atRank(rank: number): readonly ObjectiveNode[] {
    return this.ranks.get(rank) ?? [];
  }

  /** The ranks that have objectives, top first. */
  rankList(): number[] {
    return [...this.ranks.keys()].sort((a, b) => a - b);
  }

  /** The objectives of an owner, in workspace order. */
  ownedBy(owner: string): readonly ObjectiveNode[] {
    return this.owners.get(owner) ?? [];
  }

  /** The `contributes to` reference written on this key result. */
  contributionOf(keyResult: KeyResult): Contribution | undefined {
    return this.contributionByKeyResult.get(keyResult);
  }

  /** The `contributes to` references that name this key result, in workspace order. */
  contributionsTo(keyResult: KeyResult): readonly Contribution[] {
    return this.contributedFrom.get(keyResult) ?? [];
  }

  resolve(reference: Reference): Target | undefined {
    if (reference.keyResult) return this.index.resolveKeyResult(reference.objective.text, reference.keyResult.text);
    return this.index.resolve(reference.objective.text);
  }

  /** The references (resolved or not) that name `id` as their objective or strategy. */
  referencesNaming(id: string): Iterable<Alignment | Contribution> {
    return this.incoming.get(id) ?? [];
  }

  /** Every id that a reference names, resolved or not. */
  namedIds(): IterableIterator<string> {
    return this.incoming.keys();
  }

  node(objective: Objective): ObjectiveNode | undefined {
    return this.byObjective.get(objective);
  }

  /** The node of the objective an alignment points at (itself, or the owner of a key result). */
  targetNode(alignment: Alignment): ObjectiveNode | undefined {
    const parent = parentObjective(alignment.target);
    return parent && this.byObjective.get(parent);
  }

  /**
   * Takes in new texts of `uris` (already set in `index`, which the graph reads from now on):
   * their nodes and references are made again, and every reference elsewhere that names an id
   * they defined before or define now is resolved again.
   */
  update(uris: Iterable<string>, index: WorkspaceIndex = this.index): void {
    this.index = index;
    const changed = new Set(uris);
    const reresolve = new Set<Alignment | Contribution>();
    const touched = new Set<ObjectiveNode>();
    const touchedKeyResults = new Set<KeyResult>();
    const namedBy = (id: string) => {
      for (const reference of this.incoming.get(id) ?? []) if (!changed.has(reference.uri)) reresolve.add(reference);
    };
    for (const uri of changed) {
      const entry = this.files.get(uri);
      if (!entry) continue;
      for (const node of entry.nodes) namedBy(node.objective.id.text);
      for (const strategy of entry.file.strategies) namedBy(strategy.id.text);
      this.unlink(entry, touched, touchedKeyResults);
      for (const node of entry.nodes) this.byObjective.delete(node.objective);
      this.ungroup(uri, entry.nodes);
      this.files.delete(uri);
    }
    for (const document of this.index.all()) {
      if (!changed.has(document.uri)) continue;
      this.addNodes(document.uri, document.file);
      for (const objective of document.file.objectives) namedBy(objective.id.text);
      for (const strategy of document.file.strategies) namedBy(strategy.id.text);
    }
    // References from unchanged files into the changed ones: they still name the same ids, now
    // defined by new syntax nodes.
    for (const reference of reresolve) {
      if ('keyResult' in reference) {
        this.detachContribution(reference, touchedKeyResults);
        reference.target = this.resolveContribution(reference.reference);
        this.attachContribution(reference, touchedKeyResults);
      } else {
        this.detachAlignment(reference, touched);
        reference.target = this.resolve(reference.reference);
        this.attachAlignment(reference, touched);
      }
    }
    for (const uri of changed) if (this.index.has(uri)) this.link(uri, touched, touchedKeyResults);
    for (const node of touched) if (this.byObjective.get(node.objective) === node) node.alignedFrom.sort(inWorkspaceOrder);
    for (const keyResult of touchedKeyResults) this.contributedFrom.get(keyResult)?.sort(inWorkspaceOrder);
    this.ordered = undefined;
  }

  private inOrder() {
    if (!this.ordered) {
      const nodes = new Map<Objective, ObjectiveNode>();
      const alignments: Alignment[] = [];
      const contributions: Contribution[] = [];
      for (const document of this.index.all()) {
        const entry = this.files.get(document.uri);
        if (!entry) continue;
        for (const node of entry.nodes) nodes.set(node.objective, node);
        for (const alignment of entry.alignments) alignments.push(alignment);
        for (const contribution of entry.contributions) contributions.push(contribution);
      }
      this.ordered = { nodes, alignments, contributions };
    }
    return this.ordered;
  }

  private addNodes(uri: string, file: OkrFile): void {
    const nodes: ObjectiveNode[] = [];
    for (const objective of file.objectives) {
      const level = levelOf(file, objective);
      const node: ObjectiveNode = {
        uri, file, objective, level, rank: levelRank(this.config, level), owner: ownerOf(file, objective), period: periodOf(file, objective),
        alignments: [], alignedFrom: [],
      };
      nodes.push(node);
      this.byObjective.set(objective, node);
    }
    this.files.set(uri, { file, nodes, alignments: [], contributions: [] });
    this.group(uri, nodes);
  }

  /** Files' nodes into the rank and owner groups, keeping them in workspace order. */
  private group(uri: string, nodes: readonly ObjectiveNode[]): void {
    const into = <K>(groups: Map<K, ObjectiveNode[]>, key: K | undefined, node: ObjectiveNode, batch: Map<K, ObjectiveNode[]>) => {
      if (key === undefined) return;
      const list = batch.get(key);
      if (list) list.push(node);
      else batch.set(key, [node]);
      if (!groups.has(key)) groups.set(key, []);
    };
    const ranks = new Map<number, ObjectiveNode[]>();
    const owners = new Map<string, ObjectiveNode[]>();
    for (const node of nodes) {
      into(this.ranks, node.rank, node, ranks);
      into(this.owners, node.owner, node, owners);
    }
    for (const [rank, list] of ranks) insertFile(this.ranks.get(rank)!, uri, list);
    for (const [owner, list] of owners) insertFile(this.owners.get(owner)!, uri, list);
  }

  private ungroup(uri: string, nodes: readonly ObjectiveNode[]): void {
    const remove = <K>(groups: Map<K, ObjectiveNode[]>, key: K | undefined) => {
      const list = key === undefined ? undefined : groups.get(key);
      if (!list) return;
      const kept = list.filter((n) => n.uri !== uri);
      if (kept.length) groups.set(key!, kept);
      else groups.delete(key!);
    };
    for (const rank of new Set(nodes.map((n) => n.rank))) remove(this.ranks, rank);
    for (const owner of new Set(nodes.map((n) => n.owner))) remove(this.owners, owner);
  }

  /** Resolves the references written in one file and records them on what they name. */
  private link(uri: string, touched?: Set<ObjectiveNode>, touchedKeyResults?: Set<KeyResult>): void {
    const entry = this.files.get(uri)!;
    for (const node of entry.nodes) this.linkNode(uri, entry, node, touched, touchedKeyResults);
  }

  /** Resolves the references one objective of the file writes. */
  private linkNode(uri: string, entry: FileEntry, node: ObjectiveNode, touched?: Set<ObjectiveNode>, touchedKeyResults?: Set<KeyResult>): void {
    node.objective.alignsTo.forEach((reference, i) => {
      const alignment: Alignment = { uri, objective: node.objective, reference, target: this.resolve(reference), primary: i === 0 };
      node.alignments.push(alignment);
      entry.alignments.push(alignment);
      this.addIncoming(alignment);
      this.attachAlignment(alignment, touched);
    });
    for (const keyResult of node.objective.keyResults) {
      const reference = keyResult.contributesTo;
      if (!reference) continue;
      const contribution: Contribution = { uri, objective: node.objective, keyResult, reference, target: this.resolveContribution(reference) };
      entry.contributions.push(contribution);
      this.contributionByKeyResult.set(keyResult, contribution);
      this.addIncoming(contribution);
      this.attachContribution(contribution, touchedKeyResults);
    }
  }

  private unlink(entry: FileEntry, touched: Set<ObjectiveNode>, touchedKeyResults: Set<KeyResult>): void {
    for (const alignment of entry.alignments) {
      this.detachAlignment(alignment, touched);
      this.removeIncoming(alignment);
    }
    for (const contribution of entry.contributions) {
      this.detachContribution(contribution, touchedKeyResults);
      this.contributionByKeyResult.delete(contribution.keyResult);
      this.removeIncoming(contribution);
    }
  }

  private resolveContribution(reference: Reference): KeyResultDefinition | undefined {
    return reference.keyResult ? this.index.resolveKeyResult(reference.objective.text, reference.keyResult.text) : undefined;
  }

  private attachAlignment(alignment: Alignment, touched?: Set<ObjectiveNode>): void {
    const parent = parentObjective(alignment.target);
    const node = parent && this.byObjective.get(parent);
    if (!node) return;
    node.alignedFrom.push(alignment);
    touched?.add(node);
  }

  private detachAlignment(alignment: Alignment, touched: Set<ObjectiveNode>): void {
    const parent = parentObjective(alignment.target);
    const node = parent && this.byObjective.get(parent);
    if (!node) return;
    const at = node.alignedFrom.indexOf(alignment);
    if (at >= 0) node.alignedFrom.splice(at, 1);
    touched.add(node);
  }

  private attachContribution(contribution: Contribution, touched?: Set<KeyResult>): void {
    const target = contribution.target?.node;
    if (!target) return;
    const list = this.contributedFrom.get(target);
    if (list) list.push(contribution);
    else this.contributedFrom.set(target, [contribution]);
    touched?.add(target);
  }

  private detachContribution(contribution: Contribution, touched: Set<KeyResult>): void {
    const target = contribution.target?.node;
    const list = target && this.contributedFrom.get(target);
    if (!list) return;
    const at = list.indexOf(contribution);
    if (at >= 0) list.splice(at, 1);
    if (!list.length) this.contributedFrom.delete(target);
    touched.add(target);
  }

  private addIncoming(reference: Alignment | Contribution): void {
    const id = reference.reference.objective.text;
    const set = this.incoming.get(id);
    if (set) set.add(reference);
    else this.incoming.set(id, new Set([reference]));
  }

  private removeIncoming(reference: Alignment | Contribution): void {
    const id = reference.reference.objective.text;
    const set = this.incoming.get(id);
    if (!set) return;
    set.delete(reference);
    if (!set.size) this.incoming.delete(id);
  }
}

/** Inserts one file's nodes into a list in workspace order (a file's nodes are contiguous there). */
function insertFile(list: ObjectiveNode[], uri: string, nodes: readonly ObjectiveNode[]): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]!.uri < uri) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, ...nodes);
}

/** The objective an alignment target belongs to: itself, or the owner of a key result. */
export function parentObjective(target: Target | undefined): Objective | undefined {
  if (!target) return undefined;
  if (target.kind === 'objective') return target.node;
  if (target.kind === 'keyResult') return target.objective;
  return undefined;
}
