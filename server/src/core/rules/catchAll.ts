// catch-all: an objective that anything can claim to serve (seed 004, "Catch-all Objectives have
// a Catch"): business-as-usual wording, or many objectives of different owners aligned to it
// while it has no measurable key result. The detection lives in model/catchAll.ts, shared with
// aligned-to-catch-all, hover and preview. Reported on the objective's id.
import { catchAllReason } from '../model/catchAll';
import type { WorkspaceRule } from './types';

export const catchAll: WorkspaceRule = {
  meta: {
    id: 'catch-all',
    defaultSeverity: 'warning',
    category: 'alignment',
    description: 'A catch-all objective: business-as-usual wording, or many objectives of different owners aligned to it while it has no measurable key result.',
  },
  scope: 'workspace',
  check({ graph, progress, config, scope, report }) {
    for (const node of scope.nodes()) {
      const reason = catchAllReason(node, graph, progress, config);
      if (!reason) continue;
      const id = node.objective.id.text;
      const period = node.period ? `by the end of ${node.period.text}` : 'by the end of the period';
      const why = reason.kind === 'wording'
        ? `\`${id}\` is a catch-all: "${reason.phrase}" is business as usual, and none of its key results is measurable`
        : `\`${id}\` is a catch-all: ${reason.aligned} objectives of ${reason.owners} different owners align to it, yet none of its key results is measurable`;
      const related = node.alignedFrom
        .filter((a, i, all) => all.findIndex((b) => b.objective === a.objective) === i)
        .map((a) => ({ uri: a.uri, span: a.reference.span, message: `${a.objective.id.text} aligns to it` }));
      report(node.uri, node.objective.id.span, `${why}. Anything can claim to serve it, so it removes focus: OKRs are there to say "not yet" to other work. Name what will be true ${period} (with a measurable key result), or drop it and align the teams under it to a strategy, each with a \`why:\``, {
        related,
        data: { reason },
      });
    }
  },
};
