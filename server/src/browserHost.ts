// The workspace host for the browser: the server runs in a Web Worker without a file system and
// asks the extension (client/src/browser.ts) to find and read files.
import type { Connection } from 'vscode-languageserver';
import type { WorkspaceHost } from './host';
import { FindFilesRequest, ReadFileRequest } from './protocol';

export function browserHost(connection: Connection): WorkspaceHost {
  return {
    async listOkrFiles(folders) {
      return connection.sendRequest<FindFilesRequest.Result>(FindFilesRequest.method, { glob: '**/*.okr', folders: [...folders] } satisfies FindFilesRequest.Params);
    },
    async readFile(uri) {
      // The extension decodes the bytes with decodeText, as the node host does.
      return (await connection.sendRequest<ReadFileRequest.Result>(ReadFileRequest.method, { uri } satisfies ReadFileRequest.Params)) ?? undefined;
    },
  };
}
