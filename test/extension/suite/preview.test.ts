// The alignment-tree preview (client/src/preview/panel.ts) in a real workbench: the command opens
// a webview beside the editor, the page (dist/preview/preview.js) loads under its CSP and says
// `ready`, the extension posts it the server's tree, and moving the cursor posts a `highlight`.
// In VS Code for the web this needs Chromium to allow the webview's service worker
// (scripts/vscode-web.mjs, launchChromium).
import * as vscode from 'vscode';
import {
  AssertionError,
  activateExtension,
  equal,
  extensionId,
  findOnLine,
  ok,
  openSample,
  replaceInMemory,
  revert,
  sampleUri,
  waitFor,
  type OkrApi,
} from '../helpers';

/** What the extension's API exposes of the preview (client/src/preview/panel.ts, PreviewApi). */
interface PreviewApi {
  readonly panel?: vscode.WebviewPanel;
  readonly onDidReceiveMessage: vscode.Event<unknown>;
  readonly onDidPostMessage: vscode.Event<unknown>;
  readonly lastModel?: unknown;
}

interface Message {
  readonly type?: string;
  readonly uri?: string;
  readonly line?: number;
  readonly model?: Model;
}

/** The parts of the TreeModel (server/src/core/tree.ts) looked at here. */
interface Node {
  readonly kind?: string;
  readonly id?: string;
  readonly title?: string;
  readonly location?: { readonly uri: string; readonly startLine: number };
  readonly children?: readonly Node[];
}
interface Model {
  readonly objectiveCount: number;
  readonly roots: readonly Node[];
}

const company = 'ai-search/company.okr';

function objectives(nodes: readonly Node[] = []): Node[] {
  return nodes.flatMap((node) => [...(node.kind === 'objective' ? [node] : []), ...objectives(node.children)]);
}

/** Whether the page was built (dist/preview/preview.js): on disk (desktop) or over HTTP (web). */
async function pageBuilt(): Promise<boolean> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) return false;
  const script = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'preview', 'preview.js');
  if (script.scheme === 'http' || script.scheme === 'https') {
    // The web: the extension is served over HTTP (and workspace.fs.stat answers for any URL).
    try {
      const response = await fetch(script.toString(true), { cache: 'no-store' });
      return response.ok;
    } catch {
      return false;
    }
  }
  try {
    await vscode.workspace.fs.stat(script);
    return true;
  } catch {
    return false;
  }
}

/** The line of `objective ID:` in `document`. */
function objectiveLine(document: vscode.TextDocument, id: string): number {
  for (let line = 0; line < document.lineCount; line++) {
    if (new RegExp(`^objective\\s+${id}\\s*:`).test(document.lineAt(line).text)) return line;
  }
  throw new AssertionError(`no "objective ${id}:" in ${document.uri.toString()}`);
}

suite('preview', () => {
  let preview: PreviewApi;
  const received: Message[] = [];
  const posted: Message[] = [];
  const subscriptions: vscode.Disposable[] = [];
  const describe = () =>
    `received from the page: ${JSON.stringify(received.map((m) => m.type))}; posted: ${JSON.stringify(posted.map((m) => m.type))}`;

  suiteSetup(async function () {
    const api = (await activateExtension()) as OkrApi & { preview?: PreviewApi };
    ok(api.preview, 'the extension API exposes `preview`');
    preview = api.preview;
    if (!(await pageBuilt())) {
      console.log('    (skipped: dist/preview/preview.js is not built)');
      this.skip();
    }
    subscriptions.push(
      preview.onDidReceiveMessage((message) => received.push(message as Message)),
      preview.onDidPostMessage((message) => posted.push(message as Message)),
    );
  });

  suiteTeardown(async () => {
    for (const subscription of subscriptions.splice(0)) subscription.dispose();
    preview?.panel?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('opens beside the editor, loads the page under a strict CSP and posts it the tree', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await openSample(company);
    await vscode.commands.executeCommand('okr.openPreviewToSide');

    const panel = preview.panel;
    ok(panel, 'okr.openPreviewToSide opened a panel');
    equal(panel.viewType, 'okr.preview', 'viewType');
    equal(panel.title, 'OKR Preview: company.okr', 'title');
    ok(panel.viewColumn !== editor.viewColumn, `the preview is beside the editor (columns ${panel.viewColumn} and ${editor.viewColumn})`);
    equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'the editor keeps the focus');
    ok(panel.options.enableFindWidget, 'the find widget is enabled');
    ok(panel.webview.options.enableScripts, 'scripts are enabled');
    const roots = panel.webview.options.localResourceRoots ?? [];
    ok(roots.length === 1 && roots[0].path.endsWith('/dist/preview'), `only dist/preview is a resource root: ${roots.map(String).join(', ')}`);

    const html = panel.webview.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    ok(csp, `a CSP meta tag in the HTML:\n${html}`);
    ok(csp.includes("default-src 'none'"), `the CSP starts from default-src 'none': ${csp}`);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    ok(nonce && nonce.length >= 16, `the CSP allows scripts by nonce: ${csp}`);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    ok(scripts.length === 1 && scripts[0].includes(`nonce="${nonce}"`) && /src="[^"]*preview\.js"/.test(scripts[0]), `one script, nonce'd, preview.js: ${scripts.join(' | ')}`);
    const urls = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    ok(urls.length > 0 && urls.every((url) => url.includes('/dist/preview/')), `only resources of dist/preview: ${urls.join(', ')}`);

    await waitFor(() => received.some((m) => m.type === 'ready'), 30_000, "the page's ready message", describe);
    const model = await waitFor(
      () => posted.find((m): m is Message & { model: Model } => m.type === 'model' && !!m.model && m.model.objectiveCount > 0)?.model,
      30_000,
      'a model with objectives posted to the page',
      describe,
    );
    equal(preview.lastModel, model, 'lastModel is the model posted');
    const revenue = objectives(model.roots).find((o) => o.id === 'revenue');
    ok(revenue, `the objective "revenue" is in the tree (${model.objectiveCount} objectives)`);
    ok(revenue.location?.uri.endsWith('/ai-search/company.okr'), `revenue is located in company.okr: ${revenue.location?.uri}`);
  });

  test('moving the cursor highlights the node under it', async () => {
    ok(preview.panel, 'the preview is open');
    const editor = await openSample(company);
    const uri = editor.document.uri.toString();
    // The objective's line, then a key result's line further down: two highlights in turn.
    const revenue = objectiveLine(editor.document, 'revenue');
    for (const line of [revenue, revenue + 3]) {
      const position = new vscode.Position(line, 2);
      editor.selection = new vscode.Selection(position, position);
      await waitFor(
        () => posted.some((m) => m.type === 'highlight' && m.uri === uri && m.line === line),
        10_000,
        `a highlight of ${company}:${line + 1}`,
        () => `${describe()}; highlights: ${JSON.stringify(posted.filter((m) => m.type === 'highlight'))}`,
      );
    }
  });

  test('an edit reaches the page: the tree is asked for again and posted', async () => {
    ok(preview.panel, 'the preview is open');
    const editor = await openSample(company);
    const range = findOnLine(editor.document, 'objective revenue: Generate $200M new recurring revenue from AI Search', 'AI Search');
    const retitled = (m: Message) =>
      m.type === 'model' && objectives(m.model?.roots).some((o) => o.id === 'revenue' && o.title?.endsWith('from AI Search Pro'));
    try {
      await replaceInMemory(editor.document, range, 'AI Search Pro');
      await waitFor(() => posted.some(retitled), 20_000, 'a model with the new title of "revenue"', describe);
    } finally {
      await revert(editor.document);
    }
    const after = posted.findIndex(retitled) + 1;
    await waitFor(
      () => posted.slice(after).some((m) => m.type === 'model' && !retitled(m)),
      20_000,
      'a model with the old title again after the revert',
      describe,
    );
  });

  test('the page comes back with its model after being hidden', async () => {
    const panel = preview.panel;
    ok(panel, 'the preview is open');
    // Another editor in the preview's column hides it: its webview is destroyed (not retained).
    const document = await vscode.workspace.openTextDocument(sampleUri('ai-search/sales.okr'));
    await vscode.window.showTextDocument(document, { viewColumn: panel.viewColumn, preview: false });
    await waitFor(() => !panel.visible, 10_000, 'the preview to be hidden');
    const readies = received.filter((m) => m.type === 'ready').length;
    const models = posted.filter((m) => m.type === 'model').length;
    panel.reveal(panel.viewColumn, true);
    await waitFor(() => received.filter((m) => m.type === 'ready').length > readies, 30_000, 'ready again once shown', describe);
    await waitFor(() => posted.filter((m) => m.type === 'model').length > models, 30_000, 'the model posted again', describe);
  });

  test('one panel: the commands reveal the open preview rather than open another', async () => {
    const panel = preview.panel;
    ok(panel, 'the preview is open');
    await openSample(company);
    await vscode.commands.executeCommand('okr.openPreviewToSide');
    equal(preview.panel, panel, 'okr.openPreviewToSide reuses the panel');
    await vscode.commands.executeCommand('okr.openPreview');
    equal(preview.panel, panel, 'okr.openPreview reuses the panel');
    await waitFor(() => panel.visible, 10_000, 'the preview to be visible');
  });
});
