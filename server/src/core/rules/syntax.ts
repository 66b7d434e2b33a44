// syntax: a line that does not parse, or a statement in a place where it means nothing.
// The problems come from the parser (syntax/); this rule only reports them.
import type { FileRule } from './types';

export const syntax: FileRule = {
  meta: {
    id: 'syntax',
    defaultSeverity: 'error',
    category: 'error',
    description: 'A line that is not a statement of the language, or a statement where it cannot stand.',
  },
  scope: 'file',
  check({ document, report }) {
    for (const problem of document.file.problems) report(problem.span, problem.message);
  },
};
