// What one run of the workspace rules is for. A full run covers every file; after an edit, the
// analysis re-checks only the files, and the objectives of other files, whose problems can have
// changed (see affected.ts) and keeps the others' problems. Rules iterate the scope and may look
// anything up in the whole graph; a problem belongs to the objective whose block it lies in.
import type { Alignment, AlignmentGraph, Contribution, ObjectiveNode } from './model/graph';
import type { Objective, Span } from './syntax/ast';
import type { OkrDocument, WorkspaceIndex } from './workspace';

export class AnalysisScope {
  /** Per file checked in part: the spans of its objectives in scope (their blocks). */
  private readonly blocks = new Map<string, Span[]>();

  private constructor(
    private readonly graph: AlignmentGraph,
    /** Undefined: every file. */
    private readonly uris: ReadonlySet<string> | undefined,
    private readonly index: WorkspaceIndex,
    /** Files of which only some objectives are in scope (not in `uris`' whole files). */
    private readonly parts: ReadonlyMap<string, ReadonlySet<Objective>> = new Map(),
  ) {
    for (const [uri, objectives] of parts) this.blocks.set(uri, [...objectives].map((o) => o.blockSpan));
  }

  static everything(index: WorkspaceIndex, graph: AlignmentGraph): AnalysisScope {
    return new AnalysisScope(graph, undefined, index);
  }

  /**
   * Whole files, and some objectives of other files: a rule reports there what it finds when
   * it looks at those objectives (their blocks); whatever else those files hold is kept.
   */
  static files(index: WorkspaceIndex, graph: AlignmentGraph, uris: ReadonlySet<string>, parts?: ReadonlyMap<string, ReadonlySet<Objective>>): AnalysisScope {
    const partial = new Map<string, ReadonlySet<Objective>>();
    for (const [uri, objectives] of parts ?? []) if (!uris.has(uri) && objectives.size) partial.set(uri, objectives);
    return new AnalysisScope(graph, uris, index, partial);
  }

  get full(): boolean {
    return this.uris === undefined;
  }

  /** Whether the file is in scope, whole or in part. */
  has(uri: string): boolean {
    return this.uris === undefined || this.uris.has(uri) || this.parts.has(uri);
  }

  /** Whether the file is in scope as a whole. */
  hasWhole(uri: string): boolean {
    return this.uris === undefined || this.uris.has(uri);
  }

  /** Whether a problem at `span` of the file is the scope's to find (else it is kept as it was). */
  covers(uri: string, span: Span): boolean {
    if (this.uris === undefined || this.uris.has(uri)) return true;
    const blocks = this.blocks.get(uri);
    if (!blocks) return false;
    for (const block of blocks) if (span.start >= block.start && span.start < Math.max(block.end, block.start + 1)) return true;
    return false;
  }

  /** The files in scope (whole or in part), in workspace order. */
  documents(): readonly OkrDocument[] {
    const all = this.index.all();
    return this.uris === undefined ? all : all.filter((d) => this.has(d.uri));
  }

  /** The objectives in scope, in workspace order. */
  *nodes(): Iterable<ObjectiveNode> {
    if (this.uris === undefined) yield* this.graph.nodes.values();
    else {
      for (const document of this.documents()) {
        const part = this.parts.get(document.uri);
        for (const node of this.graph.nodesOf(document.uri)) if (!part || part.has(node.objective)) yield node;
      }
    }
  }

  /** The `aligns to` references written by the objectives in scope, in workspace order. */
  *alignments(): Iterable<Alignment> {
    if (this.uris === undefined) yield* this.graph.alignments;
    else {
      for (const document of this.documents()) {
        const part = this.parts.get(document.uri);
        for (const alignment of this.graph.alignmentsOf(document.uri)) if (!part || part.has(alignment.objective)) yield alignment;
      }
    }
  }

  /** The `contributes to` references written by the objectives in scope, in workspace order. */
  *contributions(): Iterable<Contribution> {
    if (this.uris === undefined) yield* this.graph.contributions;
    else {
      for (const document of this.documents()) {
        const part = this.parts.get(document.uri);
        for (const contribution of this.graph.contributionsOf(document.uri)) if (!part || part.has(contribution.objective)) yield contribution;
      }
    }
  }
}
