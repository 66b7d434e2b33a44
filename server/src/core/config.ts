// The analysis settings, as read from okr.config.json (see docs/configuration.md). The core only
// sees this plain object; hosts read and watch the file.
import { defaultLevels } from './model/levels';
import type { Severity } from './rules/types';

export type RuleSetting = Severity | 'off';

export interface AnalysisConfig {
  /** Levels, top to bottom. */
  readonly levels: readonly string[];
  /** Per-rule severity overrides. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
}

export const defaultConfig: AnalysisConfig = {
  levels: defaultLevels,
  rules: {},
};
