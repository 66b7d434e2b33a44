// What the node and browser entries of the extension share: the client options and the
// commands. Each entry only decides how the server process is started.
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { registerPreview, type PreviewApi } from './preview/panel';
import { registerImport } from './import';

export const languageId = 'okr';

export function clientOptions(context: vscode.ExtensionContext): LanguageClientOptions {
  return {
    // Diagnostics link to the rule docs shipped with the extension.
    initializationOptions: { docsBase: `${vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString()}/` },
    // okr.config.json is synchronised too, so that editing it re-validates the workspace live.
    documentSelector: [{ language: languageId }, { pattern: '**/okr.config.json' }],
    // No `synchronize.fileEvents`: the server registers the file watchers it needs (.okr files,
    // okr.config.json, and folders created or deleted), as it does with any other editor.
    diagnosticCollectionName: 'okr',
  };
}

/** The public API of the activated extension: tests and other extensions wait on `ready`. */
export interface OkrExtensionApi {
  readonly client: BaseLanguageClient;
  readonly ready: Promise<void>;
  /** The alignment-tree preview (client/src/preview/panel.ts): its panel and messages, for tests. */
  readonly preview: PreviewApi;
}

/** Commands the server's code lenses call, and the palette's own. */
export function registerCommands(context: vscode.ExtensionContext): void {
  registerImport(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('okr.showReferences', (uri: string, position: { line: number; character: number }) =>
      vscode.commands.executeCommand('editor.action.findReferences', vscode.Uri.parse(uri), new vscode.Position(position.line, position.character)),
    ),
  );
}

/** What both entries do once their client exists: commands, start, the preview; the extension's API. */
export function launch(context: vscode.ExtensionContext, client: BaseLanguageClient): OkrExtensionApi {
  registerCommands(context);
  const ready = client.start();
  context.subscriptions.push(client);
  const preview = registerPreview(context, client, ready);
  return { client, ready, preview };
}
