// Line breaks as the protocol counts them: a line ends at LF, CRLF or a lone CR. A client that
// follows the specification (Neovim, Emacs, Helix) numbers lines that way; every position the
// server sends or reads after a lone CR must mean the same place to it. The client here counts
// lines with its own code (`lineStartsOf` in client.ts), never the server's.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol, Hover, Location, LocationLink, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient, applyEdits, errors, lineStartsOf, offsetOf, workspace } from './client';

// Every kind of line break, lone CRs among them, before the places the test asks about.
const text = [
  'period 2026-Q1\r',
  'strategy growth: Grow\r\n',
  'objective top: Top\r',
  '  level company\n',
  '  aligns to growth\r',
  '  kr arr: Add revenue\r',
  '    from 0 to 10 $M\r\n',
  'objective team: Team\r',
  '  level team\r',
  '  aligns to topp\r',
  '  kr deals:   Close deals\r',
  '       target 10 deals\r',
].join('');

/** The position of the `n`-th occurrence of `needle` (plus `delta` characters), as the client counts. */
function positionOf(needle: string, delta = 0, n = 0): { line: number; character: number } {
  let offset = -1;
  for (let i = 0; i <= n; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, needle);
  offset += delta;
  const starts = lineStartsOf(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return { line, character: offset - starts[line]! };
}

const slice = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) => text.slice(offsetOf(text, range.start), offsetOf(text, range.end));

describe('line breaks as the protocol counts them (LF, CRLF, a lone CR), over stdio', () => {
  const ws = workspace({ 'plan.okr': text });
  const client = new LspClient();
  const uri = ws.uri('plan.okr');
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  test('diagnostics: no syntax error for a lone CR, and each range is where the client reads it', async () => {
    await client.initialize(ws.dir);
    await client.open(uri, text);
    const diagnostics = await client.diagnosticsFor(uri, (d) => errors(d).length > 0);
    assert.deepEqual(errors(diagnostics).map((d) => d.code), ['unknown-reference']);
    const [unknown] = errors(diagnostics);
    assert.deepEqual(unknown!.range.start, positionOf('topp'));
    assert.equal(slice(unknown!.range), 'topp');
    for (const d of diagnostics) assert.ok(d.range.start.line < lineStartsOf(text).length, JSON.stringify(d));
  });

  test('definition, references and hover after lone CRs', async () => {
    const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: positionOf('growth', 2, 1) });
    assert.equal(links.length, 1);
    assert.equal(slice(links[0]!.targetSelectionRange), 'growth');
    assert.deepEqual(links[0]!.targetSelectionRange.start, positionOf('growth'));
    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: positionOf('growth', 1), context: { includeDeclaration: true } });
    assert.deepEqual(references.map((r) => slice(r.range)), ['growth', 'growth']);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf('arr', 1) });
    assert.ok(hover, 'a hover on the key result');
    assert.equal(slice(hover.range!), 'arr');
  });

  test('document symbols: each range holds its block, each selection range its id', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names = (list: DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? [])]);
    assert.deepEqual(names(symbols), ['growth', 'top', 'arr', 'team', 'deals']);
    const walk = (list: DocumentSymbol[]): void => {
      for (const symbol of list) {
        assert.equal(slice(symbol.selectionRange), symbol.name);
        walk(symbol.children ?? []);
      }
    };
    walk(symbols);
    const team = symbols.find((s) => s.name === 'team')!;
    assert.match(slice(team.range), /^objective team: Team\r {2}level team/);
  });

  test('formatting: applied as the client counts lines, every character and line break stays', async () => {
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.ok(edits.length > 0);
    const formatted = applyEdits(text, edits);
    assert.equal(formatted, text.replace('kr deals:   Close', 'kr deals: Close').replace('       target 10 deals', '    target 10 deals'));
    assert.deepEqual(formatted.match(/\r\n|\r|\n/g), text.match(/\r\n|\r|\n/g));
  });

  test('an incremental change after lone CRs lands where the client meant it', async () => {
    const at = positionOf('topp', 3);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }],
    });
    const diagnostics = await client.diagnosticsFor(uri, (d) => errors(d).length === 0);
    assert.deepEqual(errors(diagnostics), []);
  });
});
