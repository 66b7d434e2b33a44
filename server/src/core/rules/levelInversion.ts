// level-inversion: an objective that aligns to an objective (or to a key result of one) at a
// LOWER level than its own: a department objective placed under a team's. Aligning to an
// objective at the same level is enabling, not an inversion (see missing-story). Objectives with
// no level or an unknown one are not judged. Reported on the reference, with the target as
// related information.
import type { WorkspaceRule } from './types';
import { withArticle } from '../util/plural';

export const levelInversion: WorkspaceRule<'level-inversion'> = {
  meta: {
    id: 'level-inversion',
    defaultSeverity: 'warning',
    category: 'alignment',
    description: 'An objective that aligns to an objective at a lower level (a department objective under a team\'s).',
  },
  scope: 'workspace',
  check({ graph, scope, report }) {
    for (const alignment of scope.alignments()) {
      const node = graph.node(alignment.objective);
      const target = graph.targetNode(alignment);
      if (!node || !target || target === node) continue;
      if (node.rank === undefined || target.rank === undefined || target.rank <= node.rank) continue;
      const id = node.objective.id.text;
      const targetId = target.objective.id.text;
      const via = alignment.target?.kind === 'keyResult' ? ` (through its key result \`${alignment.reference.objective.text}.${alignment.reference.keyResult?.text ?? ''}\`)` : '';
      report(alignment.uri, alignment.reference.span, `\`${id}\` is ${withArticle(node.level ?? '')} objective but aligns to \`${targetId}\`, ${withArticle(target.level ?? '')} objective${via}: a higher level cannot serve a lower one. Turn it around (\`${targetId}\` aligns to \`${id}\`), align to an objective at the ${node.level} level or above, or correct one of the levels`, {
        related: [{ uri: target.uri, span: target.objective.id.span, message: `${targetId}: level ${target.level}` }],
        data: { target: targetId, level: node.level, targetLevel: target.level },
      });
    }
  },
};
