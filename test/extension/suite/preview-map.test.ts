// The alignment map of the preview, clicked through to the source: in VS Code for the web the
// test asks scripts/test-web.mjs to click inside the webview (the switch to the map, then the box
// of `sales-ai`), and the editor must open sales.okr at that objective's line.
//
// The request is a console line `[okr-tests] click: ["selector", …]`: the runner clicks the first
// element each selector (Playwright's: `:visible` allowed) finds in any frame of the page (the
// webview's page is two frames down), one after the other. Without the runner (desktop runs) the suite is skipped.
import * as vscode from 'vscode';
import { activateExtension, equal, extensionId, ok, openSample, revert, sleep, waitFor, type OkrApi } from '../helpers';

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

  test('"Align to…" on a box offers the ranked parents; the one picked is written', async () => {
    ok(preview.panel, 'the preview is open');
    const engineering = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'ai-search', 'engineering.okr'));
    const before = engineering.getText();
    ok(/^  aligns to core-product$/m.test(before), 'admin-console aligns to the catch-all core-product');
    // The map as the page shows it now (the click before moved the editor): the box to click is drawn.
    await sleep(1_000);
    const reveals = received.filter((m) => m.type === 'reveal').length;
    try {
      // Select the box (which opens the file), ask to align it, pick the first parent offered.
      console.log(`[okr-tests] click: ${JSON.stringify(['.okr-map-box[data-key="admin-console"] .okr-map-rect', '#okr-map-align:not([disabled])', '.quick-input-widget .quick-input-list .monaco-list-row:visible'])}`);
      await waitFor(() => received.filter((m) => m.type === 'reveal').length > reveals, 30_000, 'the click on admin-console');
      await waitFor(() => received.some((m) => m.type === 'alignTo'), 30_000, '"Align to…" posted by the page');
      await waitFor(() => engineering.getText() !== before, 30_000, 'the edit applied to engineering.okr');
      const aligned = /objective admin-console:[^\n]*\n(?:[^\n]*\n)*?  aligns to ([\w-]+)/.exec(engineering.getText())?.[1];
      ok(aligned && aligned !== 'core-product', `admin-console aligned to the first parent offered, not the catch-all (got ${aligned})`);
      equal(engineering.getText(), before.replace(/(objective admin-console:[^\n]*\n  owner @frontend-lead\n  aligns to )core-product/, `$1${aligned}`), 'only the reference changed');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await revert(engineering);
    }
    equal(engineering.getText(), before, 'reverted');
  });
});
