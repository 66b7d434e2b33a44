// missing-story: an enabling alignment with no `why:` (seed 004, "Enabling is Better than
// Adding": "can you tell a story about how this feeds our ability to realize our strategy?").
// An alignment is enabling when
//  - it names an objective (or a key result of one) at the same level as its own: People Ops
//    enabling Engineering; or
//  - it is an extra (not the first) alignment to an objective of another owner that is not
//    above it in its own tree (not its primary parent, nor that parent's primary parent, …):
//    Marketing also feeding the Head of Sales' prospects key result.
// The first alignment to the level above is a plain cascade and needs no story. Objectives whose
// level or owner is unknown are judged only on what is known. Reported on each such reference
// of an objective that has no `why:`.
import type { Objective } from '../syntax/ast';
import type { AlignmentGraph, ObjectiveNode } from '../model/graph';
import { parentObjective } from '../model/graph';
import type { WorkspaceRule } from './types';

export const missingStory: WorkspaceRule<'missing-story'> = {
  meta: {
    id: 'missing-story',
    defaultSeverity: 'hint',
    category: 'alignment',
    description: 'An enabling alignment (same level, or another owner\'s branch) without a `why:`.',
  },
  scope: 'workspace',
  check({ graph, scope, report }) {
    for (const node of scope.nodes()) {
      if (node.objective.why || !node.alignments.length) continue;
      let chain: Set<Objective> | undefined;
      for (const alignment of node.alignments) {
        const target = graph.targetNode(alignment);
        if (!target || target === node) continue;
        const id = node.objective.id.text;
        const targetId = target.objective.id.text;
        let reason: string | undefined;
        if (node.rank !== undefined && node.rank === target.rank) {
          reason = `at its own level (${node.level}): that is enabling, not cascading`;
        } else if (!alignment.primary && node.owner && target.owner && node.owner !== target.owner) {
          chain ??= primaryChain(node, graph);
          if (!chain.has(target.objective)) reason = `outside its own branch, to an objective of ${target.owner}: that is enabling`;
        }
        if (!reason) continue;
        report(alignment.uri, alignment.reference.span, `\`${id}\` aligns to \`${targetId}\` ${reason}. Tell the story: add \`why:\` and say how \`${id}\` makes "${target.objective.title.text}" possible`, {
          related: [{ uri: target.uri, span: target.objective.id.span, message: `${targetId}: ${[target.level, target.owner].filter(Boolean).join(', ')}` }],
          data: { objective: id, target: targetId },
        });
      }
    }
  },
};

/** The objectives above this one in its tree: its primary parent, that one's, and so on. */
function primaryChain(node: ObjectiveNode, graph: AlignmentGraph): Set<Objective> {
  const chain = new Set<Objective>();
  let current: ObjectiveNode | undefined = node;
  while (current) {
    const primary: Objective | undefined = parentObjective(current.alignments.find((a) => a.primary)?.target);
    if (!primary || primary === node.objective || chain.has(primary)) break;
    chain.add(primary);
    current = graph.node(primary);
  }
  return chain;
}
