// split-not-enable: Objectives that are numeric shares of a key result that is not `rollup sum`: ask how they enable it instead.
// (Not yet implemented: reports nothing.)
import type { WorkspaceRule } from './types';

export const splitNotEnable: WorkspaceRule = {
  meta: {
    id: 'split-not-enable',
    defaultSeverity: 'hint',
    category: 'alignment',
    description: 'Objectives that are numeric shares of a key result that is not `rollup sum`: ask how they enable it instead.',
  },
  scope: 'workspace',
  check() {},
};
