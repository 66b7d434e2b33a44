// Cell values → the language's forms: dates, numbers, units, periods, owners, ids and one-line text.
// Pure functions: no Node built-ins, so the extension's browser build runs them too.

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function realDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 ? iso(y, m, d) : undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthOf = (word: string) => {
  const index = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return index < 0 ? undefined : index + 1;
};

/** An Excel serial day (days since 1899-12-30) as YYYY-MM-DD. */
export function excelDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000);
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * A date as a spreadsheet writes it → YYYY-MM-DD: `2025-01-15`, `2025-01-15T08:00:00Z`,
 * `1/15/2025` (month first, unless the first number is over 12), `15-Jan-2025`, `Jan 15, 2025`,
 * `15 January 2025`. Undefined when it is none of these.
 */
export function parseDate(text: string): string | undefined {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return realDate(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m) return realDate(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:,?\s+[\d:]+(?:\s*[AP]M)?)?$/i.exec(s);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    return a > 12 ? realDate(+m[3]!, b, a) : realDate(+m[3]!, a, b);
  }
  m = /^(\d{1,2})[-\s]([A-Za-z]{3,9})\.?[-\s,]+(\d{4})$/.exec(s);
  if (m && monthOf(m[2]!)) return realDate(+m[3]!, monthOf(m[2]!)!, +m[1]!);
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(s);
  if (m && monthOf(m[1]!)) return realDate(+m[3]!, monthOf(m[1]!)!, +m[2]!);
  return undefined;
}

/** A number as people type it in a sheet: `1,200`, `$1.2M`, `45%`, `(12)`, `1.5K`. */
export function parseNumber(text: string): { value: number; unit?: Unit } | undefined {
  let s = text.trim().replace(/\u00a0/g, ' ');
  if (!s) return undefined;
  let unit: Unit | undefined;
  const currency = /^([$€£¥])\s*|\s*([$€£¥])$/.exec(s);
  if (currency) {
    unit = { kind: 'currency', text: (currency[1] ?? currency[2])! };
    s = s.replace(currency[0], '');
  }
  if (/%$/.test(s)) {
    unit = { kind: 'percent', text: '%' };
    s = s.slice(0, -1).trim();
  }
  const negative = /^\((.*)\)$/.exec(s);
  if (negative) s = `-${negative[1]}`;
  let scale = 1;
  const scaled = /^(.*\d)\s*([kKMB])$/.exec(s);
  if (scaled) {
    scale = scaled[2] === 'B' ? 1e9 : scaled[2] === 'M' ? 1e6 : 1e3;
    s = scaled[1]!;
  }
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  const value = Number(s) * scale;
  return Number.isFinite(value) ? { value, unit } : undefined;
}

/** A number as the language writes it: no exponent, no thousands separator. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const text = value.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}

export interface Unit {
  readonly kind: 'percent' | 'currency' | 'word';
  /** As written after a number: `%`, `$`, `signups`. */
  readonly text: string;
}

const KEYWORDS = new Set('period level owner strategy objective aligns to why committed aspirational kr from target keep above below current checkin confidence contributes rollup sum weight per'.split(' '));

/**
 * A unit column's value → a unit the language reads, or undefined for a plain number (`Number`,
 * `#`, `count`). A unit of several words becomes one (`new signups` → `new-signups`).
 */
export function parseUnit(text: string): Unit | undefined {
  const s = text.trim();
  const lower = s.toLowerCase();
  if (!s || ['number', 'numeric', '#', 'count', 'none', 'n/a', 'value', 'integer', 'decimal', 'absolute', 'units', 'unit'].includes(lower)) return undefined;
  if (['%', 'percent', 'percentage', 'pct', 'percent (%)', 'percentage (%)'].includes(lower)) return { kind: 'percent', text: '%' };
  const currencies: Record<string, string> = { $: '$', usd: '$', dollar: '$', dollars: '$', 'us dollar': '$', '€': '€', eur: '€', euro: '€', euros: '€', '£': '£', gbp: '£', pound: '£', pounds: '£', '¥': '¥', jpy: '¥', yen: '¥', cny: '¥' };
  const currency = currencies[lower] ?? /^(?:currency|money)\s*\(?\s*([$€£¥])\s*\)?$/i.exec(s)?.[1];
  if (currency) return { kind: 'currency', text: currency };
  // A rate: `croissants per week`, `$ per user`.
  const rate = /^(.+?)\s*(?:\bper\b|\/)\s*([A-Za-z][\w-]*)$/i.exec(s);
  if (rate) {
    const base = parseUnit(rate[1]!);
    const per = slug(rate[2]!, 40);
    if (per && !KEYWORDS.has(per)) return { kind: base?.kind ?? 'word', text: `${base ? `${base.text} ` : ''}per ${per}` };
  }
  const word = slug(s, 40);
  if (!word || KEYWORDS.has(word)) return undefined;
  return { kind: 'word', text: word };
}

/** A quantity as the language writes it: `40 %`, `1200 $`, `10 signups`, `3`. */
export function quantity(value: number, unit: Unit | undefined): string {
  return unit ? `${formatNumber(value)} ${unit.text}` : formatNumber(value);
}

/** Lowercase ASCII words joined by `-`, starting with a letter: `Grow revenue in EMEA` → `grow-revenue-in-emea`. */
export function slug(text: string, max = 60): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/[$€£¥]/g, ' ')
    .replace(/%/g, ' percent ')
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  while (words.length && /^\d/.test(words[0]!)) words.shift();
  let out = '';
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > max && out) break;
    out = next.slice(0, max);
  }
  return out;
}

const STOP = new Set('a an the of to and or for in on at by with from into our your their its we us is are be will make get have has all new more than per via as this that these those so up'.split(' '));

/** A readable id from a title: its first meaningful words (`Grow revenue in EMEA` → `grow-revenue-emea`). */
export function idFromTitle(title: string, words = 3): string {
  const all = slug(title, 200).split('-').filter(Boolean);
  const meaningful = all.filter((w) => !STOP.has(w));
  const chosen = (meaningful.length ? meaningful : all).slice(0, words);
  const id = chosen.join('-').slice(0, 40).replace(/-+$/, '');
  return id && /^[a-z]/.test(id) ? id : `item${id ? `-${id}` : ''}`;
}

const ID = /^[A-Za-z_\u00c0-\uffff][A-Za-z0-9_\-\u00c0-\uffff]*$/;
export const isId = (text: string) => ID.test(text);

/**
 * Text on one line, safe as a title, a `why:` or a note: line breaks and control characters become
 * spaces; a `#` that would start a comment (before a space or at the end) is kept in the text by
 * a no-break space after it, which the language reads as part of the text.
 */
export function oneLine(text: string): string {
  return text
    .replace(/[\x00-\x1f\x7f\u2028\u2029\u0085]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/#(?= |$)/g, '#\u00a0')
    .replace(/#\u00a0 /g, '#\u00a0');
}

/** Comment lines: any text, each of its lines after `# `, control characters as spaces. */
export function commentLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.replace(/[\x00-\x08\x0b-\x1f\x7f\u0085]/g, ' ').replace(/\t/g, ' ').trimEnd())
    .filter((line, index, all) => line.trim() || (index > 0 && index < all.length - 1));
}

/**
 * An owner as the language writes it: an email or a handle as `@handle`, a name as `"Full Name"`.
 * `"Jane Doe <jane@contoso.com>"` keeps the email.
 */
export function owner(text: string): string | undefined {
  const s = text.trim();
  if (!s) return undefined;
  const email = /<([^<>\s]+@[^<>\s]+)>/.exec(s)?.[1] ?? (/^[^\s@,#:"]+@[^\s,#:"]+$/.test(s) ? s : undefined);
  if (email) return `@${email.replace(/[\s,#:"]/g, '')}`;
  if (/^@[^\s,#:"]+$/.test(s)) return s;
  const name = oneLine(s).replace(/"/g, "'").replace(/#\u00a0/g, '#');
  return name ? `"${name}"` : undefined;
}

/** Several owners in one cell (`Jane Doe; Sam Lee`, `a@x.com, b@x.com`). */
export function owners(text: string): string[] {
  const s = text.trim();
  if (!s) return [];
  const parts = /[;\n]/.test(s) ? s.split(/[;\n]/) : /@/.test(s) || !/,\s*[A-Z][a-z]+$/.test(s) ? s.split(',') : [s];
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** The calendar period of a label: `Q1 2025`, `2025 Q1`, `2025-Q1`, `H2 2025`, `2025`, `CY25 Q3`. Fiscal years (`FY25`) are not calendar periods. */
export function parsePeriodLabel(text: string): string | undefined {
  const s = text.trim();
  if (/\bFY/i.test(s)) return undefined;
  const year = (y: string) => (y.length === 2 ? `20${y}` : y);
  let m = /^(?:CY\s?)?(\d{4}|\d{2})[\s\-_/]*([QH])([1-4])$/i.exec(s);
  if (m && (m[2]!.toUpperCase() === 'Q' || +m[3]! <= 2) && (m[1]!.length === 4 || /^CY/i.test(s))) return `${year(m[1]!)}-${m[2]!.toUpperCase()}${m[3]}`;
  m = /^([QH])([1-4])[\s\-_/,]*(?:CY\s?)?(\d{4}|\d{2})$/i.exec(s);
  if (m && (m[1]!.toUpperCase() === 'Q' || +m[2]! <= 2) && (m[3]!.length === 4 || /CY/i.test(s))) return `${year(m[3]!)}-${m[1]!.toUpperCase()}${m[2]}`;
  m = /^(?:CY\s?)?(\d{4})$/i.exec(s);
  if (m) return m[1];
  return undefined;
}

/** The period that covers exactly these days: a quarter, a half, a year, or the range itself. */
export function periodOfDates(start: string, end: string): string | undefined {
  if (end < start) return undefined;
  const [ys, ms, ds] = start.split('-').map(Number) as [number, number, number];
  const [ye, me, de] = end.split('-').map(Number) as [number, number, number];
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (ys === ye && ds === 1 && de === lastDay(ye, me)) {
    if (ms === 1 && me === 12) return String(ys);
    if ((ms === 1 && me === 6) || (ms === 7 && me === 12)) return `${ys}-H${ms === 1 ? 1 : 2}`;
    if (me === ms + 2 && (ms - 1) % 3 === 0) return `${ys}-Q${(ms - 1) / 3 + 1}`;
  }
  return `${start}..${end}`;
}

/** The first and last days of a period the language writes (`2025-Q1`, `2025-H2`, `2025`, `A..B`). */
export function periodBounds(period: string): [string, string] | undefined {
  const range = /^(\S+)\s*\.\.\s*(\S+)$/.exec(period);
  if (range) return [range[1]!, range[2]!];
  const m = /^(\d{4})(?:-([QH])([1-4]))?$/i.exec(period);
  if (!m) return undefined;
  const y = +m[1]!;
  if (!m[2]) return [iso(y, 1, 1), iso(y, 12, 31)];
  const n = +m[3]!;
  const months = m[2].toUpperCase() === 'Q' ? 3 : 6;
  const first = (n - 1) * months + 1;
  const last = first + months - 1;
  return [iso(y, first, 1), iso(y, last, new Date(Date.UTC(y, last, 0)).getUTCDate())];
}
