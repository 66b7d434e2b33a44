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
import type { AnalysisConfig } from './config';
import { catchAllReason, catchAllWording, describeCatchAll, type CatchAllReason } from './model/catchAll';
import type { AlignmentGraph, ObjectiveNode } from './model/graph';
import { containsPeriod, type Period } from './model/period';
import type { ProgressModel } from './model/progress';
import { FUNCTION_WORDS, stem, withoutAsides, wordsOf } from './model/wording';
import { descendantsOf } from './navigation';
import type { Objective, Strategy } from './syntax/ast';
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
  // Editors ask again as the user types on the same line: the last answer serves until the workspace changes.
  const key = `${options.properOnly ?? false}`;
  const last = lastRanking;
  let ranked: ParentCandidate[];
  if (last && last.graph === input.graph && last.generation === input.index.generation && last.config === input.config && last.self === self && last.key === key) ranked = last.ranked;
  else {
    ranked = rank(input, self, options);
    lastRanking = { graph: input.graph, generation: input.index.generation, config: input.config, self, key, ranked };
  }
  return options.limit === undefined ? ranked : ranked.slice(0, options.limit);
}

let lastRanking: { graph: AlignmentGraph; generation: number; config: AnalysisConfig; self: Objective | undefined; key: string; ranked: ParentCandidate[] } | undefined;

function rank(input: RankingInput, self: Objective | undefined, options: RankOptions): ParentCandidate[] {
  const { graph, index } = input;
  const selfNode = self ? graph.node(self) : undefined;
  const excluded = self ? descendantsOf(graph, self) : new Set<Objective>();
  if (self) excluded.add(self);
  const words = wordWeights(input);
  const selfVector = selfNode ? vectorOf(selfNode.objective, words) : undefined;
  const selfFolder = selfNode ? folderOf(selfNode.uri) : undefined;
  // Where the other objectives of this file align: a strong hint of where this one belongs.
  const fileParents = new Map<string, number>();
  if (selfNode) {
    for (const sibling of graph.nodesOf(selfNode.uri)) {
      if (sibling === selfNode || sibling.rank !== selfNode.rank) continue;
      const first = sibling.alignments[0];
      const target = first?.target;
      const id = !target ? undefined : target.kind === 'keyResult' ? target.objective.id.text : target.node.id.text;
      if (id) fileParents.set(id, (fileParents.get(id) ?? 0) + 1);
    }
  }
  const scored: ParentCandidate[] = [];
  /** Where each file is from the objective's: `same file`, `same folder`, `above` (a folder above it) or `far`. */
  const places = new Map<string, string>();
  const consider = (kind: 'objective' | 'strategy', id: string, title: string, uri: string, node: ObjectiveNode | undefined, item: Objective | Strategy) => {
    const reasons: string[] = [];
    let score = 0;
    let tier: ParentTier = 'proper';
    // Structure: levels. A strategy sits one above the top level.
    const rank = kind === 'strategy' ? -1 : node?.rank;
    const selfRank = selfNode?.rank;
    if (selfRank !== undefined && rank !== undefined) {
      const gap = selfRank - rank;
      if (gap === 1) {
        score += 2;
        reasons.push('one level up');
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
    // Period.
    const period = node?.period;
    if (selfNode?.period && period) {
      if (samePeriod(period, selfNode.period)) {
        score += 1;
        reasons.push('same period');
      } else if (containsPeriod(period, selfNode.period)) score += 0.5;
      else if (period.end < selfNode.period.start || period.start > selfNode.period.end) score -= 2;
      else score -= 0.5;
    }
    // Place and people.
    let place: ParentPlace = 'near';
    if (selfNode) {
      let where = places.get(uri);
      if (where === undefined) {
        const folder = folderOf(uri);
        where = uri === selfNode.uri ? 'same file' : folder === selfFolder ? 'same folder' : selfFolder!.startsWith(`${folder}/`) ? 'above' : 'far';
        places.set(uri, where);
      }
      if (where === 'same file') {
        score += 1;
        reasons.push(where);
      } else if (where === 'same folder') reasons.push(where);
      else if (where === 'far') place = 'far';
      if (node?.owner && node.owner === selfNode.owner) score += 0.5;
      const siblings = fileParents.get(id);
      if (siblings) {
        score += 1 + Math.min(1, siblings / 4);
        reasons.push(`${siblings} of this file align${siblings === 1 ? 's' : ''} to it`);
      }
    }
    // Meaning.
    if (selfVector) {
      const { similarity, shared } = similarityTo(selfVector, item, words);
      score += 5 * similarity;
      if (shared.length) reasons.push(`shares ${shared.slice(0, 3).map((s) => stemWords.get(s) ?? s).join(', ')}`);
    }
    const catchAll = node ? catchAllOf(node, input) : undefined;
    if (catchAll) tier = 'catch-all';
    if (options.properOnly && tier !== 'proper') return;
    scored.push({ kind, id, title, uri, node, tier, place, score, catchAll, reasons });
  };
  const strategies = new Set<string>();
  for (const document of index.all()) {
    for (const strategy of document.file.strategies) {
      const id = strategy.id.text;
      if (!id || strategies.has(id)) continue;
      strategies.add(id);
      consider('strategy', id, strategy.title.text, document.uri, undefined, strategy);
    }
  }
  for (const node of graph.nodes.values()) {
    const id = node.objective.id.text;
    if (!id || excluded.has(node.objective)) continue;
    consider('objective', id, node.objective.title.text, node.uri, node, node.objective);
  }
  // Near before far, then by tier, then by score: one number per candidate.
  const keyed = scored.map((candidate) => ({ candidate, order: ((candidate.place === 'far' ? 3 : 0) + tierOrder(candidate.tier)) * 1e6 - candidate.score }));
  keyed.sort((a, b) => a.order - b.order || (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0));
  return keyed.map((k) => k.candidate);
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

/** `catchAllReason`, with the verdict on the wording kept per node: a ranking reads every objective. */
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

/** Stems with weights (rarity × how much the text says it). */
type Vector = Map<string, number>;

interface WordWeights {
  /** Inverse document frequency of a stem over the workspace's titles. */
  idf(stem: string): number;
}

/** The content stems of a title, once per title text. */
const stemCache = new Map<string, readonly string[]>();
/** A word as written for each stem, to say what two titles share. */
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
    for (const w of words) for (const part of [w.lower, ...w.lower.split(/[-/&+]+/)]) if (!stemWords.has(stem(part))) stemWords.set(stem(part), part);
    stemCache.set(title, stems);
  }
  return stems;
}

/** Document frequencies per graph and index generation: computed once, read by every ranking after it. */
const weightsCache = new WeakMap<AlignmentGraph, { generation: number; weights: WordWeights }>();

function wordWeights({ graph, index }: RankingInput): WordWeights {
  const cached = weightsCache.get(graph);
  if (cached && cached.generation === index.generation) return cached.weights;
  const frequency = new Map<string, number>();
  let documents = 0;
  const count = (title: string) => {
    documents++;
    for (const s of contentStems(title)) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  };
  for (const node of graph.nodes.values()) count(node.objective.title.text);
  for (const document of index.all()) for (const strategy of document.file.strategies) count(strategy.title.text);
  const idf = new Map<string, number>();
  const weights: WordWeights = {
    idf: (s) => {
      let weight = idf.get(s);
      if (weight === undefined) idf.set(s, (weight = Math.log(1 + documents / (frequency.get(s) ?? 1))));
      return weight;
    },
  };
  weightsCache.set(graph, { generation: index.generation, weights });
  return weights;
}

/** What an objective or strategy says, stem → how much (1 in the title, ½ in key results and `why:`), kept per syntax node. */
const sayings = new WeakMap<Objective | Strategy, Map<string, number>>();

function sayingOf(item: Objective | Strategy): Map<string, number> {
  let saying = sayings.get(item);
  if (!saying) {
    saying = new Map();
    const add = (title: string, share: number) => {
      for (const s of contentStems(title)) if (share > (saying!.get(s) ?? 0)) saying!.set(s, share);
    };
    add(item.title.text, 1);
    if ('keyResults' in item) {
      for (const kr of item.keyResults) add(kr.title.text, 0.5);
      if (item.why) add(item.why.text, 0.5);
    }
    sayings.set(item, saying);
  }
  return saying;
}

function vectorOf(item: Objective | Strategy, words: WordWeights): Vector {
  const vector: Vector = new Map();
  for (const [s, share] of sayingOf(item)) vector.set(s, words.idf(s) * share);
  return vector;
}

/** The cosine of `a` (weighted) and what `item` says, weighed on the fly. */
function similarityTo(a: Vector, item: Objective | Strategy, words: WordWeights): { similarity: number; shared: string[] } {
  const b = sayingOf(item);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  const shared: { stem: string; weight: number }[] = [];
  for (const [s, weight] of a) {
    normA += weight * weight;
    const share = b.get(s);
    if (share !== undefined) {
      const product = weight * words.idf(s) * share;
      dot += product;
      shared.push({ stem: s, weight: product });
    }
  }
  if (!dot) return { similarity: 0, shared: [] };
  for (const [s, share] of b) {
    const weight = words.idf(s) * share;
    normB += weight * weight;
  }
  const similarity = dot / Math.sqrt(normA * normB);
  return { similarity, shared: shared.sort((x, y) => y.weight - x.weight).map((x) => x.stem) };
}

// ── Structure ───────────────────────────────────────────────────────────────────────────────

function samePeriod(a: Period, b: Period): boolean {
  return a.start === b.start && a.end === b.end;
}

function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}
