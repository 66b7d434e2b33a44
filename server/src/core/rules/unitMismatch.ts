// unit-mismatch: Contributions whose units do not add up: % into $M, or percentages summed.
// (Not yet implemented: reports nothing.)
import type { WorkspaceRule } from './types';

export const unitMismatch: WorkspaceRule = {
  meta: {
    id: 'unit-mismatch',
    defaultSeverity: 'warning',
    category: 'alignment',
    description: 'Contributions whose units do not add up: % into $M, or percentages summed.',
  },
  scope: 'workspace',
  check() {},
};
