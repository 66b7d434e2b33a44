// Generators of .okr text for the property tests: documents written line by line from the
// language's statements (mostly well-formed, so that the features have objectives, key results
// and references to work on) mixed with lines of random fragments (keywords, ids, numbers, units,
// dates, comments, unicode, NUL, tabs, CR, very long tokens), and mutations of the real samples
// (lines deleted, inserted, duplicated or swapped, characters inserted, truncation, line endings
// changed). Workspaces hold several files whose ids are drawn from one small pool, so that they
// align to and contribute to one another.
import fc from 'fast-check';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { readFolder, repoPath } from '../unit/helpers';

/** A workspace as the server sees it: URI → text. */
export type Files = Record<string, string>;

// ─── Fragments ─────────────────────────────────────────────────────────────────────────────────

const keywords = [
  'period', 'level', 'owner', 'strategy', 'objective', 'aligns', 'to', 'why', 'committed', 'aspirational', 'kr', 'from',
  'target', 'keep', 'above', 'below', 'current', 'checkin', 'confidence', 'contributes', 'rollup', 'sum', 'weight',
  'step', 'grade', 'status', 'learned', 'done', 'missed', 'dropped', 'carried', 'over',
];
/** Grades in range and out of it; statuses right and wrong; what follows `status` and `step`. */
const grades = ['0', '0.0', '0.3', '0.7', '1.0', '1', '1.2', '-0.1', '7', '70', '0.65', '.5'];
const statuses = ['done', 'missed', 'dropped', 'carried over to 2026-Q2', 'carried over to 2026-Q7', 'carried over to 2025-Q3', 'carried over', 'carried to 2026-Q2', 'done to 2026-Q2', 'dne', 'carried under to 2026-Q2', 'target'];
const misspelt = ['Objective', 'levle', 'KR', 'aligns  to', 'alignsto', 'contribute', 'targets', 'wh y', 'grad', 'stauts', 'learnt:', 'steps'];
/** A small pool, shared by every file of a workspace, so that references resolve across files. */
const ids = ['revenue', 'arr', 'sales-ai', 'us-east', 'a', 'b', 'k', '_draft', 'größe', 'team-2', 'target', 'current', 'éclair', 'id🚀', 'Revenue'];
const longId = 'x'.repeat(2000);
const levels = ['company', 'department', 'team', 'individual', 'tem', 'division'];
const owners = ['@ceo', '@us-east-lead', '@anna.b', '"Maria Lopez"', '"Maria', '""', '@', '@é🚀'];
const numbers = ['0', '1', '5', '200', '-2.5', '+5', '10K', '10k', '1.5M', '2B', '10m', '1,000', '.5', '1e5', '99999999999999999999999', '0.0', '007', '3.'];
const units = ['%', '$', '$M', '€M', '£k', '¥', 'signups', 'engineers', 'conversations', 'Kg', 'h'];
const dates = ['2026-01-31', '2026-02-30', '2026-1-5', '2026-03-02', '2025-12-31', '2026-13-01', '9999-99-99', '0000-00-00'];
const periods = ['2026-Q1', '2026-q2', '2026-H1', '2026-H2', '2026', '2026-Q5', '2026-01-01..2026-02-28', '2026-03-01 .. 2026-01-01', '2026-01-01', '2026-X'];
const rulesToSuppress = ['unaligned', 'catch-all', 'kr-not-measurable', 'unknown-reference', 'syntax', 'missing-story', 'ungraded-key-result', 'grade-far-from-progress', ''];
const titles = [
  'Add $200M in recurring revenue',
  'Up the conversion rate from 20 to 35%',
  'Continue improving our core product',
  'Business as usual',
  '25 conversations',
  'Attend a workshop',
  'Fix bug #42 for good # tracked on the board',
  'Reduce churn below 2 %',
  'Grow ARR by 35%',
  'Hire 10 engineers',
  'Keep uptime above 99.9 %',
  'Launch 🚀 in Q1: fast',
  'Increase revenue from expansion by 15%',
  'from 5 to 5',
  '#',
  '',
  'x',
  'É'.repeat(3000),
];
const spaces = [' ', ' ', ' ', '  ', '\t', '', '\u00A0', '\uFEFF', '   '];
const oddities = ['\0', '\r', '\u2028', '\u000B', '\f', '\u3000', '\uD800', '\uDFFF', '🎯', '👩‍👩‍👧', 'e\u0301', '\u202E', '#', '# ', '..', '.', ',', ':', '"', '@', '$', '%', '\\', '`', '*', '_', '<script>', 'NUL'];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

const id = fc.oneof({ weight: 12, arbitrary: pick(ids) }, { weight: 1, arbitrary: fc.constant(longId) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }) });
const reference = fc.oneof({ weight: 3, arbitrary: id }, { weight: 2, arbitrary: fc.tuple(id, id).map(([o, k]) => `${o}.${k}`) }, { weight: 1, arbitrary: fc.tuple(id, id).map(([o, k]) => `${o}.${k}.x`) });
const quantity = fc.oneof(
  fc.tuple(pick(numbers), fc.option(pick(units), { nil: '' }), pick(spaces)).map(([n, u, s]) => (u ? `${n}${s}${u}` : n)),
  fc.tuple(pick(['$', '€', '¥', '£']), pick(numbers)).map(([c, n]) => `${c}${n}`),
);
const title = fc.oneof({ weight: 4, arbitrary: pick(titles) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) });

/** One statement, written as the language says (or nearly: the values are often wrong). */
const statement: fc.Arbitrary<string[]> = fc.oneof(
  pick(periods).map((p) => ['period', p]),
  pick(levels).map((l) => ['level', l]),
  pick(owners).map((o) => ['owner', o]),
  fc.tuple(id, title).map(([i, t]) => ['strategy', `${i}:`, t]),
  { weight: 4, arbitrary: fc.tuple(id, title).map(([i, t]) => ['objective', `${i}:`, t]) },
  { weight: 4, arbitrary: fc.tuple(fc.option(id, { nil: '' }), title).map(([i, t]) => ['kr', `${i}:`, t]) },
  { weight: 4, arbitrary: fc.array(reference, { minLength: 1, maxLength: 3 }).map((refs) => ['aligns', 'to', refs.join(', ')]) },
  title.map((t) => ['why:', t]),
  pick(['committed', 'aspirational']).map((c) => [c]),
  { weight: 2, arbitrary: fc.tuple(quantity, quantity).map(([a, b]) => ['from', a, 'to', b]) },
  { weight: 2, arbitrary: quantity.map((q) => ['target', q]) },
  fc.tuple(pick(['above', 'below']), quantity).map(([d, q]) => ['keep', d, q]),
  quantity.map((q) => ['current', q]),
  { weight: 2, arbitrary: fc.tuple(pick(dates), quantity, fc.option(pick(numbers), { nil: undefined }), fc.option(title, { nil: undefined })).map(([d, q, c, n]) => ['checkin', d, q, ...(c ? ['confidence', c] : []), ...(n !== undefined ? [`: ${n}`] : [])]) },
  { weight: 2, arbitrary: reference.map((r) => ['contributes', 'to', r]) },
  fc.constant<string[]>(['rollup', 'sum']),
  pick(numbers).map((n) => ['weight', n]),
  // Closing a period: grades (with notes), statuses, reflections, milestone steps.
  { weight: 2, arbitrary: fc.tuple(fc.oneof(pick(grades), pick(numbers)), fc.option(title, { nil: undefined })).map(([g, n]) => ['grade', g, ...(n !== undefined ? [`: ${n}`] : [])]) },
  { weight: 2, arbitrary: pick(statuses).map((s) => ['status', s]) },
  { weight: 1, arbitrary: title.map((t) => ['learned', `: ${t}`]) },
  { weight: 2, arbitrary: fc.tuple(fc.option(pick(dates), { nil: undefined }), pick(['', 'done', 'done 2026-02-01', 'done 2026-02-30', 'fnord']), fc.option(title, { nil: undefined })).map(([d, done, t]) => ['step', ...(d ? [d] : []), ...(done ? [done] : []), ...(t !== undefined ? [`: ${t}`] : [])]) },
  pick(rulesToSuppress).map((r) => [`# okr-disable-next-line ${r}`.trimEnd()]),
  title.map((t) => [`# ${t}`]),
);

/** Any piece of text a line might hold, right or wrong. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: pick(keywords) },
  pick(misspelt),
  { weight: 3, arbitrary: id },
  { weight: 2, arbitrary: reference },
  pick(levels),
  pick(owners),
  { weight: 2, arbitrary: quantity },
  pick(dates),
  pick(periods),
  pick(titles),
  { weight: 2, arbitrary: pick(oddities) },
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.constant('y'.repeat(5000)),
);

const indent = fc.oneof({ weight: 5, arbitrary: pick(['', '  ', '    ']) }, { weight: 1, arbitrary: pick(['\t', '\t\t', ' ', '      ', '\u00A0 ', '\uFEFF']) });

/** A line without its line ending: a statement (often), random fragments, a comment or nothing. */
export const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(indent, statement, pick(spaces), fc.option(title, { nil: undefined })).map(([i, parts, s, comment]) => `${i}${parts.join(s || ' ')}${comment !== undefined ? ` # ${comment}` : ''}`) },
  { weight: 3, arbitrary: fc.tuple(indent, fc.array(fc.tuple(fragment, pick(spaces)), { maxLength: 8 })).map(([i, parts]) => i + parts.map(([f, s]) => f + s).join('')) },
  { weight: 2, arbitrary: pick(['', '', '   ', '\t']) },
).map((text) => text.replace(/\r?\n/g, ' '));

export type Eol = '\n' | '\r\n' | '\r';
const eol = fc.oneof({ weight: 6, arbitrary: fc.constant<Eol>('\n') }, { weight: 3, arbitrary: fc.constant<Eol>('\r\n') }, { weight: 1, arbitrary: fc.constant<Eol>('\r') });

/** A whole document: lines with one line-ending style (or a mix), sometimes a BOM, sometimes no final line break. */
export const okrText: fc.Arbitrary<string> = fc
  .record({
    bom: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    lines: fc.array(fc.tuple(line, eol), { maxLength: 30 }),
    style: pick(['lf', 'crlf', 'each'] as const),
    finalEol: fc.boolean(),
  })
  .map(({ bom, lines, style, finalEol }) => {
    const ending = (own: Eol) => (style === 'lf' ? '\n' : style === 'crlf' ? '\r\n' : own);
    const body = lines.map(([text, own], i) => text + (i < lines.length - 1 || finalEol ? ending(own) : '')).join('');
    return (bom ? '\uFEFF' : '') + body;
  });

const fileNames = ['a.okr', 'b.okr', 'company.okr', 'team/sales.okr', 'with%20space.okr', 'Z.okr', 'é.okr'];

/** 1 to 4 generated files that name one another's ids. */
export const generatedWorkspace: fc.Arbitrary<Files> = fc
  .uniqueArray(fc.tuple(pick(fileNames), okrText), { minLength: 1, maxLength: 4, selector: ([name]) => name })
  .map((entries) => Object.fromEntries(entries.map(([name, text]) => [uriOf(name), text])));

// ─── The samples, mutated ──────────────────────────────────────────────────────────────────────

const samplesDir = repoPath('samples');
const sampleWorkspaces: Files[] = readdirSync(samplesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .map((name) => Object.fromEntries(Object.entries(readFolder(join(samplesDir, name))).sort().map(([file, text]) => [uriOf(`${name}/${file}`), text])));

/** Every sample workspace as it is: URI → text. */
export const samples: readonly Files[] = sampleWorkspaces;

export type Mutation =
  | { readonly kind: 'deleteLine'; readonly at: number }
  | { readonly kind: 'insertLine'; readonly at: number; readonly line: string }
  | { readonly kind: 'duplicateLine'; readonly at: number }
  | { readonly kind: 'swapLines'; readonly at: number; readonly with: number }
  | { readonly kind: 'insertText'; readonly at: number; readonly text: string }
  | { readonly kind: 'deleteText'; readonly at: number; readonly length: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'lineEndings'; readonly eol: Eol }
  | { readonly kind: 'bom' };

const offset = fc.nat({ max: 100_000 });
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deleteLine' as const), at: offset }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insertLine' as const), at: offset, line }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicateLine' as const), at: offset }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swapLines' as const), at: offset, with: offset }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insertText' as const), at: offset, text: fragment }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteText' as const), at: offset, length: fc.nat({ max: 40 }) }) },
  fc.record({ kind: fc.constant('truncate' as const), at: offset }),
  fc.record({ kind: fc.constant('lineEndings' as const), eol }),
  fc.record({ kind: fc.constant('bom' as const) }),
);

/** Lines with their line endings: joined back, they give the text exactly. */
function linesOf(text: string): string[] {
  return text.split(/(?<=\n)/);
}

export function mutate(text: string, change: Mutation): string {
  const lines = linesOf(text);
  const lineAt = (n: number) => n % Math.max(1, lines.length);
  const eolOf = (l: string) => /\r?\n$/.exec(l)?.[0] ?? '';
  switch (change.kind) {
    case 'deleteLine':
      lines.splice(lineAt(change.at), 1);
      return lines.join('');
    case 'insertLine': {
      const at = lineAt(change.at);
      lines.splice(at, 0, change.line + (eolOf(lines[at] ?? '') || '\n'));
      return lines.join('');
    }
    case 'duplicateLine': {
      const at = lineAt(change.at);
      const copy = lines[at] ?? '';
      lines.splice(at, 0, eolOf(copy) ? copy : `${copy}\n`);
      return lines.join('');
    }
    case 'swapLines': {
      const a = lineAt(change.at);
      const b = lineAt(change.with);
      if (lines[a] === undefined || lines[b] === undefined) return text;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('');
    }
    case 'insertText': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + change.text + text.slice(at);
    }
    case 'deleteText': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + change.length);
    }
    case 'truncate':
      return text.slice(0, change.at % (text.length + 1));
    case 'lineEndings':
      return text.replace(/\r?\n/g, change.eol);
    case 'bom':
      return text.startsWith('\uFEFF') ? text.slice(1) : `\uFEFF${text}`;
  }
}

const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });

/** One sample file, mutated. */
export const mutatedSample: fc.Arbitrary<string> = fc
  .record({ file: fc.nat(), mutations })
  .map(({ file, mutations: changes }) => {
    const all = sampleWorkspaces.flatMap((ws) => Object.values(ws));
    return changes.reduce(mutate, all[file % all.length]!);
  });

/** A whole sample workspace with some of its files mutated: realistic cross-file structure, broken in places. */
export const mutatedSampleWorkspace: fc.Arbitrary<{ readonly original: Files; readonly files: Files }> = fc
  .record({ workspace: fc.nat(), changes: fc.array(fc.tuple(fc.nat(), mutations), { minLength: 1, maxLength: 3 }) })
  .map(({ workspace, changes }) => {
    const original = sampleWorkspaces[workspace % sampleWorkspaces.length]!;
    const uris = Object.keys(original);
    const files = { ...original };
    for (const [file, list] of changes) {
      const uri = uris[file % uris.length]!;
      files[uri] = list.reduce(mutate, files[uri]!);
    }
    return { original, files };
  });

/** Any document: generated, or a sample mutated. */
export const anyText: fc.Arbitrary<string> = fc.oneof(okrText, mutatedSample);

/**
 * Any workspace, with an earlier state of its files (what the server held before the edits that
 * led to it): the same requests must get the same answers whatever came before.
 */
export const anyWorkspace: fc.Arbitrary<{ readonly before: Files; readonly files: Files }> = fc.oneof(
  fc.tuple(generatedWorkspace, fc.array(okrText, { maxLength: 4 })).map(([files, earlier]) => ({
    before: Object.fromEntries(Object.keys(files).map((uri, i) => [uri, earlier[i] ?? ''])),
    files,
  })),
  mutatedSampleWorkspace.map(({ original, files }) => ({ before: original, files })),
);

// ─── okr.config.json ──────────────────────────────────────────────────────────────────────────

const ruleIds = ['unaligned', 'catch-all', 'kr-not-measurable', 'unknown-reference', 'syntax', 'missing-story', 'level-inversion', 'behind-pace', 'stale-checkin', 'too-many-key-results', 'duplicate-id', 'ungraded-key-result', 'sandbagging', 'grade-out-of-range', 'nope'];
const levelLists = [['company', 'department', 'team', 'individual'], ['company', 'team'], ['team'], ['a', 'b', 'c', 'd', 'e', 'f'], ['company', 'company'], [], ['1x'], 'company'];

/** Settings, right or wrong, with today always a real date: the answers must not depend on the clock. */
export const settings = fc.record(
  {
    today: pick(['2026-03-02', '2025-12-31', '2026-01-01', '2026-06-30', '2027-01-01']),
    levels: pick(levelLists),
    rules: fc.dictionary(pick(ruleIds), pick(['off', 'hint', 'info', 'warning', 'error', 'bogus']), { maxKeys: 4 }),
    catchAll: fc.record({ phrases: fc.subarray(['keep the lights on', 'business as usual', '']), minAligned: fc.integer({ min: 0, max: 6 }), minOwners: fc.integer({ min: 0, max: 4 }) }, { requiredKeys: [] }),
    staleCheckinDays: fc.integer({ min: -1, max: 40 }),
    behindPacePoints: fc.integer({ min: -5, max: 101 }),
    maxKeyResults: fc.integer({ min: 0, max: 6 }),
    maxObjectivesPerOwner: fc.integer({ min: 0, max: 6 }),
    maxAlignments: fc.integer({ min: 0, max: 4 }),
  },
  { requiredKeys: ['today'] },
).map((object) => JSON.stringify(object));

/** Any text for okr.config.json: settings, sometimes mangled, or anything at all. */
export const configText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: settings },
  { weight: 2, arbitrary: fc.tuple(settings, fc.array(fc.oneof(fc.record({ kind: fc.constant('insertText' as const), at: offset, text: fc.oneof(fragment, pick(['{', '}', '[', ']', '"', ',', ':', '//', '/*', 'null', '1e999'])) }), fc.record({ kind: fc.constant('deleteText' as const), at: offset, length: fc.nat({ max: 10 }) }), fc.record({ kind: fc.constant('truncate' as const), at: offset })), { minLength: 1, maxLength: 3 })).map(([text, changes]) => changes.reduce(mutate, text)) },
  fc.json(),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

// ─── Positions ─────────────────────────────────────────────────────────────────────────────────

/**
 * Where a request is made: a document of the workspace and an offset in it, resolved against the
 * text when the property runs (see `probeOffset`). Half the probes land on an id or a reference,
 * where navigation, hover and rename have something to do.
 */
export interface Probe {
  readonly document: number;
  readonly at: number;
  readonly onName: boolean;
}

export const probe: fc.Arbitrary<Probe> = fc.record({ document: fc.nat(), at: fc.nat({ max: 1_000_000 }), onName: fc.boolean() });
export const probes = fc.array(probe, { minLength: 1, maxLength: 4 });

export function uriOf(name: string): string {
  return `file:///ws/${name}`;
}
