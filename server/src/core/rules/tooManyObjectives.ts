// too-many-objectives: one owner with more than `maxObjectivesPerOwner` (5 by default)
// objectives in one period, across all files. OKRs are a way to say "not yet" to the other things
// one could work on; an owner with many objectives has not chosen.
//  - The owner is the objective's own `owner`, else its file's. Objectives without an owner are
//    not counted. Owners are compared as written (`@ceo` and `"CEO"` are two owners).
//  - The same period means the same days: `2026-Q1` and `2026-01-01..2026-03-31` are one period;
//    `2026-Q1` and `2026-H1` are not (they overlap, but are planned separately). Objectives with no
//    valid period are counted together.
//  - One problem per owner and period: the same sentence on each of six objectives is noise, and
//    six squiggles for one decision. It sits on the first objective past the limit in workspace
//    order (files by path, then top to bottom), the one that made the count too many; the message
//    names every objective of the group (the command line shows no related information) and the
//    others are linked as related information — at most MAX_RELATED (`related.ts`), however many there are.
//  - Incremental analysis: which objective carries the problem, and what it says, depend only on
//    ids, owners and periods (a shape change: everything is re-checked); the related places move
//    with edits of the other files, which re-checks the files whose problems point into them.
import { plural } from '../util/plural';
import type { ObjectiveNode } from '../model/graph';
import { mapped, othersThan } from './related';
import type { WorkspaceRule } from './types';

/** Ids named in the message; the rest are counted. */
const MAX_NAMED = 10;

export const tooManyObjectives: WorkspaceRule<'too-many-objectives'> = {
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
    const seen = new Set<string>();
    for (const node of context.scope.nodes()) {
      if (!node.owner) continue;
      const key = `${node.owner}\u0000${periodKey(node)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // The owner's objectives in the same period, in workspace order.
      const period = periodKey(node);
      const group = context.graph.ownedBy(node.owner).filter((other) => periodKey(other) === period);
      if (group.length <= max) continue;
      const at = group[max]!;
      if (!context.scope.has(at.uri)) continue;
      const when = at.period ? `in ${at.period.text}` : 'with no period';
      const ids = group.slice(0, MAX_NAMED).map((other) => `\`${other.objective.id.text}\``);
      if (group.length > MAX_NAMED) ids.push(`and ${group.length - MAX_NAMED} more`);
      const others = othersThan(group, (other) => other === at);
      context.report(at.uri, at.objective.id.span, `${at.owner} owns ${plural(group.length, 'objective')} ${when} (${ids.join(', ')}), more than ${max}: pick the ${max} or fewer that matter most this period and say "not yet" to the others (or give them to another owner)`, {
        related: mapped(others, (other) => ({ uri: other.uri, span: other.objective.id.span, message: `${at.owner}'s objective ${other.objective.id.text}` })),
        data: { owner: at.owner, count: group.length, max },
      });
    }
  },
};
