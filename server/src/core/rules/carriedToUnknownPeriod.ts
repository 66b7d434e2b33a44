// carried-to-unknown-period: `status carried over to PERIOD` where PERIOD is not a period, is not
// after the one it is carried from, or is planned nowhere in the workspace (no objective has it).
// What is carried over must land somewhere: a key result carried to a quarter nobody plans is
// dropped in all but name.
//  - "Planned" means an objective of the workspace has a period with the same days (its own or
//    its file's): `2026-Q2` and `2026-04-01..2026-06-30` are one period.
//  - Incremental analysis: the periods of every objective are part of each file's shape (a change
//    re-checks everything).
import type { Closing, Word } from '../syntax/ast';
import type { WorkspaceRule } from './types';
import { parsePeriod } from '../model/period';
import { formatDay } from '../model/dates';

export const carriedToUnknownPeriod: WorkspaceRule<'carried-to-unknown-period'> = {
  meta: {
    id: 'carried-to-unknown-period',
    defaultSeverity: 'warning',
    category: 'alignment',
    description: 'Carried over to a period that is not planned in the workspace (or is not a period).',
  },
  scope: 'workspace',
  check(context) {
    let planned: Map<string, string> | undefined;
    const plannedPeriods = () => {
      if (planned) return planned;
      planned = new Map();
      for (const node of context.graph.nodes.values()) if (node.period) planned.set(`${node.period.start}..${node.period.end}`, node.period.text);
      return planned;
    };
    for (const node of context.scope.nodes()) {
      const check = (block: Closing, what: string) => {
        const to: Word | undefined = block.status?.kind === 'carried' ? block.status.carriedTo : undefined;
        if (!to) return;
        const parsed = parsePeriod(to.text);
        if (!parsed.ok) return context.report(node.uri, to.span, `${what} is carried over to ${to.text}, which is not a period: ${parsed.message.replace(/^`[^`]*` is not a period: /, '')}`, { data: { period: to.text } });
        const period = parsed.period;
        if (node.period && period.start <= node.period.start) {
          return context.report(node.uri, to.span, `${what} is carried over to ${to.text}, which does not come after its own period ${node.period.text}: carry it over to a later period`, { data: { period: to.text } });
        }
        if (plannedPeriods().has(`${period.start}..${period.end}`)) return;
        context.report(node.uri, to.span, `${what} is carried over to ${to.text} (${formatDay(period.start)}..${formatDay(period.end)}), but no objective in the workspace is planned for it: plan it there (\`period ${to.text}\`), or carry it to a period that is`, {
          data: { period: to.text },
        });
      };
      check(node.objective, `Objective \`${node.objective.id.text}\``);
      for (const kr of node.objective.keyResults) check(kr, kr.id ? `Key result \`${node.objective.id.text}.${kr.id.text}\`` : `“${kr.title.text}”`);
    }
  },
};
