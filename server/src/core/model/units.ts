// Units of key result values: percentages, money (with a scale: $M is millions of dollars) and
// counted things (signups, engineers). Amounts keep the number as written, in their unit; they are
// compared and summed after converting into one unit of the same dimension.
//  - `%` is its own dimension: percentages of different bases never add.
//  - Money is one dimension per currency sign: `$K`, `$` and `$M` convert into each other (by
//    their scale), `€` and `$` do not (no exchange rates).
//  - A counted word is one dimension per word, singular or plural and in any case:
//    `signups`, `signup` and `Signups` count the same thing; `leads` and `signups` do not.
import type { Quantity } from '../syntax/ast';

export type UnitKind = 'percent' | 'currency' | 'count';

export interface Unit {
  readonly kind: UnitKind;
  /** `%`, `$`, `€`, or the counted word in the singular and lowercase (`signup`). */
  readonly symbol: string;
  /** 1, 1e3, 1e6, 1e9: `$M` has scale 1e6. Counted words have scale 1. */
  readonly scale: number;
  /** As people write it: `%`, `$M`, `signups`. */
  readonly label: string;
}

const SCALES: Readonly<Record<string, number>> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9 };
const CURRENCIES = new Set(['$', '€', '£', '¥']);

export function isCurrency(sign: string): boolean {
  return CURRENCIES.has(sign);
}

/** The factor of a scale letter (`k`/`K` 1e3, `M` 1e6, `B` 1e9); 1 for anything else. */
export function scaleOf(letter: string | undefined): number {
  return (letter && SCALES[letter]) || 1;
}

/**
 * `%` → percent; `$`, `$M`, `€k` → currency; any other word → a counted thing. A rate
 * (`croissants per week`, `$ per user`, `per week`) is its base unit's kind and scale, per a
 * counted word: `croissants per week` and `croissant per weeks` are one unit, `$K per month` and
 * `$M per month` convert, `croissants per week` and `croissants` do not add.
 */
export function parseUnit(text: string): Unit {
  let unit = units.get(text);
  if (!unit) {
    if (units.size >= 10_000) units.clear();
    units.set(text, (unit = readUnit(text)));
  }
  return unit;
}

/** Units by the text they are written as: a workspace writes a few dozen, thousands of times. */
const units = new Map<string, Unit>();

function readUnit(text: string): Unit {
  if (text === '%') return PERCENT;
  const rate = /^(?:(\S+) )?per (\S+)$/.exec(text);
  if (rate) {
    const base = rate[1] === undefined ? undefined : parseUnit(rate[1]);
    const per = `per ${singular(rate[2]!.toLowerCase())}`;
    return { kind: base?.kind ?? 'count', symbol: base ? `${base.symbol} ${per}` : per, scale: base?.scale ?? 1, label: text };
  }
  const first = text[0] ?? '';
  if (CURRENCIES.has(first)) {
    const scaleLetter = text.slice(1);
    return { kind: 'currency', symbol: first, scale: SCALES[scaleLetter] ?? 1, label: text };
  }
  return { kind: 'count', symbol: singular(text.toLowerCase()), scale: 1, label: text };
}

const PERCENT: Unit = { kind: 'percent', symbol: '%', scale: 1, label: '%' };

/** `signups` and `signup` count the same thing; so do `stories` and `story`. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length >= 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

export interface Amount {
  /** The number as written, in `unit` (200 for `200 $M`, 80 for `$80M`). */
  readonly value: number;
  readonly unit: Unit | undefined;
}

/**
 * A quantity as an amount: `200 $M` → 200 in $M; `$80M` → 80 in $M (the number's scale letter
 * moves into the unit, so `$80M` and `80 $M` are the same amount); `10K` → 10000.
 */
export function amountOf(quantity: Quantity): Amount {
  const { number, prefix, unit } = quantity;
  if (prefix) {
    const last = number.raw[number.raw.length - 1] ?? '';
    const scale = SCALES[last];
    const value = scale ? number.value / scale : number.value;
    // `$12 per user`: the rate after the number belongs to the currency before it.
    const rate = unit?.text.startsWith('per ') ? ` ${unit.text}` : '';
    return { value, unit: parseUnit(prefix.text + (scale ? (last === 'k' ? 'K' : last) : '') + rate) };
  }
  return { value: number.value, unit: unit ? parseUnit(unit.text) : undefined };
}

/**
 * A quantity's value expressed in `unit`, when it can be: a bare number is taken to be in `unit`
 * already; a unit of another dimension gives undefined.
 */
export function valueIn(quantity: Quantity, unit: Unit | undefined): number | undefined {
  const amount = amountOf(quantity);
  if (!sameDimension(amount.unit, unit)) return undefined;
  return convert(amount.value, amount.unit, unit);
}

/** Whether two units measure the same thing (so their amounts can be compared or added). */
export function sameDimension(a: Unit | undefined, b: Unit | undefined): boolean {
  if (!a || !b) return true; // A bare number takes the other's unit.
  return a.kind === b.kind && a.symbol === b.symbol;
}

/** `value` expressed in `from` → in `to` (both of one dimension). */
export function convert(value: number, from: Unit | undefined, to: Unit | undefined): number {
  if (!from || !to) return value;
  return (value * from.scale) / to.scale;
}

/** A number for messages: at most two decimals, no trailing zeros (`150`, `1.25`, `0.5`). */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** `200 $M`, `35%`, `80 signups`, or the number alone. */
export function formatAmount(value: number, unit: Unit | undefined): string {
  const number = formatNumber(value);
  if (!unit) return number;
  return unit.kind === 'percent' ? `${number}${unit.label}` : `${number} ${unit.label}`;
}

/** How a unit is named in messages: `%`, `$M`, `signups`. */
export function describeUnit(unit: Unit | undefined): string {
  return unit ? unit.label : 'a plain number';
}
