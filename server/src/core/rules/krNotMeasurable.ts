// kr-not-measurable: a key result with no metric: nothing written out (`from … to`, `target`,
// `keep above/below`) and no amount in its title that a metric can be inferred from ("Expand
// business in the NA", "Successfully onboard and train new NA sales team"). Without a number
// nobody can tell at the end of the period whether it was achieved.
// A key result that reads as a task is left to kr-is-task, the more specific diagnosis; a key
// result with a broken metric line is left to the syntax and invalid-value rules.
import { hasExplicitMetric, metricOf } from '../model/metrics';
import { looksLikeTask } from './krIsTask';
import type { FileRule } from './types';

export const krNotMeasurable: FileRule<'kr-not-measurable'> = {
  meta: {
    id: 'kr-not-measurable',
    defaultSeverity: 'info',
    category: 'quality',
    description: 'A key result with neither an explicit metric nor an amount in its title to measure it by.',
  },
  scope: 'file',
  check(context) {
    for (const objective of context.document.file.objectives) {
      for (const kr of objective.keyResults) {
        if (!kr.title.text || hasExplicitMetric(kr) || metricOf(kr) || looksLikeTask(kr.title.text)) continue;
        const name = kr.id ? `Key result \`${kr.id.text}\`` : `“${kr.title.text}”`;
        const current = kr.metric.current ? ` It has a \`current\` value but nothing to compare it with.` : '';
        context.report(kr.id?.span ?? kr.title.span, `${name} is not measurable: it has no metric, and its title has no amount to read one from.${current} Say how you will know it is achieved: add \`target N unit\` (e.g. \`target 12 reps\`) or \`from A to B unit\` under it, or put the number in the title`);
      }
    }
  },
};
