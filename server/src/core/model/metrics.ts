// The metric of a key result: written out (`from 20 to 35 %`, `target 80 $M`, `keep above 99.9 %`)
// or inferred from its title ("Up the conversion rate from 20 to 35%", "Grow ARR by 35%",
// "Get 10K signups from the Americas", "Add $200M in recurring revenue", "80 new prospects").
import type { KeyResult, Span } from '../syntax/ast';
import { amountOf, convert, parseUnit, type Unit } from './units';

export interface Metric {
  readonly source: 'explicit' | 'inferred';
  /** `range`: from a baseline to a target; `threshold`: keep above/below a value. */
  readonly kind: 'range' | 'threshold';
  readonly baseline: number;
  readonly target: number;
  /** For thresholds. */
  readonly direction?: 'above' | 'below';
  readonly unit: Unit | undefined;
  /** For inferred metrics: the part of the title it was read from. */
  readonly span?: Span;
  /** How to write it explicitly: `from 20 to 35 %`, `target 200 $M`, `keep above 99.9 %`. */
  readonly statement: string;
}

/** The explicit metric of a key result, else one inferred from its title, else undefined. */
export function metricOf(kr: KeyResult): Metric | undefined {
  return explicitMetric(kr) ?? inferMetric(kr.title.text, kr.title.span.start);
}

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
  const baseline = start ? convert(start.value, start.unit ?? unit, unit) : 0;
  return {
    source: 'explicit', kind: 'range', baseline, target: goal.value, unit,
    statement: start ? `from ${trim(baseline)} to ${written(goal.value, unit)}` : `target ${written(goal.value, unit)}`,
  };
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)*)\s*([kKMB]\b)?`;
const CURRENCY = String.raw`([$€£¥])`;
const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  twenty: 20, fifty: 50, hundred: 100, dozen: 12,
};
/** Adjectives skipped when looking for the counted noun: "80 new prospects" counts prospects. */
const SKIPPED_ADJECTIVES = new Set(['new', 'more', 'additional', 'active', 'paying', 'qualified', 'unique', 'monthly', 'weekly', 'daily', 'total', 'net', 'happy', 'enterprise', 'online']);
/** Words that end a unit phrase: "10K signups from the Americas" counts signups. */
const STOP_WORDS = new Set(['in', 'from', 'with', 'of', 'for', 'to', 'per', 'by', 'on', 'at', 'and', 'or', 'the', 'a', 'an', 'who', 'that', 'than', 'into', 'across', 'each', 'every']);

interface Found {
  readonly index: number;
  readonly length: number;
  readonly metric: Omit<Metric, 'span' | 'source' | 'statement'>;
}

/**
 * Reads a metric from a title. Only numbers that are amounts count: years ("in 2026"), quarters
 * and ordinals are not metrics. Returns undefined when nothing in the title is measurable.
 */
export function inferMetric(title: string, offset = 0): Metric | undefined {
  const found = fromTo(title) ?? byChange(title) ?? money(title) ?? percent(title) ?? counted(title);
  if (!found) return undefined;
  const { metric } = found;
  const statement = metric.baseline !== 0 ? `from ${trim(metric.baseline)} to ${written(metric.target, metric.unit)}` : `target ${written(metric.target, metric.unit)}`;
  return { ...metric, source: 'inferred', span: { start: offset + found.index, end: offset + found.index + found.length }, statement };
}

function fromTo(title: string): Found | undefined {
  const re = new RegExp(String.raw`\bfrom\s+${CURRENCY}?${NUMBER}\s*(%|[$€£¥][kKMB]?)?\s+to\s+${CURRENCY}?${NUMBER}\s*(%|[$€£¥][kKMB]?)?`, 'i');
  const m = re.exec(title);
  if (!m) return undefined;
  const unitText = m[8] ?? m[4] ?? (m[5] ? m[5] + (m[7] ?? '') : m[1] ? m[1] + (m[3] ?? '') : undefined);
  const unit = unitText ? parseUnit(unitText) : counterAfter(title, m.index + m[0].length);
  const scaled = (value: string, scale: string | undefined, currency: string | undefined) => (currency ? number(value) : number(value) * scaleOf(scale));
  return {
    index: m.index, length: m[0].length,
    metric: { kind: 'range', baseline: scaled(m[2]!, m[3], m[1]), target: scaled(m[6]!, m[7], m[5]), unit },
  };
}

/** "Grow ARR by 35%", "Reduce complaints by 50%", "by 10 points": a change of that much. */
function byChange(title: string): Found | undefined {
  const re = new RegExp(String.raw`\bby\s+${CURRENCY}?${NUMBER}\s*(%|[$€£¥][kKMB]?|[A-Za-z]+)?`, 'i');
  const m = re.exec(title);
  if (!m) return undefined;
  const value = number(m[2]!);
  const unitText = m[4] ?? (m[1] ? m[1] + (m[3] ?? '') : undefined);
  if (!unitText && isYear(value)) return undefined;
  const unit = unitText && !STOP_WORDS.has(unitText.toLowerCase()) ? parseUnit(unitText) : undefined;
  return { index: m.index, length: m[0].length, metric: { kind: 'range', baseline: 0, target: m[1] ? value : value * scaleOf(m[3]), unit } };
}

/** "$200M", "€1.5M", "200 $M". */
function money(title: string): Found | undefined {
  let m = new RegExp(String.raw`${CURRENCY}\s?${NUMBER}`).exec(title);
  if (m) return { index: m.index, length: m[0].length, metric: { kind: 'range', baseline: 0, target: number(m[2]!), unit: parseUnit(m[1]! + (m[3] ?? '')) } };
  m = new RegExp(String.raw`${NUMBER}\s?([$€£¥][kKMB]?)`).exec(title);
  if (m) return { index: m.index, length: m[0].length, metric: { kind: 'range', baseline: 0, target: number(m[1]!), unit: parseUnit(m[3]!) } };
  return undefined;
}

/** "75% of new hires", "20% fewer POs rejected". */
function percent(title: string): Found | undefined {
  const m = /(\d+(?:[.,]\d+)?)\s?%/.exec(title);
  if (!m) return undefined;
  return { index: m.index, length: m[0].length, metric: { kind: 'range', baseline: 0, target: number(m[1]!), unit: parseUnit('%') } };
}

/** "Get 10K signups", "80 new prospects", "10 engineers", "two new markets". */
function counted(title: string): Found | undefined {
  const re = /\b(\d+(?:[.,]\d+)?)([kKMB])?\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|hundred|dozen)\b/gi;
  for (let m = re.exec(title); m; m = re.exec(title)) {
    const value = m[3] ? WORD_NUMBERS[m[3].toLowerCase()]! : number(m[1]!) * scaleOf(m[2]);
    if (!m[3] && !m[2] && isYear(value)) continue;
    if (/^Q[1-4]$|^H[12]$/i.test(title.slice(m.index - 1, m.index + 1))) continue;
    const unit = counterAfter(title, m.index + m[0].length);
    if (m[3] && !unit) continue; // "one" alone is not an amount ("one of our goals").
    return { index: m.index, length: m[0].length, metric: { kind: 'range', baseline: 0, target: value, unit } };
  }
  return undefined;
}

/** The counted noun after a number: the first word that is not an adjective, before a stop word. */
function counterAfter(title: string, from: number): Unit | undefined {
  const words = title.slice(from).trim().split(/\s+/).slice(0, 3);
  for (const raw of words) {
    const word = raw.replace(/[^\p{L}\p{N}-]/gu, '');
    if (!word || STOP_WORDS.has(word.toLowerCase())) return undefined;
    if (SKIPPED_ADJECTIVES.has(word.toLowerCase())) continue;
    return /^\p{L}/u.test(word) ? parseUnit(word) : undefined;
  }
  return undefined;
}

function number(text: string): number {
  // "1,000" is a thousand; "2,5" is two and a half.
  return /^\d{1,3}(,\d{3})+$/.test(text) ? Number(text.replace(/,/g, '')) : Number(text.replace(',', '.'));
}

function scaleOf(letter: string | undefined): number {
  return letter ? ({ k: 1e3, K: 1e3, M: 1e6, B: 1e9 } as Record<string, number>)[letter] ?? 1 : 1;
}

function isYear(value: number): boolean {
  return Number.isInteger(value) && value >= 1900 && value <= 2199;
}

function trim(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

function written(value: number, unit: Unit | undefined): string {
  return unit ? `${trim(value)} ${unit.label}` : trim(value);
}
