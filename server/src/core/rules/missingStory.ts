// missing-story: An enabling alignment (same level, or another owner's branch) without a `why:`.
// (Not yet implemented: reports nothing.)
import type { WorkspaceRule } from './types';

export const missingStory: WorkspaceRule = {
  meta: {
    id: 'missing-story',
    defaultSeverity: 'hint',
    category: 'alignment',
    description: 'An enabling alignment (same level, or another owner\'s branch) without a `why:`.',
  },
  scope: 'workspace',
  check() {},
};
