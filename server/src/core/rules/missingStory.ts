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
import { PrimaryAncestry } from '../model/primaryTree';
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
    let ancestry: PrimaryAncestry | undefined;
    for (const node of scope.nodes()) {
      if (node.objective.why || !node.alignments.length) continue;
      for (const alignment of node.alignments) {
        const target = graph.targetNode(alignment);
        if (!target || target === node) continue;
        const id = node.objective.id.text;
        const targetId = target.objective.id.text;
        let reason: string | undefined;
        if (node.rank !== undefined && node.rank === target.rank) {
          reason = `at its own level (${node.level}): that is enabling, not cascading`;
        } else if (!alignment.primary && node.owner && target.owner && node.owner !== target.owner) {
          // Above it in its own tree: a deep tree is numbered once per run (walking it for each
          // objective would cost its depth each time).
          ancestry ??= new PrimaryAncestry(graph);
          if (!ancestry.isAbove(target.objective, node)) reason = `outside its own branch, to an objective of ${target.owner}: that is enabling`;
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
