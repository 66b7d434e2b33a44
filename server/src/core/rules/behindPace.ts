// behind-pace: an objective whose period is under way (it contains today) and whose progress is
// more than `behindPacePoints` percentage points (20 by default) behind where it should be by now.
//  - Progress is the objective's: the weighted mean of its key results that have a metric and a
//    value (see docs/language.md, Progress).
//  - Where it should be = the share of the period elapsed today (the first day counts as elapsed),
//    times the score the objective is expected to reach: 1.0 for a committed objective (the
//    default), 0.7 for an `aspirational` one, which is on pace at 70% of the time elapsed.
//  - Only objectives are checked, not each key result: one diagnostic per objective keeps the
//    noise down, and its related information lists where each key result stands.
//  - The numbers in the message are rounded to whole percents, and the rule compares the rounded
//    numbers, so the message always adds up.
import { elapsed } from '../model/period';
import { expectedScore } from '../model/progress';
import type { RelatedLocation, WorkspaceRule } from './types';
import { plural } from '../util/plural';

export const behindPace: WorkspaceRule<'behind-pace'> = {
  meta: {
    id: 'behind-pace',
    defaultSeverity: 'info',
    category: 'quality',
    description: 'An objective whose progress is more than `behindPacePoints` points (20 by default) behind the time elapsed in its period.',
  },
  scope: 'workspace',
  check(context) {
    const { progress, today, scope } = context;
    const limit = context.config.behindPacePoints;
    for (const node of scope.nodes()) {
      const { period, objective } = node;
      if (!period || today < period.start || today > period.end) continue;
      const done = progress.objectiveProgress(objective);
      if (done === undefined) continue;
      const kind = objective.commitment?.kind ?? 'committed';
      const share = elapsed(period, today);
      const donePct = Math.round(done * 100);
      const elapsedPct = Math.round(share * 100);
      const expectedPct = Math.round(share * expectedScore[kind] * 100);
      const behind = expectedPct - donePct;
      if (behind <= limit) continue;
      const bar = kind === 'aspirational' ? `; aspirational, so on pace at ${expectedPct}% (0.7 of the time elapsed)` : '';
      const related: RelatedLocation[] = [];
      for (const kr of objective.keyResults) {
        const krProgress = progress.keyResultProgress(kr);
        if (krProgress === undefined) continue;
        related.push({ uri: node.uri, span: kr.id?.span ?? kr.title.span, message: `${kr.id ? kr.id.text : kr.title.text}: ${Math.round(krProgress * 100)}% done` });
      }
      context.report(node.uri, objective.id.span, `Objective \`${objective.id.text}\` is behind pace in ${period.text}: ${donePct}% done, ${elapsedPct}% of the period elapsed${bar} (${plural(behind, 'point')} behind). Check in on its key results if they are out of date; otherwise decide what to change to catch up`, {
        related,
        data: { progress: done, elapsed: share, expected: expectedPct / 100, behind, commitment: kind },
      });
    }
  },
};
