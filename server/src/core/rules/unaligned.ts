// unaligned: An objective below the top level that aligns to nothing; a top-level objective that aligns to no strategy when the workspace has strategies.
// (Not yet implemented: reports nothing.)
import type { WorkspaceRule } from './types';

export const unaligned: WorkspaceRule = {
  meta: {
    id: 'unaligned',
    defaultSeverity: 'warning',
    category: 'alignment',
    description: 'An objective below the top level that aligns to nothing; a top-level objective that aligns to no strategy when the workspace has strategies.',
  },
  scope: 'workspace',
  check() {},
};
