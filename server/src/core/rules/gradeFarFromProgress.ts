// grade-far-from-progress: a key result whose grade is more than 0.3 away from its measured
// progress. A grade may say more than the numbers (a target that turned out wrong, a partial
// delivery that counts), but far from them it needs a reason, or one of the two is out of date:
// a missing check-in, a grade written for another key result.
//  - Only key results with measured progress (a metric and a value, or steps) and a grade in range.
//  - Not reported when the grade has a note: the note is the reason.
//  - The message gives both numbers.
import type { WorkspaceRule } from './types';
import { formatGrade, validGrade } from '../model/closing';
import { krName } from './unitMismatch';

/** How far apart a grade and the progress may be. */
export const GRADE_GAP = 0.3;

export const gradeFarFromProgress: WorkspaceRule<'grade-far-from-progress'> = {
  meta: {
    id: 'grade-far-from-progress',
    defaultSeverity: 'hint',
    category: 'quality',
    description: 'A grade more than 0.3 away from the measured progress, with no note saying why.',
  },
  scope: 'workspace',
  check(context) {
    const { progress, scope } = context;
    for (const node of scope.nodes()) {
      for (const kr of node.objective.keyResults) {
        const grade = validGrade(kr);
        if (grade === undefined || kr.grade!.note) continue;
        const measured = progress.keyResultProgress(kr);
        if (measured === undefined) continue;
        const gap = Math.abs(grade - measured);
        if (gap <= GRADE_GAP + 1e-9) continue;
        const direction = grade > measured ? 'above' : 'below';
        context.report(node.uri, kr.grade!.span, `${krName(node.objective, kr)} is graded ${formatGrade(grade)}, but its measured progress is ${Math.round(measured * 100)}% (${formatGrade(Math.round(measured * 100) / 100)}): the grade is ${Math.round(gap * 100)} points ${direction} it. Say why in a note (\`grade ${kr.grade!.value.raw}: why\`), or check in the latest value`, {
          data: { grade, progress: measured },
        });
      }
    }
  },
};
