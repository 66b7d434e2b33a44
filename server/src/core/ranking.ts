// Which parent an objective should align to, best first: the one ranking that completion after
// `aligns to `, the quick fixes of `unaligned` / `level-inversion` / `aligned-to-catch-all` and
// "align to…" in the preview all read.
//
// Candidates are the workspace's objectives and strategies, never the objective itself nor
// anything that aligns to it, directly or not (a cycle). Those in the objective's folder or a
// folder above it come before the others; within each, in tiers:
//   - at a proper level (above the objective; strategies are above every level; any level when
//     the objective has none) or at its own level, scored together (its own level costs);
//   - below it;
//   - catch-alls (by wording or structure, `catchAllReason`): last, and marked.
// Within a tier, a score adds up what a planner looks at:
//   - structure: one level up before two; the same period (or one that covers it) before another;
//     the same file, then the same folder; the same owner; where the other objectives of the file
//     align;
//   - meaning: the content words the titles share, by stem, each weighted by its rarity across
//     the workspace's titles (a word every objective uses says nothing), as a cosine of the two
//     titles (the candidate's key results count for half).
// docs/judgement.md ("Parent ranking") says how it is measured on the samples and on real OKRs.
//
// It is asked after every keystroke (completion after `aligns to `), over every objective: what it
// needs of the workspace is kept, and only the head of the list is worked out.
//   - The rarity of each stem is counted once per snapshot, from the last count: only the files
//     whose text changed are counted again (`Vocabulary`). What each title says (its stems) is kept
//     per syntax node, which an edit keeps for every file it does not touch.
//   - Per objective asked about, a pass over the candidates works out the cheap part of each
//     score (levels, period, place, owner) and a bound on the rest: the stems two titles share can
//     only raise the score by as much as their cosine, which is at most what the shared stems
//     alone make of it. The candidates then come out of a heap, best bound first; one is scored in
//     full (its cosine, whether it is a catch-all, what it shares) only when it reaches the top, so
//     a list of 100 scores about that many. The order is the order of the full scores, exactly.
//   - The list made so far is kept for the next question about the same objective in the same
//     snapshot (editors ask again as the user types on the line).
import type { AnalysisConfig } from './config';
import { catchAllReason, catchAllWording, describeCatchAll, type CatchAllReason } from './model/catchAll';
import type { AlignmentGraph, ObjectiveNode } from './model/graph';
import { containsPeriod, type Period } from './model/period';
import type { ProgressModel } from './model/progress';
import { FUNCTION_WORDS, stem, withoutAsides, wordsOf } from './model/wording';
import { descendantsOf } from './navigation';
import type { Objective, OkrFile, Strategy } from './syntax/ast';
import type { WorkspaceIndex } from './workspace';

export interface RankingInput {
  readonly graph: AlignmentGraph;
  readonly progress: ProgressModel;
  readonly config: AnalysisConfig;
  readonly index: WorkspaceIndex;
}

export type ParentTier = 'proper' | 'same-level' | 'lower' | 'catch-all';
/** `near`: in the objective's folder or a folder above it; `far`: anywhere else. */
export type ParentPlace = 'near' | 'far';

export interface ParentCandidate {
  readonly kind: 'objective' | 'strategy';
  readonly id: string;
  readonly title: string;
  readonly uri: string;
  /** The objective's node (undefined for a strategy). */
  readonly node?: ObjectiveNode;
  readonly tier: ParentTier;
  readonly place: ParentPlace;
  readonly score: number;
  /** Why it is a catch-all, when it is one. */
  readonly catchAll?: CatchAllReason;
  /** What it shares with the objective, shortest first: "one level up", "same period", "shares revenue, search". */
  readonly reasons: readonly string[];
}

export interface RankOptions {
  /** Only candidates at a proper level (tier `proper`), as the quick fixes offer. */
  readonly properOnly?: boolean;
  /** At most this many (all by default). */
  readonly limit?: number;
}

/** A peer is scored with the levels above (lower); what is below, then catch-alls, come after. */
function tierOrder(tier: ParentTier): number {
  return tier === 'proper' || tier === 'same-level' ? 0 : tier === 'lower' ? 1 : 2;
}

/**
 * The parents `self` could align to, best first. `self` is the objective being written (undefined
 * outside any objective: then every strategy and objective, top levels first).
 */
export function rankParents(input: RankingInput, self: Objective | undefined, options: RankOptions = {}): ParentCandidate[] {
  const ranked: ParentCandidate[] = [];
  if (options.limit !== undefined && options.limit <= 0) return ranked;
  for (const candidate of parentsInOrder(input, self, options)) {
    ranked.push(candidate);
    if (ranked.length === options.limit) break;
  }
  return ranked;
}

/**
 * The same list as `rankParents`, made as it is read: a reader that stops after the first few
 * (completion's best 100, a quick fix's three) pays for those few.
 */
export function* parentsInOrder(input: RankingInput, self: Objective | undefined, options: Pick<RankOptions, 'properOnly'> = {}): Generator<ParentCandidate, void, undefined> {
  const ranking = rankingFor(input, self, options.properOnly ?? false);
  for (let i = 0; ; i++) {
    const next = ranking.at(i);
    if (!next) return;
    yield next;
  }
}

/** The last ranking made: editors ask again as the user types on the same line. */
let lastRanking: Ranking | undefined;

function rankingFor(input: RankingInput, self: Objective | undefined, properOnly: boolean): Ranking {
  const last = lastRanking;
  if (last && last.fits(input, self, properOnly)) return last;
  return (lastRanking = new Ranking(input, self, properOnly));
}

/** A strategy among the candidates (an objective is its node). */
interface StrategyCandidate {
  readonly strategy: Strategy;
  readonly uri: string;
}

/** What a candidate's score is made from, kept for later. */
type Considered = [candidate: ObjectiveNode, id: string, where: number, numbers: Int32Array, values: Float64Array, from: number, to: number];

/**
 * The candidates below the objective's level in one place group: they come after every one at a
 * proper or the same level there, so they are scored only when the list reaches them.
 */
interface Deferred {
  readonly deferred: Considered[];
}

const SAME_FILE = 1;
const SAME_FOLDER = 2;
const ONE_LEVEL_UP = 4;
const SAME_PERIOD = 8;

/**
 * One objective's candidates, scored as they are read. Candidate i is `candidates[i]`; what is
 * known of it sits in plain arrays of numbers (no object per candidate: a ranking reads every
 * objective of the workspace after each keystroke).
 */
class Ranking {
  private readonly emitted: ParentCandidate[] = [];
  private readonly input: RankingInput;
  private readonly generation: number;
  private readonly candidates: (ObjectiveNode | StrategyCandidate | Deferred)[] = [];
  /** Scores the candidates put off (`Deferred`), when the list reaches them. */
  private considerLater: ((deferred: readonly Considered[]) => void) | undefined;
  /** 0–5: far × 3 + tier order (2 once found to be a catch-all). */
  private readonly group: number[] = [];
  /** The score without meaning (levels, period, place, owner, siblings). */
  private readonly structure: number[] = [];
  /** The full score once worked out; else a bound on it. */
  private readonly value: number[] = [];
  /** SAME_FILE | SAME_FOLDER | ONE_LEVEL_UP | SAME_PERIOD, for the reasons. */
  private readonly marks: number[] = [];
  /** Whether `value` is the full score, and whether it was asked if it is a catch-all. */
  private readonly exact: boolean[] = [];
  private readonly judged: boolean[] = [];
  private readonly tiers: ParentTier[] = [];
  private readonly heap: number[] = [];
  private readonly selfStems: { stem: string; weight: number }[] = [];
  private normA = 0;
  private readonly fileParents = new Map<string, number>();
  /** Why a candidate is a catch-all, once asked. */
  private readonly catchAlls = new Map<number, CatchAllReason>();

  constructor(
    input: RankingInput,
    private readonly self: Objective | undefined,
    private readonly properOnly: boolean,
  ) {
    this.input = input;
    this.generation = input.index.generation;
    this.collect();
  }

  fits(input: RankingInput, self: Objective | undefined, properOnly: boolean): boolean {
    const mine = this.input;
    return mine.graph === input.graph && mine.index === input.index && this.generation === input.index.generation && mine.config === input.config && mine.progress === input.progress && this.self === self && this.properOnly === properOnly;
  }

  /** The i-th candidate, best first; undefined past the last. */
  at(i: number): ParentCandidate | undefined {
    while (this.emitted.length <= i) {
      const next = this.pop();
      if (!next) return undefined;
      this.emitted.push(next);
    }
    return this.emitted[i];
  }

  // ── The pass over every candidate ──

  private collect(): void {
    // Stem numbers grow with the words ever seen; past a bound they start again, and so do the
    // sayings that use them (never during a pass: the dense arrays are made for the numbers then).
    if (stemNumbers.size > 500_000) {
      stemNumbers.clear();
      sayings = new WeakMap();
      packedSayings = new WeakMap();
    }
    const { graph, index } = this.input;
    const self = this.self;
    const selfNode = self ? graph.node(self) : undefined;
    const excluded = self ? descendantsOf(graph, self) : new Set<Objective>();
    if (self) excluded.add(self);
    const vocabulary = vocabularyOf(this.input);
    // The objective's stems, weighted, as dense arrays over stem numbers for the bound.
    let selfWeight: Float64Array | undefined;
    let selfIdf: Float64Array | undefined;
    if (selfNode) {
      const saying = sayingOf(selfNode.objective);
      selfWeight = new Float64Array(stemNumbers.size);
      selfIdf = new Float64Array(stemNumbers.size);
      for (const [s, share] of saying.shares) {
        const idf = vocabulary.idf(s);
        const weight = idf * share;
        this.selfStems.push({ stem: s, weight });
        this.normA += weight * weight;
        const n = stemNumbers.get(s)!;
        selfWeight[n] = weight * idf;
        selfIdf[n] = idf;
      }
      if (!this.selfStems.length) selfWeight = selfIdf = undefined;
    }
    const normA = this.normA;
    const selfFolder = selfNode ? folderOf(selfNode.uri) : undefined;
    // Where the other objectives of this file align: a strong hint of where this one belongs.
    const fileParents = this.fileParents;
    if (selfNode) {
      for (const sibling of graph.nodesOf(selfNode.uri)) {
        if (sibling === selfNode || sibling.rank !== selfNode.rank) continue;
        const first = sibling.alignments[0];
        const target = first?.target;
        const id = !target ? undefined : target.kind === 'keyResult' ? target.objective.id.text : target.node.id.text;
        if (id) fileParents.set(id, (fileParents.get(id) ?? 0) + 1);
      }
    }
    const selfRank = selfNode?.rank;
    const selfPeriod = selfNode?.period;
    const selfOwner = selfNode?.owner;
    const { candidates, group, structure, value, marks, exact, judged, tiers } = this;
    /** The candidates below the objective's level, near and far. */
    const below: [Considered[], Considered[]] = [[], []];
    let deferring = true;
    /** `where`: 0 same file, 1 same folder, 2 a folder above, 3 far (no objective: 1). */
    const consider = (candidate: ObjectiveNode | StrategyCandidate, id: string, rank: number | undefined, period: Period | undefined, owner: string | undefined, where: number, numbers: Int32Array, values: Float64Array, from: number, to: number, isStrategy: boolean) => {
      let score = 0;
      let mark = 0;
      let tier: ParentTier = 'proper';
      // Structure: levels. A strategy sits one above the top level.
      if (selfRank !== undefined && rank !== undefined) {
        const gap = selfRank - rank;
        if (gap === 1) {
          score += 2;
          mark |= ONE_LEVEL_UP;
        } else if (gap > 1) score += Math.max(0, 2 - 0.75 * (gap - 1));
        else if (gap === 0) {
          // Enabling a peer is allowed (it wants a `why:`), but one level up comes first.
          tier = 'same-level';
          score -= 2;
        } else tier = 'lower';
      } else if (rank !== undefined) {
        // Outside an objective, or one with no level: the top first.
        score += Math.max(0, 1.5 - 0.5 * (rank + 1));
      }
      if (this.properOnly && tier !== 'proper') return;
      if (tier === 'lower' && deferring) {
        below[where === 3 ? 1 : 0].push([candidate as ObjectiveNode, id, where, numbers, values, from, to]);
        return;
      }
      // Period.
      if (selfPeriod && period) {
        if (samePeriod(period, selfPeriod)) {
          score += 1;
          mark |= SAME_PERIOD;
        } else if (containsPeriod(period, selfPeriod)) score += 0.5;
        else if (period.end < selfPeriod.start || period.start > selfPeriod.end) score -= 2;
        else score -= 0.5;
      }
      // Place and people.
      if (selfNode) {
        if (where === 0) {
          score += 1;
          mark |= SAME_FILE;
        } else if (where === 1) mark |= SAME_FOLDER;
        if (owner && owner === selfOwner) score += 0.5;
        const siblings = fileParents.get(id);
        if (siblings) score += 1 + Math.min(1, siblings / 4);
      }
      // Meaning, bounded: the cosine is at most what the shared stems alone make of it.
      let bound = score;
      let known = true;
      if (selfWeight && selfIdf) {
        let dot = 0;
        let sharedSquares = 0;
        for (let k = from; k < to; k++) {
          const n = numbers[k]!;
          if (n >= selfWeight.length) continue;
          const w = selfWeight[n]!;
          if (!w) continue;
          const share = values[k]!;
          dot += w * share;
          const theirs = selfIdf[n]! * share;
          sharedSquares += theirs * theirs;
        }
        if (dot) {
          bound = score + 5 * Math.min(1, dot / Math.sqrt(normA * sharedSquares)) + 1e-9;
          known = false;
        }
      }
      candidates.push(candidate);
      group.push((where === 3 ? 3 : 0) + tierOrder(tier));
      structure.push(score);
      value.push(bound);
      marks.push(mark);
      exact.push(known);
      judged.push(isStrategy);
      tiers.push(tier);
    };
    const strategies = new Set<string>();
    const places = new Map<string, number>();
    const placeOf = (uri: string) => {
      let where = places.get(uri);
      if (where === undefined) {
        const folder = folderOf(uri);
        where = !selfNode ? 1 : uri === selfNode.uri ? 0 : folder === selfFolder ? 1 : selfFolder!.startsWith(`${folder}/`) ? 2 : 3;
        places.set(uri, where);
      }
      return where;
    };
    for (const document of index.all()) {
      for (const strategy of document.file.strategies) {
        const id = strategy.id.text;
        if (!id || strategies.has(id)) continue;
        strategies.add(id);
        const { numbers, values } = sayingOf(strategy);
        consider({ strategy, uri: document.uri }, id, -1, undefined, undefined, placeOf(document.uri), numbers, values, 0, numbers.length, true);
      }
    }
    // In workspace order, a file at a time (graph.nodes' order, without making that map).
    for (const document of index.all()) {
      const nodes = graph.nodesOf(document.uri);
      if (!nodes.length) continue;
      const where = placeOf(document.uri);
      const packed = packedSayingsOf(document.file);
      const { numbers, values, offsets } = packed;
      for (let k = 0; k < nodes.length; k++) {
        const node = nodes[k]!;
        const id = node.objective.id.text;
        if (!id || excluded.has(node.objective)) continue;
        // The graph's nodes of a file are its objectives, in order.
        if (packed.objectives[k] === node.objective) consider(node, id, node.rank, node.period, node.owner, where, numbers, values, offsets[k]!, offsets[k + 1]!, false);
        else {
          const saying = sayingOf(node.objective);
          consider(node, id, node.rank, node.period, node.owner, where, saying.numbers, saying.values, 0, saying.numbers.length, false);
        }
      }
    }
    below.forEach((deferred, far) => {
      if (!deferred.length) return;
      candidates.push({ deferred });
      group.push(far ? 4 : 1);
      structure.push(0);
      // First of its group: the group's candidates are scored before any of them is read.
      value.push(Infinity);
      marks.push(0);
      exact.push(true);
      judged.push(true);
      tiers.push('lower');
    });
    this.considerLater = (deferred) => {
      deferring = false;
      for (const [candidate, id, where, numbers, values, from, to] of deferred) consider(candidate, id, candidate.rank, candidate.period, candidate.owner, where, numbers, values, from, to, false);
    };
    const heap = this.heap;
    for (let i = 0; i < candidates.length; i++) heap.push(i);
    for (let i = (heap.length >>> 1) - 1; i >= 0; i--) this.down(i);
  }

  private idOf(i: number): string {
    const candidate = this.candidates[i]!;
    return 'deferred' in candidate ? '' : 'strategy' in candidate ? candidate.strategy.id.text : candidate.objective.id.text;
  }

  // ── The heap: the best bound on top ──

  /**
   * Whether candidate `a` comes before `b`: group, then value (a bound before a full score it
   * ties with: it may turn out equal and come first by id), then id, then workspace order.
   */
  private before(a: number, b: number): boolean {
    const { group, value, exact } = this;
    if (group[a] !== group[b]) return group[a]! < group[b]!;
    if (value[a] !== value[b]) return value[a]! > value[b]!;
    if (exact[a] !== exact[b]) return !exact[a];
    const idA = this.idOf(a);
    const idB = this.idOf(b);
    if (idA !== idB) return idA < idB;
    return a < b;
  }

  private down(i: number): void {
    const heap = this.heap;
    const entry = heap[i]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heap.length) break;
      if (child + 1 < heap.length && this.before(heap[child + 1]!, heap[child]!)) child++;
      if (!this.before(heap[child]!, entry)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = entry;
  }

  private up(i: number): void {
    const heap = this.heap;
    const entry = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      if (!this.before(entry, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
  }

  private removeTop(): void {
    const last = this.heap.pop()!;
    if (this.heap.length) {
      this.heap[0] = last;
      this.down(0);
    }
  }

  /** The next candidate in order: the top of the heap, once it is scored in full and still on top. */
  private pop(): ParentCandidate | undefined {
    const heap = this.heap;
    while (heap.length) {
      const top = heap[0]!;
      const candidate = this.candidates[top]!;
      if ('deferred' in candidate) {
        this.removeTop();
        const first = this.candidates.length;
        this.considerLater!(candidate.deferred);
        for (let i = first; i < this.candidates.length; i++) {
          heap.push(i);
          this.up(heap.length - 1);
        }
        continue;
      }
      if (!this.exact[top]) {
        this.value[top] = this.structure[top]! + 5 * this.similarity(candidate).similarity;
        this.exact[top] = true;
        this.down(0);
        continue;
      }
      let catchAll: CatchAllReason | undefined;
      if (!('strategy' in candidate)) {
        if (!this.judged[top]) {
          this.judged[top] = true;
          catchAll = catchAllOf(candidate, this.input);
          if (catchAll) this.catchAlls.set(top, catchAll);
        } else catchAll = this.catchAlls.get(top);
        if (catchAll && this.tiers[top] !== 'catch-all') {
          if (this.properOnly) {
            this.removeTop();
            continue;
          }
          this.tiers[top] = 'catch-all';
          this.group[top] = (this.group[top]! >= 3 ? 3 : 0) + 2;
          this.down(0);
          continue;
        }
      }
      this.removeTop();
      return this.describe(top, catchAll);
    }
    return undefined;
  }

  /** The candidate as the list shows it, with what it shares with the objective. */
  private describe(i: number, catchAll: CatchAllReason | undefined): ParentCandidate {
    const candidate = this.candidates[i] as ObjectiveNode | StrategyCandidate;
    const strategy = 'strategy' in candidate ? candidate : undefined;
    const node = strategy ? undefined : (candidate as ObjectiveNode);
    const id = this.idOf(i);
    const mark = this.marks[i]!;
    const reasons: string[] = [];
    if (mark & ONE_LEVEL_UP) reasons.push('one level up');
    if (mark & SAME_PERIOD) reasons.push('same period');
    if (mark & SAME_FILE) reasons.push('same file');
    else if (mark & SAME_FOLDER) reasons.push('same folder');
    const siblings = this.self ? this.fileParents.get(id) : undefined;
    if (siblings) reasons.push(`${siblings} of this file align${siblings === 1 ? 's' : ''} to it`);
    const { shared } = this.similarity(candidate);
    if (shared.length) reasons.push(`shares ${shared.slice(0, 3).map((s) => stemWords.get(s) ?? s).join(', ')}`);
    const group = this.group[i]!;
    return {
      kind: strategy ? 'strategy' : 'objective',
      id,
      title: strategy ? strategy.strategy.title.text : node!.objective.title.text,
      uri: strategy ? strategy.uri : node!.uri,
      node,
      tier: this.tiers[i]!,
      place: group >= 3 ? 'far' : 'near',
      score: this.value[i]!,
      catchAll,
      reasons,
    };
  }

  /** The cosine of the two titles, and the stems they share, the weightiest first. */
  private similarity(candidate: ObjectiveNode | StrategyCandidate): { similarity: number; shared: string[] } {
    if (!this.selfStems.length) return { similarity: 0, shared: [] };
    const vocabulary = vocabularyOf(this.input);
    const b = sayingOf('strategy' in candidate ? candidate.strategy : candidate.objective).shares;
    let dot = 0;
    let normB = 0;
    const shared: { stem: string; weight: number }[] = [];
    for (const { stem: s, weight } of this.selfStems) {
      const share = b.get(s);
      if (share !== undefined) {
        const product = weight * vocabulary.idf(s) * share;
        dot += product;
        shared.push({ stem: s, weight: product });
      }
    }
    if (!dot) return { similarity: 0, shared: [] };
    for (const [s, share] of b) {
      const weight = vocabulary.idf(s) * share;
      normB += weight * weight;
    }
    return { similarity: dot / Math.sqrt(this.normA * normB), shared: shared.sort((x, y) => y.weight - x.weight).map((x) => x.stem) };
  }
}

/** A short description of a candidate for lists: its level, what it shares, whether it is a catch-all. */
export function describeCandidate(candidate: ParentCandidate): string {
  const parts: string[] = [];
  if (candidate.catchAll) parts.push(`catch-all: ${describeCatchAll(candidate.catchAll)}`);
  parts.push(...candidate.reasons);
  return parts.join(' · ');
}

/** The wording verdict per objective node and title (nodes of unchanged files outlive an edit). */
const wordings = new WeakMap<ObjectiveNode, { title: string; phrases: readonly string[]; reason: CatchAllReason | undefined }>();

/** `catchAllReason`, with the verdict on the wording kept per node. */
function catchAllOf(node: ObjectiveNode, { graph, progress, config }: RankingInput): CatchAllReason | undefined {
  const title = node.objective.title.text;
  let cached = wordings.get(node);
  if (!cached || cached.title !== title || cached.phrases !== config.catchAll.phrases) {
    const wording = catchAllWording(title, config.catchAll.phrases);
    cached = { title, phrases: config.catchAll.phrases, reason: wording && { kind: 'wording', ...wording } };
    wordings.set(node, cached);
  }
  if (cached.reason) return cached.reason;
  // Only an objective that many others align to can be a catch-all by structure.
  return node.alignedFrom.length < config.catchAll.minAligned ? undefined : catchAllReason(node, graph, progress, config);
}

// ── Meaning ─────────────────────────────────────────────────────────────────────────────────

/** The content stems of a title, once per title text. */
const stemCache = new Map<string, readonly string[]>();
/** A word as written for each stem, to say what two titles share ("shares costs"). */
const stemWords = new Map<string, string>();

function contentStems(title: string): readonly string[] {
  let stems = stemCache.get(title);
  if (!stems) {
    const words = wordsOf(withoutAsides(title)).filter((w) => !FUNCTION_WORDS.has(w.lower) && /\p{L}/u.test(w.lower) && (w.lower.length > 2 || /^\p{Lu}{2}$/u.test(w.text)));
    stems = [...new Set(words.flatMap((w) => [w.lower, ...(/[-/&+]/.test(w.lower) ? w.lower.split(/[-/&+]+/).filter((part) => part.length > 2 && !FUNCTION_WORDS.has(part)) : [])]).map((w) => stem(w)))];
    if (stemCache.size > 200_000) {
      stemCache.clear();
      stemWords.clear();
    }
    // The shortest word met for a stem stands for it (then the first in alphabetical order): the
    // same word whatever was read first.
    for (const w of words) {
      for (const part of [w.lower, ...w.lower.split(/[-/&+]+/)]) {
        const s = stem(part);
        const known = stemWords.get(s);
        if (known === undefined || part.length < known.length || (part.length === known.length && part < known)) stemWords.set(s, part);
      }
    }
    stemCache.set(title, stems);
  }
  return stems;
}

/**
 * How many of the workspace's titles (objectives and strategies) use each stem: one per index
 * generation, made from the last one by counting again only the files whose text changed.
 */
class Vocabulary {
  /** Per document: its parsed file (a new text is a new file) and the stems of its titles. */
  private readonly files = new Map<string, { file: OkrFile; stems: (readonly string[])[] }>();
  private readonly frequency = new Map<string, number>();
  private documents = 0;
  private readonly idfs = new Map<string, number>();
  index: WorkspaceIndex | undefined;
  generation = -1;

  /** Brings the counts to `index`: files gone, new or with a new text. */
  update(index: WorkspaceIndex): void {
    this.index = index;
    this.generation = index.generation;
    this.idfs.clear();
    const seen = new Set<string>();
    const changed: { uri: string; file: OkrFile; stems: (readonly string[])[] }[] = [];
    for (const document of index.all()) {
      seen.add(document.uri);
      const known = this.files.get(document.uri);
      if (known?.file === document.file) continue;
      if (known) this.count(known.stems, -1);
      changed.push({ uri: document.uri, file: document.file, stems: [] });
    }
    // Every objective's title, then the strategies'.
    for (const entry of changed) for (const objective of entry.file.objectives) entry.stems.push(contentStems(objective.title.text));
    for (const entry of changed) {
      for (const strategy of entry.file.strategies) entry.stems.push(contentStems(strategy.title.text));
      this.count(entry.stems, 1);
      this.files.set(entry.uri, entry);
    }
    if (seen.size !== this.files.size) {
      for (const [uri, known] of this.files) {
        if (seen.has(uri)) continue;
        this.count(known.stems, -1);
        this.files.delete(uri);
      }
    }
  }

  private count(titles: readonly (readonly string[])[], by: 1 | -1): void {
    this.documents += by * titles.length;
    for (const stems of titles) {
      for (const s of stems) {
        const n = (this.frequency.get(s) ?? 0) + by;
        if (n) this.frequency.set(s, n);
        else this.frequency.delete(s);
      }
    }
  }

  /** Inverse document frequency of a stem over the workspace's titles. */
  idf(s: string): number {
    let weight = this.idfs.get(s);
    if (weight === undefined) this.idfs.set(s, (weight = Math.log(1 + this.documents / (this.frequency.get(s) ?? 1))));
    return weight;
  }
}

/** The counts of the last index asked about (rankings follow the latest snapshot). */
let vocabulary: Vocabulary | undefined;

function vocabularyOf({ index }: RankingInput): Vocabulary {
  if (vocabulary && vocabulary.index === index && vocabulary.generation === index.generation) return vocabulary;
  if (!vocabulary) vocabulary = new Vocabulary();
  vocabulary.update(index);
  return vocabulary;
}

/** What an objective or strategy says: stem → how much (1 in the title, ½ in key results and `why:`), and the same as stem numbers. */
interface Saying {
  readonly shares: Map<string, number>;
  readonly numbers: Int32Array;
  readonly values: Float64Array;
}

/** The sayings of a file's objectives, one after the other (objective k: `offsets[k]` to `offsets[k + 1]`). */
interface PackedSayings {
  readonly objectives: readonly Objective[];
  readonly offsets: Int32Array;
  readonly numbers: Int32Array;
  readonly values: Float64Array;
}

/** Kept per parsed file: a ranking reads them a file at a time. */
let packedSayings = new WeakMap<OkrFile, PackedSayings>();

function packedSayingsOf(file: OkrFile): PackedSayings {
  let packed = packedSayings.get(file);
  if (!packed) {
    const sayings = file.objectives.map(sayingOf);
    const offsets = new Int32Array(sayings.length + 1);
    for (let k = 0; k < sayings.length; k++) offsets[k + 1] = offsets[k]! + sayings[k]!.numbers.length;
    const numbers = new Int32Array(offsets[sayings.length]!);
    const values = new Float64Array(offsets[sayings.length]!);
    for (let k = 0; k < sayings.length; k++) {
      numbers.set(sayings[k]!.numbers, offsets[k]!);
      values.set(sayings[k]!.values, offsets[k]!);
    }
    packed = { objectives: file.objectives, offsets, numbers, values };
    packedSayings.set(file, packed);
  }
  return packed;
}

/** A number per stem, for the dense arrays of a ranking. */
const stemNumbers = new Map<string, number>();
/** Kept per syntax node (an edit keeps the nodes of every file it does not touch). */
let sayings = new WeakMap<Objective | Strategy, Saying>();

function sayingOf(item: Objective | Strategy): Saying {
  let saying = sayings.get(item);
  if (!saying) {
    const shares = new Map<string, number>();
    const add = (title: string, share: number) => {
      for (const s of contentStems(title)) if (share > (shares.get(s) ?? 0)) shares.set(s, share);
    };
    add(item.title.text, 1);
    if ('keyResults' in item) {
      for (const kr of item.keyResults) add(kr.title.text, 0.5);
      if (item.why) add(item.why.text, 0.5);
    }
    const numbers = new Int32Array(shares.size);
    const values = new Float64Array(shares.size);
    let k = 0;
    for (const [s, share] of shares) {
      let n = stemNumbers.get(s);
      if (n === undefined) stemNumbers.set(s, (n = stemNumbers.size));
      numbers[k] = n;
      values[k++] = share;
    }
    saying = { shares, numbers, values };
    sayings.set(item, saying);
  }
  return saying;
}

// ── Structure ───────────────────────────────────────────────────────────────────────────────

function samePeriod(a: Period, b: Period): boolean {
  return a.start === b.start && a.end === b.end;
}

function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}
