// level-inversion: An objective that aligns to an objective at a lower level.
// (Not yet implemented: reports nothing.)
import type { WorkspaceRule } from './types';

export const levelInversion: WorkspaceRule = {
  meta: {
    id: 'level-inversion',
    defaultSeverity: 'warning',
    category: 'alignment',
    description: 'An objective that aligns to an objective at a lower level.',
  },
  scope: 'workspace',
  check() {},
};
