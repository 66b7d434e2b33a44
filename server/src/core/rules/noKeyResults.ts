// no-key-results: An objective without key results.
// (Not yet implemented: reports nothing.)
import type { FileRule } from './types';

export const noKeyResults: FileRule = {
  meta: {
    id: 'no-key-results',
    defaultSeverity: 'info',
    category: 'quality',
    description: 'An objective without key results.',
  },
  scope: 'file',
  check() {},
};
