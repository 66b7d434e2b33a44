// Units of key result values: percentages, money (with a scale: $M is millions of dollars) and
// counted things (signups, engineers). Values are compared and summed in base units.
import type { Quantity } from '../syntax/ast';

export type UnitKind = 'percent' | 'currency' | 'count';

export interface Unit {
  readonly kind: UnitKind;
  /** `%`, `$`, `€`, or the counted word (`signups`). */
  readonly symbol: string;
  /** 1, 1e3, 1e6, 1e9: `$M` has scale 1e6. */
  readonly scale: number;
  /** As people write it: `%`, `$M`, `signups`. */
  readonly label: string;
}

const SCALES: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9 };
const CURRENCIES = new Set(['$', '€', '£', '¥']);

export function parseUnit(text: string): Unit {
  if (text === '%') return { kind: 'percent', symbol: '%', scale: 1, label: '%' };
  const first = text[0] ?? '';
  if (CURRENCIES.has(first)) {
    const scaleLetter = text.slice(1);
    return { kind: 'currency', symbol: first, scale: SCALES[scaleLetter] ?? 1, label: text };
  }
  return { kind: 'count', symbol: singular(text.toLowerCase()), scale: 1, label: text };
}

/** `signups` and `signup` count the same thing. */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

export interface Amount {
  /** The number as written, in `unit` (200 for `200 $M`). */
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
    return { value, unit: parseUnit(prefix.text + (scale ? (last === 'k' ? 'K' : last) : '')) };
  }
  return { value: number.value, unit: unit ? parseUnit(unit.text) : undefined };
}

/** Whether two units measure the same thing (so their amounts can be compared or added). */
export function sameDimension(a: Unit | undefined, b: Unit | undefined): boolean {
  if (!a || !b) return true; // A bare number takes the other's unit.
  if (a.kind !== b.kind) return false;
  if (a.kind === 'count') return a.symbol === b.symbol;
  return a.symbol === b.symbol;
}

/** `value` expressed in `unit` → in `target` (both of one dimension). */
export function convert(value: number, from: Unit | undefined, to: Unit | undefined): number {
  if (!from || !to) return value;
  return (value * from.scale) / to.scale;
}

export function formatAmount(value: number, unit: Unit | undefined): string {
  const rounded = Math.round(value * 100) / 100;
  const number = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(2).replace(/0+$/, '');
  if (!unit) return number;
  return unit.kind === 'percent' ? `${number}%` : `${number} ${unit.label}`;
}
