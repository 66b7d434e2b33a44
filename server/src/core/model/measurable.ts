// What makes a key result's title measurable, beyond a metric that can be computed with
// (metrics.ts): a level that anyone can score at the end of the period.
//  - an amount: "Get 10K signups", "Add $200M", "95% uptime", "2-3 days", "a dozen talks";
//  - a multiple: "4x", "2.5X faster", "twice", "double", "in half", "an order of magnitude";
//  - a threshold with a number word: "within an hour", "more than one business day";
//  - all or none over something countable: "every incident", "all of our alerts have runbooks",
//    "no customer is blocked", "zero outages", "do not churn any customer";
//  - "top two", "multiple organizations", "each release".
// What is not a level: names with numbers ("ISO 27001", "Kubernetes 1.25", "HTTP/3", "Q3"; see
// metrics.ts), vague amounts ("thousands of subscribers"), and an "all" that leaves open which
// items are meant ("all key services", "all aspects of SOC 2", "all offsite logistics,
// itinerary and merch") or whose quality is vague ("reliable monitoring on all services").
import { inferMetric, type Metric } from './metrics';
import { FUNCTION_WORDS, StemSet, VAGUE_QUALITIES, VAGUE_SELECTORS, VERBS, withoutAsides } from './wording';

export type MeasureKind = 'amount' | 'multiple' | 'threshold' | 'all' | 'none' | 'top';

export interface Measure {
  readonly kind: MeasureKind;
  /** Offsets in the title of what was read. */
  readonly start: number;
  readonly end: number;
  /** "each release", "every sprint": a cadence, which measures a task only by repeating it. */
  readonly periodic?: boolean;
}

/** How the title says what level counts as done, or undefined when it says none. */
export function measureIn(title: string): Measure | undefined {
  const metric = inferMetric(title);
  if (metric?.span && !isCountOfOne(metric)) return { kind: metric.kind === 'threshold' ? 'threshold' : 'amount', start: metric.span.start, end: metric.span.end };
  const text = withoutAsides(title);
  return multiple(text) ?? gluedUnit(text) ?? sum(title) ?? hiddenFigure(text) ?? wordThreshold(text) ?? wordCount(text) ?? range(text) ?? top(text) ?? quantifier(text, title);
}

/** A number with its unit written against it: "1TB", "1.5MB", "10ms", "4mm" (millions), "2h". */
const GLUED_UNIT = /(?<![\p{L}\p{N}.#])\d+(?:[.,]\d+)?\s?(?:ms|s|secs?|mins?|h|hrs?|d|[kmgtp]b|mm|bn|px|fps|rps|qps|rpm|kg|km|mi)(?![\p{L}\p{N}])/iu;

function gluedUnit(text: string): Measure | undefined {
  const m = GLUED_UNIT.exec(text);
  return m ? { kind: 'amount', start: m.index, end: m.index + m[0].length } : undefined;
}

/** "1 intern + 1 senior", "+1 code intel, +2 web": counts added up. */
const SUM = /\d+\s*(?:[\p{L}-]+\s*)?\+\s*\d+|(?:^|[\s(,])\+\d+\s+\p{L}[^,]*,\s*\+\d+|\(\s*\d+\s+\p{L}[\p{L}-]*\s*,\s*\d+\s+\p{L}/u;

function sum(title: string): Measure | undefined {
  const m = SUM.exec(title);
  return m ? { kind: 'amount', start: m.index, end: m.index + m[0].length } : undefined;
}

/** "$N IARR", "at least $M in expansion": a figure kept out of a published text is still a level. */
const HIDDEN_FIGURE = /[$€£¥]\s?\p{Lu}(?![\p{L}\p{N}])/u;

function hiddenFigure(text: string): Measure | undefined {
  const m = HIDDEN_FIGURE.exec(text);
  return m ? { kind: 'amount', start: m.index, end: m.index + m[0].length } : undefined;
}

const COUNT_WORDS = String.raw`(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|a\s+dozen|dozens\s+of|hundreds\s+of\s+(?!thousands))`;
/** "Hire two additional full-time teammates": a number word before what it counts, a few words on. */
const WORD_COUNT = new RegExp(String.raw`\b${COUNT_WORDS}\s+(?:[\p{L}-]+\s+){0,5}?\p{L}[\p{L}-]*[^s\W]s\b`, 'iu');

function wordCount(text: string): Measure | undefined {
  const m = WORD_COUNT.exec(text);
  if (!m || /^(?:dozens|hundreds)/i.test(m[0])) return undefined; // "dozens of", "hundreds of": no level
  return { kind: 'amount', start: m.index, end: m.index + m[0].length };
}

/**
 * A count of one ("Add 1 full stack developer", "1 additional site migrated"): one item is a
 * deliverable, done or not, not a level to score.
 */
export function isCountOfOne(metric: Metric | undefined): boolean {
  return Boolean(metric && metric.kind === 'range' && metric.baseline === 0 && metric.target === 1 && (!metric.unit || (metric.unit.kind === 'count' && !TIME_UNIT.test(metric.unit.label))));
}

/** "1 hour", "1 business day": a time bound, not one item. */
const TIME_UNIT = /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|business|working|calendar|sprints?)$/i;

/** Whether the title's own metric is a count of one. */
export function countsOne(title: string): boolean {
  return isCountOfOne(inferMetric(title));
}

const MULTIPLE = /(?<![\p{L}\p{N}.])\d+(?:[.,]\d+)?\s?[x×](?![\p{L}\p{N}])|\b(?:twice|double[sd]?|doubling|triple[sd]?|tripling|quadruple[sd]?|halve[sd]?|halving|in\s+half|(?:an|one|two|three)\s+orders?\s+of\s+magnitude|\d+-?fold|(?:two|three|four|five|ten)fold)\b/iu;

function multiple(text: string): Measure | undefined {
  const m = MULTIPLE.exec(text);
  return m ? { kind: 'multiple', start: m.index, end: m.index + m[0].length } : undefined;
}

const NUMBER_WORD = String.raw`(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|a\s+hundred|a\s+dozen|a\s+couple\s+of|a\s+few)`;
const LEAD = String.raw`(?:within|under|below|less\s+than|fewer\s+than|more\s+than|at\s+least|at\s+most|no\s+more\s+than|no\s+less\s+than|up\s+to|over|above|in\s+under|inside)`;
const UNIT_WORD = String.raw`(?:business\s+|working\s+|calendar\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|sprints?|releases?|[\p{L}-]+)`;
const WORD_THRESHOLD = new RegExp(String.raw`\b${LEAD}\s+${NUMBER_WORD}\s+${UNIT_WORD}`, 'iu');

/** "within an hour", "more than one business day", "at least three regions". */
function wordThreshold(text: string): Measure | undefined {
  const m = WORD_THRESHOLD.exec(text);
  if (!m) return undefined;
  // "at least one press article" is one item, done or not; "within an hour" is a bound.
  const one = /\s(?:a|an|one)\s+(?:business\s+|working\s+|calendar\s+)?([\p{L}-]+)$/iu.exec(m[0]);
  if (one && !TIME_UNIT.test(one[1]!)) return undefined;
  return { kind: 'threshold', start: m.index, end: m.index + m[0].length };
}

/** "2-3 days", "20-70k customers": a range of amounts with what they count. */
const RANGE = /(?<![\p{L}\p{N}.\-/])\d+(?:\.\d+)?\s?[-–]\s?\d+(?:\.\d+)?[kKM]?\s+(?!of\b)\p{L}+/u;

function range(text: string): Measure | undefined {
  const m = RANGE.exec(text);
  if (!m) return undefined;
  // A date (2026-03) or an identifier (1-1 meeting is a kind of meeting, not a range).
  if (/^\d{4}\s?[-–]\s?\d{1,2}\b/.test(m[0]) || /^1\s?-\s?1\b/.test(m[0])) return undefined;
  return { kind: 'amount', start: m.index, end: m.index + m[0].length };
}

const TOP = new RegExp(String.raw`\b(?:top|first|best)\s+(?:\d+|${NUMBER_WORD.replace('(?:a|an|', '(?:')})\b|\bmultiple\s+\p{L}+s\b`, 'iu');

/** "the top two features", "first 100 customers", "multiple organizations" (at least two). */
function top(text: string): Measure | undefined {
  const m = TOP.exec(text);
  if (!m) return undefined;
  return { kind: 'top', start: m.index, end: m.index + m[0].length };
}

/** Heads of a quantified phrase that are not countable items: "all aspects of", "all types of". */
const NOT_COUNTABLE = new StemSet(`aspects types kinds sorts parts elements pieces things stuff logistics infrastructure
  work details bits matters areas ways respects efforts means`);
const ALL = /\b(?:all|every|each|everyone|everybody|always|100\s?%\s+of)\b/giu;
const NONE = /\b(?:no|zero|never|nobody|none\s+of)\b(?!\s+(?:more|less|longer|later|sooner|matter|one\s+else)\b)|\bno\s+one\b|\b(?:do\s+not|don['’]t|does\s+not|doesn['’]t|never|without)\b[^.;]*?\bany\b/giu;
const PERIODIC = /^(?:day|week|month|quarter|sprint|release|iteration|deploy(?:ment)?|cycle|year)s?\b/i;

/**
 * All or none over countable items: "every endpoint", "all of our alerts", "no PRs merged",
 * "zero outages", "do not churn any customer", "each release". A vague quality anywhere in the
 * title spoils it: "reliable monitoring on all key services" has no level.
 */
function quantifier(text: string, title: string): Measure | undefined {
  if (VAGUE_QUALITIES.test(title)) return undefined;
  for (const pattern of [ALL, NONE]) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      const word = m[0].toLowerCase();
      const after = text.slice(m.index! + m[0].length);
      // "all-hands", "at all", "each have", "all in all".
      if (/^[-\p{L}]/u.test(after) || /\bat\s+$/i.test(text.slice(0, m.index))) continue;
      // "A node always finds its peers": every time, a threshold.
      if (word === 'always') return { kind: 'all', start: m.index!, end: m.index! + m[0].length };
      // "available to all users": one switch, not a count.
      if (/\b(?:available|enabled|accessible|open|rolled\s+out|visible|shown|offered)\s+(?:to|for)\s+$/i.test(text.slice(0, m.index))) continue;
      if (/^(?:everyone|everybody|nobody|no one|100)/.test(word) || /any$/.test(word)) {
        if (word.endsWith('any') && !countedAfter(after)) continue;
        return { kind: pattern === ALL ? 'all' : 'none', start: m.index!, end: m.index! + m[0].length };
      }
      if (/^each|^every/.test(word) && PERIODIC.test(after.trim())) return { kind: 'all', start: m.index!, end: m.index! + m[0].length, periodic: true };
      if (!countedAfter(after)) continue;
      return { kind: pattern === ALL ? 'all' : 'none', start: m.index!, end: m.index! + m[0].length };
    }
  }
  return undefined;
}

/**
 * Whether the words after a quantifier name countable items: a noun phrase (past "of our", "the")
 * whose head is not abstract, with no vague selector ("key", "relevant") and not a list of named
 * things ("all offsite logistics, itinerary, and merch").
 */
function countedAfter(after: string): boolean {
  const text = after.replace(/^\s*(?:of\s+)?(?:(?:our|the|their|your|its|these|those|of)\s+)*/i, '');
  const words: string[] = [];
  let rest = text;
  for (let m = /^["'“‘`]?([\p{L}\p{N}][\p{L}\p{N}.&/+-]*)["'”’`]?(\s*)/u.exec(rest); m; m = /^["'“‘`]?([\p{L}\p{N}][\p{L}\p{N}.&/+-]*)["'”’`]?(\s*)/u.exec(rest)) {
    const word = m[1]!;
    const lower = word.toLowerCase();
    if (FUNCTION_WORDS.has(lower) && words.length) break;
    if (FUNCTION_WORDS.has(lower)) return false; // "each have", "all of", "no more"
    // A verb after the noun is the predicate: "all individual elements build up …".
    if (words.length && VERBS.has(lower) && !/s$/.test(lower)) break;
    words.push(lower);
    rest = rest.slice(m[0].length);
    if (words.length >= 5) break;
  }
  if (!words.length) return false;
  if (words.some((w) => VAGUE_SELECTORS.has(w))) return false;
  if (/^,\s*[\p{L}]/u.test(rest) && /\band\b/i.test(rest.slice(0, 60))) return false; // a list of named things
  const head = words[words.length - 1]!;
  return !NOT_COUNTABLE.has(head);
}
