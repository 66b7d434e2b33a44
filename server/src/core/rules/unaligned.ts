// unaligned: an objective that says nothing about what it serves.
//  - Below the top level (rank > 0): it has no `aligns to` at all, while the workspace has
//    something to align to (a strategy, or an objective at a higher level).
//  - At the top level (rank 0): none of its alignments names a strategy, while the workspace has
//    strategies. OKRs cascade upward to strategy (seed 004).
//  - With no level at all (neither its own nor its file's): checked like an objective below the
//    top, with strategies and top-level objectives as what it could align to.
//  - An unknown level is `invalid-value`'s; an alignment that does not resolve is
//    `unknown-reference`'s: neither is judged here.
// The best candidates (objectives one level up whose period covers its own, then strategies) go
// into the diagnostic's data for a quick fix.
import type { Objective } from '../syntax/ast';
import type { AlignmentGraph, ObjectiveNode } from '../model/graph';
import { containsPeriod } from '../model/period';
import type { WorkspaceRule } from './types';
import { withArticle } from '../util/plural';

const MAX_CANDIDATES = 5;

export const unaligned: WorkspaceRule<'unaligned'> = {
  meta: {
    id: 'unaligned',
    defaultSeverity: 'warning',
    category: 'alignment',
    description: 'An objective below the top level that aligns to nothing; a top-level objective that aligns to no strategy when the workspace has strategies.',
  },
  scope: 'workspace',
  check({ graph, index, scope, report }) {
    const strategySet = new Set<string>();
    for (const document of index.all()) for (const strategy of document.file.strategies) if (strategy.id.text) strategySet.add(strategy.id.text);
    const strategies = [...strategySet];
    for (const node of scope.nodes()) {
      const { objective } = node;
      if (node.rank === undefined && node.level !== undefined) continue; // Unknown level: invalid-value.
      const id = objective.id.text;
      if (!id) continue;
      if (node.rank === 0) {
        if (!strategies.length || node.alignments.some((a) => !a.target || a.target.kind === 'strategy')) continue;
        const candidates = strategies.slice(0, MAX_CANDIDATES);
        const others = node.alignments.map((a) => `\`${a.reference.objective.text}\``);
        const only = others.length ? ` (only to ${others.join(', ')})` : '';
        report(node.uri, objective.id.span, `\`${id}\` is ${withArticle(node.level ?? '')} objective, the top level, but aligns to no strategy${only}: OKRs cascade upward to strategy. Say which one it serves, e.g. \`aligns to ${candidates[0]}\`${candidates.length > 1 ? ` (strategies: ${candidates.map(code).join(', ')})` : ''}`, {
          data: { candidates },
        });
        continue;
      }
      if (objective.alignsTo.length) continue;
      const above = objectivesAbove(node, graph);
      if (!above.length && !strategies.length) continue; // Nothing in the workspace to align to.
      const candidates = [...above.slice(0, 3), ...strategies].slice(0, MAX_CANDIDATES);
      const what = node.level ? `${withArticle(node.level)} objective` : 'an objective';
      const upOne = above.length ? `an objective above it (${above.slice(0, 3).map(code).join(', ')})` : '';
      const strategy = strategies.length ? `a strategy (${strategies.slice(0, 3).map(code).join(', ')})` : '';
      const options = [upOne, strategy].filter(Boolean).join(' or ');
      report(node.uri, objective.id.span, `\`${id}\` is ${what} that aligns to nothing: say what it serves with \`aligns to\`, ${options}, and tell the story with \`why:\``, {
        data: { candidates },
      });
    }
  },
};

/**
 * Objectives it could align to, best first: one level up in a period that covers its own, then
 * higher up (at most MAX_CANDIDATES). For an objective with no level: the top-level objectives.
 */
function objectivesAbove(node: ObjectiveNode, graph: AlignmentGraph): string[] {
  const found: string[] = [];
  let below: Set<Objective> | undefined;
  for (let rank = node.rank === undefined ? 0 : node.rank - 1; rank >= 0 && found.length < MAX_CANDIDATES; rank--) {
    for (const other of graph.atRank(rank)) {
      const id = other.objective.id.text;
      if (other === node || !id || found.includes(id)) continue;
      if (node.period && other.period && !containsPeriod(other.period, node.period)) continue;
      below ??= descendants(node, graph);
      if (below.has(other.objective)) continue;
      found.push(id);
      if (found.length >= MAX_CANDIDATES) break;
    }
  }
  return found;
}

/** Objectives that already serve this one, directly or not: aligning to them would be a cycle. */
function descendants(node: ObjectiveNode, graph: AlignmentGraph): Set<Objective> {
  const seen = new Set<Objective>([node.objective]);
  const stack = [node];
  while (stack.length) {
    const current = stack.pop()!;
    for (const alignment of current.alignedFrom) {
      if (seen.has(alignment.objective)) continue;
      seen.add(alignment.objective);
      const next = graph.node(alignment.objective);
      if (next) stack.push(next);
    }
  }
  return seen;
}

function code(id: string): string {
  return `\`${id}\``;
}
