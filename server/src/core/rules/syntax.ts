// syntax: a line that does not parse, or a statement in a place where it means nothing.
// The problems come from the parser (syntax/); this rule only reports them, and only so many:
// a file that is mostly not the language (a pasted document, another format) would bury the
// problems list, and its first lines say what is wrong as well as all of them.
import type { FileRule } from './types';

/** Problems reported one by one; past this, one more diagnostic counts the rest. */
export const MAX_SYNTAX_PROBLEMS = 50;

export const syntax: FileRule<'syntax'> = {
  meta: {
    id: 'syntax',
    defaultSeverity: 'error',
    category: 'error',
    description: 'A line that is not a statement of the language, or a statement where it cannot stand.',
  },
  scope: 'file',
  check({ document, report }) {
    const problems = document.file.problems;
    // The parser finds unreadable characters before statement errors: "the first" is by place.
    const ordered = problems.length > MAX_SYNTAX_PROBLEMS ? [...problems].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end) : problems;
    for (const problem of ordered.slice(0, MAX_SYNTAX_PROBLEMS)) report(problem.span, problem.message);
    const more = ordered.length - MAX_SYNTAX_PROBLEMS;
    if (more > 0) {
      const next = ordered[MAX_SYNTAX_PROBLEMS]!.span;
      report(next, `${more} more syntax problem${more === 1 ? '' : 's'} from this line on (only the first ${MAX_SYNTAX_PROBLEMS} of a file are listed one by one)`);
    }
  },
};
