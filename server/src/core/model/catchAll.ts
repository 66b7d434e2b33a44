// Catch-all objectives (seed 004, "Catch-all Objectives have a Catch"): objectives that name a
// standing area or the business itself rather than what will be different this period, so that
// anything can claim to serve them. Shared by the `catch-all` and `aligned-to-catch-all` rules,
// and by hover and preview.
//
// An objective is a catch-all by its wording (the title alone, see `catchAllWording`) when it is
//  - an area: a function or metric named with no verb ("Customer support", "Reliability", "BI");
//  - generic: made only of generic words, a generic verb with a generic object ("Improve our
//    processes", "Build a stronger brand", "Sell more of our core product"), or a pile of
//    generic verbs ("Grow, enhance and support collaboration across the project");
//  - an aspiration: "Become a great place to work", "Achieve our vision", "Make the stream good";
//  - more of the same: "Continue …", "Keep …" (unless it names the level: "Keep infra costs
//    flat"), business as usual, or a bucket for leftovers ("Finish what we started", "Execute
//    the roadmap", "Next 5 great things").
// Measurable key results do not make such wording specific (seed 004: "Sell more of our core
// product" with a revenue key result is the company's catch-all); the message says what they
// already measure. A generic verb with a specific object is specific ("Expand the Jsgenesis
// team", "Support and improve AI Search"), and so is any title with a deliverable, a name, a
// quoted term or a number in it.
//
// Or by its structure: at least `catchAll.minAligned` objectives of `catchAll.minOwners` owners
// align to it, it has no measurable key result and no amount in its title, and what aligns to it
// is unrelated to it and to each other (their titles share no content word, by stem): "Launch
// the partner program" with five partner objectives under it is a program, not a catch-all.
import type { AnalysisConfig } from '../config';
import type { Objective } from '../syntax/ast';
import type { AlignmentGraph, ObjectiveNode } from './graph';
import { keyResultKind } from './keyResultKind';
import { inferMetric } from './metrics';
import type { ProgressModel } from './progress';
import { FUNCTION_WORDS, GENERIC_SUFFIX, GENERIC_VERBS, GENERIC_WORDS, StemSet, VERBS, stem, withoutAsides, wordsOf } from './wording';

export type CatchAllWording = 'area' | 'generic' | 'aspiration' | 'more-of-the-same' | 'configured';

export type CatchAllReason =
  /** `phrase`: what in the title reads like business as usual; `wording`: which kind. */
  | { readonly kind: 'wording'; readonly phrase: string; readonly wording: CatchAllWording }
  /** `aligned` unrelated objectives from `owners` different owners align to it. */
  | { readonly kind: 'structure'; readonly aligned: number; readonly owners: number };

/** Why `node` is a catch-all objective, or undefined when it is not one. */
export function catchAllReason(node: ObjectiveNode, graph: AlignmentGraph, progress: ProgressModel, config: AnalysisConfig): CatchAllReason | undefined {
  const wording = catchAllWording(node.objective.title.text, config.catchAll.phrases);
  if (wording) return { kind: 'wording', ...wording };
  // Cheapest first: most objectives have few aligned to them.
  if (node.alignedFrom.length < config.catchAll.minAligned) return undefined;
  const { aligned, owners, objectives } = alignedOwners(node, graph);
  if (aligned < config.catchAll.minAligned || owners < config.catchAll.minOwners) return undefined;
  if (inferMetric(node.objective.title.text) || hasMeasurableKeyResult(node.objective, progress)) return undefined;
  if (!unrelated(node.objective, objectives)) return undefined;
  return { kind: 'structure', aligned, owners };
}

/** One sentence on why it is a catch-all, for messages and hovers. */
export function describeCatchAll(reason: CatchAllReason): string {
  if (reason.kind === 'structure') return `${reason.aligned} unrelated objectives of ${reason.owners} owners align to it, and none of its key results is measurable`;
  switch (reason.wording) {
    case 'area': return `"${reason.phrase}" names an area, not what will be different`;
    case 'aspiration': return `"${reason.phrase}" is an aspiration, not what will be different`;
    case 'more-of-the-same': return `"${reason.phrase}" is more of the same`;
    case 'configured': return `"${reason.phrase}" is business as usual here (okr.config.json)`;
    default: return `"${reason.phrase}" is business as usual: any team could write it any quarter`;
  }
}

/** Whether one of the objective's key results states a level to score it by. */
export function hasMeasurableKeyResult(objective: Objective, progress: ProgressModel): boolean {
  return objective.keyResults.some((kr) => progress.metric(kr) !== undefined || keyResultKind(kr).kind === 'measurable');
}

/**
 * How many distinct objectives align to this one (or to one of its key results), and how many
 * distinct owners they have. An objective with no owner counts as owned by its file.
 */
export function alignedOwners(node: ObjectiveNode, graph: AlignmentGraph): { aligned: number; owners: number; objectives: Objective[] } {
  const objectives = new Set<Objective>();
  const owners = new Set<string>();
  for (const alignment of node.alignedFrom) {
    if (alignment.objective === node.objective || objectives.has(alignment.objective)) continue;
    objectives.add(alignment.objective);
    const from = graph.node(alignment.objective);
    owners.add(from?.owner ?? `file ${alignment.uri}`);
  }
  return { aligned: objectives.size, owners: owners.size, objectives: [...objectives] };
}

/**
 * Whether the objectives aligned to `parent` are unrelated to it and to each other: fewer than
 * half of them share a content word (by stem, generic verbs aside) with the parent or a sibling.
 */
function unrelated(parent: Objective, children: readonly Objective[]): boolean {
  const parentStems = contentStems(parent.title.text);
  const stems = children.map((c) => contentStems(c.title.text));
  let related = 0;
  stems.forEach((own, i) => {
    const shares = (other: ReadonlySet<string>) => [...own].some((s) => other.has(s));
    if (shares(parentStems) || stems.some((other, j) => j !== i && shares(other))) related++;
  });
  return related * 2 < children.length;
}

function contentStems(title: string): ReadonlySet<string> {
  let stems = stemsByTitle.get(title);
  if (!stems) {
    if (stemsByTitle.size >= 100_000) stemsByTitle.clear();
    stemsByTitle.set(title, (stems = readStems(title)));
  }
  return stems;
}

/** The content stems of each title read: a parent's title is read again for each objective under it. */
const stemsByTitle = new Map<string, ReadonlySet<string>>();

function readStems(title: string): Set<string> {
  return new Set(wordsOf(withoutAsides(title)).filter((w) => !FUNCTION_WORDS.has(w.lower) && !GENERIC_VERBS.has(w.lower) && w.lower.length > 2).map((w) => stem(w.lower)));
}

// ── Wording ──────────────────────────────────────────────────────────────────────────────────

/** Business as usual and leftovers, anywhere in the title. */
const LEFTOVERS: readonly RegExp[] = [
  /\bbusiness\s+as\s+usual\b/i,
  /\bkeep(?:ing)?\s+the\s+lights\s+on\b/i,
  /\bBAU\b/,
  /\b(?:do|doing)\s+what\s+we\s+(?:always\s+)?(?:do|did)\b/i,
  /\bas\s+usual[.!]*$/i,
  /\b(?:finish|complete|wrap\s+up|close\s+out)\s+what\s+we\s+(?:started|began|have\s+started)\b/i,
  /\b(?:execute|deliver|ship|complete|hit)\s+(?:on\s+)?(?:the|our)\s+(?:\p{L}+\s+)?(?:roadmap|plan|backlog)\b/iu,
  /\b(?:next|more|other|remaining)\s+(?:\d+\s+)?(?:\p{L}+\s+)?(?:things|stuff|items)\b/iu,
  /\bstuff\b/i,
  /\bmisc(?:ellaneous)?\b/i,
];
/** A quick test that one of ASPIRATIONS may match. */
const MAYBE_ASPIRATION = /great|best|better|lead|class|notch|vision|mission|potential|purpose|values|good|awesome|amazing|excellent|premier|extraordinary|exceptional|outstanding|possible|ever|can\s+be|strong|perform/i;
/** A quick test that one of LEFTOVERS may match: most titles skip them all. */
const MAYBE_LEFTOVERS = /usual|lights|BAU|what\s+we|roadmap|plan|backlog|things|stuff|items|misc/i;
/** "Continue …", "Keep …": more of the same. */
const MORE_OF_THE_SAME = /^(?:continue|continuing|keep|keeping|carry\s+on|go\s+on|maintain|sustain|stay\s+on\s+top\s+of)\b/i;
/** What "keep" may hold that is a level: "Keep infra costs flat". */
const HELD_LEVEL = /\b(?:flat|constant|unchanged|at\s+zero|zero)\b/i;
const ASPIRATIONS: readonly RegExp[] = [
  /^(?:become|be)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:great|best|better|leading|world[\s-]class|top[\s-]notch|high[\s-]performing|stronger|amazing|awesome|excellent|premier)\b/iu,
  /\binto\s+(?:a|an|the)\s+(?:top[\s-]notch|world[\s-]class|best[\s-]in[\s-]class|great|leading|first[\s-]class)\b/i,
  /\b(?:achieve|realize|realise|fulfil|fulfill|deliver\s+on|live)\s+(?:our|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:vision|mission|potential|purpose)\b/iu,
  /\baround\s+our\s+(?:mission|vision|values)\b/i,
  /\bgreat\s+place\s+to\s+work\b/i,
  /\b(?:world[\s-]class|top[\s-]notch|best[\s-]in[\s-]class|first[\s-]class|extraordinary|exceptional|outstanding)\b/i,
  /\bas\s+\p{L}+\s+as\s+(?:(?:it|we|they|you)\s+can\s+be|possible|ever)\b/iu,
  /^make\s+(?:[\p{L}'’-]+\s+){1,5}?(?:good|great|better|awesome|amazing|even\s+better)[.!]*$/iu,
];
/** Heads of a noun phrase that name a deliverable or an event: "Alpha release of Squad SDK", "Squad game jam". */
const DELIVERABLES = new StemSet(`release launch beta alpha mvp jam hackathon conference summit meetup event offsite
  migration rollout rewrite redesign pilot prototype podcast campaign certification audit fundraise fundraising round
  announcement integration version app website site portal sdk api cli plugin dashboard handbook guide book course
  report paper whitepaper playbook strategy plan roadmap policy program programme launchpad`);

/**
 * The business-as-usual wording of a title, or undefined when the title says what will be
 * different. Extra phrases (`catchAll.phrases`) match case-insensitively at the start of the
 * title, as whole words.
 */
export function catchAllWording(title: string, phrases: readonly string[] = []): { phrase: string; wording: CatchAllWording } | undefined {
  // A number makes a title specific, whatever phrase it starts with: "Continue the rollout to 12 EU markets".
  if (!/\d/.test(title)) for (const pattern of phrasePatterns(phrases)) {
    const match = pattern.exec(title.trim());
    if (match) return { phrase: match[0], wording: 'configured' };
  }
  return wordingCache.has(title) ? wordingCache.get(title) : remember(title, readWording(title));
}

const wordingCache = new Map<string, { phrase: string; wording: CatchAllWording } | undefined>();

function remember(title: string, verdict: { phrase: string; wording: CatchAllWording } | undefined) {
  if (wordingCache.size >= 20_000) wordingCache.clear();
  wordingCache.set(title, verdict);
  return verdict;
}

function readWording(title: string): { phrase: string; wording: CatchAllWording } | undefined {
  const text = withoutAsides(title).replace(/^\s*we\s+(?:will\s+|shall\s+|want\s+to\s+|need\s+to\s+)?/i, '').trim().replace(/[\s.!]+$/, '');
  if (!text) return undefined;
  // Quoted in messages: one line, no control characters, at most 60 characters.
  const oneLine = text.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ');
  const phrase = oneLine.length > 60 ? `${oneLine.slice(0, 57).trimEnd()}…` : oneLine;
  if (MAYBE_LEFTOVERS.test(text)) for (const pattern of LEFTOVERS) if (pattern.test(text)) return { phrase, wording: 'more-of-the-same' };
  // A number is an amount, a scope or a name: specific enough ("Continue the rollout to 12 EU markets").
  if (/\d|%|[$€£¥]/.test(text)) return undefined;
  const words = wordsOf(text);
  // A long title that explains itself ("… realize our vision …: new users can …") is not a mere aspiration.
  if (words.length <= 20 && MAYBE_ASPIRATION.test(text)) for (const pattern of ASPIRATIONS) if (pattern.test(text)) return { phrase, wording: 'aspiration' };
  if (MORE_OF_THE_SAME.test(text) && !HELD_LEVEL.test(text)) return { phrase, wording: 'more-of-the-same' };
  if (/["“”‘’`]/.test(text) && /["“”‘’`]/.test(text.replace(/(\p{L})['’](\p{L})/gu, '$1$2'))) return undefined; // a quoted term is a name
  const content = words.filter((w) => !FUNCTION_WORDS.has(w.lower));
  if (!content.length) return undefined;
  // "Grow, enhance, and support collaboration across …": piled generic verbs say nothing.
  const pile = /^([\p{L}-]+)\s*,\s*([\p{L}-]+)\s*,?\s*(?:and|&)\s+([\p{L}-]+)\b/iu.exec(text);
  if (pile && [pile[1]!, pile[2]!, pile[3]!].every((v) => GENERIC_VERBS.has(v))) return { phrase, wording: 'generic' };
  if (content.every((w) => isGeneric(w.lower))) {
    const verbLed = (VERBS.has(words[0]!.lower) && !/ing$/.test(words[0]!.lower)) || /^(?:do|doing)$/.test(words[0]!.lower);
    return { phrase, wording: verbLed ? 'generic' : 'area' };
  }
  // A function or metric named with no verb: "Customer support", "HogQL & Data Exploration",
  // "Security as a feature". Led by an abstract noun ("Reliability", "Responsiveness to …") or
  // an acronym, or short and without articles: an unknown word leading "Delight users with …"
  // or "Turn pricing into an advantage" is more likely a verb than a name.
  // A placeholder ("O", "X") names nothing at all.
  const named = content.some((w) => w.text.length >= 3 || /^\p{Lu}{2,}$/u.test(w.text));
  if (named && content.length <= 5 && !VERBS.has(words[0]!.lower) && !hasFiniteVerb(words) && !DELIVERABLES.has(headOf(words))) {
    const lead = content[0]!.text;
    const abstract = /(?:ity|ness|ance|ence|ment|tion|sion|ing|ure|ism|ics|ship|cy|ery|ability)$/i.test(lead) || /^\p{Lu}{2,}s?$/u.test(lead);
    const bare = content.length <= 4 && !words.some((w) => /^(?:a|an|the|our|my|their|your|its|into|with)$/.test(w.lower));
    if (abstract || bare) return { phrase, wording: 'area' };
  }
  return undefined;
}

/** A generic word, also when hyphenated or slashed ("well-defined", "resilience/redundancy", "team-wide"). */
function isGeneric(word: string): boolean {
  if (GENERIC_WORDS.has(word) || (GENERIC_SUFFIX.test(word) && word.length > 6)) return true;
  const parts = word.split(/[-/+&]/).filter(Boolean);
  return parts.length > 1 && parts.every((p) => GENERIC_WORDS.has(p) || FUNCTION_WORDS.has(p) || /^(?:wide|based|driven|first|led|level)$/.test(p));
}

/** The head of the leading noun phrase: its last word before a function word. */
function headOf(words: readonly { lower: string }[]): string {
  let head = words[0]!.lower;
  for (const word of words) {
    if (FUNCTION_WORDS.has(word.lower)) break;
    head = word.lower;
  }
  return head;
}

/** "Pipeline unblocks …", "The site is …": a subject with a verb is a statement, not an area. */
function hasFiniteVerb(words: readonly { lower: string }[]): boolean {
  return words.slice(1).some((w) => /^(?:is|are|was|were|has|have|had|will|can|does|do)$/.test(w.lower)
    || (/[^e]ed$/.test(w.lower) && w.lower.length > 4) // "Reseller pricing approved": a deliverable stated as done
    || (/[^s]s$/.test(w.lower) && VERBS.has(w.lower.slice(0, -1)) && VERBS.has(w.lower)));
}

const configured = new WeakMap<readonly string[], RegExp[]>();

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
