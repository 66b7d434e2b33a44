// sandbagging: an owner whose aspirational key results were all graded 1.0 in two periods in a
// row. Aspirational OKRs are meant to stretch: the sweet spot is 0.6–0.7, and a team that always
// scores 1.0 is setting goals it knows it will meet (Google's playbook calls it sandbagging).
//  - An owner's objectives (own owner, else the file's) that say `aspirational`, grouped by
//    period (the same days); graded key results only, `dropped` ones left out, grades in range.
//  - A period is "all 1.0" when it has graded aspirational key results and every one is 1.0.
//  - Reported when a period and the owner's period just before it (ending before it starts) are
//    both all 1.0: once per owner and period, on the first such objective of the later period,
//    with the grades of both periods as related information (a lazy list: the analysis keeps the
//    first MAX_RELATED, related.ts).
//  - Incremental analysis: what it reads of other objectives (grades, statuses, commitment) is
//    re-checked for every file of the same owner (affected.ts).
import type { ObjectiveNode } from '../model/graph';
import type { RelatedLocation, WorkspaceRule } from './types';
import { validGrade } from '../model/closing';
import { plural } from '../util/plural';

interface Graded {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly nodes: ObjectiveNode[];
  perfect: boolean;
  count: number;
}

export const sandbagging: WorkspaceRule<'sandbagging'> = {
  meta: {
    id: 'sandbagging',
    defaultSeverity: 'hint',
    category: 'quality',
    description: 'Aspirational key results graded 1.0, all of them, quarter after quarter.',
  },
  scope: 'workspace',
  check(context) {
    const seen = new Set<string>();
    for (const node of context.scope.nodes()) {
      if (!node.owner || seen.has(node.owner) || node.objective.commitment?.kind !== 'aspirational') continue;
      seen.add(node.owner);
      const periods = gradedPeriods(context.graph.ownedBy(node.owner));
      for (let i = 1; i < periods.length; i++) {
        const before = periods[i - 1]!;
        const now = periods[i]!;
        if (!now.perfect || !before.perfect || before.end >= now.start) continue;
        const at = now.nodes[0]!;
        if (!context.scope.has(at.uri)) continue;
        context.report(at.uri, at.objective.commitment!.span, `${node.owner} graded every aspirational key result 1.0 in ${before.text} (${plural(before.count, 'key result')}) and again in ${now.text} (${plural(now.count, 'key result')}): goals that are always fully met were set too low. Aim higher next period: for aspirational key results, 0.6–0.7 is the sweet spot`, {
          related: perfectGrades([now, before]),
          data: { owner: node.owner, periods: [before.text, now.text] },
        });
      }
    }
  },
};

/** Each key result graded 1.0 in the periods, as related information (read lazily). */
function* perfectGrades(groups: readonly Graded[]): Generator<RelatedLocation> {
  for (const group of groups) {
    for (const other of group.nodes) {
      for (const kr of other.objective.keyResults) {
        if (kr.grade && validGrade(kr) === 1) yield { uri: other.uri, span: kr.grade.span, message: `${group.text}: ${other.objective.id.text}.${kr.id?.text ?? kr.title.text} graded 1.0` };
      }
    }
  }
}

/** The owner's periods with graded aspirational key results, by start. */
function gradedPeriods(nodes: readonly ObjectiveNode[]): Graded[] {
  const byPeriod = new Map<string, Graded>();
  for (const node of nodes) {
    if (!node.period || node.objective.commitment?.kind !== 'aspirational') continue;
    const key = `${node.period.start}..${node.period.end}`;
    let group = byPeriod.get(key);
    for (const kr of node.objective.keyResults) {
      const grade = validGrade(kr);
      if (grade === undefined || kr.status?.kind === 'dropped') continue;
      if (!group) byPeriod.set(key, (group = { start: node.period.start, end: node.period.end, text: node.period.text, nodes: [], perfect: true, count: 0 }));
      if (!group.nodes.includes(node)) group.nodes.push(node);
      group.count++;
      if (grade < 1) group.perfect = false;
    }
  }
  return [...byPeriod.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
