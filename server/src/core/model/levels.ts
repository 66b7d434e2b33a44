// Levels of the organisation, top to bottom: an objective's level and rank. The order is
// configurable (okr.config.json); the defaults are config.ts's `defaultLevels`.
import type { AnalysisConfig } from '../config';
import type { Objective, OkrFile } from '../syntax/ast';

/** 0 for the top level, 1 below it, …; undefined for an unknown level. */
export function levelRank(config: AnalysisConfig, level: string | undefined): number | undefined {
  if (level === undefined) return undefined;
  const rank = config.levels.indexOf(level);
  return rank === -1 ? undefined : rank;
}

/** The objective's level: its own, or the file's default. */
export function levelOf(file: OkrFile, objective: Objective): string | undefined {
  return objective.level?.text ?? file.header.level?.text;
}

/** The objective's owner: its own, or the file's default. */
export function ownerOf(file: OkrFile, objective: Objective): string | undefined {
  return objective.owner?.text ?? file.header.owner?.text;
}
