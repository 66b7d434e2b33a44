// What an edit can change the problems of: the edited files, whole, and objectives of other
// files. The analysis re-checks those and keeps every other problem from the run before. What one
// objective's problems can depend on, and so what an edit of it reaches:
//  - the ids, levels, owners and periods of other objectives (its shape): an objective added,
//    removed, renamed or moved reaches what it reached before and what it reaches now (as below),
//    the references that name its id (they resolve, or not, elsewhere now), its owner's objectives
//    (`too-many-objectives`), every objective that aligns to nothing (the candidates `unaligned`
//    suggests) or is carried over (to a period some objective is planned in, or not), and the
//    unknown ids near its id (did-you-mean). A top-level objective's shape
//    (`over-aligned` reads every one) or a file's strategies changed: everything is re-checked;
//  - what it says (title, key results, check-ins): the objectives aligned to it (catch-all, story
//    messages quote its title), their other targets' aligners (numeric shares), the key results
//    it contributes to, up a chain of rollups (sums and progress), and the other copies of its id;
//  - how it closed (grades, statuses, commitment): the objectives of the same owner
//    (`sandbagging` compares an owner's periods);
//  - what it aligns to: the old and new targets, their aligners (catch-all by structure), and
//    every objective above and below it (primary chains in `missing-story`, objectives below in
//    `unaligned`); cycles are found again over the whole workspace when one can have appeared.
// Problems keep the places they point at in other files (related information), so those whose
// related places lie in an edited file are found again (the objectives they lie in are re-checked).
import type { AnalysisConfig } from './config';
import type { AlignmentGraph, ObjectiveNode } from './model/graph';
import { parentObjective } from './model/graph';
import { levelOf, levelRank, ownerOf } from './model/levels';
import { periodOf } from './model/period';
import type { KeyResult, Objective, OkrFile, Quantity, Reference, Span } from './syntax/ast';
import type { OkrDocument, WorkspaceIndex } from './workspace';
import { distance } from 'fastest-levenshtein';
import { editBudget } from './util/similar';

export interface Impact {
  /** The files to re-check, in whole or in part. */
  readonly files: Set<string>;
  /** The files to re-check in whole. */
  readonly whole: Set<string>;
  /** Objectives to re-check in files not re-checked in whole. */
  readonly parts: Map<string, Set<Objective>>;
  /** Whether an alignment or contribution changed (rules over the whole workspace run again). */
  readonly linksChanged: boolean;
  /** The objectives whose alignments or contributions changed, as the updated graph has them. */
  readonly linked: readonly Objective[];
}

/**
 * What the edit of `changed` (new texts in the index; the graph still as before) reaches, in two
 * steps: call it before updating the graph (what the edited objectives were linked to), then
 * `after` on the updated graph (what they are linked to now). Undefined, at either step, when
 * everything must be re-checked.
 */
export function impactOf(
  changed: ReadonlySet<string>,
  previous: ReadonlyMap<string, OkrDocument>,
  index: WorkspaceIndex,
  graph: AlignmentGraph,
  config: AnalysisConfig,
  /** The problems of other files that point into this one (related information): where they lie. */
  relatedInto: (uri: string) => Iterable<{ readonly uri: string; readonly span: Span }>,
): { after(graph: AlignmentGraph): Impact | undefined } | undefined {
  const files = new Set<string>();
  const reach = new Reach(files);
  let linksChanged = false;
  /** Objectives (as they are now) whose text or links changed. */
  const pending: { objective: Objective; said: boolean; links: boolean }[] = [];
  /** Objectives (as they are now) added, or whose id, level, owner, period or key result ids changed. */
  const reshaped: Objective[] = [];
  /** Ids that objectives gave up or took. */
  const ids = new Set<string>();
  let groupsChanged = false;
  for (const uri of changed) {
    const old = previous.get(uri);
    const now = index.get(uri);
    if (!old || !now) {
      // A file appeared or disappeared: only harmless when it defines nothing.
      const file = (old ?? now)!.file;
      if (file.objectives.length || file.strategies.length) return undefined;
      if (now) reach.file(uri);
      continue;
    }
    reach.file(uri);
    // A problem elsewhere that points into the file is found again by re-checking its objective.
    for (const problem of relatedInto(uri)) {
      const holder = index.get(problem.uri)?.file.objectives.find((o) => problem.span.start >= o.blockSpan.start && problem.span.start < Math.max(o.blockSpan.end, o.blockSpan.start + 1));
      if (holder) reach.objective(problem.uri, holder);
      else reach.file(problem.uri);
    }
    const sameShape = shapeOf(old.file, config) === shapeOf(now.file, config);
    // The objectives of the text before, matched with those of the text after: by place when
    // the file's shape is the same, else by id.
    const pairs: [Objective | undefined, Objective | undefined][] = [];
    if (sameShape) {
      for (let at = 0; at < now.file.objectives.length; at++) pairs.push([old.file.objectives[at]!, now.file.objectives[at]!]);
    } else {
      // Objectives added, removed, renamed, moved to another level, owner or period. Their
      // neighbourhoods are re-checked, with whatever reads the groups and ids they left or joined.
      if (JSON.stringify(old.file.strategies.map((s) => s.id.text)) !== JSON.stringify(now.file.strategies.map((s) => s.id.text))) return undefined;
      const before = byId(old.file.objectives);
      const after = byId(now.file.objectives);
      if (!before || !after) return undefined; // An id twice in one file.
      for (const objective of old.file.objectives) pairs.push([objective, after.get(objective.id.text)]);
      for (const objective of now.file.objectives) if (!before.has(objective.id.text)) pairs.push([undefined, objective]);
    }
    for (const [was, is] of pairs) {
      const oldNode = was && graph.node(was);
      if (was && !oldNode) return undefined;
      if (!was || !is || (!sameShape && objectShapeOf(old.file, was, config) !== objectShapeOf(now.file, is, config))) {
        linksChanged = true;
        groupsChanged = true;
        if (oldNode) {
          if (oldNode.rank === 0) return undefined; // Every top-level objective is read by over-aligned.
          ids.add(was!.id.text);
          if (!neighbourhoodOf(oldNode, graph, reach)) return undefined;
          for (const reference of graph.referencesNaming(was!.id.text)) reach.objective(reference.uri, reference.objective);
          groupOf(oldNode, graph, reach);
        }
        if (is) {
          ids.add(is.id.text);
          reshaped.push(is);
        }
        continue;
      }
      const saidChanged = contentFingerprint(was) !== contentFingerprint(is);
      const linksDiffer = linkFingerprint(was, index) !== linkFingerprint(is, index);
      if (!saidChanged && !linksDiffer) continue;
      // The owner is part of the shape: the same before and after.
      if (closed(was) !== closed(is)) groupOf(oldNode!, graph, reach);
      if (saidChanged) readersOf(oldNode!, graph, reach);
      if (linksDiffer) {
        linksChanged = true;
        if (!neighbourhoodOf(oldNode!, graph, reach)) return undefined;
      }
      pending.push({ objective: is, said: saidChanged, links: linksDiffer });
    }
  }
  return {
    after(updated) {
      const linked: Objective[] = [];
      for (const { objective, said: saidChanged, links: linksDiffer } of pending) {
        const node = updated.node(objective);
        if (!node) return undefined;
        if (saidChanged) readersOf(node, updated, reach);
        if (linksDiffer) {
          linked.push(node.objective);
          if (!neighbourhoodOf(node, updated, reach)) return undefined;
        }
      }
      for (const objective of reshaped) {
        const node = updated.node(objective);
        if (!node || node.rank === 0) return undefined;
        linked.push(objective);
        if (!neighbourhoodOf(node, updated, reach)) return undefined;
        for (const reference of updated.referencesNaming(objective.id.text)) reach.objective(reference.uri, reference.objective);
        groupOf(node, updated, reach);
      }
      if (groupsChanged) {
        // unaligned suggests objectives from the levels above (and says there are some): every
        // objective that aligns to nothing may read the groups that changed.
        // carried-to-unknown-period asks whether any objective is planned in a period: every
        // objective carried over somewhere may read the periods that changed.
        const carried = (block: Objective | KeyResult) => block.status?.kind === 'carried';
        for (const node of updated.nodes.values()) {
          if (!node.objective.alignsTo.length || carried(node.objective) || node.objective.keyResults.some(carried)) reach.objective(node.uri, node.objective);
        }
        // Did-you-mean: an unknown id near an id that appeared or disappeared.
        for (const named of updated.namedIds()) {
          if (index.resolve(named) !== undefined) continue;
          const budget = editBudget(named);
          for (const id of ids) {
            if (Math.abs(id.length - named.length) <= budget && distance(named.toLowerCase(), id.toLowerCase()) <= budget) {
              for (const reference of updated.referencesNaming(named)) reach.objective(reference.uri, reference.objective);
              break;
            }
          }
        }
      }
      for (const uri of files) if (!index.has(uri)) files.delete(uri);
      for (const uri of reach.whole) if (!index.has(uri)) reach.whole.delete(uri);
      for (const uri of reach.parts.keys()) if (!index.has(uri) || reach.whole.has(uri)) reach.parts.delete(uri);
      return { files, whole: reach.whole, parts: reach.parts, linksChanged, linked };
    },
  };
}

/** A file's objectives by id; undefined when an id is there twice. */
function byId(objectives: readonly Objective[]): Map<string, Objective> | undefined {
  const map = new Map<string, Objective>();
  for (const objective of objectives) {
    if (map.has(objective.id.text)) return undefined;
    map.set(objective.id.text, objective);
  }
  return map;
}

/** The objectives that share an owner with this one (too-many-objectives counts them). */
function groupOf(node: ObjectiveNode, graph: AlignmentGraph, reach: Reach): void {
  if (node.owner) for (const other of graph.ownedBy(node.owner)) reach.objective(other.uri, other.objective);
}

/** What an edit reaches: whole files, and objectives of other files. `files` gets both. */
class Reach {
  readonly whole = new Set<string>();
  readonly parts = new Map<string, Set<Objective>>();

  constructor(private readonly files: Set<string>) {}

  file(uri: string): void {
    this.whole.add(uri);
    this.files.add(uri);
  }

  objective(uri: string, objective: Objective): void {
    let set = this.parts.get(uri);
    if (!set) this.parts.set(uri, (set = new Set()));
    set.add(objective);
    this.files.add(uri);
  }
}

/** What the workspace sees of one objective: its id, level, owner, period, key result ids. */
function objectShapeOf(file: OkrFile, objective: Objective, config: AnalysisConfig): string {
  const level = levelOf(file, objective);
  const period = periodOf(file, objective);
  return JSON.stringify([objective.id.text, level, levelRank(config, level), ownerOf(file, objective), period?.text, period?.start, period?.end, objective.keyResults.map((kr) => kr.id?.text)]);
}

/** Ids, levels, owners, periods, key result ids: what the whole workspace sees of a file. */
function shapeOf(file: OkrFile, config: AnalysisConfig): string {
  // A file's text is compared before and after each edit: its shape is reckoned once.
  const known = shapes.get(file);
  if (known?.config === config) return known.shape;
  const shape = readShape(file, config);
  shapes.set(file, { config, shape });
  return shape;
}

const shapes = new WeakMap<OkrFile, { config: AnalysisConfig; shape: string }>();

function readShape(file: OkrFile, config: AnalysisConfig): string {
  return JSON.stringify([
    file.strategies.map((s) => s.id.text),
    file.objectives.map((objective) => {
      const level = levelOf(file, objective);
      const period = periodOf(file, objective);
      return [objective.id.text, level, levelRank(config, level), ownerOf(file, objective), period?.text, period?.start, period?.end, objective.keyResults.map((kr) => kr.id?.text)];
    }),
  ]);
}

/**
 * A fingerprint of where an objective is linked (its primary target, every target that resolves,
 * every contribution that does): equal before and after an edit when its links are unchanged.
 */
function linkFingerprint(objective: Objective, index: WorkspaceIndex): string {
  const text = (r: Reference) => `${r.objective.text}.${r.keyResult?.text ?? ''}`;
  const resolves = (r: Reference) => (r.keyResult ? index.resolveKeyResult(r.objective.text, r.keyResult.text) : index.resolve(r.objective.text)) !== undefined;
  const primary = objective.alignsTo[0];
  return JSON.stringify([
    primary && resolves(primary) ? text(primary) : null,
    objective.alignsTo.filter(resolves).map(text).sort(),
    objective.keyResults.map((kr) => {
      const reference = kr.contributesTo;
      return reference?.keyResult && resolves(reference) ? text(reference) : null;
    }),
  ]);
}

/**
 * A fingerprint of what an objective says that others read (titles, commitment, key results'
 * metrics, values and check-ins, …): equal before and after an edit when none of it changed.
 */
function contentFingerprint(objective: Objective): string {
  let fingerprint = fingerprints.get(objective);
  if (fingerprint === undefined) fingerprints.set(objective, (fingerprint = readContent(objective)));
  return fingerprint;
}

const fingerprints = new WeakMap<Objective, string>();

function readContent(objective: Objective): string {
  return JSON.stringify([
    objective.title.text,
    objective.commitment?.kind,
    objective.keyResults.map((kr) => [
      kr.title.text,
      quantity(kr.metric.from),
      quantity(kr.metric.target),
      kr.metric.keep ? [kr.metric.keep.direction, quantity(kr.metric.keep.threshold)] : null,
      quantity(kr.metric.current),
      kr.checkins.map((c) => [c.date.text, quantity(c.value), c.confidence?.raw, c.note?.text]),
      kr.rollupSum !== undefined,
      kr.weight?.raw,
      kr.owner?.text,
      kr.steps.map((step) => [step.due?.text, step.done?.text, step.doneOn?.text, step.title.text]),
    ]),
    closed(objective),
  ]);
}

/** How an objective and its key results closed: grades, statuses, notes, reflections. */
function closed(objective: Objective): string {
  const closing = (block: Objective | KeyResult) => [block.grade?.value.raw, block.grade?.note?.text, block.status?.kind, block.status?.carriedTo?.text, block.learned.map((l) => l.text)];
  return JSON.stringify([objective.commitment?.kind, closing(objective), objective.keyResults.map(closing)]);
}

function quantity(q: Quantity | undefined): string | null {
  return q ? `${q.prefix?.text ?? ''}${q.number.raw} ${q.unit?.text ?? ''}` : null;
}

/** The objectives whose problems quote or use what this objective says. */
function readersOf(node: ObjectiveNode, graph: AlignmentGraph, reach: Reach): void {
  reach.objective(node.uri, node.objective);
  for (const alignment of node.alignedFrom) reach.objective(alignment.uri, alignment.objective);
  for (const alignment of node.alignments) {
    for (const sibling of graph.targetNode(alignment)?.alignedFrom ?? []) reach.objective(sibling.uri, sibling.objective);
  }
  for (const kr of node.objective.keyResults) {
    for (const contribution of graph.contributionsTo(kr)) reach.objective(contribution.uri, contribution.objective);
  }
  rollupChain(node, graph, reach);
  for (const definition of graph.index.lookup(node.objective.id.text)) {
    if (definition.kind === 'objective') reach.objective(definition.uri, definition.node);
    else reach.file(definition.uri);
  }
}

/**
 * Objectives above and below one whose links changed, beyond which re-checking everything costs
 * about as much as finding what to re-check.
 */
const NEIGHBOURHOOD_LIMIT = 2_000;

/** The objectives whose problems depend on where this objective is linked (false: too many). */
function neighbourhoodOf(node: ObjectiveNode, graph: AlignmentGraph, reach: Reach): boolean {
  readersOf(node, graph, reach);
  for (const alignment of node.alignments) {
    const target = graph.targetNode(alignment);
    if (target) reach.objective(target.uri, target.objective);
  }
  // Everything above it and below it, by any alignment.
  const seen = new Set<Objective>([node.objective]);
  const walk = (start: ObjectiveNode, next: (n: ObjectiveNode) => Iterable<Objective | undefined>) => {
    const stack = [start];
    while (stack.length && seen.size <= NEIGHBOURHOOD_LIMIT) {
      const current = stack.pop()!;
      for (const objective of next(current)) {
        if (!objective || seen.has(objective)) continue;
        seen.add(objective);
        const found = graph.node(objective);
        if (!found) continue;
        reach.objective(found.uri, objective);
        stack.push(found);
      }
    }
  };
  walk(node, (n) => n.alignments.map((a) => parentObjective(a.target)));
  walk(node, (n) => n.alignedFrom.map((a) => a.objective));
  return seen.size <= NEIGHBOURHOOD_LIMIT;
}

/** The objectives of the key results this objective's key results add into, and theirs, up the chain. */
function rollupChain(node: ObjectiveNode, graph: AlignmentGraph, reach: Reach): void {
  const seen = new Set<KeyResult>();
  const stack = node.objective.keyResults.slice();
  while (stack.length) {
    const kr = stack.pop()!;
    if (seen.has(kr)) continue;
    seen.add(kr);
    const target = graph.contributionOf(kr)?.target;
    if (!target) continue;
    reach.objective(target.uri, target.objective);
    stack.push(target.node);
  }
}
