// What kind of key result a title is, as an OKR coach reads it (Doerr, Wodtke, Google's playbook):
//  - measurable: it states a level anyone can score at the end of the period (measurable.ts);
//  - a task: an activity or deliverable whose completion is the whole criterion — led by an
//    activity verb ("Write the runbook", "Upgrade to Kubernetes 1.25"), a deliverable named by a
//    noun phrase ("Canary deployments", "Public beta of the mobile app"), a deliverable stated as
//    done ("Billing service deployed to production", "Users can create branches"), or a count
//    of one ("Hire 1 designer");
//  - not measurable: a direction with no level ("Increase API usage", "Improve the docs"), a
//    metric named without a level ("Cost of resources per product"), a vague quality ("Rock solid
//    webhooks"), an ongoing activity ("Proactively monitor query performance", "Work on …"), or a
//    question.
// Shared by kr-is-task and kr-not-measurable (exactly one of them fires on a key result that is
// not measurable) and by catch-all (which says what the key results already measure).
import type { KeyResult } from '../syntax/ast';
import { countsOne, isCountOfOne, measureIn, type Measure } from './measurable';
import { hasExplicitMetric, metricOf } from './metrics';
import { FUNCTION_WORDS, StemSet, VAGUE_QUALITIES, VERBS, withoutAsides, wordsOf } from './wording';

export type KeyResultKind =
  | { readonly kind: 'measurable'; readonly measure?: Measure }
  | { readonly kind: 'task'; readonly shape: 'verb' | 'deliverable' | 'one'; readonly verb?: string; readonly purpose?: string }
  | { readonly kind: 'not-measurable'; readonly shape: 'direction' | 'metric' | 'vague' | 'ongoing' | 'question'; readonly word?: string };

/** The kind of a key result: its explicit metric first, then its title. */
export function keyResultKind(kr: KeyResult): KeyResultKind {
  // A key result node never changes (an edit makes a new tree), so its kind is read once.
  let kind = byKeyResult.get(kr);
  if (!kind) {
    const metric = hasExplicitMetric(kr) ? undefined : metricOf(kr);
    // A milestone key result (steps) is measured by the share of its steps done.
    kind = hasExplicitMetric(kr) || kr.steps.length > 0 || (metric && !isCountOfOne(metric)) ? MEASURED : titleKind(kr.title.text);
    byKeyResult.set(kr, kind);
  }
  return kind;
}

const MEASURED: KeyResultKind = { kind: 'measurable' };
const byKeyResult = new WeakMap<KeyResult, KeyResultKind>();

const cache = new Map<string, KeyResultKind>();
const CACHE_LIMIT = 20_000;

/** The kind of a key result read from its title alone; computed once per text. */
export function titleKind(title: string): KeyResultKind {
  let kind = cache.get(title);
  if (!kind) {
    kind = readTitle(title);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(title, kind);
  }
  return kind;
}

/** Verbs that say which way a number should move, not how far. */
const DIRECTION = new StemSet(`improve increase grow raise boost reduce decrease lower cut minimize minimise maximize
  maximise optimize optimise enhance expand scale accelerate strengthen deepen broaden lift speed stabilize stabilise`);
/** A direction stated as done, with no level: "Test quality is improved", "coverage increased". */
const DIRECTION_DONE = /\b(?:improved|increased|reduced|decreased|optimi[sz]ed|enhanced|grown|boosted|stabili[sz]ed|strengthened|accelerated|minimi[sz]ed|maximi[sz]ed)\b/i;
/** "… over time", "continuously": an activity that never ends. */
const NEVER_ENDS = /\b(?:over\s+time|continuously|continually|on\s+an\s+ongoing\s+basis|ongoing)\b/i;
/** Verbs of an activity that goes on rather than ends: nothing is done at the end of the period. */
const ONGOING = new StemSet(`monitor maintain keep sustain continue nail understand align focus foster encourage
  promote champion advocate embrace prioritize prioritise`);
/** Activity verbs: a key result led by one is a task (unless it states a level). */
const TASK_VERBS = new StemSet(`attend deliver launch collaborate organize organise hold host write publish implement
  ship build create develop design redesign run conduct complete finish prepare present draft plan schedule install
  migrate deploy release introduce start begin define document update review research investigate explore meet
  visit participate join send email call contact coordinate facilitate arrange refactor rewrite re-write integrate
  test upgrade produce record film post blog announce hire buy purchase setup kickoff brainstorm assess evaluate
  audit analyze analyse study map outline compile gather collect distribute share communicate discuss demo pilot
  prototype configure automate translate localize localise replace remove fix perform execute interview survey add
  learn refresh tackle consider sign elevate establish track submit describe assign source feature amplify
  celebrate convert onboard train certify rename archive deprecate retire sunset open close merge`);
/** Verbs that make a task only with the word after them: "set up", "roll out", "come up with". */
const PHRASAL: Readonly<Record<string, readonly string[]>> = {
  set: ['up'], roll: ['out'], kick: ['off'], reach: ['out'], follow: ['up'], partner: ['with'], talk: ['to', 'with'],
  speak: ['at', 'to', 'with'], move: ['to'], switch: ['to'], come: ['up'], get: ['rid'], make: ['sure'], wrap: ['up'],
  write: ['down'], clean: ['up'], sign: ['up'], spin: ['up'], stand: ['up'], put: ['together', 'in'], figure: ['out'],
};
/** Words that may come before the verb: "Successfully launch …", "We will deliver …", "Dev to start …". */
const LEADING = /^(?:(?:\p{L}+ly|we|i|will|to|must|should|shall|also|then|and|first|finally|let['’]s)\s+)*/iu;
/** What a task is for: "… to generate leads", "… so that …", "… in order to …". */
const PURPOSE = /\b(?:so\s+that|in\s+order\s+to|to)\s+((?:generate|increase|grow|reduce|improve|win|get|drive|boost|raise|cut|lower|double|reach|acquire|convert|retain|close|attract|gain|capture|sell|expand|keep|bring|help|enable|attain|achieve|unblock|stay|make|lower|speed)\b.*)$/i;
/** Heads of a noun phrase that name a metric: "Cost of resources per product", "CI/CD times". */
const METRIC_HEADS = new StemSet(`cost costs time times rate ratio latency usage retention traffic engagement churn
  conversion revenue uptime speed throughput velocity nps csat satisfaction adoption share number percentage count
  amount progress performance quality`);
/** "Make X the default choice", "Make X better": an aspiration, not a deliverable. */
const ASPIRATION = /\b(?:the\s+(?:default|go-to|obvious|best|first)\s+(?:choice|option|place|tool)|better|the\s+best|great(?:er)?|world[\s-]class|evolved?\s+into)\b/i;

function readTitle(title: string): KeyResultKind {
  const measure = measureIn(title);
  // "Ship improvements every sprint" is a task done often, not a level; "Test the core workflows each release" is a bar.
  const ledByTask = TASK_VERBS.has(wordsOf(withoutAsides(title).trim().replace(LEADING, ''))[0]?.lower ?? '');
  if (measure && !(measure.periodic && ledByTask)) return { kind: 'measurable', measure };
  if (countsOne(title)) return { kind: 'task', shape: 'one' };
  const text = withoutAsides(title).replace(/^\s*[\p{L}/ ]{1,30}\s[-–—]\s+(?=\p{L})/u, (m) => ' '.repeat(m.length));
  const trimmed = text.trim();
  if (/\?\s*$/.test(trimmed) || /^(?:how|what|why|which|who|when|where|should|can|do|does|is|are)\b[^.]*\?/i.test(trimmed)) return { kind: 'not-measurable', shape: 'question' };
  const rest = trimmed.replace(LEADING, '');
  const words = wordsOf(rest);
  const first = words[0];
  if (!first) return { kind: 'task', shape: 'deliverable' };
  const second = words[1]?.lower ?? '';
  const verb = first.text;
  const lower = first.lower;

  // "Happier customers", "Faster checkout": a comparison with nothing to compare to.
  if (/^(?:more|fewer|less|better|faster|higher|lower|bigger|smaller|greater|stronger|cheaper|quicker|shorter|easier|happier|healthier|safer)$/.test(lower)) return { kind: 'not-measurable', shape: 'direction', word: verb };

  // "Start working towards …", "Work on the universal view": activity without an end.
  if (/^(?:start\s+)?work(?:ing)?\s+(?:towards?|on)\b/i.test(rest) && !/^start\s+work\s+on\b/i.test(rest)) return { kind: 'not-measurable', shape: 'ongoing', word: 'work on' };
  if (/\btowards?\b/i.test(rest) && /^(?:start|begin|move|work)/i.test(rest)) return { kind: 'not-measurable', shape: 'ongoing', word: 'towards' };

  const particles = Object.hasOwn(PHRASAL, lower) ? PHRASAL[lower]! : undefined;
  if (particles?.includes(second)) {
    if (lower === 'clean' && /\b(?:things|stuff)\b/i.test(rest)) return { kind: 'not-measurable', shape: 'vague', word: 'things' };
    return task(title, `${verb} ${words[1]!.text}`);
  }
  if (lower === 'make' && ASPIRATION.test(rest)) return { kind: 'not-measurable', shape: 'vague', word: ASPIRATION.exec(rest)![0] };
  // "Be loved by customers", "Become the go-to tool": a state with no level to score.
  if (/^(?:be|become|feel|stay)$/.test(lower)) return { kind: 'not-measurable', shape: 'vague', word: `${verb} ${words[1]?.text ?? ''}`.trim() };
  if (DIRECTION.has(lower) && !/ing$/.test(lower)) {
    // "Improve the type system and get rid of X": the second half is a deliverable.
    const then = /\b(?:and|then)\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/iu.exec(rest.slice(first.end));
    if (then && (TASK_VERBS.has(then[1]!) && !DIRECTION.has(then[1]!) || (PHRASAL[then[1]!.toLowerCase()]?.includes((then[2] ?? '').toLowerCase()) ?? false))) return task(title, verb);
    return { kind: 'not-measurable', shape: 'direction', word: verb };
  }
  if (ONGOING.has(lower) && !/ing$/.test(lower)) return { kind: 'not-measurable', shape: 'ongoing', word: verb };
  if (TASK_VERBS.has(lower) && !/ing$|ed$/.test(lower)) return task(title, verb);
  // Not led by an activity verb: a deliverable named or stated as done, unless what it names is a
  // metric or a quality nobody can score.
  const ongoing = NEVER_ENDS.exec(rest);
  if (ongoing) return { kind: 'not-measurable', shape: 'ongoing', word: ongoing[0] };
  const done = DIRECTION_DONE.exec(rest);
  if (done) return { kind: 'not-measurable', shape: 'direction', word: done[0] };
  if (/\bmore\s*[.!]*\s*$/i.test(rest)) return { kind: 'not-measurable', shape: 'direction', word: 'more' };
  const vague = VAGUE_QUALITIES.exec(rest) ?? (/\b(?:things|stuff)\b/i.exec(rest));
  if (vague) return { kind: 'not-measurable', shape: 'vague', word: vague[0] };
  const head = headNoun(rest);
  if (head && METRIC_HEADS.has(head) && !hasVerb(rest)) return { kind: 'not-measurable', shape: 'metric', word: head };
  return { kind: 'task', shape: 'deliverable' };
}

function task(title: string, verb: string): KeyResultKind {
  const purpose = PURPOSE.exec(title)?.[1]?.trim();
  return purpose ? { kind: 'task', shape: 'verb', verb, purpose } : { kind: 'task', shape: 'verb', verb };
}

/** The head of the leading noun phrase: its last word before a preposition or other function word. */
function headNoun(text: string): string | undefined {
  let head: string | undefined;
  for (const word of wordsOf(text)) {
    // A participle ends the noun phrase: "Progress made on …", "Site launched by …".
    if (FUNCTION_WORDS.has(word.lower) || (head && /(?:ed|made|done|built|shipped)$/.test(word.lower))) break;
    head = word.lower.split('/').pop();
  }
  return head;
}

/** Whether a clause has a verb (other than a participle used as an adjective). */
function hasVerb(text: string): boolean {
  return wordsOf(text).slice(1).some((w) => /^(?:is|are|was|were|has|have|had|will|can|does|do)$/.test(w.lower) || (VERBS.has(w.lower) && /s$/.test(w.lower) && !/ss$/.test(w.lower)));
}
