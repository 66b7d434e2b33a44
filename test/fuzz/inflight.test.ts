// Edits while requests are in flight. The long requests (the tree, references, workspace
// symbols, semantic tokens) wait a turn before they build their answer; the editor's edits, and
// other requests that analyse the new texts, can come in that turn. Whatever comes, every answer
// must be the answer of one generation: exactly what a server that only ever held the texts
// before the edit, or only the texts after it, answers; or ContentModified. Never a mix (a tree
// counting the objectives of one moment and listing those of another).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LSPErrorCodes } from 'vscode-languageserver';
import { anyWorkspace, probes as probesArbitrary, settings, type Files } from './arbitraries';
import { probePosition } from './positions';
import { property } from './property';
import { InProcessServer, type Answer, type Request } from './server';

const input = fc.record({
  workspace: anyWorkspace,
  config: settings,
  probes: probesArbitrary,
  /** Whether another request (which analyses the edited texts) comes in the same turn as the edit. */
  analyseMeanwhile: fc.boolean(),
  /** Edit one file, or every file. */
  editAll: fc.boolean(),
  query: fc.constantFrom('', 'o', 'rev'),
});
type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;

interface Call {
  readonly request: Request;
  readonly params: unknown;
}

function callsFor(files: Files, value: Input): Call[] {
  const calls: Call[] = [{ request: 'okr/tree', params: {} }, { request: 'WorkspaceSymbol', params: { query: value.query } }];
  for (const uri of Object.keys(files)) calls.push({ request: 'SemanticTokens', params: { textDocument: { uri } } });
  for (const probe of value.probes) {
    const { uri, position } = probePosition(files, probe);
    calls.push({ request: 'References', params: { textDocument: { uri }, position, context: { includeDeclaration: true } } });
  }
  return calls;
}

/** Semantic tokens carry a `resultId` that names the answer (for deltas), not its content. */
function comparable(answer: Answer): unknown {
  if (!('result' in answer) || typeof answer.result !== 'object' || answer.result === null || !('resultId' in answer.result)) return answer;
  const { resultId: _, ...rest } = answer.result as Record<string, unknown>;
  return { result: rest };
}

async function answersOf(files: Files, config: string, calls: readonly Call[]): Promise<unknown[]> {
  const server = new InProcessServer(files, config);
  const answers: unknown[] = [];
  for (const call of calls) answers.push(comparable(await server.answer(call.request, call.params)));
  return answers;
}

property('edits while requests are in flight: every answer is the answer of one generation, or ContentModified', input, async (value) => {
  const { before, files } = value.workspace;
  const uris = Object.keys(files);
  const edited: Files = value.editAll ? files : { ...before, [uris[0]!]: files[uris[0]!]! };
  const server = new InProcessServer(before, value.config);
  const calls = callsFor(before, value);
  server.publishDiagnostics(); // The first analysis is done, as it is once a workspace is open.

  // Every request starts (and takes its snapshot); the edit comes before any has answered.
  const inFlight = calls.map((call) => server.answer(call.request, call.params));
  for (const [uri, text] of Object.entries(edited)) server.set(uri, text);
  if (value.analyseMeanwhile) await server.answer('Hover', { textDocument: { uri: uris[0] }, position: { line: 0, character: 0 } });
  const answers = (await Promise.all(inFlight)).map(comparable);

  const [old, fresh] = await Promise.all([answersOf(before, value.config, calls), answersOf(edited, value.config, calls)]);
  answers.forEach((answer, i) => {
    if ((answer as { error?: { code: number } }).error?.code === LSPErrorCodes.ContentModified) return;
    const ofOne = isDeepStrictEqual(answer, fresh[i]) || isDeepStrictEqual(answer, old[i]);
    assert.ok(ofOne, `${calls[i]!.request} ${JSON.stringify(calls[i]!.params)}: the answer is of neither generation\n${JSON.stringify(answer).slice(0, 600)}`);
  });
}, { runs: 60, documents: (value) => Object.keys(value.workspace.files).length });

function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}
