// summation-mismatch: The contributions to a `rollup sum` key result do not add up to its target.
// (Not yet implemented: reports nothing.)
import type { WorkspaceRule } from './types';

export const summationMismatch: WorkspaceRule = {
  meta: {
    id: 'summation-mismatch',
    defaultSeverity: 'warning',
    category: 'alignment',
    description: 'The contributions to a `rollup sum` key result do not add up to its target.',
  },
  scope: 'workspace',
  check() {},
};
