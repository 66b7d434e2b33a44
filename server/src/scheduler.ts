// When the analysis runs. It starts once a burst of changes is over: each change pushes it back
// by one turn of the event loop, so the messages already received are all taken in first, and
// only the latest text of each file is analysed. It then runs in slices of SLICE_MS, a turn of
// the event loop between two, so that requests are read and answered while it runs (from the
// last snapshot, see context.snapshotFor). When the snapshot of the current generation is
// complete, `publish` gets it: once per generation (or configuration) change.
import { nextTurn } from './context';
import type { Analyzer, Snapshot } from './core';

/** How long the analysis runs before the requests waiting are read. */
export const SLICE_MS = 20;

export class AnalysisScheduler {
  private changes = 0;
  private scheduled = false;
  private publishedGeneration = -1;

  constructor(
    /** The analyzer, with the editors' latest texts taken in. */
    private readonly analyzer: () => Analyzer,
    private readonly publish: (snapshot: Snapshot) => void,
  ) {}

  /** Something changed: analyse and publish once the burst is over. */
  schedule(): void {
    this.changes++;
    if (this.scheduled) return;
    this.scheduled = true;
    let seen = -1;
    const whenQuiet = () => {
      if (seen !== this.changes) {
        seen = this.changes;
        return nextTurn(whenQuiet);
      }
      this.run();
    };
    nextTurn(whenQuiet);
  }

  private run(): void {
    const analyzer = this.analyzer();
    if (analyzer.generation === this.publishedGeneration) {
      this.scheduled = false;
      return;
    }
    const snapshot = analyzer.step(SLICE_MS);
    if (!snapshot) return nextTurn(() => this.run());
    this.scheduled = false;
    if (snapshot.generation === this.publishedGeneration) return;
    this.publishedGeneration = snapshot.generation;
    this.publish(snapshot);
  }
}
