// aligned-to-catch-all: an objective whose only alignments point to catch-all objectives (or to
// their key results). Such an alignment says nothing about what the objective feeds: "Team
// objective: (pretty much anything)" (seed 004). An objective with at least one other alignment
// (a strategy, a focused objective) is fine; one with an unresolved alignment is left to
// unknown-reference. Reported on each reference to a catch-all, with the catch-all as related
// information.
// Information, not a warning: the cause is the catch-all, which carries the one warning (and
// lists what aligns to it); repeating it as a warning on every child would turn one wrong
// objective into a page of them.
import type { Objective } from '../syntax/ast';
import { catchAllReason, describeCatchAll, type CatchAllReason } from '../model/catchAll';
import { parentObjective } from '../model/graph';
import type { WorkspaceRule } from './types';

export const alignedToCatchAll: WorkspaceRule<'aligned-to-catch-all'> = {
  meta: {
    id: 'aligned-to-catch-all',
    defaultSeverity: 'info',
    category: 'alignment',
    description: 'An objective whose only alignment is to a catch-all objective.',
  },
  scope: 'workspace',
  check({ graph, progress, config, index, scope, report }) {
    const reasons = new Map<Objective, CatchAllReason | undefined>();
    const reasonOf = (objective: Objective) => {
      if (!reasons.has(objective)) {
        const node = graph.node(objective);
        reasons.set(objective, node && catchAllReason(node, graph, progress, config));
      }
      return reasons.get(objective);
    };
    const strategies = [...index.all()].flatMap((d) => d.file.strategies.map((s) => s.id.text));
    for (const node of scope.nodes()) {
      if (!node.alignments.length) continue;
      const targets = node.alignments.map((a) => parentObjective(a.target));
      if (targets.some((t) => !t || t === node.objective || !reasonOf(t))) continue;
      const id = node.objective.id.text;
      const hint = strategies.length ? ` (${[...new Set(strategies)].slice(0, 3).map((s) => `\`${s}\``).join(', ')})` : '';
      node.alignments.forEach((alignment, i) => {
        const target = graph.node(targets[i]!)!;
        const targetId = target.objective.id.text;
        const reason = reasonOf(target.objective)!;
        const only = node.alignments.length > 1 ? `aligns only to catch-all objectives, such as \`${targetId}\`` : `aligns only to \`${targetId}\`, a catch-all objective`;
        report(alignment.uri, alignment.reference.span, `\`${id}\` ${only} (${describeCatchAll(reason)}): that says nothing about what \`${id}\` feeds. Align it to the objective or the strategy${hint} it really serves, and tell the story with \`why:\``, {
          related: [{ uri: target.uri, span: target.objective.id.span, message: `${targetId}: catch-all` }],
          data: { catchAll: targetId, candidates: [...new Set(strategies)].slice(0, 5) },
        });
      });
    }
  },
};
