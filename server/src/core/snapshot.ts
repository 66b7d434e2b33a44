// The analysis snapshot: everything one generation of the workspace says, as one value that
// never changes. Every answer (a hover, the tree, diagnostics, the command line's output) is made
// from one snapshot, so it can never mix two moments of the workspace.
//
// A generation is one state of the texts and the configuration: it moves with every change of
// either. The Analyzer makes one snapshot per generation it analyses; a newer one replaces it.
// What a snapshot holds is frozen (the index) or made for it alone (problems, progress), with one
// exception: after an edit that keeps the workspace's shape, the next analysis updates the graph
// in place. Whoever holds a snapshot across a wait (a turn of the event loop) therefore checks
// that it is still the latest before reading it again (server/src/snapshots.ts does, for every
// request).
import type { AnalysisConfig } from './config';
import type { Day } from './model/dates';
import type { AlignmentGraph } from './model/graph';
import type { ProgressModel } from './model/progress';
import type { Problem } from './rules/types';
import type { WorkspaceIndex } from './workspace';

export interface Snapshot {
  /** The generation analysed: the same number, the same workspace. */
  readonly generation: number;
  /** The documents and their symbols, frozen. */
  readonly index: WorkspaceIndex;
  /** The configuration in force. */
  readonly config: AnalysisConfig;
  /** The day progress is measured at (the configuration's `today`, or the clock's). */
  readonly today: Day;
  readonly graph: AlignmentGraph;
  readonly progress: ProgressModel;
  /**
   * Problems per document URI; every indexed document has an entry, empty when clean. A file's
   * list is the same array from one snapshot to the next while its problems are unchanged.
   */
  readonly problems: ReadonlyMap<string, readonly Problem[]>;
}
