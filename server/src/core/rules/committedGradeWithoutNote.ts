// committed-grade-without-note: a key result of a `committed` objective graded below 1.0 with no
// note on its grade. A committed OKR is one the team promised to deliver in full: anything less is
// an exception, and the next quarter is planned from why it happened. The note is that why:
// `grade 0.8: the vendor slipped two weeks`.
//  - Only objectives that say `committed` (an objective that says neither is not held to 1.0 here).
//  - A grade out of range is grade-out-of-range's business; a `dropped` key result is not expected at 1.0.
import type { FileRule } from './types';
import { validGrade } from '../model/closing';
import { krName } from './unitMismatch';

export const committedGradeWithoutNote: FileRule<'committed-grade-without-note'> = {
  meta: {
    id: 'committed-grade-without-note',
    defaultSeverity: 'warning',
    category: 'quality',
    description: 'A key result of a committed objective graded below 1.0 without a note saying why.',
  },
  scope: 'file',
  check(context) {
    for (const objective of context.document.file.objectives) {
      if (objective.commitment?.kind !== 'committed') continue;
      for (const kr of objective.keyResults) {
        const grade = validGrade(kr);
        if (grade === undefined || grade >= 1 || kr.grade?.note || kr.status?.kind === 'dropped') continue;
        context.report(kr.grade!.span, `${krName(objective, kr)} is committed but graded ${kr.grade!.value.raw}: say why it fell short in a note (\`grade ${kr.grade!.value.raw}: what happened\`), so that the next quarter is planned from it`, {
          data: { grade },
        });
      }
    }
  },
};
