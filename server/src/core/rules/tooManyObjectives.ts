// too-many-objectives: one owner with more than `maxObjectivesPerOwner` (5 by default)
// objectives in one period, across all files. OKRs are a way to say "not yet" to the other things
// one could work on; an owner with many objectives has not chosen.
//  - The owner is the objective's own `owner`, else its file's. Objectives without an owner are
//    not counted. Owners are compared as written (`@ceo` and `"CEO"` are two owners).
//  - The same period means the same days: `2026-Q1` and `2026-01-01..2026-03-31` are one period;
//    `2026-Q1` and `2026-H1` are not (they overlap, but are planned separately). Objectives with no
//    valid period are counted together.
//  - Every objective of the group is reported (none of them is the "extra" one: the owner picks),
//    each pointing at the others — at most MAX_RELATED of them, so that an owner with hundreds of
//    objectives costs a list per objective, not a square.
import type { ObjectiveNode } from '../model/graph';
import type { WorkspaceRule } from './types';

const MAX_RELATED = 20;

export const tooManyObjectives: WorkspaceRule = {
  meta: {
    id: 'too-many-objectives',
    defaultSeverity: 'info',
    category: 'quality',
    description: 'An owner with more objectives in one period than `maxObjectivesPerOwner` (5 by default).',
  },
  scope: 'workspace',
  check(context) {
    const max = context.config.maxObjectivesPerOwner;
    const periodKey = (node: ObjectiveNode) => (node.period ? `${node.period.start}..${node.period.end}` : '');
    const groups = new Map<string, ObjectiveNode[]>();
    for (const node of context.scope.nodes()) {
      if (!node.owner) continue;
      // The owner's objectives in the same period, in workspace order.
      const key = `${node.owner}\u0000${periodKey(node)}`;
      let group = groups.get(key);
      if (!group) {
        const period = periodKey(node);
        group = context.graph.ownedBy(node.owner).filter((other) => periodKey(other) === period);
        groups.set(key, group);
      }
      if (group.length <= max) continue;
      const when = node.period ? `in ${node.period.text}` : 'with no period';
      const others: ObjectiveNode[] = [];
      for (const other of group) {
        if (other !== node) others.push(other);
        if (others.length === MAX_RELATED) break;
      }
      context.report(node.uri, node.objective.id.span, `${node.owner} owns ${group.length} objectives ${when}, more than ${max}: pick the ${max} or fewer that matter most this period and say "not yet" to the others (or give them to another owner)`, {
        related: others.map((other) => ({ uri: other.uri, span: other.objective.id.span, message: `${node.owner}'s objective ${other.objective.id.text}` })),
        data: { owner: node.owner, count: group.length, max },
      });
    }
  },
};
