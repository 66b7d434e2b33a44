// too-many-key-results: An objective with more than five key results.
// (Not yet implemented: reports nothing.)
import type { FileRule } from './types';

export const tooManyKeyResults: FileRule = {
  meta: {
    id: 'too-many-key-results',
    defaultSeverity: 'info',
    category: 'quality',
    description: 'An objective with more than five key results.',
  },
  scope: 'file',
  check() {},
};
