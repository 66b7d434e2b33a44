// kr-not-measurable: A key result with neither an explicit metric nor a number in its title.
// (Not yet implemented: reports nothing.)
import type { FileRule } from './types';

export const krNotMeasurable: FileRule = {
  meta: {
    id: 'kr-not-measurable',
    defaultSeverity: 'info',
    category: 'quality',
    description: 'A key result with neither an explicit metric nor a number in its title.',
  },
  scope: 'file',
  check() {},
};
