// catch-all: A catch-all objective: business-as-usual wording, or many unrelated objectives aligned to it while it has no measurable key result.
// (Not yet implemented: reports nothing.)
import type { WorkspaceRule } from './types';

export const catchAll: WorkspaceRule = {
  meta: {
    id: 'catch-all',
    defaultSeverity: 'warning',
    category: 'alignment',
    description: 'A catch-all objective: business-as-usual wording, or many unrelated objectives aligned to it while it has no measurable key result.',
  },
  scope: 'workspace',
  check() {},
};
