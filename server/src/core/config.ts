// The analysis settings, as read from okr.config.json (see docs/configuration.md). The core only
// sees this plain object; hosts find, read and watch the file, and parseConfig turns its text
// into settings plus the problems found in it.
import type { Severity } from './severity';

export type RuleSetting = Severity | 'off';

export interface CatchAllConfig {
  /** Extra "business as usual" phrases, matched case-insensitively at the start of a title. */
  readonly phrases: readonly string[];
  /** Structural catch-all: at least this many objectives align to it … */
  readonly minAligned: number;
  /** … from at least this many different owners, while it has no measurable key result. */
  readonly minOwners: number;
}

export interface AnalysisConfig {
  /** Levels, top to bottom. */
  readonly levels: readonly string[];
  /** Per-rule severity overrides. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly catchAll: CatchAllConfig;
  /** stale-checkin: days without a check-in, in the current period, before it fires. */
  readonly staleCheckinDays: number;
  /** behind-pace: percentage points behind the time elapsed before it fires. */
  readonly behindPacePoints: number;
  /** too-many-key-results fires above this many key results in an objective. */
  readonly maxKeyResults: number;
  /** too-many-objectives fires above this many objectives per owner per period. */
  readonly maxObjectivesPerOwner: number;
  /** over-aligned fires above this many alignments. */
  readonly maxAlignments: number;
  /** Today's date (YYYY-MM-DD) for progress and staleness; the real date when absent. */
  readonly today?: string;
}

/** The levels of the organisation, top to bottom, unless okr.config.json says otherwise. */
export const defaultLevels: readonly string[] = ['company', 'department', 'team', 'individual'];

export const defaultConfig: AnalysisConfig = {
  levels: defaultLevels,
  rules: {},
  catchAll: { phrases: [], minAligned: 4, minOwners: 3 },
  staleCheckinDays: 14,
  behindPacePoints: 20,
  maxKeyResults: 5,
  maxObjectivesPerOwner: 5,
  maxAlignments: 3,
};
