// period-mismatch: An objective that aligns to an objective whose period does not contain its own.
// (Not yet implemented: reports nothing.)
import type { WorkspaceRule } from './types';

export const periodMismatch: WorkspaceRule = {
  meta: {
    id: 'period-mismatch',
    defaultSeverity: 'warning',
    category: 'alignment',
    description: 'An objective that aligns to an objective whose period does not contain its own.',
  },
  scope: 'workspace',
  check() {},
};
