// What an import reads, whatever the source: objectives (and strategies) with their key results,
// each linked to what it aligns to by the source's own keys, with notes for what has no place in the
// language. The writer (write.ts) turns a plan into .okr files.

/** A value with no place in the language, kept as a comment on its item: `Status: On track`. */
export interface Note {
  readonly label: string;
  readonly text: string;
  /** Provenance (the source's id): kept as a comment, but nothing was lost. */
  readonly provenance?: boolean;
}

export interface PlanCheckin {
  /** YYYY-MM-DD */
  readonly date: string;
  /** The value as a quantity: `40`, `40 %`, `1.2 $M`. */
  readonly value: string;
  readonly confidence?: number;
  readonly note?: string;
}

/** How an objective or key result closed its period (the JSON export's grades and statuses). */
export interface PlanClosing {
  /** 0..1, its own grade. */
  grade?: number;
  gradeNote?: string;
  status?: 'done' | 'missed' | 'dropped' | 'carried';
  /** For `carried`: the period it is carried over to. */
  carriedTo?: string;
  /** `learned:` lines. */
  learned?: string[];
}

export interface PlanKeyResult extends PlanClosing {
  /** The source's key for it (unique in the plan): references name it. */
  readonly key: string;
  /** 1-based row of the source, for messages. */
  readonly row?: number;
  /** An id to keep when it is a valid, unused id (the JSON export's ids). */
  readonly id?: string;
  /** The JSON export's key result without id (`kr: title`). */
  readonly noId?: boolean;
  readonly title: string;
  owner?: string;
  /** The metric statement: `from 0 to 200 $M`, `target 80 %`, `keep above 99.9 %`. */
  metric?: string;
  /** `current` quantity. */
  current?: string;
  readonly checkins: PlanCheckin[];
  weight?: number;
  /** Key of the key result it adds into. */
  contributesTo?: string;
  rollup?: boolean;
  /**
   * A milestone key result's steps, done and in all: the JSON export has their count, not their
   * titles, so they come back as `step done: Step 1`, `step: Step 3`.
   */
  steps?: { readonly done: number; readonly total: number };
  readonly notes: Note[];
}

export interface PlanObjective extends PlanClosing {
  readonly kind: 'objective' | 'strategy';
  readonly key: string;
  readonly row?: number;
  readonly id?: string;
  readonly title: string;
  /** Which file it goes to with `--by team` (a team, or the file it came from). */
  team?: string;
  level?: string;
  owner?: string;
  period?: string;
  commitment?: 'committed' | 'aspirational';
  why?: string;
  /** Keys of the objectives, strategies or key results it aligns to; the first is its place in the tree. */
  readonly parents: string[];
  readonly keyResults: PlanKeyResult[];
  readonly notes: Note[];
}

export interface Plan {
  /** What was read: `Viva Goals export (CSV)`, `CSV`, `okr export --format json`. */
  readonly source: string;
  readonly objectives: PlanObjective[];
  /** The levels, top to bottom, when they are not the language's defaults. */
  levels?: string[];
  /** `today` to pin in okr.config.json (the JSON export of a workspace that pinned it). */
  today?: string;
}

/** Bad input: one clear message, naming the row when there is one. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
