// catch-all: an objective that names a standing area or the business itself rather than what will
// be different this period, so that anything can claim to serve it (seed 004, "Catch-all
// Objectives have a Catch"). The reading lives in model/catchAll.ts, shared with
// aligned-to-catch-all, hover and preview. Reported on the objective's id.
// Severity (docs/rules/catch-all.md): a warning when other objectives align to it, because then
// it is doing harm (teams hang anything on it and stop saying "not yet"); information when
// nothing does, because a vague title alone costs little and is easy to fix while writing. A
// severity set in okr.config.json applies to both.
import { catchAllReason, describeCatchAll } from '../model/catchAll';
import { keyResultKind } from '../model/keyResultKind';
import type { WorkspaceRule } from './types';

export const catchAll: WorkspaceRule<'catch-all'> = {
  meta: {
    id: 'catch-all',
    defaultSeverity: 'warning',
    category: 'alignment',
    description: 'A catch-all objective: it names an area, an aspiration or more of the same instead of what will be different; or unrelated objectives of many owners hang on it.',
  },
  scope: 'workspace',
  check({ graph, progress, config, scope, report }) {
    for (const node of scope.nodes()) {
      const reason = catchAllReason(node, graph, progress, config);
      if (!reason) continue;
      const { objective } = node;
      const id = objective.id.text;
      const period = node.period ? `by the end of ${node.period.text}` : 'by the end of the period';
      const children = node.alignedFrom.filter((a, i, all) => a.objective !== objective && all.findIndex((b) => b.objective === a.objective) === i);
      const measured = objective.keyResults.filter((kr) => keyResultKind(kr).kind === 'measurable');
      const already = measured.length
        ? ` Its key results already measure ${measured.slice(0, 2).map((kr) => `“${kr.title.text}”`).join(' and ')}${measured.length > 2 ? ` and ${measured.length - 2} more` : ''}, but the objective does not say what will be different when they are met.`
        : '';
      const hanging = children.length
        ? ` ${children.length} objective${children.length === 1 ? '' : 's'} align${children.length === 1 ? 's' : ''} to it: anything can claim to serve it, so it takes away the focus OKRs exist for.`
        : '';
      report(node.uri, objective.id.span, `\`${id}\` is a catch-all: ${describeCatchAll(reason)}.${already}${hanging} Name what will be different ${period}, for whom (e.g. "Customers get answers within a day" rather than "Customer support")${children.length ? ', or drop it and align the objectives under it to what they really serve, each with a `why:`' : ''}`, {
        related: children.map((a) => ({ uri: a.uri, span: a.reference.span, message: `${a.objective.id.text} aligns to it` })),
        data: { reason },
        severity: children.length ? 'warning' : 'info',
      });
    }
  },
};
