// Not a test: after the whole suite, in VS Code for the web only, shows the hover of an objective
// (`us-east` in samples/ai-search/sales.okr: its alignment story up to the strategy, its progress
// and its key results) and asks scripts/test-web.mjs to take a screenshot of it for the README
// (docs/images/vscode-web-hover.png).
//
// The handshake is the one readme-screenshot.test.ts describes, with a file name: the test logs
// `[okr-tests] screenshot: ready vscode-web-hover.png` and waits until `screenshot-taken` says
// `done vscode-web-hover.png`. A root-level hook runs after every suite; the hooks of the two
// screenshot files run one after the other (in name order), each starting from closed editors.
import * as vscode from 'vscode';
import { extensionId, ok, openSample, sleep, waitFor } from '../helpers';

const fileName = 'vscode-web-hover.png';

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

  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const editor = await openSample('ai-search/sales.okr');
  const { document } = editor;
  let line = 0;
  while (line < document.lineCount - 1 && !/^objective\s+us-east\s*:/.test(document.lineAt(line).text)) line++;
  ok(/^objective\s+us-east\s*:/.test(document.lineAt(line).text), 'an "objective us-east:" line in ai-search/sales.okr');
  const at = new vscode.Position(line, document.lineAt(line).text.indexOf('us-east') + 3); // inside the id
  // The whole story (across company.okr) is known once the server has indexed the workspace.
  await waitFor(
    async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
      return (hovers ?? []).some((hover) => hover.contents.some((content) => (typeof content === 'string' ? content : content.value).includes('`ai-search` (strategy)')));
    },
    20_000,
    'the hover of `us-east` to tell its story up to the strategy, for the screenshot',
  );
  try {
    editor.selection = new vscode.Selection(at, at);
    // The objective near the top of the editor, so that the hover opens below it, at full height.
    editor.revealRange(new vscode.Range(Math.max(0, at.line - 2), 0, at.line + 20, 0), vscode.TextEditorRevealType.AtTop);
    await sleep(300);
    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(1_000); // let the hover render

    console.log(`[okr-tests] screenshot: ready ${fileName}`);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await read(handshake('screenshot-taken'))) !== `done ${fileName}`) await sleep(200);
  } finally {
    await vscode.commands.executeCommand('editor.action.hideHover');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
});
