// Catch-all objectives (seed 004, "Catch-all Objectives have a Catch"): objectives that exist so
// that anything can claim to serve them. Shared by the `catch-all` and `aligned-to-catch-all`
// rules, and by hover and preview.
//
// An objective is a catch-all when
//  - wording: its title reads like business as usual ("Continue improving our core product",
//    "Sell more of our core product", "We do our business", "Keep the lights on", or a phrase of
//    `catchAll.phrases`), the title carries no number, and none of its key results is
//    measurable (an explicit metric, or one inferred from the title); or
//  - structure: at least `catchAll.minAligned` objectives align to it (or to one of its key
//    results), owned by at least `catchAll.minOwners` different owners, and none of its key
//    results is measurable.
// A specific or measurable objective is never a catch-all: "Continue the rollout to 12 EU
// markets" names its scope; "Maintain platform reliability" with `keep above 99.9 %` says what
// holding it means.
import type { AnalysisConfig } from '../config';
import type { Objective } from '../syntax/ast';
import type { AlignmentGraph, ObjectiveNode } from './graph';
import { inferMetric } from './metrics';
import type { ProgressModel } from './progress';

export type CatchAllReason =
  /** `phrase`: the part of the title that reads like business as usual. */
  | { readonly kind: 'wording'; readonly phrase: string }
  /** `aligned` objectives from `owners` different owners align to it. */
  | { readonly kind: 'structure'; readonly aligned: number; readonly owners: number };

/** Why `node` is a catch-all objective, or undefined when it is not one. */
export function catchAllReason(node: ObjectiveNode, graph: AlignmentGraph, progress: ProgressModel, config: AnalysisConfig): CatchAllReason | undefined {
  if (hasMeasurableKeyResult(node.objective, progress)) return undefined;
  const phrase = businessAsUsual(node.objective.title.text, config.catchAll.phrases);
  if (phrase !== undefined) return { kind: 'wording', phrase };
  const { aligned, owners } = alignedOwners(node, graph);
  if (aligned >= config.catchAll.minAligned && owners >= config.catchAll.minOwners) return { kind: 'structure', aligned, owners };
  return undefined;
}

/** One sentence on why it is a catch-all, for messages and hovers. */
export function describeCatchAll(reason: CatchAllReason): string {
  return reason.kind === 'wording'
    ? `"${reason.phrase}" is business as usual`
    : `${reason.aligned} objectives of ${reason.owners} owners align to it, yet none of its key results is measurable`;
}

/** Whether one of the objective's key results has a metric, written out or read from its title. */
export function hasMeasurableKeyResult(objective: Objective, progress: ProgressModel): boolean {
  return objective.keyResults.some((kr) => progress.metric(kr) !== undefined);
}

/**
 * How many distinct objectives align to this one (or to one of its key results), and how many
 * distinct owners they have. An objective with no owner counts as owned by its file.
 */
export function alignedOwners(node: ObjectiveNode, graph: AlignmentGraph): { aligned: number; owners: number } {
  const objectives = new Set<Objective>();
  const owners = new Set<string>();
  for (const alignment of node.alignedFrom) {
    if (alignment.objective === node.objective || objectives.has(alignment.objective)) continue;
    objectives.add(alignment.objective);
    const from = graph.node(alignment.objective);
    owners.add(from?.owner ?? `file ${alignment.uri}`);
  }
  return { aligned: objectives.size, owners: owners.size };
}

// ── Wording ──────────────────────────────────────────────────────────────────────────────────

const words = (list: string): string => list.trim().split(/\s+/).join('|');
/** A generic object: "our core product", "the business", "what we do". */
const DETERMINER = String.raw`(?:(?:our|the|my|its|their|your|all)\s+)?`;
const ADJECTIVES = String.raw`(?:(?:${words('core main existing current whole entire usual normal regular day-to-day daily everyday overall own')})\s+)*`;
const NOUN = String.raw`(?:${words('products? business(?:es)? platforms? services? offerings? work jobs? operations company systems? things stuff everything')}|what\s+we\s+(?:always\s+)?do)`;
const OBJECT = `${DETERMINER}${ADJECTIVES}${NOUN}`;
/** Generic verbs, in their base and -ing forms. */
const VERB_LIST = 'improve grow develop build run support sell do maintain sustain enhance deliver operate manage serve ship';
const VERB = String.raw`(?:${VERB_LIST.split(' ').map((v) => `${v}|${gerund(v)}`).join('|')}|(?:iterate|iterating|work|working)\s+on|(?:invest|investing)\s+in|(?:focus|focusing)\s+on)`;
const TAIL = String.raw`(?:\s+(?:as\s+usual|as\s+always|as\s+before|further|even\s+more|more|better|every\s+(?:day|week|sprint|month|quarter)|day\s+to\s+day))?`;
const WE = String.raw`(?:we\s+(?:will\s+)?)?`;
const END = String.raw`\s*[.!]*$`;

/** Built-in business-as-usual wording; the first three must match the whole title. */
const PATTERNS: readonly RegExp[] = [
  // "Continue improving our core product", "Keep improving", "Continue to grow", "Keep doing what we do".
  new RegExp(String.raw`^${WE}(?:continue|keep|carry\s+on|go\s+on)\s+(?:to\s+|with\s+)?(?:(?:${VERB}|\p{L}+ing)(?:\s+more\s+of)?(?:\s+${OBJECT})?|${OBJECT})${TAIL}${END}`, 'iu'),
  // "Improve our core product", "Sell more of our core product", "We do our business", "Do our job".
  new RegExp(String.raw`^${WE}${VERB}(?:\s+more(?:\s+of)?)?\s+${OBJECT}${TAIL}${END}`, 'iu'),
  // "Make our product better".
  new RegExp(String.raw`^${WE}make\s+${OBJECT}\s+(?:even\s+)?(?:better|great)${END}`, 'iu'),
  // Anywhere in the title.
  /\bbusiness\s+as\s+usual\b/i,
  /\bkeep(?:ing)?\s+the\s+lights\s+on\b/i,
  /\bBAU\b/,
  /\b(?:do|doing)\s+what\s+we\s+(?:always\s+)?(?:do|did)\b/i,
  /\bas\s+usual[.!]*$/i,
];

const configured = new WeakMap<readonly string[], RegExp[]>();

/**
 * The business-as-usual phrase in a title, or undefined. Titles that carry a number are
 * specific enough ("Continue the rollout to 12 EU markets") and never match. Extra phrases
 * (`catchAll.phrases`) match case-insensitively at the start of the title, as whole words.
 */
export function businessAsUsual(title: string, phrases: readonly string[] = []): string | undefined {
  const text = title.trim();
  if (!text || /\d/.test(text) || inferMetric(text)) return undefined;
  for (const pattern of [...PATTERNS, ...phrasePatterns(phrases)]) {
    const match = pattern.exec(text);
    if (match) return match[0].replace(/[\s.!]+$/, '').trim();
  }
  return undefined;
}

function phrasePatterns(phrases: readonly string[]): RegExp[] {
  let patterns = configured.get(phrases);
  if (!patterns) {
    patterns = phrases
      .map((phrase) => phrase.trim())
      .filter((phrase) => phrase.length > 0)
      .map((phrase) => new RegExp(String.raw`^${phrase.split(/\s+/).map(escape).join(String.raw`\s+`)}(?![\p{L}\p{N}])`, 'iu'));
    configured.set(phrases, patterns);
  }
  return patterns;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function gerund(verb: string): string {
  if (verb.endsWith('e') && !verb.endsWith('ee')) return `${verb.slice(0, -1)}ing`;
  if (/^(?:run|ship)$/.test(verb)) return `${verb}${verb.slice(-1)}ing`;
  return `${verb}ing`;
}
