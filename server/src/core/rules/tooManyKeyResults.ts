// too-many-key-results: an objective with more key results than `maxKeyResults` (5 by default).
// A handful of key results keeps an objective focused; a long list is usually a task list or
// several objectives in one.
import type { FileRule } from './types';

export const tooManyKeyResults: FileRule<'too-many-key-results'> = {
  meta: {
    id: 'too-many-key-results',
    defaultSeverity: 'info',
    category: 'quality',
    description: 'An objective with more key results than `maxKeyResults` (5 by default).',
  },
  scope: 'file',
  check(context) {
    const max = context.config.maxKeyResults;
    const { uri } = context.document;
    for (const objective of context.document.file.objectives) {
      const count = objective.keyResults.length;
      if (count <= max) continue;
      const extra = objective.keyResults.slice(max);
      context.report(objective.id.span, `Objective \`${objective.id.text}\` has ${count} key results, more than ${max}: keep the ${max} or fewer that best show it is achieved, and drop or move the rest (or split it into two objectives)`, {
        related: extra.map((kr, i) => ({ uri, span: kr.id?.span ?? kr.title.span, message: `key result ${max + i + 1}: ${kr.id ? kr.id.text : kr.title.text}` })),
        data: { count, max },
      });
    }
  },
};
