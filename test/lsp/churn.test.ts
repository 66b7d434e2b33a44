// File-system churn over stdio: files created, changed, renamed and deleted outside the editor, a
// folder deleted at once, workspace folders added and removed, and an unsaved editor buffer that
// shadows its file. The disk is changed first, then the watched-file events are sent as VS Code
// sends them. After each step the index must match the disk plus the open editors: checked
// through workspace symbols, diagnostics and go to definition.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import type { Diagnostic, LocationLink, SymbolInformation } from 'vscode-languageserver-protocol';
import { LspClient, errors, ofRule, workspace, type Workspace } from './client';

const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

const company = `period 2026-Q1
strategy growth: Grow
objective revenue: Generate revenue
  level company
  aligns to growth
  kr arr: Add $200M
    target 200 $M
`;
const department = (id: string) => `period 2026-Q1
objective ${id}: Sell in the east
  level department
  aligns to revenue
  kr deals: Close 40 deals
    target 40 deals
`;
const team = (target: string, id = 'team-a') => `period 2026-Q1
objective ${id}: Team work
  level team
  aligns to ${target}
  kr k: Ship 3 features
    target 3 features
`;

const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

/** Retries `check` until it passes (the server takes disk events in asynchronously), at most 10 s. */
async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function notify(client: LspClient, ...changes: [uri: string, type: number][]): Promise<void> {
  return client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([uri, type]) => ({ uri, type })) });
}

/** `id → file name` for the workspace symbols matching `query` (objectives only). */
async function objectives(client: LspClient, query: string): Promise<Record<string, string>> {
  const found = await client.request<SymbolInformation[]>('workspace/symbol', { query });
  return Object.fromEntries(found.filter((s) => s.kind === 5).map((s) => [s.name.split(':')[0]!, s.location.uri.slice(s.location.uri.lastIndexOf('/') + 1)]));
}

/** Where `aligns to` of the file's first objective (line 3, after `  aligns to `) leads. */
async function alignmentTarget(client: LspClient, uri: string): Promise<string | undefined> {
  const links = await client.request<LocationLink[] | null>('textDocument/definition', { textDocument: { uri }, position: { line: 3, character: 13 } });
  return links?.[0]?.targetUri;
}

const unknownReferences = (diagnostics: Diagnostic[] | undefined) => ofRule(errors(diagnostics ?? []), 'unknown-reference').map(messageOf);

describe('file-system churn: files and folders changed outside the editor', () => {
  const ws = workspace({ 'company.okr': company, 'sales/east.okr': department('us-east') });
  const client = new LspClient();
  const uri = (name: string) => ws.uri(name);
  before(async () => {
    await client.initialize(ws.dir);
    await client.diagnosticsFor(uri('sales/east.okr'));
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  test('the server asks to watch .okr files, okr.config.json, and folders created or deleted', async () => {
    await eventually(async () => {
      const watchers = client.registrations
        .flatMap((r) => r.registrations)
        .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
        .flatMap((r) => (r.registerOptions as { watchers: { globPattern: string; kind?: number }[] }).watchers);
      assert.deepEqual(watchers, [{ globPattern: '**/*.okr' }, { globPattern: '**/okr.config.json' }, { globPattern: '**/*', kind: 1 | 4 }]);
    });
  });

  test('a file created on disk is indexed: its objective is found, its alignment resolves across files', async () => {
    ws.write('team.okr', team('us-east'));
    await notify(client, [uri('team.okr'), CREATED]);
    await eventually(async () => assert.deepEqual(await objectives(client, 'team-a'), { 'team-a': 'team.okr' }));
    assert.deepEqual(errors(await client.diagnosticsFor(uri('team.okr'))), []);
    assert.equal(await alignmentTarget(client, uri('team.okr')), uri('sales/east.okr'));
  });

  test('a file changed on disk: a reference to an id that went away becomes unknown, and resolves again when fixed', async () => {
    ws.write('sales/east.okr', department('us-east-2'));
    await notify(client, [uri('sales/east.okr'), CHANGED]);
    const diagnostics = await client.diagnosticsFor(uri('team.okr'), (d) => unknownReferences(d).length > 0);
    assert.match(unknownReferences(diagnostics)[0]!, /`us-east`: did you mean `us-east-2`/);
    assert.deepEqual(await objectives(client, 'us-east'), { 'us-east-2': 'east.okr' });

    ws.write('team.okr', team('us-east-2'));
    await notify(client, [uri('team.okr'), CHANGED]);
    await client.diagnosticsFor(uri('team.okr'), (d) => errors(d).length === 0);
    assert.equal(await alignmentTarget(client, uri('team.okr')), uri('sales/east.okr'));
  });

  test('a file renamed on disk (deleted + created, each reported twice): found under its new name only', async () => {
    renameSync(join(ws.dir, 'sales/east.okr'), join(ws.dir, 'sales/west.okr'));
    await notify(client, [uri('sales/east.okr'), DELETED], [uri('sales/east.okr'), DELETED], [uri('sales/west.okr'), CREATED], [uri('sales/west.okr'), CREATED]);
    await eventually(async () => assert.deepEqual(await objectives(client, 'us-east'), { 'us-east-2': 'west.okr' }));
    assert.deepEqual(await client.diagnosticsFor(uri('sales/east.okr'), (d) => d.length === 0), [], "the old name's diagnostics are cleared");
    assert.equal(await alignmentTarget(client, uri('team.okr')), uri('sales/west.okr'));
  });

  test('a folder deleted: one event for the folder drops every file under it, however deep', async () => {
    ws.write('sales/deep/north.okr', team('revenue', 'north'));
    await notify(client, [uri('sales/deep/north.okr'), CREATED]);
    await eventually(async () => assert.deepEqual(await objectives(client, 'north'), { north: 'north.okr' }));

    rmSync(join(ws.dir, 'sales'), { recursive: true });
    await notify(client, [uri('sales'), DELETED]);
    const diagnostics = await client.diagnosticsFor(uri('team.okr'), (d) => unknownReferences(d).length > 0);
    assert.match(unknownReferences(diagnostics)[0]!, /No objective or strategy is called `us-east-2`/);
    assert.deepEqual(await objectives(client, 'us-east'), {});
    assert.deepEqual(await objectives(client, 'north'), {});
    assert.deepEqual(await client.diagnosticsFor(uri('sales/west.okr'), (d) => d.length === 0), []);
    assert.deepEqual(await client.diagnosticsFor(uri('sales/deep/north.okr'), (d) => d.length === 0), []);
  });

  test('a folder created or moved in (one event for the folder): every file under it is indexed', async () => {
    mkdirSync(join(ws.dir, 'moved/sub'), { recursive: true });
    writeFileSync(join(ws.dir, 'moved/sub/m.okr'), department('us-east-2'));
    await notify(client, [uri('moved'), CREATED]);
    await client.diagnosticsFor(uri('team.okr'), (d) => errors(d).length === 0);
    assert.equal(await alignmentTarget(client, uri('team.okr')), uri('moved/sub/m.okr'));
  });

  test('files in folders the server never walks (node_modules, hidden) stay out of the index', async () => {
    ws.write('node_modules/pkg/copy.okr', department('us-east-2'));
    ws.write('.history/copy.okr', department('us-east-2'));
    ws.write('late.okr', team('revenue', 'late'));
    await notify(client, [uri('node_modules/pkg/copy.okr'), CREATED], [uri('.history/copy.okr'), CREATED], [uri('late.okr'), CREATED]);
    await eventually(async () => assert.deepEqual(await objectives(client, 'late'), { late: 'late.okr' }));
    assert.deepEqual(await objectives(client, 'us-east'), { 'us-east-2': 'm.okr' }, 'no duplicate of us-east-2 from the copies');
  });
});

describe('multi-root workspaces: folders added and removed', () => {
  const a = workspace({ 'a.okr': team('b-goal') });
  const b = workspace({ 'b.okr': department('b-goal'), 'company.okr': company });
  const c = workspace({ 'c.okr': department('b-goal') });
  const client = new LspClient();
  const folder = (w: Workspace) => ({ uri: URI.file(w.dir).toString(), name: w.dir });
  const foldersChanged = (added: Workspace[], removed: Workspace[]) =>
    client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: added.map(folder), removed: removed.map(folder) } });
  before(async () => {
    await client.initialize([a.dir, b.dir]);
    await client.diagnosticsFor(a.uri('a.okr'));
  });
  after(async () => {
    await client.shutdown();
    for (const w of [a, b, c]) w.dispose();
  });

  test('two folders at initialize: one index, references across folders', async () => {
    assert.deepEqual(errors(await client.diagnosticsFor(a.uri('a.okr'))), []);
    assert.equal(await alignmentTarget(client, a.uri('a.okr')), b.uri('b.okr'));
    assert.deepEqual(await objectives(client, 'b-goal'), { 'b-goal': 'b.okr' });
  });

  test('a folder removed: its files leave the index and their diagnostics are cleared, except an open one until it closes', async () => {
    await client.open(b.uri('b.okr'), department('b-goal'));
    await foldersChanged([], [b]);
    await client.diagnosticsFor(b.uri('company.okr'), (d) => d.length === 0);
    // The open editor keeps b.okr in the index: a.okr still resolves.
    assert.equal(await alignmentTarget(client, a.uri('a.okr')), b.uri('b.okr'));
    await client.close(b.uri('b.okr'));
    const diagnostics = await client.diagnosticsFor(a.uri('a.okr'), (d) => unknownReferences(d).length > 0);
    assert.match(unknownReferences(diagnostics)[0]!, /`b-goal`/);
    assert.deepEqual(await client.diagnosticsFor(b.uri('b.okr'), (d) => d.length === 0), [], "the closed file's diagnostics are cleared");
    assert.deepEqual(await objectives(client, 'b-goal'), {});
  });

  test('a folder added: its files are indexed', async () => {
    await foldersChanged([c], []);
    await client.diagnosticsFor(a.uri('a.okr'), (d) => unknownReferences(d).length === 0);
    assert.equal(await alignmentTarget(client, a.uri('a.okr')), c.uri('c.okr'));
  });

  test('the removed folder added back: both copies of b-goal are duplicates', async () => {
    await foldersChanged([b], []);
    const diagnostics = await client.diagnosticsFor(c.uri('c.okr'), (d) => ofRule(d, 'duplicate-id').length > 0);
    assert.equal(ofRule(diagnostics, 'duplicate-id')[0]!.relatedInformation?.[0]?.location.uri, b.uri('b.okr'));
  });
});

describe('an open, unsaved buffer shadows its file', () => {
  const ws = workspace({ 'company.okr': company, 'x.okr': team('revenue', 'x') });
  const elsewhere = workspace({ 'loose.okr': team('revenue', 'loose') });
  const client = new LspClient();
  const x = ws.uri('x.okr');
  before(async () => {
    await client.initialize(ws.dir);
    await client.diagnosticsFor(x);
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
    elsewhere.dispose();
  });

  /** Sends `events`, and waits until the server has taken them in (a file created alongside shows up). */
  let marks = 0;
  async function diskEvents(...events: [string, number][]): Promise<void> {
    const mark = `mark-${marks++}`;
    const markUri = ws.write(`${mark}.okr`, team('revenue', mark));
    await notify(client, ...events, [markUri, CREATED]);
    await eventually(async () => assert.deepEqual(Object.keys(await objectives(client, mark)), [mark]));
  }

  test('the buffer wins over the disk, even when the disk changes', async () => {
    await client.open(x, team('ghost', 'x'));
    assert.match(unknownReferences(await client.diagnosticsFor(x, (d) => unknownReferences(d).length > 0))[0]!, /`ghost`/);
    ws.write('x.okr', team('phantom', 'x-on-disk'));
    await diskEvents([x, CHANGED]);
    assert.deepEqual(await objectives(client, 'x'), { x: 'x.okr' }, 'still the buffer');
  });

  test('closing the buffer brings the disk back', async () => {
    await client.close(x);
    assert.match(unknownReferences(await client.diagnosticsFor(x, (d) => unknownReferences(d).some((m) => m.includes('phantom'))))[0]!, /`phantom`/);
    assert.deepEqual(await objectives(client, 'x'), { 'x-on-disk': 'x.okr' });
  });

  test('a file deleted while its buffer is open stays until the buffer closes, then it is gone', async () => {
    await client.open(x, team('revenue', 'x'));
    await client.diagnosticsFor(x, (d) => errors(d).length === 0);
    ws.remove('x.okr');
    await diskEvents([x, DELETED]);
    assert.deepEqual(await objectives(client, 'x'), { x: 'x.okr' }, 'the buffer keeps it');
    assert.equal(await alignmentTarget(client, x), ws.uri('company.okr'));
    await client.close(x);
    await eventually(async () => assert.deepEqual(await objectives(client, 'x'), {}));
    assert.deepEqual(await client.diagnosticsFor(x, (d) => d.length === 0), [], 'its diagnostics are cleared');
  });

  test('a file outside the workspace folders counts while it is open, and only then', async () => {
    const loose = elsewhere.uri('loose.okr');
    await client.open(loose, team('ghost', 'loose'));
    assert.match(unknownReferences(await client.diagnosticsFor(loose, (d) => unknownReferences(d).length > 0))[0]!, /`ghost`/);
    await client.close(loose);
    await client.diagnosticsFor(loose, (d) => d.length === 0);
    assert.deepEqual(await objectives(client, 'loose'), {});
  });
});
