// kr-is-task: A key result that is an output (a task), not an outcome, and has no metric.
// (Not yet implemented: reports nothing.)
import type { FileRule } from './types';

export const krIsTask: FileRule = {
  meta: {
    id: 'kr-is-task',
    defaultSeverity: 'info',
    category: 'quality',
    description: 'A key result that is an output (a task), not an outcome, and has no metric.',
  },
  scope: 'file',
  check() {},
};
