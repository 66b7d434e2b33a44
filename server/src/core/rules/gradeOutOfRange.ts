// grade-out-of-range: a `grade` that is not between 0.0 and 1.0. Grades are scored as Google's
// playbook scores them, 0.0 (no progress) to 1.0 (fully delivered); a 7 or a 70 is a grade on
// another scale, and averaging it with the others would make the objective's grade meaningless.
// Out-of-range grades count nowhere (not in the objective's grade, not in the colours).
import type { Closing } from '../syntax/ast';
import type { FileRule } from './types';

export const gradeOutOfRange: FileRule<'grade-out-of-range'> = {
  meta: {
    id: 'grade-out-of-range',
    defaultSeverity: 'error',
    category: 'error',
    description: 'A grade outside 0.0–1.0.',
  },
  scope: 'file',
  check(context) {
    const check = (block: Closing, what: string) => {
      const grade = block.grade;
      if (!grade) return;
      const { value, raw, span } = grade.value;
      if (Number.isFinite(value) && value >= 0 && value <= 1) return;
      const hint = Number.isFinite(value) && value > 1 && value <= 100 ? `: on the 0.0–1.0 scale that is \`grade ${value <= 10 ? value / 10 : value / 100}\`?` : ': write 0.0 (no progress) to 1.0 (fully delivered)';
      context.report(span, `The grade of ${what} is ${raw}, outside 0.0–1.0${hint}`, { data: { grade: raw } });
    };
    for (const objective of context.document.file.objectives) {
      check(objective, `objective \`${objective.id.text}\``);
      for (const kr of objective.keyResults) check(kr, kr.id ? `key result \`${objective.id.text}.${kr.id.text}\`` : `“${kr.title.text}”`);
    }
  },
};
