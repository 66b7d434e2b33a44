// What one run of the workspace rules is for. A full run covers every file; after an edit, the
// analysis re-checks only the files whose problems can have changed (see affected.ts) and keeps
// the others' problems. Rules iterate the scope and may look anything up in the whole graph.
import type { Alignment, AlignmentGraph, Contribution, ObjectiveNode } from './model/graph';
import type { OkrDocument, WorkspaceIndex } from './workspace';

export class AnalysisScope {
  private constructor(
    private readonly graph: AlignmentGraph,
    /** Undefined: every file. */
    private readonly uris: ReadonlySet<string> | undefined,
    private readonly index: WorkspaceIndex,
  ) {}

  static everything(index: WorkspaceIndex, graph: AlignmentGraph): AnalysisScope {
    return new AnalysisScope(graph, undefined, index);
  }

  static files(index: WorkspaceIndex, graph: AlignmentGraph, uris: ReadonlySet<string>): AnalysisScope {
    return new AnalysisScope(graph, uris, index);
  }

  get full(): boolean {
    return this.uris === undefined;
  }

  has(uri: string): boolean {
    return this.uris === undefined || this.uris.has(uri);
  }

  /** The files in scope, in workspace order. */
  documents(): readonly OkrDocument[] {
    const all = this.index.all();
    return this.uris === undefined ? all : all.filter((d) => this.uris!.has(d.uri));
  }

  /** The objectives of the files in scope, in workspace order. */
  *nodes(): Iterable<ObjectiveNode> {
    if (this.uris === undefined) yield* this.graph.nodes.values();
    else for (const document of this.documents()) yield* this.graph.nodesOf(document.uri);
  }

  /** The `aligns to` references written in the files in scope, in workspace order. */
  *alignments(): Iterable<Alignment> {
    if (this.uris === undefined) yield* this.graph.alignments;
    else for (const document of this.documents()) yield* this.graph.alignmentsOf(document.uri);
  }

  /** The `contributes to` references written in the files in scope, in workspace order. */
  *contributions(): Iterable<Contribution> {
    if (this.uris === undefined) yield* this.graph.contributions;
    else for (const document of this.documents()) yield* this.graph.contributionsOf(document.uri);
  }
}
