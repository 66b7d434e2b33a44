// Adversarial inputs over stdio: huge files, a huge line, 10,000-long alignment chains and cycles,
// 10,000 copies of one id, emoji, CRLF, a BOM, NUL bytes, files that are not UTF-8, cancellation
// and bursts of edits. For each, the server must stay up, publish diagnostics and answer every
// request. A 30 s hang detector fails a request that never answers; times are measured and
// printed (the target is 2 s per answer), never asserted: a shared machine is not a stopwatch.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, Hover, LocationLink, Location, Position, SemanticTokens, SymbolInformation, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient, errors, ofRule, workspace, type Workspace } from './client';
import type { TreeModel } from '../../server/src/core/tree';
import { TreeRequest } from '../../server/src/protocol';
import { generateText } from '../../bench/generate';

/** A request that has not answered after this long is taken as hung. */
const HANG_MS = 30_000;

/** Every measured answer: case → request → milliseconds, printed as a table at the end. */
const figures = new Map<string, Map<string, number>>();

function record(caseName: string, what: string, ms: number): void {
  let row = figures.get(caseName);
  if (!row) figures.set(caseName, (row = new Map()));
  row.set(what, Math.round(ms));
}

after(() => {
  const columns = [...new Set([...figures.values()].flatMap((row) => [...row.keys()]))];
  const lines = [`case | ${columns.join(' | ')}`];
  for (const [name, row] of figures) lines.push(`${name} | ${columns.map((c) => (row.has(c) ? `${row.get(c)} ms` : '')).join(' | ')}`);
  console.log(`time to answer (target ≤ 2000 ms each)\n${lines.join('\n')}`);
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

  async request<R>(what: string, method: string, params: unknown): Promise<R> {
    const started = performance.now();
    const result = await answered(`${this.name}: ${method}`, this.client.request<R>(method, params), this.client);
    record(this.name, what, performance.now() - started);
    return result;
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

const hoverText = (hover: Hover | null) => (hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '');

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
      assert.match(hoverText(answers.hover), /The strategy/, 'the story reaches the strategy');
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
      assert.match(ofRule(diagnostics, 'alignment-cycle')[0]!.message, /10000 objectives/);
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
      assert.match(duplicates[0]!.message, /defined 10000 times/);
      const at = positionOf(files['user.okr']!, 'aligns to dup', 'aligns to '.length + 1);
      const answers = await askEverything(session, uri, at);
      assert.equal(answers.definition?.[0]?.targetUri, session.ws.uri('dup-0.okr'), 'the first definition, by file');
      assert.deepEqual(answers.definition?.[0]?.targetRange.start, { line: 0, character: 10 });
    } finally {
      await session.stop();
    }
  });
});
