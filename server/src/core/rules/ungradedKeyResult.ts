// ungraded-key-result: a key result of a period that has ended, with no grade. Grading is how a
// quarter closes: the grades and what was learned are what the next quarter is planned from.
//  - Only periods that are over, in the weeks a team reviews them: today (configured or real) is
//    after their last day, and at most GRADING_DAYS (90) days after it. A plan closed long ago is
//    history: it is not reopened on every run.
//  - Not reported: key results whose status is `dropped` (there is nothing to grade).
//  - The message gives the measured progress when there is one; the quick fixes write a grade from
//    it ("Grade from progress") or the closing status ("Carry over to NEXT").
import type { WorkspaceRule } from './types';
import { formatDay } from '../model/dates';
import { gradeFromProgress, hasEnded, nextPeriod } from '../model/closing';
import { krName } from './unitMismatch';

/** How long after its period a key result is still expected to be graded. */
export const GRADING_DAYS = 90;

export const ungradedKeyResult: WorkspaceRule<'ungraded-key-result'> = {
  meta: {
    id: 'ungraded-key-result',
    defaultSeverity: 'info',
    category: 'quality',
    description: 'A key result of a period that ended in the last 90 days, with no grade.',
  },
  scope: 'workspace',
  check(context) {
    const { progress, today, scope } = context;
    for (const node of scope.nodes()) {
      const { period, objective } = node;
      if (!period || !hasEnded(period, today) || today - period.end > GRADING_DAYS) continue;
      for (const kr of objective.keyResults) {
        if (kr.grade || kr.status?.kind === 'dropped') continue;
        const measured = progress.keyResultProgress(kr);
        const suggested = measured === undefined ? undefined : gradeFromProgress(measured);
        const from = measured === undefined ? 'grade it from 0.0 (no progress) to 1.0 (delivered)' : `its measured progress is ${Math.round(measured * 100)}%: grade it (\`grade ${suggested}\`)`;
        context.report(node.uri, kr.id?.span ?? kr.title.span, `${krName(objective, kr)} has no grade, and ${period.text} ended on ${formatDay(period.end)}: ${from}, and say what was learned`, {
          data: { period: period.text, progress: measured ?? null, grade: suggested ?? null, next: nextPeriod(period.text) ?? null },
        });
      }
    }
  },
};
