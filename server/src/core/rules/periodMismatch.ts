// period-mismatch: an objective that aligns to an objective (or to a key result of one) whose
// period does not contain its own: a Q2 objective under a Q1 objective, a year objective under a
// quarter's. Both periods must be known (own or the file's, and valid); strategies have no
// period. Reported on the reference, with the target as related information.
import type { Period } from '../model/period';
import { containsPeriod } from '../model/period';
import type { WorkspaceRule } from './types';

export const periodMismatch: WorkspaceRule<'period-mismatch'> = {
  meta: {
    id: 'period-mismatch',
    defaultSeverity: 'warning',
    category: 'alignment',
    description: 'An objective that aligns to an objective whose period does not contain its own.',
  },
  scope: 'workspace',
  check({ graph, scope, report }) {
    for (const alignment of scope.alignments()) {
      const node = graph.node(alignment.objective);
      const target = graph.targetNode(alignment);
      if (!node || !target || target === node || !node.period || !target.period) continue;
      if (containsPeriod(target.period, node.period)) continue;
      const id = node.objective.id.text;
      const targetId = target.objective.id.text;
      report(alignment.uri, alignment.reference.span, `\`${id}\` runs in ${node.period.text} but aligns to \`${targetId}\`, which runs in ${target.period.text}: ${relation(node.period, target.period)}. Align to an objective whose period covers ${node.period.text}, or correct one of the periods`, {
        related: [{ uri: target.uri, span: target.objective.id.span, message: `${targetId}: period ${target.period.text}` }],
        data: { target: targetId, period: node.period.text, targetPeriod: target.period.text },
      });
    }
  },
};

function relation(own: Period, target: Period): string {
  if (target.end < own.start) return 'that period is over before this one starts';
  if (target.start > own.end) return 'that period starts after this one ends';
  if (own.start <= target.start && own.end >= target.end) return 'this objective runs longer than what it serves';
  return own.start < target.start ? 'this objective starts before what it serves' : 'this objective ends after what it serves';
}
