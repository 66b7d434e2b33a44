// The incremental analysis must give exactly what a run from scratch gives. Random but realistic
// edit sequences (typing in titles, references, levels, owners, check-ins; lines moved, blocks
// deleted and duplicated; files created and deleted) are applied to the samples and to generated
// workspaces; after each edit the analysis that kept its state and a new one are compared file
// by file, message by message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, WorkspaceIndex, defaultConfig, type Problem } from '../../server/src/core';
import { BENCH_TODAY, generateWorkspace, prng } from '../../bench/generate';
import { readFolder, repoPath } from './helpers';

const config = { ...defaultConfig, today: BENCH_TODAY };

type Edit = (text: string, random: () => number, ids: string[]) => string;

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)]!;

/** Replaces one line matching `pattern` (picked at random) by what `change` makes of it. */
function onLine(text: string, random: () => number, pattern: RegExp, change: (line: string) => string): string {
  const lines = text.split('\n');
  const candidates = lines.flatMap((l, i) => (pattern.test(l) ? [i] : []));
  if (!candidates.length) return text;
  const at = pick(candidates, random);
  lines[at] = change(lines[at]!);
  return lines.join('\n');
}

const edits: Record<string, Edit> = {
  'type in a title': (t, r) => onLine(t, r, /^\s*objective /, (l) => `${l}${pick(['x', ' and more', ' 20%', ''], r)}`),
  'delete a character of a title': (t, r) => onLine(t, r, /^\s*objective /, (l) => l.slice(0, -1)),
  'make a title business as usual': (t, r) => onLine(t, r, /^\s*objective [\w-]+:/, (l) => l.replace(/:.*/, ': Continue improving our core product')),
  'add an unknown reference': (t, r) => onLine(t, r, /^\s+aligns to /, (l) => `${l}, zq${pick(['', 'a', 'ab'], r)}`),
  'align elsewhere': (t, r, ids) => onLine(t, r, /^\s+aligns to /, (l) => l.replace(/aligns to .*/, `aligns to ${pick(ids, r)}`)),
  'drop an alignment': (t, r) => onLine(t, r, /^\s+aligns to /, () => ''),
  'align an objective to itself': (t, r) => {
    const blocks = t.split(/\n(?=objective )/);
    const at = Math.floor(r() * blocks.length);
    const id = /^objective ([\w.-]+)/.exec(blocks[at]!)?.[1];
    if (!id) return t;
    blocks[at] = blocks[at]!.replace(/\n(\s+)aligns to [^\n]*/, `\n$1aligns to ${id}`);
    return blocks.join('\n');
  },
  'align two objectives to each other': (t, r) => {
    const blocks = t.split(/\n(?=objective )/);
    const ids = blocks.map((b) => /^objective ([\w.-]+)/.exec(b)?.[1]);
    const with_ = ids.flatMap((id, i) => (id ? [i] : []));
    if (with_.length < 2) return t;
    const a = pick(with_, r);
    const b = pick(with_.filter((i) => i !== a), r);
    const alignTo = (block: string, id: string) => (/\n\s+aligns to /.test(block) ? block.replace(/\n(\s+)aligns to [^\n]*/, `\n$1aligns to ${id}`) : block.replace(/\n/, `\n  aligns to ${id}\n`));
    blocks[a] = alignTo(blocks[a]!, ids[b]!);
    blocks[b] = alignTo(blocks[b]!, ids[a]!);
    return blocks.join('\n');
  },
  'contribute to itself': (t, r) => {
    const blocks = t.split(/\n(?=objective )/);
    const at = Math.floor(r() * blocks.length);
    const id = /^objective ([\w.-]+)/.exec(blocks[at]!)?.[1];
    const kr = /\n\s+kr ([\w-]+):/.exec(blocks[at]!)?.[1];
    if (!id || !kr) return t;
    blocks[at] = blocks[at]!.replace(/(\n\s+kr [\w-]+:[^\n]*)/, `$1\n    contributes to ${id}.${kr}`);
    return blocks.join('\n');
  },
  'change a level': (t, r) => onLine(t, r, /^\s*level /, (l) => l.replace(/level \S+/, `level ${pick(['company', 'department', 'team', 'individual', 'squad'], r)}`)),
  'change an owner': (t, r) => onLine(t, r, /^\s*owner /, (l) => l.replace(/owner \S+/, `owner ${pick(['@a', '@b', '@ceo'], r)}`)),
  'change a period': (t, r) => onLine(t, r, /^\s*period /, (l) => l.replace(/period \S+/, `period ${pick(['2026-Q1', '2026-Q2', '2026', '2025-Q4'], r)}`)),
  'check in': (t, r) => onLine(t, r, /^\s+kr /, (l) => `${l}\n    checkin 2026-02-${String(1 + Math.floor(r() * 27)).padStart(2, '0')} ${Math.floor(r() * 100)}`),
  'change a target': (t, r) => onLine(t, r, /^\s+(from|target) /, (l) => l.replace(/\d+/, String(Math.floor(r() * 500)))),
  'add a why': (t, r) => onLine(t, r, /^\s+aligns to /, (l) => `${l}\n  why: because it matters`),
  'grade a key result': (t, r) => onLine(t, r, /^\s+kr /, (l) => `${l}\n    grade ${pick(['1.0', '1.0', '0.7', '0.3', '1.5'], r)}${pick(['', ': a note'], r)}`),
  'change a grade': (t, r) => onLine(t, r, /^\s+grade /, (l) => l.replace(/grade \S+/, `grade ${pick(['1.0', '0.6', '0.2'], r)}`)),
  'grade an objective': (t, r) => onLine(t, r, /^objective /, (l) => `${l}\n  grade ${pick(['1.0', '0.5'], r)}`),
  'carry a key result over': (t, r) => onLine(t, r, /^\s+kr /, (l) => `${l}\n    status ${pick(['carried over to 2026-Q2', 'carried over to 2027-Q3', 'dropped', 'done'], r)}`),
  'make an objective aspirational': (t, r) => onLine(t, r, /^objective /, (l) => `${l}\n  ${pick(['aspirational', 'committed'], r)}`),
  'add a step': (t, r) => onLine(t, r, /^\s+kr /, (l) => `${l}\n    step 2026-02-01${pick([' done', ''], r)}: a step`),
  'insert a blank line at the top': (t) => `\n${t}`,
  'insert a comment line': (t, r) => onLine(t, r, /^/, (l) => `# note\n${l}`),
  'delete a line': (t, r) => onLine(t, r, /./, () => '').replace(/\n\n\n+/g, '\n\n'),
  'swap two lines': (t, r) => {
    const lines = t.split('\n');
    const i = Math.floor(r() * lines.length);
    const j = Math.min(lines.length - 1, i + 1);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join('\n');
  },
  'duplicate an objective': (t, r) => {
    const blocks = t.split(/\n(?=objective )/);
    if (blocks.length < 2) return t;
    const at = 1 + Math.floor(r() * (blocks.length - 1));
    blocks.splice(at, 0, blocks[at]!);
    return blocks.join('\n');
  },
  'add an objective': (t, r, ids) => {
    const blocks = t.split(/\n(?=objective )/);
    const at = Math.floor(r() * (blocks.length + 1));
    const id = `added-${Math.floor(r() * 1e6)}`;
    const align = r() < 0.8 && ids.length ? `  aligns to ${pick(ids, r)}\n` : '';
    blocks.splice(at, 0, `objective ${id}: Launch the partner portal in ${pick(['EMEA', 'the Nordics', 'Japan'], r)}\n${align}  owner ${pick(['@a', '@b', '@ceo'], r)}\n  kr partners: Sign 12 partners\n    target 12 partners\n`);
    return blocks.join('\n');
  },
  'rename an objective': (t, r) => onLine(t, r, /^\s*objective [\w-]+:/, (l) => l.replace(/objective ([\w-]+)/, (_, id: string) => `objective ${id.slice(0, -1) || 'x'}${pick(['x', 'y', ''], r)}`)),
  'rename a key result': (t, r) => onLine(t, r, /^\s+kr [\w-]+:/, (l) => l.replace(/kr ([\w-]+)/, 'kr $1-b')),
  'delete an objective': (t, r) => {
    const blocks = t.split(/\n(?=objective )/);
    if (blocks.length < 2) return t;
    blocks.splice(1 + Math.floor(r() * (blocks.length - 1)), 1);
    return blocks.join('\n');
  },
  'type a stray character': (t, r) => {
    const at = Math.floor(r() * t.length);
    return t.slice(0, at) + pick(['x', ':', ' ', '\n', ',', '.'], r) + t.slice(at);
  },
};

function snapshot(problems: ReadonlyMap<string, readonly Problem[]>): Map<string, string> {
  return new Map([...problems].map(([uri, list]) => [uri, JSON.stringify(list.map((p) => [p.rule, p.severity, p.span, p.message, p.related ?? null, p.data ?? null]))]));
}

function fresh(index: WorkspaceIndex, settings = config): Map<string, string> {
  const analyzer = new Analyzer(index);
  analyzer.setConfig(settings);
  return snapshot(analyzer.analyse().problems);
}

function ids(index: WorkspaceIndex): string[] {
  return [...index.ids()].filter(Boolean);
}

/** Runs `steps` random edits on `files`; returns how many ran incrementally. */
function run(files: Map<string, string>, seed: number, steps: number, settings = config): { incremental: number; kinds: Set<string> } {
  const random = prng(seed);
  const index = new WorkspaceIndex();
  for (const [name, text] of files) index.set(`file:///ws/${name}`, text);
  const analyzer = new Analyzer(index);
  analyzer.setConfig(settings);
  analyzer.analyse();
  let incremental = 0;
  const kinds = new Set<string>();
  const names = Object.keys(edits);
  for (let step = 0; step < steps; step++) {
    const documents = index.all();
    const roll = random();
    let what: string;
    if (roll < 0.03) {
      what = 'create a file';
      index.set(`file:///ws/new-${step}.okr`, `level team\nobjective new-${step}: A new team objective\n  aligns to ${pick(ids(index), random)}\n`);
    } else if (roll < 0.05 && documents.length > 2) {
      what = 'delete a file';
      index.delete(pick(documents, random).uri);
    } else if (roll < 0.07) {
      what = 'create an empty file';
      index.set(`file:///ws/empty-${step}.okr`, '# nothing yet\n');
    } else {
      what = pick(names, random);
      const document = pick(documents, random);
      const edited = edits[what]!(document.text, random, ids(index));
      index.set(document.uri, edited);
      // Now and then a second file changes in the same round (a rename, a save of several files).
      if (random() < 0.1) {
        const other = pick(index.all(), random);
        index.set(other.uri, edits['type in a title']!(other.text, random, []));
      }
    }
    const kept = snapshot(analyzer.analyse().problems);
    if (analyzer.lastRun.kind === 'incremental') {
      incremental++;
      kinds.add(what);
    }
    const expected = fresh(index, settings);
    assert.deepEqual([...kept.keys()].sort(), [...expected.keys()].sort(), `step ${step} (${what}): files`);
    for (const [uri, json] of expected) {
      if (kept.get(uri) !== json) {
        assert.deepEqual(JSON.parse(kept.get(uri)!), JSON.parse(json), `seed ${seed}, step ${step} (${what}): problems of ${uri} differ from a run from scratch`);
      }
    }
  }
  return { incremental, kinds };
}

test('incremental analysis equals a run from scratch after every edit: the samples', () => {
  const files = new Map(Object.entries(readFolder(repoPath('samples'))));
  let incremental = 0;
  for (const seed of [1, 2, 3, 21]) incremental += run(files, seed, 120).incremental;
  // Most edits keep the workspace's shape: the test must exercise the incremental path.
  assert.ok(incremental > 100, `only ${incremental} of 480 edits ran incrementally`);
});

test('incremental analysis equals a run from scratch after every edit: owners over their limit', () => {
  // One too-many-objectives problem per owner and period, on an objective that may be in another
  // file than the edit, pointing into many files: it must stay where a new run puts it.
  const files = new Map(Object.entries(readFolder(repoPath('samples'))));
  const settings = { ...config, maxObjectivesPerOwner: 1 };
  const fires = (index: WorkspaceIndex) => [...fresh(index, settings).values()].some((json) => json.includes('too-many-objectives'));
  const index = new WorkspaceIndex();
  for (const [name, text] of files) index.set(`file:///ws/${name}`, text);
  assert.ok(fires(index), 'no owner over the limit: the test would prove nothing');
  const { incremental } = run(files, 5, 120, settings);
  assert.ok(incremental > 30, `only ${incremental} of 120 edits ran incrementally`);
});

test('incremental analysis equals a run from scratch after every edit: a generated workspace', () => {
  const files = generateWorkspace(600, 5);
  const { incremental, kinds } = run(files, 11, 150);
  assert.ok(incremental > 50, `only ${incremental} of 150 edits ran incrementally`);
  for (const kind of ['type in a title', 'add an unknown reference', 'check in', 'add an objective', 'delete an objective', 'rename an objective', 'change an owner']) assert.ok(kinds.has(kind), `no incremental "${kind}"`);
});

test('an edit inside one objective re-checks a few files, not the workspace', () => {
  const files = generateWorkspace(3000, 2);
  const index = new WorkspaceIndex();
  for (const [name, text] of files) index.set(`file:///ws/${name}`, text);
  const analyzer = new Analyzer(index);
  analyzer.setConfig(config);
  analyzer.analyse();
  assert.equal(analyzer.lastRun.kind, 'full');
  const name = [...files.keys()].find((n) => n.startsWith('team-'))!;
  const uri = `file:///ws/${name}`;
  index.set(uri, files.get(name)!.replace(/(\n {2}aligns to [^\n]+)/, '$1, zq'));
  const problems = analyzer.analyse().problems.get(uri)!;
  assert.equal(analyzer.lastRun.kind, 'incremental');
  assert.ok(analyzer.lastRun.files <= files.size / 4, `${analyzer.lastRun.files} of ${files.size} files re-checked`);
  assert.ok(problems.some((p) => p.rule === 'unknown-reference' && p.message.includes('`zq`')));
});
