import * as vscode from 'vscode';
import { activateExtension, equal, ok, withTimeout } from '../helpers';

/**
 * A file system in memory (scheme `okr-import-test`): the import reads and writes through
 * vscode.workspace.fs, so the test needs no disk and leaves the workspace folder as it was.
 */
class MemoryFs implements vscode.FileSystemProvider {
  readonly files = new Map<string, Uint8Array>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    const isFolder = !file && [...this.files.keys()].some((path) => path.startsWith(`${uri.path.replace(/\/$/, '')}/`));
    if (!file && !isFolder && uri.path !== '/' && uri.path !== '/out') throw vscode.FileSystemError.FileNotFound(uri);
    return { type: file ? vscode.FileType.File : vscode.FileType.Directory, ctime: 0, mtime: 0, size: file?.length ?? 0 };
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {}
  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    this.files.set(uri.path, content);
  }
  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
  }
  rename(): void {}
}

suite('import from CSV or Excel', () => {
  test('OKR: Import from CSV or Excel… writes one .okr file per team and opens them', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    ok(commands.includes('okr.importFromSpreadsheet'), 'the import command is registered');
    const memory = new MemoryFs();
    const registration = vscode.workspace.registerFileSystemProvider('okr-import-test', memory);
    try {
      const csv = 'Team,Objective,Key Result,Target,Unit,Status\nSales,Grow revenue in EMEA,Sign 12 new customers,12,customers,On track\n';
      memory.files.set('/plan.csv', new TextEncoder().encode(csv));
      const source = vscode.Uri.parse('okr-import-test:/plan.csv');
      const target = vscode.Uri.parse('okr-import-test:/out');
      const written = await withTimeout(vscode.commands.executeCommand<vscode.Uri[]>('okr.importFromSpreadsheet', source, target, 'team'), 30_000, 'the import command');
      equal(written.map((uri) => uri.path).join(','), '/out/sales.okr', 'the files written');
      const text = new TextDecoder().decode(memory.files.get('/out/sales.okr'));
      ok(text.includes('objective grow-revenue-emea: Grow revenue in EMEA\n'), `the objective is written:\n${text}`);
      ok(text.includes('    # Status: On track\n    target 12 customers\n'), `the status is a comment, the target a metric:\n${text}`);
      ok(
        vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === written[0]!.toString()),
        'the written file is open',
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      registration.dispose();
    }
  });
});
