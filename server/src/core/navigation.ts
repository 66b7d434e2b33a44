// What is under the cursor, and where else it is named: the basis of go to definition, find
// references, and (later) rename and highlight. Pure functions over the index and the graph.
import type { AlignmentGraph, Target } from './model/graph';
import type { KeyResult, Objective, Span, Strategy } from './syntax/ast';
import { contains } from './text';
import type { OkrDocument, WorkspaceIndex } from './workspace';

/** A named thing at the cursor: its definition (when it resolves) and the span of the name. */
export interface SymbolAt {
  readonly span: Span;
  readonly target: Target | undefined;
  /** True on the defining id, false on a reference to it. */
  readonly isDefinition: boolean;
  /** The id as written at the cursor. */
  readonly name: string;
}

export interface Location {
  readonly uri: string;
  readonly span: Span;
}

export function symbolAt(index: WorkspaceIndex, document: OkrDocument, offset: number): SymbolAt | undefined {
  const { file, uri } = document;
  for (const strategy of file.strategies) {
    if (contains(strategy.id.span, offset)) return { span: strategy.id.span, target: { kind: 'strategy', uri, node: strategy }, isDefinition: true, name: strategy.id.text };
  }
  for (const objective of file.objectives) {
    if (!contains(objective.blockSpan, offset)) continue;
    if (contains(objective.id.span, offset)) return { span: objective.id.span, target: { kind: 'objective', uri, node: objective }, isDefinition: true, name: objective.id.text };
    for (const reference of objective.alignsTo) {
      const hit = referenceAt(index, reference, offset);
      if (hit) return hit;
    }
    for (const kr of objective.keyResults) {
      if (kr.id && contains(kr.id.span, offset)) return { span: kr.id.span, target: { kind: 'keyResult', uri, node: kr, objective }, isDefinition: true, name: kr.id.text };
      if (kr.contributesTo) {
        const hit = referenceAt(index, kr.contributesTo, offset);
        if (hit) return hit;
      }
    }
  }
  return undefined;
}

function referenceAt(index: WorkspaceIndex, reference: Objective['alignsTo'][number], offset: number): SymbolAt | undefined {
  if (contains(reference.objective.span, offset)) {
    return { span: reference.objective.span, target: index.resolve(reference.objective.text), isDefinition: false, name: reference.objective.text };
  }
  if (reference.keyResult && contains(reference.keyResult.span, offset)) {
    return {
      span: reference.keyResult.span,
      target: index.resolveKeyResult(reference.objective.text, reference.keyResult.text),
      isDefinition: false,
      name: reference.keyResult.text,
    };
  }
  return undefined;
}

export function definitionLocation(target: Target): Location {
  return { uri: target.uri, span: target.node.id!.span };
}

/** Every reference to the target across the workspace (not its definition). */
export function referencesTo(graph: AlignmentGraph, target: Target): Location[] {
  const locations: Location[] = [];
  const node = target.node as Objective | Strategy | KeyResult;
  for (const alignment of graph.alignments) {
    const hit = matchReference(graph, alignment.target, alignment.reference, target, node);
    if (hit) locations.push({ uri: alignment.uri, span: hit });
  }
  for (const contribution of graph.contributions) {
    const resolved = contribution.reference.keyResult ? contribution.target : graph.resolve(contribution.reference);
    const hit = matchReference(graph, resolved, contribution.reference, target, node);
    if (hit) locations.push({ uri: contribution.uri, span: hit });
  }
  return locations;
}

function matchReference(graph: AlignmentGraph, resolved: Target | undefined, reference: Objective['alignsTo'][number], target: Target, node: Objective | Strategy | KeyResult): Span | undefined {
  if (target.kind === 'keyResult') {
    return resolved?.kind === 'keyResult' && resolved.node === node ? reference.keyResult?.span : undefined;
  }
  // An objective is named by `objective` and by the first half of `objective.kr`, whether or not
  // the key result exists (symbolAt resolves that half on its own too).
  return graph.index.resolve(reference.objective.text)?.node === node ? reference.objective.span : undefined;
}

/**
 * The objective a position belongs to: the last objective line at or before it, unless a
 * strategy line closed the block in between. A line being typed below a block belongs to it.
 */
export function objectiveAt(file: OkrDocument['file'], offset: number): Objective | undefined {
  let found: Objective | undefined;
  for (const objective of file.objectives) {
    if (objective.span.start > offset) break;
    found = objective;
  }
  if (!found) return undefined;
  const closed = file.strategies.some((s) => s.span.start > found!.span.start && s.span.start <= offset);
  return closed ? undefined : found;
}

/** The key result a position belongs to, within its objective (see objectiveAt). */
export function keyResultAt(objective: Objective, offset: number): KeyResult | undefined {
  let found: KeyResult | undefined;
  for (const kr of objective.keyResults) {
    if (kr.span.start > offset) break;
    found = kr;
  }
  return found;
}

/** Every objective that aligns, directly or through others, to `root` (it cannot be aligned to without a cycle). */
export function descendantsOf(graph: AlignmentGraph, root: Objective): Set<Objective> {
  const seen = new Set<Objective>();
  const queue: Objective[] = [root];
  for (let i = 0; i < queue.length; i++) {
    for (const alignment of graph.node(queue[i]!)?.alignedFrom ?? []) {
      if (!seen.has(alignment.objective)) {
        seen.add(alignment.objective);
        queue.push(alignment.objective);
      }
    }
  }
  return seen;
}
