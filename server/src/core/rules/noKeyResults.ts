// no-key-results: an objective without key results. An objective says where to go; its key
// results say how everyone will know it got there. Without them it cannot be scored, and nothing
// can show progress towards it.
import type { FileRule } from './types';

export const noKeyResults: FileRule<'no-key-results'> = {
  meta: {
    id: 'no-key-results',
    defaultSeverity: 'info',
    category: 'quality',
    description: 'An objective without key results.',
  },
  scope: 'file',
  check(context) {
    for (const objective of context.document.file.objectives) {
      if (objective.keyResults.length) continue;
      context.report(objective.id.span, `Objective \`${objective.id.text}\` has no key results: add two to five \`kr ID: title\` lines under it that say how you will know it is achieved`);
    }
  },
};
