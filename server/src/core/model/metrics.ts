// The metric of a key result: written out (`from 20 to 35 %`, `target 80 $M`, `keep above 99.9 %`)
// or inferred from its title ("Up the conversion rate from 20 to 35%", "Grow ARR by 35%",
// "Get 10K signups from the Americas", "Add $200M in recurring revenue", "80 new prospects").
//
// Inference reads the amounts in a title (numbers with their currency, scale, `%` or counted
// noun) and picks one, in this order:
//  1. `from A to B`                                  → from A to B
//  2. a threshold: a first amount led by under / below / within / at most / above / over /
//     at least …: "Keep churn below 2%"             → keep below|above N
//  3. a decrease "to N": "Reduce churn to 2%"       → keep below N
//  4. a change "by N": "Grow ARR by 35%"            → target N (the change itself)
//  5. "to N", "reach N": "Raise NPS to 45"         → target N
//  6. money: "Add $200M in recurring revenue"       → target 200 $M
//  7. a percentage: "75% of new hires …"           → target 75 %
//  8. a count: "Get 10K signups", "two new markets" → target 10000 signups, target 2 markets
// Numbers that are not amounts are skipped: years ("in 2026"), dates ("March 31", "2026-03-31"),
// quarters ("Q1"), times and ratios ("10:30", "24/7"), ordinals ("1st"), parts of names ("p95",
// "v2.0", "week 6"). Number words (one … twelve, twenty, fifty, a hundred, a dozen) count only
// before a counted noun: "two new markets", but not "one of our goals".
import type { KeyResult, Span } from '../syntax/ast';
import { amountOf, convert, parseUnit, sameDimension, scaleOf, type Unit } from './units';

export interface Metric {
  readonly source: 'explicit' | 'inferred';
  /** `range`: from a baseline to a target; `threshold`: keep above/below a value. */
  readonly kind: 'range' | 'threshold';
  readonly baseline: number;
  /** The target of a range; the value to hold for a threshold. */
  readonly target: number;
  /** For thresholds. */
  readonly direction?: 'above' | 'below';
  readonly unit: Unit | undefined;
  /** For inferred metrics: the part of the title it was read from. */
  readonly span?: Span;
  /** How to write it explicitly: `from 20 to 35 %`, `target 200 $M`, `keep above 99.9 %`. */
  readonly statement: string;
}

/**
 * The explicit metric of a key result, else one inferred from its title, else undefined. A
 * milestone key result (steps) is measured by its steps: nothing is inferred from its title.
 */
export function metricOf(kr: KeyResult): Metric | undefined {
  // A key result node never changes (an edit makes a new tree), so its metric is computed once.
  if (metricCache.has(kr)) return metricCache.get(kr);
  const metric = explicitMetric(kr) ?? (kr.steps.length ? undefined : inferMetric(kr.title.text, kr.title.span.start));
  metricCache.set(kr, metric);
  return metric;
}

const metricCache = new WeakMap<KeyResult, Metric | undefined>();

/** Whether the key result writes a metric out (`from … to`, `target`, `keep above/below`), even a broken one. */
export function hasExplicitMetric(kr: KeyResult): boolean {
  const { from, target, keep } = kr.metric;
  return Boolean(from || target || keep);
}

/**
 * The metric written out under a key result. With `target` alone the baseline is 0, unless the
 * title says "from A to B" with the same target B: then A is the baseline.
 */
export function explicitMetric(kr: KeyResult): Metric | undefined {
  const { from, target, keep } = kr.metric;
  if (keep?.threshold) {
    const amount = amountOf(keep.threshold);
    return {
      source: 'explicit', kind: 'threshold', baseline: amount.value, target: amount.value, direction: keep.direction, unit: amount.unit,
      statement: `keep ${keep.direction} ${written(amount.value, amount.unit)}`,
    };
  }
  if (!target) return undefined;
  const goal = amountOf(target);
  const start = from ? amountOf(from) : undefined;
  const unit = goal.unit ?? start?.unit;
  let baseline = start ? convert(start.value, start.unit ?? unit, unit) : 0;
  if (!start) {
    const inferred = inferMetric(kr.title.text);
    if (inferred?.kind === 'range' && inferred.baseline !== 0 && sameDimension(inferred.unit, unit)
      && nearlyEqual(convert(inferred.target, inferred.unit, unit), goal.value)) {
      baseline = convert(inferred.baseline, inferred.unit, unit);
    }
  }
  return {
    source: 'explicit', kind: 'range', baseline, target: goal.value, unit,
    statement: start ? `from ${numberFor(baseline, unit)} to ${written(goal.value, unit)}` : `target ${written(goal.value, unit)}`,
  };
}

// ─── Inference from titles ─────────────────────────────────────────────────────────────────────

/** An amount found in a title. */
export interface TitleAmount {
  /** Offsets in the title: the number with its currency, scale and unit sign (not the noun). */
  readonly start: number;
  readonly end: number;
  /** In `unit` when the unit is money or %; scaled otherwise (10K signups → 10000). */
  readonly value: number;
  /** `%` or money, as written with the number. */
  readonly sign: Unit | undefined;
  /** The counted noun after it ("signups"), and where that ends. */
  readonly noun?: { readonly unit: Unit; readonly end: number };
  /** Written as a word ("two"). */
  readonly word: boolean;
}

const WORD_NUMBERS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12,
};
const SCALE_WORDS: Readonly<Record<string, string>> = { thousand: 'K', million: 'M', billion: 'B' };
const MONTHS = new Set(['jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug', 'august',
  'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december']);
/** Words after which a number is a name, not an amount: "week 6", "version 2", "phase 3". */
const NAMING_WORDS = new Set(['week', 'day', 'sprint', 'phase', 'step', 'version', 'release', 'stage', 'tier', 'level', 'chapter', 'part', 'page',
  'no', 'number', 'q', 'h', 'fy', 'top', 'iteration', 'milestone', 'round', 'generation', 'gen', 'series', 'type', 'season', 'episode', 'batch',
  'cohort', 'wave', 'grade', 'edition', 'v', 'issue', 'bug', 'ticket', 'pr', 'rfc', 'item', 'goal', 'kr', 'objective', 'okr', 'p', 'sev', 'priority']);
/** Nouns after which a number is a name: "1.0 version", "2 release". */
const NAMED_NOUNS = new Set(['version', 'release', 'edition', 'iteration', 'milestone']);
/** Small words that can be capitalised in a Title Case title without being names. */
const TITLE_CASE_SMALL = new Set(['to', 'by', 'of', 'for', 'at', 'in', 'on', 'with', 'from', 'and', 'or', 'the', 'a', 'an', 'than', 'least', 'most', 'over', 'under',
  'above', 'below', 'within', 'reach', 'hit', 'get', 'add', 'hire', 'sign', 'close', 'win', 'launch', 'ship', 'publish', 'run', 'host', 'hold', 'make', 'have']);
/** Adjectives skipped when looking for the counted noun: "80 new prospects" counts prospects. */
const SKIPPED_ADJECTIVES = new Set(['new', 'more', 'additional', 'extra', 'active', 'paying', 'qualified', 'unique', 'monthly', 'weekly', 'daily',
  'yearly', 'annual', 'total', 'net', 'happy', 'enterprise', 'online', 'major', 'key', 'big', 'large', 'small', 'good', 'great', 'high', 'top',
  'first', 'different', 'distinct', 'successful', 'completed', 'published', 'live', 'real']);
/** Words that end a noun phrase: "10K signups from the Americas" counts signups. */
const STOP_WORDS = new Set(['in', 'from', 'with', 'without', 'of', 'for', 'to', 'per', 'by', 'on', 'at', 'and', 'or', 'but', 'the', 'a', 'an', 'who',
  'that', 'which', 'than', 'into', 'across', 'each', 'every', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does',
  'did', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'get', 'gets', 'got', 'during', 'before', 'after', 'until', 'till',
  'since', 'within', 'under', 'over', 'above', 'below', 'about', 'around', 'our', 'their', 'its', 'your', 'my', 'this', 'these', 'those', 'all',
  'as', 'so', 'if', 'when', 'while', 'where', 'we', 'they', 'it', 'through', 'via', 'less', 'fewer', 'most', 'least', 'or', 'out', 'up', 'down', 'off',
  'more', 'times', 'time', 'x']);
const PERCENT_WORDS = new Set(['percent', 'pct', 'percentage']);
/** Keywords end a quantity in the language, so they cannot be unit words. */
const KEYWORDS = new Set(['period', 'level', 'owner', 'strategy', 'objective', 'aligns', 'to', 'why', 'committed', 'aspirational', 'kr', 'from',
  'target', 'keep', 'above', 'below', 'current', 'checkin', 'confidence', 'contributes', 'rollup', 'sum', 'weight']);
/** A unit word is an id: `signups`, `AI-engineers`. */
const UNIT_WORD = /^[\p{L}_][\p{L}\p{N}_-]*$/u;

const AMOUNT = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.,/:#])` // not glued to a word or another number, nor a number sign (#1204)
  + String.raw`(?:([$€£¥])\s?)?` // 1: a currency before the number
  + String.raw`(\d+(?:[.,]\d+)*)` // 2: the number
  + String.raw`(?:([kKMB])(?![\p{L}\p{N}_])|\s(thousand|million|billion)\b)?` // 3, 4: a scale
  + String.raw`(?:\s?(%)|\s?([$€£¥])([kKMB])?(?![\p{L}\p{N}_]))?`, // 5: %; 6, 7: a currency after the number, with its scale
  'gu',
);
const WORD_AMOUNT = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozen)\b/gi;

/** Every amount in a title, in order. */
export function amountsIn(title: string): TitleAmount[] {
  const found: TitleAmount[] = [];
  for (const m of title.matchAll(AMOUNT)) {
    const start = m.index!;
    let end = start + m[0].length;
    const after = title.slice(end);
    const before = title.slice(0, start);
    if (/^[\p{L}\p{N}_]/u.test(after)) continue; // 1st, 2x, 10Kg
    if (/^[-/:]\d/.test(after) || /\d[-/:]$/.test(before)) continue; // 2026-03-31, 24/7, 10:30, 3-5
    const [, currencyBefore, digits, scaleLetter, scaleWord, percentSign, currencyAfter, currencyScale] = m;
    let value = number(digits!);
    if (!Number.isFinite(value)) continue;
    const scale = scaleLetter ?? (scaleWord ? SCALE_WORDS[scaleWord.toLowerCase()] : undefined);
    const previousWord = lastWord(before);
    // A number after a name is part of it: "Kubernetes 1.25", "ISO 27001", "SOC 2", "PostHog 3000";
    // so is a version right after a word and before no unit: "multistream 2.0 is implemented".
    if (!currencyBefore && !currencyAfter && !percentSign && namesBefore(before)) continue;
    if (!currencyBefore && !currencyAfter && !percentSign && !scaleLetter && /^\d+\.\d+$/.test(digits!) && versionBefore(before) && !/^\s*[\p{L}]/u.test(after.replace(/^\s+(?:is|are|was|were|has|have|will|be)\b.*/i, ''))) continue;
    let sign: Unit | undefined;
    if (currencyBefore) sign = parseUnit(currencyBefore + (scale ? scale.replace('k', 'K') : ''));
    else if (currencyAfter) {
      sign = parseUnit(currencyAfter + (currencyScale ?? ''));
      value *= scaleOf(scale);
    } else if (percentSign) sign = parseUnit('%');
    else {
      value *= scaleOf(scale);
      if (previousWord && (MONTHS.has(previousWord) || NAMING_WORDS.has(previousWord))) continue; // March 31, week 6, Q 1
    }
    if (!sign) {
      const percentWord = /^\s+(percent|pct|per\s?cent)\b/i.exec(after);
      if (percentWord) {
        sign = parseUnit('%');
        end += percentWord[0].length;
      }
    }
    const noun = sign?.kind === 'percent' ? undefined : nounAfter(title, end);
    if (!sign && noun && NAMED_NOUNS.has(noun.unit.label.toLowerCase())) continue; // "stable 1.0 version"
    if (!sign && !scale) {
      if (noun && MONTHS.has(noun.unit.label.toLowerCase())) continue; // 31 March
      // A year: "in 2026", "2026 roadmap"; only a plural noun makes it an amount ("2000 signups").
      if (Number.isInteger(value) && value >= 1900 && value <= 2199 && !(noun && /s$/i.test(noun.unit.label) && !/^(in|by|for|since|until|till|before|after|during|through)$/.test(previousWord ?? ''))) continue;
    }
    found.push({ start, end, value, sign, noun, word: false });
  }
  for (const m of title.matchAll(WORD_AMOUNT)) {
    const start = m.index!;
    const end = start + m[0].length;
    const noun = nounAfter(title, end);
    // Only before a plural noun: "two new markets", but not "one of our goals" or "one voice".
    if (!noun || !/[^s]s$/i.test(noun.unit.label)) continue;
    if (m[1]!.toLowerCase() === 'hundred' && !/\ba\s+$/i.test(title.slice(0, start))) continue; // "two hundred" is read as "two"
    found.push({ start, end, value: WORD_NUMBERS[m[1]!.toLowerCase()]!, sign: undefined, noun, word: true });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The counted noun after an amount: the first plural word among the next few, else the first word. */
function nounAfter(title: string, from: number): { unit: Unit; end: number } | undefined {
  const re = /[^\s]+/g;
  re.lastIndex = from;
  const words: { word: string; end: number }[] = [];
  let skippedOf = false;
  for (let m = re.exec(title); m && words.length < 3; m = re.exec(title)) {
    const word = m[0].replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}-]+$/gu, '');
    const lower = word.toLowerCase();
    const end = m.index + m[0].replace(/[^\p{L}\p{N}-]+$/u, '').length;
    const punctuated = /[,;:.!?)]$/.test(m[0]);
    if (!word) break;
    // "50 of our largest customers": look past "of our".
    if (!words.length && !skippedOf && lower === 'of') {
      const next = /^\s+(the|our|their|your|its|all)\b/i.exec(title.slice(end));
      if (!next) break;
      skippedOf = true;
      re.lastIndex = end + next[0].length;
      continue;
    }
    if (STOP_WORDS.has(lower) || PERCENT_WORDS.has(lower) || KEYWORDS.has(lower) || Object.hasOwn(WORD_NUMBERS, lower) || Object.hasOwn(SCALE_WORDS, lower) || !UNIT_WORD.test(word)) break;
    if (SKIPPED_ADJECTIVES.has(lower)) {
      if (punctuated) break;
      continue;
    }
    words.push({ word, end });
    if (punctuated) break;
  }
  if (!words.length) return undefined;
  const plural = words.find((w) => /[^s]s$/i.test(w.word) && w.word.length > 2) ?? words[0]!;
  return { unit: parseUnit(plural.word), end: plural.end };
}

/**
 * Whether the text before a number ends with a name the number belongs to: an acronym ("SOC",
 * "ISO", "WCAG") or a capitalised word that does not start the title ("Kubernetes", "Node"),
 * glued to the number by one space. Title Case's small words ("Get To 500 Users") are not names.
 */
function namesBefore(before: string): boolean {
  const m = /(^|[\s(])([\p{L}][\p{L}\p{N}.+-]*) $/u.exec(before);
  if (!m) return false;
  const word = m[2]!;
  if (TITLE_CASE_SMALL.has(word.toLowerCase()) || MONTHS.has(word.toLowerCase())) return false;
  if (/^\p{Lu}{2,}$/u.test(word)) return true;
  const first = before.slice(0, m.index + m[1]!.length).trim() === '' || /[.:;!?]\s*$/.test(before.slice(0, m.index + m[1]!.length));
  return !first && /^\p{Lu}/u.test(word);
}

/** A word a version number can follow: not a small word of the sentence ("to 2.5", "by 1.5"). */
function versionBefore(before: string): boolean {
  const m = /([\p{L}][\p{L}\p{N}-]*) $/u.exec(before);
  return Boolean(m && !TITLE_CASE_SMALL.has(m[1]!.toLowerCase()) && !STOP_WORDS.has(m[1]!.toLowerCase()) && !KEYWORDS.has(m[1]!.toLowerCase()));
}

function lastWord(text: string): string | undefined {
  return /([\p{L}]+)\s*$/u.exec(text)?.[1]?.toLowerCase();
}

interface Picked {
  readonly kind: 'range' | 'threshold';
  readonly baseline: number;
  readonly target: number;
  readonly direction?: 'above' | 'below';
  readonly unit: Unit | undefined;
  readonly start: number;
  readonly end: number;
}

const BELOW = String.raw`below|under|within|at\s+most|less\s+than|fewer\s+than|no\s+more\s+than|lower\s+than|max(?:imum)?(?:\s+of)?|<|≤|<=`;
const ABOVE = String.raw`above|over|at\s+least|more\s+than|no\s+less\s+than|greater\s+than|higher\s+than|min(?:imum)?(?:\s+of)?|>|≥|>=`;
const DECREASE = /\b(reduce|reduces|cut|cuts|lower|lowers|decrease|decreases|shrink|bring\s+down|drop|drops)\b/i;

/**
 * Reads a metric from a title. Only numbers that are amounts count: years ("in 2026"), quarters
 * and ordinals are not metrics. Returns undefined when nothing in the title is measurable.
 * `offset` is added to the span (the title's offset in the document).
 */
export function inferMetric(title: string, offset = 0): Metric | undefined {
  let metric = inferred.get(title);
  if (metric === undefined) {
    if (inferred.size >= 50_000) inferred.clear();
    inferred.set(title, (metric = readMetric(title) ?? null));
  }
  if (!metric) return undefined;
  return offset === 0 ? metric : { ...metric, span: { start: offset + metric.span!.start, end: offset + metric.span!.end } };
}

/** The metric read from a title, at offset 0, by title text (null: none): titles repeat across files and edits. */
const inferred = new Map<string, Metric | null>();

function readMetric(title: string): Metric | undefined {
  const amounts = amountsIn(title);
  if (!amounts.length) return undefined;
  const picked = pick(title, amounts);
  if (!picked) return undefined;
  const { unit } = picked;
  const statement = picked.kind === 'threshold'
    ? `keep ${picked.direction} ${written(picked.target, unit)}`
    : picked.baseline !== 0
      ? `from ${numberFor(picked.baseline, unit)} to ${written(picked.target, unit)}`
      : `target ${written(picked.target, unit)}`;
  return {
    source: 'inferred', kind: picked.kind, baseline: picked.baseline, target: picked.target, direction: picked.direction, unit,
    span: { start: picked.start, end: picked.end }, statement,
  };
}

function pick(title: string, amounts: readonly TitleAmount[]): Picked | undefined {
  const digits = amounts.filter((a) => !a.word);
  const unitOf = (a: TitleAmount) => a.sign ?? a.noun?.unit;
  const endOf = (a: TitleAmount) => (a.sign ? a.end : a.noun?.end ?? a.end);
  const before = (a: TitleAmount, re: RegExp) => re.exec(title.slice(0, a.start));

  // 1. from A to B
  for (let i = 0; i + 1 < digits.length; i++) {
    const a = digits[i]!;
    const b = digits[i + 1]!;
    const lead = before(a, /\bfrom\s+$/i);
    if (!lead || !/^\s*(?:to|→|->|-)\s*$/i.test(title.slice(a.end, b.start))) continue;
    const unit = unitOf(b) ?? unitOf(a);
    const aUnit = unitOf(a);
    if (!sameDimension(aUnit, unit)) continue;
    return { kind: 'range', baseline: convert(a.value, a.sign ?? unit, unit), target: b.value, unit, start: lead.index, end: endOf(b) };
  }

  // 2. a threshold: the first amount, led by under / below / within / above / at least …
  //    ("Keep CSAT above 90%", "Answer every ticket within 4 hours"; but "Keep 95% of tickets
  //    answered within 4 hours" is 95%).
  const threshold = (a: TitleAmount): Picked | undefined => {
    const below = before(a, new RegExp(String.raw`(?:^|\s)(?:${BELOW})\s*$`, 'i'));
    const above = below ? undefined : before(a, new RegExp(String.raw`(?:^|\s)(?:${ABOVE})\s*$`, 'i'));
    const lead = below ?? above;
    if (!lead) return undefined;
    const start = lead.index + (/^\s/.test(lead[0]) ? 1 : 0);
    return { kind: 'threshold', baseline: a.value, target: a.value, direction: below ? 'below' : 'above', unit: unitOf(a), start, end: endOf(a) };
  };
  const first = amounts[0]!;
  const firstThreshold = threshold(first);
  if (firstThreshold) return firstThreshold;

  // 3. "Reduce churn to 2%": a value to get below.
  if (DECREASE.test(title)) {
    for (const a of amounts) {
      const lead = before(a, /\bto\s+$/i);
      if (lead) return { kind: 'threshold', baseline: a.value, target: a.value, direction: 'below', unit: unitOf(a), start: lead.index, end: endOf(a) };
    }
  }

  // 4. "by N": the change itself is the target.
  for (const a of amounts) {
    const lead = before(a, /\bby\s+$/i);
    if (lead) return range(a, lead.index);
  }

  // 5. "to N", "reach N"
  for (const a of amounts) {
    const lead = before(a, /\b(?:to|reach|reaches|hit|hits|exceed|exceeds)\s+$/i);
    if (lead && (unitOf(a) || !a.word)) return range(a, lead.index);
  }

  // 6. money, 7. a percentage, 8. a count
  const money = amounts.find((a) => a.sign?.kind === 'currency');
  if (money) return range(money, money.start);
  const percent = amounts.find((a) => a.sign?.kind === 'percent');
  if (percent) return range(percent, percent.start);
  const counted = amounts.find((a) => a.noun) ?? digits[0];
  return counted ? range(counted, counted.start) : undefined;

  function range(a: TitleAmount, start: number): Picked {
    return { kind: 'range', baseline: 0, target: a.value, unit: unitOf(a), start, end: endOf(a) };
  }
}

// ─── Numbers ───────────────────────────────────────────────────────────────────────────────────

function number(text: string): number {
  // "1,000" is a thousand; "2,5" is two and a half.
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/^\d+,\d+$/.test(text)) return Number(text.replace(',', '.'));
  return Number(text);
}

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function trim(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6;
  // Digits only: the language has no exponent (`1e+23` would not parse once written out).
  return Number.isInteger(rounded) && Math.abs(rounded) >= 1e21 ? BigInt(rounded).toString() : String(rounded);
}

/** `10000` → `10K`, `1500000` → `1.5M`, as the language writes numbers; exact only. */
export function compact(value: number): string {
  for (const [letter, scale] of [['B', 1e9], ['M', 1e6], ['K', 1e3]] as const) {
    if (Math.abs(value) >= scale) {
      const scaled = value / scale;
      if (Math.round(scaled * 100) / 100 === scaled) return `${trim(scaled)}${letter}`;
    }
  }
  return trim(value);
}

/** An amount as the language writes it: `35 %`, `200 $M`, `10K signups`. */
function written(value: number, unit: Unit | undefined): string {
  return unit ? `${numberFor(value, unit)} ${unit.label}` : numberFor(value, unit);
}

/** Counts and plain numbers may take a scale letter (`10K`); money and % keep theirs in the unit. */
function numberFor(value: number, unit: Unit | undefined): string {
  return !unit || unit.kind === 'count' ? compact(value) : trim(value);
}

