// stale-checkin: A key result of the current period without a check-in for more than 14 days.
// (Not yet implemented: reports nothing.)
import type { WorkspaceRule } from './types';

export const staleCheckin: WorkspaceRule = {
  meta: {
    id: 'stale-checkin',
    defaultSeverity: 'info',
    category: 'quality',
    description: 'A key result of the current period without a check-in for more than 14 days.',
  },
  scope: 'workspace',
  check() {},
};
