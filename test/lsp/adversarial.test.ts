// Adversarial inputs over stdio: huge files, a huge line, 10,000-long alignment chains and cycles,
// 10,000 copies of one id, emoji, CRLF, a BOM, NUL bytes, files that are not UTF-8, cancellation
// and bursts of edits. For each, the server must stay up, publish diagnostics and answer every
// request. A 30 s hang detector fails a request that never answers; times are measured and
// printed (the target is 2 s per answer), never asserted: a shared machine is not a stopwatch.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource, type CompletionItem, type CompletionList, type Diagnostic, type DocumentSymbol, type FoldingRange, type Hover, type LocationLink, type Location, type Position, type SemanticTokens, type SymbolInformation, type TextEdit } from 'vscode-languageserver-protocol';
import { LspClient, applyEdits, errors, ofRule, workspace, type Workspace } from './client';
import type { TreeModel } from '../../server/src/core/tree';
import { TreeRequest } from '../../server/src/protocol';
import { generateText, generateWorkspace } from '../../bench/generate';

/** A request that has not answered after this long is taken as hung. */
const HANG_MS = 30_000;

/** Every measured answer: case → request → milliseconds, printed as a table at the end. */
const figures = new Map<string, Map<string, number>>();
/** What else a case observed, printed under the table. */
const notes: string[] = [];

function record(caseName: string, what: string, ms: number): void {
  let row = figures.get(caseName);
  if (!row) figures.set(caseName, (row = new Map()));
  row.set(what, Math.round(ms));
}

after(() => {
  const columns = [...new Set([...figures.values()].flatMap((row) => [...row.keys()]))];
  const lines = [`case | ${columns.join(' | ')}`];
  for (const [name, row] of figures) lines.push(`${name} | ${columns.map((c) => (row.has(c) ? `${row.get(c)} ms` : '')).join(' | ')}`);
  console.log(`time to answer (target ≤ 2000 ms each)\n${lines.join('\n')}${notes.map((n) => `\n${n}`).join('')}`);
});

/** Fails (instead of waiting forever) when `promise` does not settle within HANG_MS. */
async function answered<T>(label: string, promise: Promise<T>, client: LspClient): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no answer within ${HANG_MS} ms; server stderr: ${client.stderr.slice(-2000)}`)), HANG_MS);
  });
  try {
    return await Promise.race([promise, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** A server started on a workspace, with the time its first diagnostics took. */
class Session {
  readonly client = new LspClient();
  constructor(
    readonly name: string,
    readonly ws: Workspace,
  ) {}

  async start(uri: string, predicate: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const started = performance.now();
    await this.client.initialize(this.ws.dir);
    const diagnostics = await this.client.diagnosticsFor(uri, predicate, HANG_MS);
    record(this.name, 'diagnostics', performance.now() - started);
    return diagnostics;
  }

  /** A request, timed into the figures as `what`. */
  async request<R>(what: string, method: string, params: unknown): Promise<R> {
    const started = performance.now();
    const result = await this.ask<R>(method, params);
    record(this.name, what, performance.now() - started);
    return result;
  }

  /** A request, not timed. */
  ask<R>(method: string, params: unknown): Promise<R> {
    return answered(`${this.name}: ${method}`, this.client.request<R>(method, params), this.client);
  }

  /** Writes raw bytes into the workspace. */
  writeBytes(name: string, bytes: Uint8Array): string {
    writeFileSync(join(this.ws.dir, name), bytes);
    return this.ws.uri(name);
  }

  async stop(): Promise<void> {
    await this.client.shutdown();
    this.ws.dispose();
  }
}

interface Answers {
  hover: Hover | null;
  completion: CompletionItem[];
  definition: LocationLink[] | null;
  references: Location[];
  symbols: DocumentSymbol[];
  folding: FoldingRange[];
  tokens: SemanticTokens;
  formatting: TextEdit[];
  tree: TreeModel;
}

/**
 * Every request a user's editor sends about a file: hover and definition at `at` (a reference),
 * references at `at`, completion at `completeAt`. Then the server must still answer a later
 * request: it did not crash or wedge.
 */
async function askEverything(session: Session, uri: string, at: Position, completeAt: Position = at): Promise<Answers> {
  const textDocument = { uri };
  const hover = await session.request<Hover | null>('hover', 'textDocument/hover', { textDocument, position: at });
  const completionResult = await session.request<CompletionItem[] | CompletionList | null>('completion', 'textDocument/completion', { textDocument, position: completeAt });
  const definition = await session.request<LocationLink[] | null>('definition', 'textDocument/definition', { textDocument, position: at });
  const references = await session.request<Location[]>('references', 'textDocument/references', { textDocument, position: at, context: { includeDeclaration: true } });
  const symbols = await session.request<DocumentSymbol[]>('symbols', 'textDocument/documentSymbol', { textDocument });
  const folding = await session.request<FoldingRange[]>('folding', 'textDocument/foldingRange', { textDocument });
  const tokens = await session.request<SemanticTokens>('semantic tokens', 'textDocument/semanticTokens/full', { textDocument });
  const formatting = await session.request<TextEdit[]>('formatting', 'textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } });
  const tree = await session.request<TreeModel>('okr/tree', TreeRequest.method, {});
  await session.request<SymbolInformation[]>('workspace symbols', 'workspace/symbol', { query: 'zzz-no-such-id' });
  const completion = Array.isArray(completionResult) ? completionResult : (completionResult?.items ?? []);
  return { hover, completion, definition, references, symbols, folding, tokens, formatting, tree };
}

/** The position of the `nth` occurrence of `needle` in `text` (plus `shift` characters), in UTF-16 units. */
function positionOf(text: string, needle: string, shift = 0, nth = 0): Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset === -1) throw new Error(`fixture lacks ${JSON.stringify(needle)}`);
  }
  offset += shift;
  const line = text.slice(0, offset).split('\n').length - 1;
  return { line, character: offset - (text.lastIndexOf('\n', offset - 1) + 1) };
}

const hoverText = (hover: Hover | null): string => (hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '');

/** Semantic tokens as absolute [line, character, length] triples. */
function decodeTokens({ data }: SemanticTokens): [number, number, number][] {
  const tokens: [number, number, number][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    tokens.push([line, character, data[i + 2]!]);
  }
  return tokens;
}

const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

/** No diagnostic message shows a raw control character: it would be invisible, or break the line. */
function assertReadableMessages(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) assert.doesNotMatch(messageOf(d), /[\u0000-\u0008\u000B-\u001F\u007F]/, `unreadable message: ${JSON.stringify(messageOf(d))}`);
}

describe('adversarial inputs', { concurrency: false }, () => {
  test('a 10 MB file', async () => {
    const { text, objectives } = generateText(10 * 2 ** 20);
    const session = new Session('10 MB file', workspace({ 'big.okr': text }));
    const uri = session.ws.uri('big.okr');
    try {
      await session.start(uri);
      // The first `aligns to` of the second objective names an objective of this file.
      const reference = positionOf(text, '  aligns to ', '  aligns to '.length + 1, 1);
      const answers = await askEverything(session, uri, reference, { ...reference, character: reference.character + 1 });
      assert.ok(answers.hover, 'hover on a reference');
      assert.ok(answers.definition?.length, 'definition of a reference');
      assert.ok(answers.references.length >= 2, 'the definition and this reference at least');
      assert.ok(answers.completion.length > 0, 'completion after `aligns to `');
      assert.equal(answers.symbols.filter((s) => s.kind === 5).length, objectives, 'one outline entry per objective');
      assert.ok(answers.folding.length >= objectives, 'every objective folds');
      assert.ok(answers.tokens.data.length > 0, 'semantic tokens');
      assert.equal(answers.tree.objectiveCount, objectives);
    } finally {
      await session.stop();
    }
  });

  test('a single 1 MB line: a title', async () => {
    const title = 'Grow 🚀 revenue in every region '.repeat(Math.ceil(2 ** 20 / 32)).slice(0, 2 ** 20);
    const text = `period 2026-Q1\nstrategy s: The strategy\nobjective long: ${title}\n  aligns to s\n  kr k: Reach 10 deals\n    target 10 deals\n`;
    const session = new Session('1 MB line (title)', workspace({ 'long.okr': text }));
    const uri = session.ws.uri('long.okr');
    try {
      await session.start(uri);
      const reference = positionOf(text, 'aligns to s', 'aligns to '.length);
      const answers = await askEverything(session, uri, reference, { ...reference, character: reference.character + 1 });
      assert.match(hoverText(answers.hover), /The strategy/);
      assert.equal(answers.definition?.[0]?.targetRange.start.line, 1);
      assert.equal(answers.symbols.find((s) => s.name === 'long')?.detail?.length, title.trimEnd().length);
    } finally {
      await session.stop();
    }
  });

  test('a single 1 MB line: 100,000 references that name nothing', async () => {
    const references = Array.from({ length: 100_000 }, (_, i) => `ghost${i}`).join(', ');
    const text = `objective o: One objective\n  aligns to ${references}\n  kr k: Reach 10 deals\n    target 10 deals\n`;
    const session = new Session('1 MB line (references)', workspace({ 'refs.okr': text }));
    const uri = session.ws.uri('refs.okr');
    try {
      const diagnostics = await session.start(uri);
      assert.ok(ofRule(diagnostics, 'unknown-reference').length > 0, 'unknown references are reported');
      const at = positionOf(text, 'ghost5, ', 1);
      await askEverything(session, uri, at);
    } finally {
      await session.stop();
    }
  });

  /** o0 … o9999 over 100 files; o{i} aligns to o{i-1}; o0 to a strategy, or to o9999 (a cycle). */
  function chain(cycle: boolean): Record<string, string> {
    const files: Record<string, string> = {};
    for (let f = 0; f < 100; f++) {
      const lines = ['period 2026-Q1', 'level team'];
      if (f === 0) lines.push('strategy s: The strategy');
      for (let i = f * 100; i < (f + 1) * 100; i++) {
        lines.push(`objective o${i}: Objective number ${i}`, `  aligns to ${i === 0 ? (cycle ? 'o9999' : 's') : `o${i - 1}`}`, `  why: It enables o${i - 1}`, `  kr k: Reach ${i + 1} signups`, `    target ${i + 1} signups`);
      }
      files[`chain-${String(f).padStart(3, '0')}.okr`] = lines.join('\n') + '\n';
    }
    return files;
  }

  test('a 10,000-long alignment chain across 100 files', async () => {
    const files = chain(false);
    const session = new Session('10k chain', workspace(files));
    const last = 'chain-099.okr';
    const uri = session.ws.uri(last);
    try {
      await session.start(uri);
      const at = positionOf(files[last]!, 'aligns to o9998', 'aligns to '.length + 1);
      const answers = await askEverything(session, uri, at, { ...at, character: at.character + 4 });
      const story = hoverText(answers.hover);
      assert.match(story, /`o9998` → `o9997` → .* → … \(9987 more\) → `s` \(strategy\)/, 'the story reaches the strategy, its middle elided');
      assert.ok(story.length < 10_000, `a hover to read, not a book (${story.length} characters)`);
      assert.equal(answers.definition?.[0]?.targetUri, uri);
      assert.equal(answers.references.length, 2, 'o9998: its definition and o9999');
      assert.equal(answers.tree.objectiveCount, 10_000);
    } finally {
      await session.stop();
    }
  });

  test('a 10,000-objective alignment cycle across 100 files', async () => {
    const files = chain(true);
    const session = new Session('10k cycle', workspace(files));
    const first = 'chain-000.okr';
    const uri = session.ws.uri(first);
    try {
      const diagnostics = await session.start(uri, (d) => ofRule(d, 'alignment-cycle').length > 0);
      assert.match(messageOf(ofRule(diagnostics, 'alignment-cycle')[0]!), /10000 objectives/);
      const at = positionOf(files[first]!, 'aligns to o9999', 'aligns to '.length + 1);
      const answers = await askEverything(session, uri, at);
      assert.match(hoverText(answers.hover), /cycle/);
      assert.equal(answers.definition?.[0]?.targetUri, session.ws.uri('chain-099.okr'));
    } finally {
      await session.stop();
    }
  });

  test('10,000 objectives with one id', async () => {
    const files: Record<string, string> = {};
    for (let f = 0; f < 10; f++) {
      files[`dup-${f}.okr`] = Array.from({ length: 1000 }, (_, i) => `objective dup: Copy ${f * 1000 + i}\n  kr k: Reach 10 deals\n    target 10 deals\n`).join('');
    }
    files['user.okr'] = 'objective user: Uses the duplicated id\n  aligns to dup\n  kr k: Reach 10 deals\n    target 10 deals\n';
    const session = new Session('10k duplicate ids', workspace(files));
    const uri = session.ws.uri('user.okr');
    try {
      await session.start(uri);
      const duplicates = ofRule(await session.client.diagnosticsFor(session.ws.uri('dup-3.okr'), undefined, HANG_MS), 'duplicate-id');
      assert.equal(duplicates.length, 1000, 'every copy is reported');
      assert.match(messageOf(duplicates[0]!), /defined 10000 times/);
      const at = positionOf(files['user.okr']!, 'aligns to dup', 'aligns to '.length + 1);
      const answers = await askEverything(session, uri, at);
      assert.equal(answers.definition?.[0]?.targetUri, session.ws.uri('dup-0.okr'), 'the first definition, by file');
      assert.deepEqual(answers.definition?.[0]?.targetRange.start, { line: 0, character: 10 });
    } finally {
      await session.stop();
    }
  });

  test('unicode and emoji in ids, titles and owners: positions count UTF-16 code units', async () => {
    const text = [
      'period 2026-Q1',
      'strategy stratégie-🌍: Conquérir le monde 🌍 avec 𝒜𝒾',
      'objective größe-😀: Grow 🚀 revenue 💰 in 東京 by 20 %',
      '  level company',
      '  owner @José-🦄',
      '  aligns to stratégie-🌍',
      '  kr 𝒌𝒓-1: Reach 10K 👩‍💻 signups',
      '    target 10K signups',
      'objective équipe-👩‍👩‍👧: Team 🎉 of 👩‍👩‍👧',
      '  level department',
      '  owner "Zoë 🐉 Ångström"',
      '  aligns to größe-😀.𝒌𝒓-1',
      '  why: 🎯 Because 😀 matters',
      '  kr k: Ship 3 🚢 features',
      '    target 3 features',
      '',
    ].join('\n');
    const session = new Session('unicode and emoji', workspace({ 'emoji.okr': text }));
    const uri = session.ws.uri('emoji.okr');
    try {
      const diagnostics = await session.start(uri);
      assert.deepEqual(errors(diagnostics), [], 'ids with emoji and other scripts resolve');
      // `größe-😀` is 8 UTF-16 code units (😀 is a surrogate pair); `𝒌𝒓-1` is 6.
      const objectiveRef = { line: 11, character: 12 + 7 }; // on the low surrogate of 😀
      const answers = await askEverything(session, uri, objectiveRef, { line: 11, character: 12 + 8 });
      assert.deepEqual(answers.hover?.range, { start: { line: 11, character: 12 }, end: { line: 11, character: 20 } });
      assert.match(hoverText(answers.hover), /Grow 🚀 revenue 💰 in 東京/);
      assert.deepEqual(answers.definition?.[0]?.targetSelectionRange, { start: { line: 2, character: 10 }, end: { line: 2, character: 18 } });
      assert.deepEqual(answers.definition?.[0]?.originSelectionRange, { start: { line: 11, character: 12 }, end: { line: 11, character: 20 } });
      const toKr = await session.ask<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: { line: 11, character: 22 } });
      assert.deepEqual(toKr[0]?.targetSelectionRange, { start: { line: 6, character: 5 }, end: { line: 6, character: 11 } });
      assert.deepEqual(toKr[0]?.originSelectionRange, { start: { line: 11, character: 21 }, end: { line: 11, character: 27 } });
      const toStrategy = await session.ask<Location[]>('textDocument/references', { textDocument: { uri }, position: { line: 1, character: 18 }, context: { includeDeclaration: false } });
      assert.deepEqual(toStrategy.map((l) => l.range), [{ start: { line: 5, character: 12 }, end: { line: 5, character: 24 } }]);
      const tokens = decodeTokens(answers.tokens);
      assert.ok(tokens.some(([l, c, n]) => l === 2 && c === 10 && n === 8), 'the objective id is one token of 8 code units');
      assert.ok(tokens.some(([l, c, n]) => l === 11 && c === 21 && n === 6), 'the key result reference is one token of 6 code units');
      const objective = answers.symbols.find((s) => s.name === 'größe-😀');
      assert.deepEqual(objective?.selectionRange, { start: { line: 2, character: 10 }, end: { line: 2, character: 18 } });
      assert.equal(applyEdits(text, answers.formatting), text, 'formatting a formatted file changes nothing');
      assert.deepEqual(answers.tree.roots.flatMap((r) => r.children.map((c) => c.title)), ['Grow 🚀 revenue 💰 in 東京 by 20 %']);

      // Completing after an id that ends in an emoji replaces the whole id, not just what follows the emoji.
      const edited = `${text}objective neu: New\n  level team\n  aligns to größe-😀`;
      await session.client.open(uri, edited);
      const answer = await session.ask<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 17, character: 20 } });
      const completion = Array.isArray(answer) ? answer : answer.items;
      const item = completion.find((i) => i.label === 'größe-😀.𝒌𝒓-1');
      assert.ok(item, `completes the key result reference (got ${completion.length} items)`);
      assert.deepEqual(item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined, { start: { line: 17, character: 12 }, end: { line: 17, character: 20 } });
    } finally {
      await session.stop();
    }
  });

  test('CRLF line endings: ranges stop before the CR, formatting keeps CRLF', async () => {
    const text = [
      'period 2026-Q1',
      'strategy s: The strategy',
      'objective a: Alpha',
      '  level company',
      '  aligns to s',
      '  kr k: Reach 10 deals',
      '    target 10 deals',
      'objective b: Beta',
      '  level department',
      '  aligns to a, ghost',
      '  kr k: Reach 5 deals',
      '    target 5  deals',
      '',
    ].join('\r\n');
    const session = new Session('CRLF', workspace({ 'crlf.okr': text }));
    const uri = session.ws.uri('crlf.okr');
    try {
      const diagnostics = await session.start(uri);
      assert.deepEqual(ofRule(errors(diagnostics), 'unknown-reference').map((d) => d.range), [{ start: { line: 9, character: 15 }, end: { line: 9, character: 20 } }]);
      assert.deepEqual(errors(diagnostics).map((d) => d.code), ['unknown-reference'], 'no syntax error for the CRs');
      const answers = await askEverything(session, uri, { line: 9, character: 12 }, { line: 9, character: 13 });
      assert.deepEqual(answers.hover?.range, { start: { line: 9, character: 12 }, end: { line: 9, character: 13 } });
      assert.deepEqual(answers.definition?.[0]?.targetSelectionRange, { start: { line: 2, character: 10 }, end: { line: 2, character: 11 } });
      assert.deepEqual(answers.symbols.find((s) => s.name === 'a')?.range, { start: { line: 2, character: 0 }, end: { line: 6, character: 19 } });
      assert.deepEqual(answers.folding.map((f) => [f.startLine, f.endLine]), [[2, 6], [5, 6], [7, 11], [10, 11]]);
      assert.equal(applyEdits(text, answers.formatting), text.replace('target 5  deals', 'target 5 deals'), 'only the double space changes; every CRLF stays');
    } finally {
      await session.stop();
    }
  });

  test('a UTF-8 byte order mark: positions on the first line are not shifted', async () => {
    const text = 'period 2026-Q5\nstrategy s: The strategy\nobjective o: O\n  level company\n  aligns to s, nowhere\n';
    const session = new Session('BOM', workspace());
    const uri = session.writeBytes('bom.okr', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    try {
      const diagnostics = await session.start(uri);
      assert.deepEqual(ofRule(diagnostics, 'invalid-value').map((d) => d.range), [{ start: { line: 0, character: 7 }, end: { line: 0, character: 14 } }]);
      assert.deepEqual(ofRule(diagnostics, 'unknown-reference').map((d) => d.range), [{ start: { line: 4, character: 15 }, end: { line: 4, character: 22 } }]);
      assert.deepEqual(ofRule(diagnostics, 'encoding'), [], 'a BOM is UTF-8');
      const answers = await askEverything(session, uri, { line: 4, character: 12 });
      assert.deepEqual(answers.definition?.[0]?.targetSelectionRange, { start: { line: 1, character: 9 }, end: { line: 1, character: 10 } });
      assert.equal(answers.formatting.length, 0);
      // The editor shows the text without its BOM: opening it changes nothing.
      await session.client.open(uri, text);
      assert.deepEqual(await session.ask<Location[]>('textDocument/references', { textDocument: { uri }, position: { line: 1, character: 9 }, context: { includeDeclaration: false } }), [{ uri, range: { start: { line: 4, character: 12 }, end: { line: 4, character: 13 } } }]);
    } finally {
      await session.stop();
    }
  });

  test('NUL bytes and other control characters: named in a diagnostic, once per line', async () => {
    const lines = [
      'objective o: Title with a NUL\u0000 inside',
      '  level te\u001bam',
      '  kr k: Reach 10 deals\u0007',
      '    target 10 deals',
      '\u0000\u0000\u0000\u0000binary junk\u0000',
      'objective p: P\r  level team',
      '',
    ];
    const text = lines.join('\n');
    const session = new Session('NUL and control characters', workspace({ 'control.okr': text }));
    const uri = session.ws.uri('control.okr');
    try {
      const diagnostics = await session.start(uri);
      assertReadableMessages(diagnostics);
      const onLine = (line: number) => errors(diagnostics).filter((d) => d.range.start.line === line);
      assert.deepEqual(onLine(0).map((d) => [d.code, d.range.start.character]), [['encoding', 29]]);
      assert.match(messageOf(onLine(0)[0]!), /NUL character \(U\+0000\).*binary data/);
      const [escape, ...others] = onLine(1).filter((d) => d.code === 'syntax' || d.code === 'encoding');
      assert.deepEqual([escape?.code, others], ['syntax', []], 'a control character that breaks a statement is the syntax error, and only that');
      assert.match(messageOf(escape!), /control character U\+001B \(ESC\)/);
      assert.deepEqual(onLine(2).map((d) => [d.code, d.range.start.character]), [['encoding', 22]]);
      assert.match(messageOf(onLine(2)[0]!), /control character U\+0007 \(BEL\)/);
      assert.deepEqual(onLine(4).map((d) => d.code), ['syntax'], 'one diagnostic for a line of binary');
      assert.match(messageOf(onLine(4)[0]!), /NUL character \(U\+0000\)/);
      // A lone CR ends a line, as the protocol counts lines: `  level team` is line 6, and clean.
      assert.deepEqual([...onLine(5), ...onLine(6)].filter((d) => d.code === 'syntax'), [], 'a lone CR is a line break');
      await askEverything(session, uri, { line: 0, character: 10 });
    } finally {
      await session.stop();
    }
  });

  test('a file of binary data: one diagnostic says it is not text, and nothing else', async () => {
    // 1 MB of pseudo-random bytes, many of them NUL and other controls, some newlines.
    const bytes = new Uint8Array(2 ** 20);
    let seed = 42;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    const session = new Session('1 MB of binary', workspace());
    const uri = session.writeBytes('binary.okr', bytes);
    try {
      const diagnostics = await session.start(uri);
      assert.deepEqual(diagnostics.map((d) => d.code), ['encoding']);
      assert.match(messageOf(diagnostics[0]!), /^This file is not text: \d+ of its first 8192 characters are control characters/);
      assert.equal(diagnostics[0]!.range.start.line, 0);
      assertReadableMessages(diagnostics);
      await askEverything(session, uri, { line: 0, character: 0 });
    } finally {
      await session.stop();
    }
  });

  test('a Latin-1 file: reported, and read as Windows-1252 rather than as mojibake', async () => {
    const latin1 = 'strategy s: Stratégie\nobjective größe: Größe zählt\n  level company\n  aligns to s\n';
    const user = 'objective user: Uses it\n  level department\n  aligns to größe\n';
    const session = new Session('Latin-1 file', workspace({ 'user.okr': user }));
    const uri = session.writeBytes('latin1.okr', Buffer.from(latin1, 'latin1'));
    const userUri = session.ws.uri('user.okr');
    try {
      const diagnostics = await session.start(uri, (d) => ofRule(d, 'encoding').length > 0);
      const [encoding] = ofRule(diagnostics, 'encoding');
      assert.match(messageOf(encoding!), /^This file is not UTF-8 text \(byte 0xE9 here is not valid UTF-8\); the OKR checks read it as Windows-1252/);
      assert.deepEqual(encoding!.range, { start: { line: 0, character: 17 }, end: { line: 0, character: 18 } }, 'on the first byte that is not UTF-8');
      assert.deepEqual(errors(await session.client.diagnosticsFor(userUri)), [], '`größe` resolves: the letters were read right');
      const answers = await askEverything(session, userUri, { line: 2, character: 13 });
      assert.match(hoverText(answers.hover), /Größe zählt/);
      assert.equal(answers.definition?.[0]?.targetUri, uri);

      // Opened in an editor that decodes it as UTF-8: the undecodable bytes show as U+FFFD.
      const asUtf8 = Buffer.from(latin1, 'latin1').toString('utf8');
      await session.client.open(uri, asUtf8);
      const opened = await session.client.diagnosticsFor(uri, (d) => ofRule(d, 'encoding').length > 1);
      assert.match(messageOf(ofRule(opened, 'encoding')[0]!), /not UTF-8 text.*Save it as UTF-8/);
      assert.match(messageOf(ofRule(opened, 'encoding')[1]!), /replacement character \(U\+FFFD\)/);
      await session.client.close(uri);
      await session.client.diagnosticsFor(uri, (d) => ofRule(d, 'encoding').length === 1 && /Windows-1252/.test(messageOf(d[0]!)));
    } finally {
      await session.stop();
    }
  });

  test('a UTF-16 LE file with a byte order mark: reported, and read as UTF-16', async () => {
    const text = 'strategy s: Straté🚀gie\nobjective o: O\n  level company\n  aligns to s, nowhere\n';
    const session = new Session('UTF-16 LE file', workspace());
    const uri = session.writeBytes('utf16.okr', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    try {
      const diagnostics = await session.start(uri);
      assert.match(messageOf(ofRule(diagnostics, 'encoding')[0]!), /^This file is UTF-16 text \(little-endian, with a byte order mark\), not UTF-8; the OKR checks read it as UTF-16/);
      assert.deepEqual(ofRule(diagnostics, 'unknown-reference').map((d) => d.range), [{ start: { line: 3, character: 15 }, end: { line: 3, character: 22 } }]);
      const answers = await askEverything(session, uri, { line: 3, character: 12 });
      assert.match(hoverText(answers.hover), /Straté🚀gie/);
    } finally {
      await session.stop();
    }
  });

  test('cancellation: a cancelled request answers RequestCancelled (or its result), and the server keeps serving', async () => {
    const files = Object.fromEntries(generateWorkspace(10_000, 7));
    const session = new Session('cancellation (10k workspace)', workspace(files));
    const [name, text] = Object.entries(files).find(([n]) => n.startsWith('team-'))!;
    const uri = session.ws.uri(name);
    try {
      await session.start(uri);
      const at = positionOf(text, '  aligns to ', '  aligns to '.length + 1);
      const lines = text.split('\n');
      const cancelled = async (what: string, method: string, params: unknown, cancelAfterMs: number) => {
        const source = new CancellationTokenSource();
        const started = performance.now();
        const answer = session.client.connection.sendRequest(method, params, source.token).then(
          () => 'result',
          (error: { code?: number }) => (error.code === -32800 ? 'cancelled' : `error ${error.code}: ${String(error)}`),
        );
        setTimeout(() => source.cancel(), cancelAfterMs);
        const outcome = await answered(`${what} (cancelled)`, answer, session.client);
        record(session.name, what, performance.now() - started);
        return outcome;
      };
      // An edit makes the next request redo the analysis of 10,000 objectives: the cancellations
      // below arrive while it runs, or before the requests even start.
      await session.client.open(uri, text);
      await session.client.change(uri, text.replace('  aligns to ', '  aligns to ghost, '));
      const outcomes = await Promise.all([
        cancelled('completion', 'textDocument/completion', { textDocument: { uri }, position: { line: at.line, character: lines[at.line]!.length } }, 5),
        cancelled('references', 'textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: true } }, 0),
        cancelled('workspace symbols', 'workspace/symbol', { query: 'o' }, 0),
        cancelled('semantic tokens', 'textDocument/semanticTokens/full', { textDocument: { uri } }, 0),
        cancelled('okr/tree', TreeRequest.method, {}, 0),
      ]);
      notes.push(`cancellation: completion, references, workspace symbols, semantic tokens, okr/tree → ${outcomes.join(', ')}`);
      for (const outcome of outcomes) assert.ok(outcome === 'cancelled' || outcome === 'result', outcome);
      assert.ok(outcomes.includes('cancelled'), `requests cancelled before they ran are not computed (${outcomes.join(', ')})`);
      // Still serving: the edit's diagnostics arrive, and requests are answered.
      await session.client.diagnosticsFor(uri, (d) => ofRule(d, 'unknown-reference').some((x) => messageOf(x).includes('`ghost`')), HANG_MS);
      const symbols = await session.ask<SymbolInformation[]>('workspace/symbol', { query: 'o' });
      assert.ok(symbols.length > 0);
    } finally {
      await session.stop();
    }
  });

  test('a burst of 50 edits to the 10 MB file: only the latest text is analysed', async () => {
    const { text } = generateText(10 * 2 ** 20);
    const session = new Session('burst of 50 edits (10 MB)', workspace({ 'big.okr': text }));
    const uri = session.ws.uri('big.okr');
    try {
      await session.start(uri);
      await session.client.open(uri, text);
      const before = session.client.publishes.get(uri) ?? 0;
      const lastLine = text.split('\n').length - 1;
      const started = performance.now();
      for (let i = 0; i < 50; i++) {
        // Each edit appends an objective that aligns to an id nobody defines: `ghost-0` … `ghost-49`.
        const line = lastLine + 2 * i;
        void session.client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: 2 + i },
          contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `objective burst-${i}: Burst ${i}\n  aligns to ghost-${i}\n` }],
        });
      }
      const last = await session.client.diagnosticsFor(uri, (d) => d.some((x) => messageOf(x).includes('`ghost-49`')), HANG_MS);
      record(session.name, 'last edit → diagnostics', performance.now() - started);
      assert.equal(ofRule(last, 'unknown-reference').filter((d) => /`ghost-\d+`/.test(messageOf(d))).length, 50, 'every edit is in');
      const analyses = (session.client.publishes.get(uri) ?? 0) - before;
      notes.push(`burst of 50 edits: ${analyses} publishes of the file's diagnostics`);
      assert.ok(analyses <= 5, `the burst is analysed a few times at most, not once per edit (${analyses} publishes)`);
      await askEverything(session, uri, positionOf(text, '  aligns to ', '  aligns to '.length + 1, 1));
    } finally {
      await session.stop();
    }
  });
});
