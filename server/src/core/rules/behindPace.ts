// behind-pace: Progress more than 20 points behind the time elapsed in the period.
// (Not yet implemented: reports nothing.)
import type { WorkspaceRule } from './types';

export const behindPace: WorkspaceRule = {
  meta: {
    id: 'behind-pace',
    defaultSeverity: 'info',
    category: 'quality',
    description: 'Progress more than 20 points behind the time elapsed in the period.',
  },
  scope: 'workspace',
  check() {},
};
