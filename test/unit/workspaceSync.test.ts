// The workspace sync in process, with a WorkspaceHost of the test's own: what the index holds
// after the disk and the editors change, in the order the events came.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FileChangeType, type Connection } from 'vscode-languageserver';
import { ServerContext } from '../../server/src/context';
import type { DecodedText } from '../../server/src/core/encoding';
import type { WorkspaceHost } from '../../server/src/host';
import { WorkspaceSync } from '../../server/src/workspaceSync';

/** A disk of URIs → texts; a read can be held back until `release` (to race it with later events). */
class FakeHost implements WorkspaceHost {
  readonly disk = new Map<string, string>();
  private readonly held = new Map<string, () => void>();
  holding = new Set<string>();

  constructor(files: Record<string, string>) {
    for (const [uri, text] of Object.entries(files)) this.disk.set(uri, text);
  }

  async listOkrFiles(folders: readonly string[]): Promise<string[]> {
    return [...this.disk.keys()].filter((uri) => uri.endsWith('.okr') && folders.some((f) => uri.startsWith(`${f.replace(/\/$/, '')}/`)));
  }

  async readFile(uri: string): Promise<DecodedText | undefined> {
    if (this.holding.has(uri)) await new Promise<void>((resolve) => this.held.set(uri, resolve));
    const text = this.disk.get(uri);
    return text === undefined ? undefined : { text };
  }

  release(uri: string): void {
    this.holding.delete(uri);
    this.held.get(uri)?.();
  }
}

function setUp(files: Record<string, string>, open: Record<string, string> = {}) {
  const host = new FakeHost(files);
  const context = new ServerContext({} as Connection);
  const editors = new Map(Object.entries(open).map(([uri, text]) => [uri, { uri, getText: () => text }]));
  let changes = 0;
  const logged: string[] = [];
  const sync = new WorkspaceSync(context, host, editors, () => changes++, (message) => logged.push(message));
  const indexed = () => Object.fromEntries(context.index.all().map((d) => [d.uri, d.text]));
  return { host, context, editors, sync, indexed, changes: () => changes, logged };
}

const W = 'file:///ws';

describe('workspace sync', () => {
  test('reads the folders: .okr files only, never node_modules or hidden folders; an open editor wins; the configuration applies', async () => {
    const { sync, indexed, context, changes } = setUp(
      {
        [`${W}/a.okr`]: 'objective a: A\n',
        [`${W}/b.okr`]: 'objective b: B on disk\n',
        [`${W}/node_modules/x.okr`]: 'objective x: X\n',
        [`${W}/.hidden/y.okr`]: 'objective y: Y\n',
        [`${W}/okr.config.json`]: '{ "levels": ["group", "team"] }',
        'file:///elsewhere/z.okr': 'objective z: Z\n',
      },
      { [`${W}/b.okr`]: 'objective b: B in the editor\n' },
    );
    sync.editorText({ uri: `${W}/b.okr`, getText: () => 'objective b: B in the editor\n' });
    await sync.start([W]);
    assert.deepEqual(indexed(), { [`${W}/a.okr`]: 'objective a: A\n', [`${W}/b.okr`]: 'objective b: B in the editor\n' });
    assert.deepEqual(context.analyzer.getConfig().levels, ['group', 'team']);
    assert.equal(context.config?.uri, `${W}/okr.config.json`);
    assert.ok(changes() >= 2, 'each change is told');
  });

  test('a deleted folder takes every file under it, except those open in an editor', async () => {
    const { sync, indexed, editors } = setUp({ [`${W}/team/a.okr`]: 'objective a: A\n', [`${W}/team/b.okr`]: 'objective b: B\n', [`${W}/c.okr`]: 'objective c: C\n' });
    await sync.start([W]);
    editors.set(`${W}/team/b.okr`, { uri: `${W}/team/b.okr`, getText: () => 'objective b: B\n' });
    sync.filesChanged([{ uri: `${W}/team`, type: FileChangeType.Deleted }]);
    await sync.idle();
    assert.deepEqual(Object.keys(indexed()).sort(), [`${W}/c.okr`, `${W}/team/b.okr`]);
  });

  test('a late read never undoes a later deletion: disk events apply in the order they came', async () => {
    const { sync, indexed, host } = setUp({ [`${W}/a.okr`]: 'objective a: A\n' });
    await sync.start([W]);
    host.disk.set(`${W}/a.okr`, 'objective a: A, changed\n');
    host.holding.add(`${W}/a.okr`);
    sync.filesChanged([{ uri: `${W}/a.okr`, type: FileChangeType.Changed }]);
    host.disk.delete(`${W}/a.okr`);
    sync.filesChanged([{ uri: `${W}/a.okr`, type: FileChangeType.Deleted }]);
    host.release(`${W}/a.okr`);
    await sync.idle();
    assert.deepEqual(indexed(), {});
  });

  test('closing an editor reads the disk again; a removed workspace folder takes its files', async () => {
    const { sync, indexed, editors } = setUp({ [`${W}/a.okr`]: 'objective a: A\n', 'file:///other/b.okr': 'objective b: B\n' });
    await sync.start([W, 'file:///other']);
    editors.set(`${W}/a.okr`, { uri: `${W}/a.okr`, getText: () => 'objective a: unsaved\n' });
    sync.editorText(editors.get(`${W}/a.okr`)!);
    assert.equal(indexed()[`${W}/a.okr`], 'objective a: unsaved\n');
    editors.delete(`${W}/a.okr`);
    sync.editorClosed(`${W}/a.okr`);
    sync.foldersChanged({ added: [], removed: [{ uri: 'file:///other', name: 'other' }] });
    await sync.idle();
    assert.deepEqual(indexed(), { [`${W}/a.okr`]: 'objective a: A\n' });
  });

  test('a host that cannot list the files is logged, and the rest goes on', async () => {
    const { sync, context, logged } = setUp({ [`${W}/okr.config.json`]: '{ "levels": ["x"] }' });
    const failing = new WorkspaceSync(context, { listOkrFiles: () => Promise.reject(new Error('no disk')), readFile: async () => undefined }, new Map(), () => {}, (m) => logged.push(m));
    await failing.start([W]);
    assert.match(logged.join('\n'), /cannot list the workspace's \.okr files: Error: no disk/);
    void sync;
  });
});
