// The alignment map of the preview, clicked through to the source: in VS Code for the web the
// test asks scripts/test-web.mjs to click inside the webview (the switch to the map, then the box
// of `sales-ai`), and the editor must open sales.okr at that objective's line.
//
// The request is a console line `[okr-tests] click: ["selector", …]`: the runner clicks the first
// element each selector finds in any frame of the page (the webview's page is two frames down),
// one after the other. Without the runner (desktop runs) the suite is skipped.
import * as vscode from 'vscode';
import { activateExtension, equal, extensionId, ok, openSample, waitFor, type OkrApi } from '../helpers';

interface PreviewApi {
  readonly panel?: vscode.WebviewPanel;
  readonly onDidReceiveMessage: vscode.Event<unknown>;
  readonly onDidPostMessage: vscode.Event<unknown>;
}

/** Whether scripts/test-web.mjs runs the suite (it serves dist/test/web/screenshot-wanted while it does). */
async function runnerClicks(): Promise<boolean> {
  if (vscode.env.uiKind !== vscode.UIKind.Web) return false;
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) return false;
  try {
    const response = await fetch(vscode.Uri.joinPath(extension.extensionUri, 'dist', 'test', 'web', 'screenshot-wanted').toString(true), { cache: 'no-store' });
    return response.ok;
  } catch {
    return false;
  }
}

suite('preview: the alignment map', () => {
  let preview: PreviewApi;
  const received: { type?: string; uri?: string; line?: number }[] = [];
  const subscriptions: vscode.Disposable[] = [];

  suiteSetup(async function () {
    const api = (await activateExtension()) as OkrApi & { preview?: PreviewApi };
    ok(api.preview, 'the extension API exposes `preview`');
    preview = api.preview;
    if (!(await runnerClicks())) {
      console.log('    (skipped: needs scripts/test-web.mjs to click inside the webview)');
      this.skip();
    }
    subscriptions.push(preview.onDidReceiveMessage((message) => received.push(message as (typeof received)[number])));
  });

  suiteTeardown(async () => {
    for (const subscription of subscriptions.splice(0)) subscription.dispose();
    preview?.panel?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a click on a box of the map opens its objective in the editor', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openSample('ai-search/company.okr');
    await vscode.commands.executeCommand('okr.openPreviewToSide');
    await waitFor(() => received.some((m) => m.type === 'ready'), 30_000, "the page's ready message");
    const sales = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'ai-search', 'sales.okr'));
    const line = sales.getText().split('\n').findIndex((text) => /^objective\s+sales-ai\s*:/.test(text));
    ok(line >= 0, 'sales-ai is in sales.okr');

    console.log(`[okr-tests] click: ${JSON.stringify(['#okr-view-map', '.okr-map-box[data-key="sales-ai"] .okr-map-rect'])}`);
    const reveal = await waitFor(
      () => received.find((m) => m.type === 'reveal'),
      30_000,
      'the page to post reveal after the click on the box',
      () => `received from the page: ${JSON.stringify(received.map((m) => m.type))}`,
    );
    equal(reveal.uri, sales.uri.toString(), 'the box reveals sales.okr');
    equal(reveal.line, line, "the box reveals sales-ai's line");
    await waitFor(
      () => {
        const editor = vscode.window.activeTextEditor;
        return editor?.document.uri.toString() === sales.uri.toString() && editor.selection.active.line === line;
      },
      20_000,
      `sales.okr open at line ${line + 1}`,
      () => `active: ${vscode.window.activeTextEditor?.document.uri.toString()}:${vscode.window.activeTextEditor?.selection.active.line}`,
    );
  });
});
