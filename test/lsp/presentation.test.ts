// Hover, code lens and inlay hints over the protocol: half-typed lines crash nothing in the
// server process. (What they show is tested in process: test/unit/presentation.test.ts.)
import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient, workspace } from './client';
import { company, odd, sales, vague } from '../presentation-workspace';

describe('presentation: hover, code lens, inlay hints', () => {
  const ws = workspace({ 'company.okr': company, 'sales.okr': sales, 'odd.okr': odd, 'vague.okr': vague, 'okr.config.json': '{ "today": "2026-02-15" }' });
  const client = new LspClient();
  const uri = (name: string) => ws.uri(name);
  before(async () => {
    await client.initialize(ws.dir);
    await client.diagnosticsFor(uri('odd.okr'));
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  const markdown = (hover: Hover | null): string => {
    assert.ok(hover, 'a hover');
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    return contents.value;
  };

  const everything = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

  test('nothing crashes on half-typed lines', async () => {
    const half = 'period 2026-Q\nobjective \nobjective h: \n  aligns to revenue\n  aligns to \n  aligns to sales-ai.\n  kr : \n  kr k: Grow from\n    rollup sum\n    contributes to \n    checkin 2026-\n    from 5 to\nstrategy \n';
    const halfUri = uri('half.okr');
    await client.open(halfUri, half);
    const lines = half.split('\n');
    for (let line = 0; line < lines.length; line++) {
      for (let character = 0; character <= lines[line]!.length; character++) {
        await client.request('textDocument/hover', { textDocument: { uri: halfUri }, position: { line, character } });
      }
    }
    await client.request('textDocument/codeLens', { textDocument: { uri: halfUri } });
    await client.request('textDocument/inlayHint', { textDocument: { uri: halfUri }, range: everything });
    const reference = markdown(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: halfUri }, position: { line: 3, character: 14 } }));
    assert.match(reference, /^`revenue`/, 'a reference on a half-typed line still hovers');
    await client.close(halfUri);
    assert.equal(client.stderr.includes('Error'), false, client.stderr);
  });
});
