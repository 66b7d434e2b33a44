// Desktop entry: the language server runs as a Node process, reached over IPC. It reads the
// workspace's .okr files from disk itself.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions, launch, type OkrExtensionApi } from './common';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<OkrExtensionApi> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server', 'node.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  client = new LanguageClient('okr', 'OKR Language Server', serverOptions, clientOptions(context));
  return launch(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
