// Navigation and editing features over the protocol, written as small fixtures with a $0 cursor.
import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentHighlight, SymbolInformation, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient, applyEdits, cursor, workspace } from './client';

const company = `period 2026-Q1
strategy ai-search: Win the market for AI-powered search
objective revenue: Generate $200M new recurring revenue
  level company
  aligns to ai-search
  kr arr: Add $200M in recurring revenue
    from 0 to 200 $M
    rollup sum
`;
const sales = `period 2026-Q1
objective us-east: Add revenue in US East
  level team
  aligns to revenue
  kr arr-east: Add $80M
    target 80 $M
    contributes to revenue.arr
objective us-west: Add revenue in US West
  level team
  aligns to revenue, us-east
`;

describe('editing features', () => {
  const ws = workspace({ 'company.okr': company, 'sales.okr': sales });
  const client = new LspClient();
  const companyUri = ws.uri('company.okr');
  const salesUri = ws.uri('sales.okr');
  before(async () => {
    await client.initialize(ws.dir);
    await client.diagnosticsFor(salesUri);
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  const at = (marked: string) => cursor(marked).position;

  test('rename an objective from a reference: definition and every reference, across files, objective.kr included', async () => {
    const position = at(sales.replace('  aligns to revenue\n', '  aligns to reve$0nue\n'));
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: salesUri }, position });
    assert.equal(prepared.placeholder, 'revenue');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: salesUri }, position, newName: 'income' });
    assert.equal(applyEdits(company, edit.changes![companyUri]!), company.replace('objective revenue:', 'objective income:'));
    assert.equal(applyEdits(sales, edit.changes![salesUri]!), sales.replaceAll('aligns to revenue', 'aligns to income').replace('revenue.arr', 'income.arr'));
  });

  test('rename a key result at its definition: only `objective.kr` references change', async () => {
    const position = at(company.replace('kr arr:', 'kr a$0rr:'));
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: companyUri }, position, newName: 'new-arr' });
    assert.equal(applyEdits(company, edit.changes![companyUri]!), company.replace('kr arr:', 'kr new-arr:'));
    assert.equal(applyEdits(sales, edit.changes![salesUri]!), sales.replace('revenue.arr', 'revenue.new-arr'));
  });

  test('prepareRename refuses anything but an id', async () => {
    const position = at(company.replace('Generate $200M', 'Gene$0rate $200M'));
    await assert.rejects(client.request('textDocument/prepareRename', { textDocument: { uri: companyUri }, position }), /Only the id of an objective, key result or strategy can be renamed/);
  });

  test('rename refuses an invalid id and an id already in use', async () => {
    const position = at(company.replace('objective revenue:', 'objective rev$0enue:'));
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: companyUri }, position, newName: 'two words' }), /is not an id/);
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: companyUri }, position, newName: 'us-east' }), /already the id/);
  });

  test('document highlight: the definition and the references in this file', async () => {
    const position = at(sales.replace('objective us-east:', 'objective us-e$0ast:'));
    const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri: salesUri }, position });
    assert.deepEqual(highlights.map((h) => [h.range.start.line, h.range.start.character, h.kind]), [[1, 10, 3], [9, 21, 2]]);
  });

  test('workspace symbols match ids and title words across files', async () => {
    const byTitle = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'recurring' });
    assert.deepEqual(byTitle.map((s) => s.name), ['revenue: Generate $200M new recurring revenue', 'revenue.arr: Add $200M in recurring revenue']);
    const byId = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'us-' });
    assert.deepEqual(byId.map((s) => s.name.split(':')[0]), ['us-east', 'us-east.arr-east', 'us-west']);
  });

  test('formatting a document and a range', async () => {
    const messy = 'objective  o:  O\nlevel   team\nkr k: K\ntarget 5\n';
    const uri = ws.uri('messy.okr');
    await client.open(uri, messy);
    const all = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(applyEdits(messy, all), 'objective o: O\n  level team\n  kr k: K\n    target 5\n');
    const range = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.equal(applyEdits(messy, range), 'objective  o:  O\n    level team\nkr k: K\ntarget 5\n');
  });
});
