// Helpers shared by the extension-host test files (test/extension/suite/*.test.ts). They run in
// both hosts, so nothing here may use Node built-ins: the browser bundle has no `assert`, `fs`
// or `path`. Hence the few assertions below.
import * as vscode from 'vscode';

export const extensionId = 'vscode-okr.vscode-okr';

/** The extension's API (client/src/common.ts, OkrExtensionApi), restated to keep tests decoupled. */
export interface OkrApi {
  readonly ready: Promise<void>;
}

// ---- assertions ---------------------------------------------------------------------------

export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new AssertionError(message);
}

export function equal<T>(actual: T, expected: T, message: string): void {
  if (actual !== expected) {
    throw new AssertionError(`${message}\n  expected: ${JSON.stringify(expected)}\n  actual:   ${JSON.stringify(actual)}`);
  }
}

// ---- time -----------------------------------------------------------------------------------

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rejects with `what` when `promise` has not settled after `ms`. */
export async function withTimeout<T>(promise: Thenable<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AssertionError(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([Promise.resolve(promise), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolves with the first truthy value of `probe`, which is asked now, on every diagnostics
 * change and every 100 ms; throws after `ms` with `what` and the last state `describe` gives.
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  ms: number,
  what: string,
  describe?: () => string,
): Promise<T> {
  const deadline = Date.now() + ms;
  let wake: (() => void) | undefined;
  const subscription = vscode.languages.onDidChangeDiagnostics(() => wake?.());
  try {
    for (;;) {
      const value = await probe();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new AssertionError(`timed out after ${ms} ms waiting for ${what}${describe ? `\n  ${describe()}` : ''}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(100, left));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  } finally {
    subscription.dispose();
  }
}

// ---- the extension and the samples -------------------------------------------------------

/** Activates the extension (once) and waits until its language server is ready. */
export async function activateExtension(): Promise<OkrApi> {
  const extension = vscode.extensions.getExtension<OkrApi>(extensionId);
  ok(extension, `extension ${extensionId} is not installed in the extension host`);
  const api = await withTimeout(extension.activate(), 30_000, `activation of ${extensionId}`);
  ok(api && typeof api.ready?.then === 'function', 'activate() returns { client, ready }');
  await withTimeout(api.ready, 30_000, 'the language server to start (api.ready)');
  return api;
}

/** A file of the samples/ folder, which both test runners open as the workspace folder. */
export function sampleUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'a workspace folder (samples/) is open');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

export async function openSample(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(sampleUri(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The range of `word` on the first line whose text, without indentation, is `lineText`. */
export function findOnLine(document: vscode.TextDocument, lineText: string, word: string): vscode.Range {
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (text.trim() === lineText.trim()) {
      const column = text.lastIndexOf(word);
      ok(column >= 0, `"${word}" on line ${line + 1} of ${document.uri.toString()}`);
      return new vscode.Range(line, column, line, column + word.length);
    }
  }
  throw new AssertionError(`no line "${lineText}" in ${document.uri.toString()}`);
}

/** A diagnostic's code as a string, whether given as a string, a number or `{ value, target }`. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return `no diagnostics for ${uri.toString()}`;
  return `diagnostics for ${uri.toString()}:\n${all
    .map((d) => `    ${d.range.start.line + 1}:${d.range.start.character + 1} [${codeOf(d)}] ${d.message}`)
    .join('\n')}`;
}

/** Replaces `range` in the document by `text` in memory (never saved). */
export async function replaceInMemory(document: vscode.TextDocument, range: vscode.Range, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, text);
  ok(await vscode.workspace.applyEdit(edit), `edit of ${document.uri.toString()} applied`);
}

/** Throws the in-memory changes of `document` away: its editor is reverted to the file on disk. */
export async function revert(document: vscode.TextDocument): Promise<void> {
  if (!document.isDirty) return;
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(() => !document.isDirty, 10_000, `${document.uri.toString()} to be reverted`);
}
