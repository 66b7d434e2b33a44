// Every LSP feature over generated and mutated workspaces, in process: no request throws (a
// protocol error such as "nothing to rename here" is an answer); every range and position an
// answer holds lies inside its document; completion edits sit on the cursor's line around the
// cursor; and the same requests get the same answers, asked twice, or asked of a server that
// held other texts before and read the files in another order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CodeActionKind, type CompletionItem, type CompletionList, type Diagnostic, type Hover, type LocationLink } from 'vscode-languageserver';
import { anyWorkspace, probes as probesArbitrary, settings } from './arbitraries';
import { property } from './property';
import { Lines, contains, mayCheckWords, problemsOf, show, type Position, type Range } from './ranges';
import { CONFIG_URI, InProcessServer, type Answer, type Request } from './server';
import { probePosition } from './positions';

const input = fc.record({
  workspace: anyWorkspace,
  config: settings,
  probes: probesArbitrary,
  query: fc.oneof(fc.constantFrom('', 'rev', 'a', 'É', 'ARR', ' ', '🚀', 'zzz'), fc.string({ maxLength: 3 })),
  newName: fc.oneof(fc.constantFrom('renamed', 'revenue', 'a', 'k', '1abc', '', 'a b', 'a.b', 'größe-2', '_'), fc.string({ maxLength: 4 })),
  tabSize: fc.integer({ min: 1, max: 8 }),
  insertSpaces: fc.boolean(),
  lines: fc.tuple(fc.nat({ max: 200 }), fc.nat({ max: 200 })),
  includeDeclaration: fc.boolean(),
});
type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;

/** One request and its parameters, made of the input and the texts. */
interface Call {
  readonly request: Request;
  readonly uri: string;
  readonly params: unknown;
  /** For requests at a position: the cursor. */
  readonly position?: Position;
}

function wholeRange(text: string): Range {
  const lines = new Lines(text);
  return { start: { line: 0, character: 0 }, end: { line: lines.count - 1, character: lines.length(lines.count - 1) } };
}

/** The requests the property makes: every feature, on every document or at every probe. */
function callsFor(server: InProcessServer, value: Input): Call[] {
  const files = server.files;
  const uris = Object.keys(files);
  const calls: Call[] = [];
  const published = server.publishDiagnostics();
  const options = { tabSize: value.tabSize, insertSpaces: value.insertSpaces };
  for (const uri of uris) {
    const textDocument = { uri };
    const text = files[uri]!;
    const lines = new Lines(text);
    calls.push({ request: 'DocumentSymbol', uri, params: { textDocument } });
    calls.push({ request: 'FoldingRanges', uri, params: { textDocument } });
    calls.push({ request: 'SemanticTokens', uri, params: { textDocument } });
    calls.push({ request: 'CodeLens', uri, params: { textDocument } });
    calls.push({ request: 'InlayHint', uri, params: { textDocument, range: wholeRange(text) } });
    calls.push({ request: 'DocumentFormatting', uri, params: { textDocument, options } });
    const [from, to] = value.lines.map((n) => n % lines.count).sort((a, b) => a - b) as [number, number];
    calls.push({ request: 'DocumentRangeFormatting', uri, params: { textDocument, options, range: { start: { line: from, character: 0 }, end: { line: to, character: lines.length(to) } } } });
    // The quick fixes of each diagnostic the client holds, as the editor asks for them.
    for (const diagnostic of (published.get(uri) ?? []).slice(0, 12)) {
      calls.push({ request: 'CodeAction', uri, params: { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } } });
    }
  }
  for (const probe of value.probes) {
    const { uri, position } = probePosition(files, probe);
    const textDocument = { uri };
    const at = { textDocument, position };
    const other = probePosition(files, { ...probe, at: probe.at * 7 + 3, onName: false });
    const range: Range = other.uri === uri && other.position.line >= position.line ? { start: position, end: other.position } : { start: position, end: position };
    const diagnostics: Diagnostic[] = (published.get(uri) ?? []).filter((d) => contains(d.range, position));
    calls.push({ request: 'Completion', uri, params: at, position });
    calls.push({ request: 'Hover', uri, params: at, position });
    calls.push({ request: 'Definition', uri, params: at, position });
    calls.push({ request: 'References', uri, params: { ...at, context: { includeDeclaration: value.includeDeclaration } }, position });
    calls.push({ request: 'DocumentHighlight', uri, params: at, position });
    calls.push({ request: 'PrepareRename', uri, params: at, position });
    calls.push({ request: 'RenameRequest', uri, params: { ...at, newName: value.newName }, position });
    calls.push({ request: 'CodeAction', uri, params: { textDocument, range, context: { diagnostics } }, position });
    calls.push({ request: 'CodeAction', uri, params: { textDocument, range, context: { diagnostics, only: [CodeActionKind.RefactorRewrite] } }, position });
    calls.push({ request: 'InlayHint', uri, params: { textDocument, range } });
    // The preview's "Align to…" on the probe's line: the ranked parents and their edits.
    calls.push({ request: 'okr/parents', uri, params: { uri, line: position.line } });
  }
  calls.push({ request: 'WorkspaceSymbol', uri: uris[0]!, params: { query: value.query } });
  calls.push({ request: 'okr/tree', uri: uris[0]!, params: {} });
  return calls;
}

/** What a request's answer must satisfy beyond lying in its documents. */
function requestProblems(call: Call, answer: Answer): string[] {
  if ('error' in answer) return call.request === 'PrepareRename' || call.request === 'RenameRequest' ? [] : [`refused: ${answer.error.message}`];
  const { position } = call;
  const result = answer.result;
  if (!position || result === null || result === undefined) return [];
  const around = (range: Range | undefined, what: string) => (range && !contains(range, position) ? [`${what} ${show(range)} does not hold the cursor ${show(position)}`] : []);
  switch (call.request) {
    case 'Completion': {
      // LSP: a completion's edit is on one line and holds the cursor (else editors drop it).
      const items = Array.isArray(result) ? (result as CompletionItem[]) : (result as CompletionList).items;
      return items.flatMap((item) => {
        const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined;
        if (!edit) return [];
        return edit.start.line !== edit.end.line || edit.start.line !== position.line ? [`completion ${item.label}: edit ${show(edit)} is not on the cursor's line ${position.line}`] : around(edit, `completion ${item.label}: edit`);
      });
    }
    case 'Hover':
      return around((result as Hover).range, 'hover range');
    case 'Definition':
      return (result as LocationLink[]).flatMap((link) => around(link.originSelectionRange, 'definition origin'));
    case 'PrepareRename':
      return around((result as { range: Range }).range, 'rename range');
    default:
      return [];
  }
}

/** Every call's answer; the diagnostics the client holds come last. */
async function answersOf(server: InProcessServer, calls: readonly Call[]): Promise<unknown[]> {
  const answers: unknown[] = [];
  for (const call of calls) answers.push(withoutResultId(await server.answer(call.request, call.params)));
  return [...answers, Object.fromEntries(server.publishDiagnostics())];
}

/** Semantic tokens carry a `resultId` that names the answer (for deltas), not its content. */
function withoutResultId(answer: Answer): Answer {
  if (!('result' in answer) || typeof answer.result !== 'object' || answer.result === null || !('resultId' in answer.result)) return answer;
  const { resultId: _, ...rest } = answer.result as Record<string, unknown>;
  return { result: rest };
}

property('every feature answers inside its documents, and the same way every time', input, async (value) => {
  const { before, files } = value.workspace;
  const server = new InProcessServer(files, value.config);
  const calls = callsFor(server, value);
  const answers = await answersOf(server, calls);
  const words = mayCheckWords(files);
  const complaints: string[] = [];
  calls.forEach((call, i) => {
    const answer = answers[i] as Answer;
    for (const problem of [...problemsOf(answer, call.uri, files, { words }), ...requestProblems(call, answer)]) {
      complaints.push(`${call.request} ${JSON.stringify(call.params).slice(0, 300)} → ${problem}`);
    }
  });
  const diagnostics = answers[answers.length - 1] as Record<string, Diagnostic[]>;
  const withConfig = { ...files, [CONFIG_URI]: value.config };
  for (const [uri, list] of Object.entries(diagnostics)) complaints.push(...problemsOf(list, uri, withConfig, { words }).map((p) => `diagnostics of ${uri} → ${p}`));
  assert.deepEqual(complaints, []);

  assert.deepStrictEqual(await answersOf(server, calls), answers, 'asked twice');
  // Another server: it held the earlier texts (and published their diagnostics), then the
  // editor changed each file, last first.
  const edited = new InProcessServer(before, value.config);
  edited.publishDiagnostics();
  for (const uri of Object.keys(files).reverse()) edited.set(uri, files[uri]!);
  assert.deepStrictEqual(await answersOf(edited, calls), answers, 'asked of a server that held other texts before');
}, { runs: 600, documents: ({ workspace }) => Object.keys(workspace.files).length });

test('the fuzz drives every request the features answer', () => {
  const server = new InProcessServer({ 'file:///ws/a.okr': 'objective a: A\n  aligns to b\n' });
  const calls = callsFor(server, fc.sample(input, { numRuns: 1, seed: 1 })[0]!);
  assert.ok(server.requests.length >= 17, server.requests.join());
  assert.deepEqual([...new Set(calls.map((c) => c.request))].sort(), server.requests);
});
