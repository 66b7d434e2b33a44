// too-many-objectives: An owner with more than five objectives in one period.
// (Not yet implemented: reports nothing.)
import type { WorkspaceRule } from './types';

export const tooManyObjectives: WorkspaceRule = {
  meta: {
    id: 'too-many-objectives',
    defaultSeverity: 'info',
    category: 'quality',
    description: 'An owner with more than five objectives in one period.',
  },
  scope: 'workspace',
  check() {},
};
