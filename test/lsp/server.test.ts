// The built language server over stdio, driven by a real JSON-RPC client.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { URI } from 'vscode-uri';
import type { DocumentSymbol, FoldingRange, Location, LocationLink } from 'vscode-languageserver-protocol';
import { LspClient, codes, errors, ofRule, repoRoot, workspace } from './client';

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
`;

describe('language server over stdio', () => {
  const ws = workspace({ 'company.okr': company, 'sales/sales.okr': sales });
  const client = new LspClient();
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });
  const companyUri = ws.uri('company.okr');
  const salesUri = ws.uri('sales/sales.okr');

  test('initialize announces the features', async () => {
    const result = await client.initialize(ws.dir);
    const caps = result.capabilities;
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.definitionProvider);
    assert.ok(caps.referencesProvider);
    assert.ok(caps.foldingRangeProvider);
    assert.equal(result.serverInfo?.name, 'okr-language-server');
  });

  test('files on disk are indexed without being opened: clean diagnostics are published for them', async () => {
    assert.deepEqual(codes(await client.diagnosticsFor(salesUri)), []);
    assert.deepEqual(codes(await client.diagnosticsFor(companyUri)), []);
  });

  test('didOpen / didChange: an unknown reference appears with did-you-mean, then goes away', async () => {
    await client.open(salesUri, sales);
    await client.change(salesUri, sales.replace('aligns to revenue', 'aligns to revenu'));
    const diagnostics = await client.diagnosticsFor(salesUri, (d) => errors(d).length > 0);
    assert.deepEqual(codes(diagnostics), ['unknown-reference']);
    assert.match(String(errors(diagnostics)[0]!.message), /did you mean `revenue`/);
    assert.deepEqual(errors(diagnostics)[0]!.range, { start: { line: 3, character: 12 }, end: { line: 3, character: 18 } });
    
    await client.change(salesUri, sales);
    assert.deepEqual(await client.diagnosticsFor(salesUri, (d) => errors(d).length === 0), []);
  });

  test('an edit in one file updates the diagnostics of another (duplicate id across files)', async () => {
    await client.change(salesUri, sales + '\nobjective revenue: A second revenue objective\n  aligns to ai-search\n');
    const inCompany = await client.diagnosticsFor(companyUri, (d) => errors(d).length > 0);
    assert.deepEqual(codes(inCompany), ['duplicate-id']);
    assert.equal(errors(inCompany)[0]!.relatedInformation?.[0]?.location.uri, salesUri);
    await client.change(salesUri, sales);
    await client.diagnosticsFor(companyUri, (d) => errors(d).length === 0);
    await client.diagnosticsFor(salesUri, (d) => errors(d).length === 0);
  });

  test('a syntax error names what was expected and is reported on its line only', async () => {
    await client.change(salesUri, sales.replace('  level team', '  level'));
    const diagnostics = await client.diagnosticsFor(salesUri, (d) => errors(d).length > 0);
    assert.deepEqual(codes(diagnostics), ['syntax']);
    assert.equal(errors(diagnostics)[0]!.range.start.line, 2);
    assert.match(String(errors(diagnostics)[0]!.message), /Expected an id but found the end of the line/);
    await client.change(salesUri, sales);
    await client.diagnosticsFor(salesUri, (d) => errors(d).length === 0);
  });

  test('a cycle across files is reported with its path as related information', async () => {
    await client.change(salesUri, sales + '\nobjective loop-a: A\n  aligns to loop-b\nobjective loop-b: B\n  aligns to loop-a\n');
    const diagnostics = await client.diagnosticsFor(salesUri, (d) => errors(d).length > 0);
    assert.deepEqual(codes(diagnostics), ['alignment-cycle', 'alignment-cycle']);
    assert.equal(errors(diagnostics)[0]!.relatedInformation?.length, 2);
    await client.change(salesUri, sales);
    await client.diagnosticsFor(salesUri, (d) => errors(d).length === 0);
  });

  test('document symbols: objectives with their key results', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: companyUri } });
    assert.deepEqual(symbols.map((s) => s.name), ['ai-search', 'revenue']);
    assert.equal(symbols[1]!.detail, 'Generate $200M new recurring revenue');
    assert.deepEqual(symbols[1]!.children?.map((c) => c.name), ['arr']);
    assert.deepEqual(symbols[1]!.selectionRange.start, { line: 3, character: 10 });
  });

  test('folding ranges: objective and key result blocks', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: companyUri } });
    assert.deepEqual(ranges.map((r) => [r.startLine, r.endLine]), [[3, 8], [6, 8]]);
  });

  test('go to definition across files, for an objective and for objective.kr', async () => {
    const toObjective = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: salesUri }, position: { line: 3, character: 14 } });
    assert.equal(toObjective[0]!.targetUri, companyUri);
    assert.deepEqual(toObjective[0]!.targetSelectionRange.start, { line: 3, character: 10 });
    const toKr = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: salesUri }, position: { line: 6, character: 27 } });
    assert.equal(toKr[0]!.targetUri, companyUri);
    assert.deepEqual(toKr[0]!.targetSelectionRange.start, { line: 6, character: 5 });
    const nothing = await client.request<unknown>('textDocument/definition', { textDocument: { uri: salesUri }, position: { line: 0, character: 2 } });
    assert.equal(nothing, null);
  });

  test('find references across files', async () => {
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: companyUri },
      position: { line: 3, character: 12 },
      context: { includeDeclaration: true },
    });
    const where = refs.map((r) => `${r.uri === companyUri ? 'company' : 'sales'}:${r.range.start.line}:${r.range.start.character}`);
    assert.deepEqual(where, ['company:3:10', 'sales:3:12', 'sales:6:19']);
    const krRefs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: companyUri },
      position: { line: 6, character: 6 },
      context: { includeDeclaration: false },
    });
    assert.deepEqual(krRefs.map((r) => [r.uri, r.range.start.line, r.range.start.character]), [[salesUri, 6, 27]]);
  });

  test('files created, changed and deleted on disk are picked up', async () => {
    const extraUri = ws.write('extra.okr', 'objective extra: Extra\n  aligns to revenue.arr\n  aligns to nothing-here\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: extraUri, type: 1 }] });
    assert.deepEqual(codes(await client.diagnosticsFor(extraUri, (d) => errors(d).length > 0)), ['unknown-reference']);
    ws.write('extra.okr', 'objective extra: Extra\n  aligns to revenue.arr\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: extraUri, type: 2 }] });
    await client.diagnosticsFor(extraUri, (d) => errors(d).length === 0);
    ws.remove('extra.okr');
    await client.change(salesUri, sales + '\nobjective needs-extra: N\n  aligns to extra\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: extraUri, type: 3 }] });
    assert.deepEqual(codes(await client.diagnosticsFor(salesUri, (d) => errors(d).length > 0)), ['unknown-reference']);
    await client.change(salesUri, sales);
    await client.diagnosticsFor(salesUri, (d) => errors(d).length === 0);
  });

  test("an open editor's unsaved text wins over the disk; closing it goes back to the disk", async () => {
    await client.open(companyUri, company.replace('objective revenue:', 'objective income:'));
    assert.deepEqual(codes(await client.diagnosticsFor(salesUri, (d) => errors(d).length > 0)), ['unknown-reference', 'unknown-reference']);
    await client.close(companyUri);
    await client.diagnosticsFor(salesUri, (d) => errors(d).length === 0);
  });
});

describe('okr-language-server --stdio (the bin, for any LSP editor)', () => {
  const samples = join(repoRoot, 'samples');
  const sample = ['ai-search', 'cascade', 'marketing', 'hierarchy'].map((s) => join(samples, s)).find((d) => existsSync(d));

  test('answers initialize and publishes diagnostics for a sample file', { skip: !sample && 'no samples/' }, async () => {
    const client = new LspClient([process.execPath, join(repoRoot, 'bin/okr-language-server.js'), '--stdio']);
    try {
      await client.initialize(sample!);
      const file = readdirSync(sample!).find((f) => f.endsWith('.okr'))!;
      const uri = URI.file(join(sample!, file)).toString();
      const diagnostics = await client.diagnosticsFor(uri);
      assert.deepEqual(ofRule(diagnostics, 'syntax'), []);
    } finally {
      await client.shutdown();
    }
  });
});

describe('okr.config.json in a running server', () => {
  const broken = 'objective lonely: L\n  aligns to nowhere\n';
  const ws = workspace({ 'a.okr': broken, 'okr.config.json': '{ "rules": { "unknown-reference": "warning" } }' });
  const client = new LspClient();
  const okrUri = ws.uri('a.okr');
  const configUri = ws.uri('okr.config.json');
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  test('the config on disk applies from the start; diagnostics link to their rule docs', async () => {
    await client.initialize(ws.dir);
    const [diagnostic] = ofRule(await client.diagnosticsFor(okrUri, (d) => ofRule(d, 'unknown-reference').length > 0), 'unknown-reference');
    assert.equal(diagnostic!.code, 'unknown-reference');
    assert.equal(diagnostic!.severity, 2, 'warning, as configured');
    assert.match(diagnostic!.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/unknown-reference\.md$/);
  });

  test('editing the config in the editor re-validates live, without a save or a restart', async () => {
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: configUri, languageId: 'json', version: 1, text: '{ "rules": { "unknown-reference": "warning" } }' },
    });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: configUri, version: 2 },
      contentChanges: [{ text: '{ "rules": { "unknown-reference": "hint" } }' }],
    });
    await client.diagnosticsFor(okrUri, (d) => ofRule(d, 'unknown-reference')[0]?.severity === 4);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: configUri, version: 3 },
      contentChanges: [{ text: '{ "rules": { "unknown-reference": "off" } }' }],
    });
    await client.diagnosticsFor(okrUri, (d) => ofRule(d, 'unknown-reference').length === 0);
  });

  test('a bad config is a clear diagnostic on the config file, and the analysis goes on with defaults', async () => {
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: configUri, version: 4 },
      contentChanges: [{ text: '{ "rules": { "unknown-referense": "off" }, ' }],
    });
    const onConfig = await client.diagnosticsFor(configUri, (d) => d.length >= 2);
    assert.ok(onConfig.every((d) => d.code === 'config'));
    assert.ok(onConfig.some((d) => /did you mean "unknown-reference"/.test(String(d.message))));
    assert.ok(onConfig.some((d) => /not valid JSON/.test(String(d.message))));
    const [diagnostic] = ofRule(await client.diagnosticsFor(okrUri, (d) => ofRule(d, 'unknown-reference').length > 0), 'unknown-reference');
    assert.equal(diagnostic!.severity, 1, 'back to the default severity');
  });

  test('a config changed on disk (editor closed) is picked up through the file watcher', async () => {
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: configUri } });
    ws.write('okr.config.json', '{ "rules": { "unknown-reference": "info" } }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await client.diagnosticsFor(okrUri, (d) => ofRule(d, 'unknown-reference')[0]?.severity === 3);
    assert.deepEqual(await client.diagnosticsFor(configUri, (d) => d.length === 0), []);
  });
});
