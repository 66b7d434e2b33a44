// Not a test: after the whole suite, in VS Code for the web only, leaves the workbench in a state
// worth a screenshot for the README (sales.okr with an unknown reference, its hover and the
// Problems panel) and asks scripts/test-web.mjs to take it (docs/images/vscode-web-diagnostics.png).
//
// The handshake goes through two files beside the test bundle, which the runner serves:
//   dist/test/web/screenshot-wanted   written by the runner before the run; without it: skip
//   dist/test/web/screenshot-taken    "pending", then "done" once the runner saved the picture
// A root-level hook runs after every suite, whatever the order of the files.
import * as vscode from 'vscode';
import {
  codeOf,
  describeDiagnostics,
  extensionId,
  findOnLine,
  openSample,
  replaceInMemory,
  revert,
  sampleUri,
  sleep,
  waitFor,
} from '../helpers';

/** The text of a file the test-web server serves, or undefined. */
async function read(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    return response.ok ? (await response.text()).trim() : undefined;
  } catch {
    return undefined;
  }
}

suiteTeardown(async function () {
  if (vscode.env.uiKind !== vscode.UIKind.Web) return;
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension?.isActive) return;
  const handshake = (name: string) => vscode.Uri.joinPath(extension.extensionUri, 'dist', 'test', 'web', name).toString(true);
  if ((await read(handshake('screenshot-wanted'))) === undefined) return;
  this.timeout(60_000);

  const sample = 'ai-search/sales.okr';
  const uri = sampleUri(sample);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const editor = await openSample(sample);
  const range = findOnLine(editor.document, 'aligns to revenue', 'revenue');
  try {
    await replaceInMemory(editor.document, range, 'revenu');
    const error = await waitFor(
      () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'unknown-reference'),
      20_000,
      'the unknown-reference diagnostic for the screenshot',
      () => describeDiagnostics(uri),
    );
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(editor.document, { preview: false });
    const at = error.range.start.translate(0, 2);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(Math.max(0, at.line - 6), 0, at.line + 12, 0), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(1_000); // let the hover and the panel render

    console.log('[okr-tests] screenshot: ready');
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await read(handshake('screenshot-taken'))) !== 'done') await sleep(200);
  } finally {
    await revert(editor.document);
  }
});
