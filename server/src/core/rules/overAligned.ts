// over-aligned: an objective that serves everything serves nothing in particular. Fires when an
// objective aligns to more than `maxAlignments` (default 3) different objectives and strategies
// (a key result counts as its objective; two key results of one objective count once), or to
// every top-level objective of its period when there are at least two of them. Reported on the
// objective's id.
import type { ObjectiveNode } from '../model/graph';
import type { WorkspaceRule } from './types';

export const overAligned: WorkspaceRule<'over-aligned'> = {
  meta: {
    id: 'over-aligned',
    defaultSeverity: 'hint',
    category: 'alignment',
    description: 'An objective aligned to every top-level objective, or to more than three: focus.',
  },
  scope: 'workspace',
  check({ graph, config, scope, report }) {
    for (const node of scope.nodes()) {
      if (node.alignments.length < 2) continue;
      // What it serves, by identity (an objective, a strategy, or an unresolved id) → its name.
      const served = new Map<unknown, string>();
      for (const alignment of node.alignments) {
        const target = alignment.target;
        if (!target) served.set(alignment.reference.objective.text, alignment.reference.objective.text);
        else if (target.kind === 'keyResult') served.set(target.objective, target.objective.id.text);
        else served.set(target.node, target.node.id.text);
      }
      const names = [...served.values()];
      const id = node.objective.id.text;
      const others = graph.atRank(0).filter((top) => top !== node && overlaps(top, node));
      const everyTop = others.length >= 2 && others.every((top) => served.has(top.objective));
      const tooMany = served.size > config.maxAlignments;
      if (!everyTop && !tooMany) continue;
      const list = names.map((n) => `\`${n}\``).join(', ');
      const what = tooMany
        ? `aligns to ${served.size} objectives and strategies (${list}), more than ${config.maxAlignments}${everyTop ? `, among them every ${others[0]!.level} objective` : ''}`
        : `aligns to every ${others[0]!.level} objective (${list})`;
      report(node.uri, node.objective.id.span, `\`${id}\` ${what}: an objective that serves everything has no focus. Keep the one it serves most (the first \`aligns to\` is its place in the tree) and drop the others, or split the work into objectives that each serve one`, {
        data: { served: names },
      });
    }
  },
};

/** Whether the two objectives' periods overlap (or either period is unknown). */
function overlaps(a: ObjectiveNode, b: ObjectiveNode): boolean {
  if (!a.period || !b.period) return true;
  return a.period.start <= b.period.end && b.period.start <= a.period.end;
}
