// Web entry (vscode.dev, VS Code for the web): the language server runs in a Web Worker and
// cannot read the file system. It asks this client to list and read the workspace's files
// (see server/src/browserHost.ts for the other half of the protocol).
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { clientOptions, launch, type OkrExtensionApi } from './common';
import { FindFilesRequest, ReadFileRequest } from '../../server/src/protocol';
import { decodeText } from '../../server/src/core/encoding';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<OkrExtensionApi> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server', 'browser.js');
  const worker = new Worker(serverMain.toString(true));
  client = new LanguageClient('okr', 'OKR Language Server', worker, clientOptions(context));
  client.onRequest(FindFilesRequest.method, async (params: FindFilesRequest.Params) => {
    const patterns = params.folders?.map((folder) => new vscode.RelativePattern(vscode.Uri.parse(folder), params.glob)) ?? [params.glob];
    const found = await Promise.all(patterns.map((pattern) => vscode.workspace.findFiles(pattern, '**/node_modules/**')));
    return found.flat().map((uri) => uri.toString());
  });
  client.onRequest(ReadFileRequest.method, async (params: ReadFileRequest.Params) => {
    try {
      // Decoded here as the node server decodes the disk: a file that is not UTF-8 is reported, not garbled.
      return decodeText(await vscode.workspace.fs.readFile(vscode.Uri.parse(params.uri))) satisfies ReadFileRequest.Result;
    } catch {
      return null;
    }
  });
  return launch(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
