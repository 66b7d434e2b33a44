// over-aligned: An objective aligned to every top-level objective, or to more than three: focus.
// (Not yet implemented: reports nothing.)
import type { WorkspaceRule } from './types';

export const overAligned: WorkspaceRule = {
  meta: {
    id: 'over-aligned',
    defaultSeverity: 'hint',
    category: 'alignment',
    description: 'An objective aligned to every top-level objective, or to more than three: focus.',
  },
  scope: 'workspace',
  check() {},
};
