// alignment-cycle: objectives that, following `aligns to`, end up serving themselves; and key
// results whose `contributes to` chain sums into itself. Reported on every reference along the
// cycle, with the path (across files) as related information: from that reference on, at most
// MAX_RELATED steps (`related.ts`), so that a cycle through thousands of objectives does not send each of its
// thousands of diagnostics with a list of thousands.
import type { Objective, KeyResult, Reference } from '../syntax/ast';
import { parentObjective } from '../model/graph';
import { findCycles } from '../util/cycles';
import { mapped } from './related';
import type { WorkspaceRule } from './types';

interface Step<N> {
  readonly from: N;
  readonly to: N;
  readonly uri: string;
  readonly reference: Reference;
}

/** Longer paths are elided in the message; related information keeps every step up to this. */
const MAX_SHOWN = 8;

/** The steps of the cycle, starting at step `from` and going round, lazily (the analysis keeps the first MAX_RELATED). */
function* stepsFrom<T>(cycle: readonly T[], from: number): Generator<T> {
  for (let i = 0; i < cycle.length; i++) yield cycle[(from + i) % cycle.length]!;
}

export const alignmentCycle: WorkspaceRule<'alignment-cycle'> = {
  meta: {
    id: 'alignment-cycle',
    defaultSeverity: 'error',
    category: 'error',
    description: 'Objectives that align to each other in a loop, or key results that contribute to themselves.',
  },
  scope: 'workspace',
  wholeWorkspace: true,
  // A new cycle takes one of the links that changed: it passes through one of their objectives.
  canReportAfterLinking(graph, objectives) {
    for (const start of objectives) {
      const seen = new Set<Objective>();
      const stack = [start];
      while (stack.length) {
        for (const alignment of graph.node(stack.pop()!)?.alignments ?? []) {
          const to = parentObjective(alignment.target);
          if (!to) continue;
          if (to === start) return true;
          if (!seen.has(to)) {
            seen.add(to);
            stack.push(to);
          }
        }
      }
      for (const keyResult of start.keyResults) {
        const seenKeyResults = new Set<KeyResult>();
        for (let at = graph.contributionOf(keyResult)?.target?.node; at; at = graph.contributionOf(at)?.target?.node) {
          if (at === keyResult) return true;
          if (seenKeyResults.has(at)) break;
          seenKeyResults.add(at);
        }
      }
    }
    return false;
  },
  check({ graph, report }) {
    const alignEdges = new Map<Objective, Step<Objective>[]>();
    for (const alignment of graph.alignments) {
      const to = parentObjective(alignment.target);
      if (!to) continue;
      const list = alignEdges.get(alignment.objective) ?? [];
      list.push({ from: alignment.objective, to, uri: alignment.uri, reference: alignment.reference });
      alignEdges.set(alignment.objective, list);
    }
    for (const cycle of findCycles(alignEdges.keys(), (n) => alignEdges.get(n) ?? [])) {
      const names = cycle.map((step) => step.from.id.text);
      const path = describePath(names);
      for (const [i, step] of cycle.entries()) {
        report(step.uri, step.reference.span, `Alignment cycle: ${path}. An objective cannot serve itself: remove or change one of these alignments`, {
          related: mapped(stepsFrom(cycle, i), (s) => ({ uri: s.uri, span: s.reference.span, message: `${s.from.id.text} aligns to ${s.reference.objective.text}` })),
        });
      }
    }

    const contributeEdges = new Map<KeyResult, Step<KeyResult>[]>();
    const names = new Map<KeyResult, string>();
    for (const contribution of graph.contributions) {
      if (!contribution.target) continue;
      names.set(contribution.keyResult, `${contribution.objective.id.text}.${contribution.keyResult.id?.text ?? '?'}`);
      contributeEdges.set(contribution.keyResult, [
        { from: contribution.keyResult, to: contribution.target.node, uri: contribution.uri, reference: contribution.reference },
      ]);
    }
    for (const cycle of findCycles(contributeEdges.keys(), (n) => contributeEdges.get(n) ?? [])) {
      const path = describePath(cycle.map((step) => names.get(step.from) ?? '?'));
      for (const [i, step] of cycle.entries()) {
        report(step.uri, step.reference.span, `Contribution cycle: ${path}. A key result cannot add into itself: remove one \`contributes to\``, {
          related: mapped(stepsFrom(cycle, i), (s) => ({ uri: s.uri, span: s.reference.span, message: `${names.get(s.from)} contributes to ${s.reference.objective.text}.${s.reference.keyResult?.text ?? ''}` })),
        });
      }
    }
  },
};

function describePath(names: string[]): string {
  const loop = [...names, names[0]!];
  if (loop.length <= MAX_SHOWN + 1) return loop.join(' → ');
  return `${loop.slice(0, MAX_SHOWN).join(' → ')} → … (${names.length} objectives) → ${names[0]}`;
}
