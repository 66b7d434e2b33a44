// Web entry (vscode.dev, VS Code for the web): the language server runs in a Web Worker and
// cannot read the file system. It asks this client to list and read the workspace's files
// (see server/src/browserHost.ts for the other half of the protocol).
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { clientOptions, launch, type OkrExtensionApi } from './common';
import { FindFilesRequest, ReadFileRequest } from '../../server/src/protocol';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<OkrExtensionApi> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server', 'browser.js');
  const worker = new Worker(serverMain.toString(true));
  client = new LanguageClient('okr', 'OKR Language Server', worker, clientOptions(context));
  client.onRequest(FindFilesRequest.method, async (params: FindFilesRequest.Params) => {
    const uris = await vscode.workspace.findFiles(params.glob, '**/node_modules/**');
    return uris.map((uri) => uri.toString());
  });
  client.onRequest(ReadFileRequest.method, async (params: ReadFileRequest.Params) => {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.parse(params.uri));
      return new TextDecoder('utf-8').decode(bytes);
    } catch {
      return null;
    }
  });
  return launch(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
