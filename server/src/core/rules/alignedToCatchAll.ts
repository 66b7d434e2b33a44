// aligned-to-catch-all: An objective whose only alignment is to a catch-all objective.
// (Not yet implemented: reports nothing.)
import type { WorkspaceRule } from './types';

export const alignedToCatchAll: WorkspaceRule = {
  meta: {
    id: 'aligned-to-catch-all',
    defaultSeverity: 'warning',
    category: 'alignment',
    description: 'An objective whose only alignment is to a catch-all objective.',
  },
  scope: 'workspace',
  check() {},
};
