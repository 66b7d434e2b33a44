// Entry of the Node language server: IPC when started by the extension, or stdio / a socket when
// started standalone (`okr-language-server --stdio`) by Neovim, Emacs, Helix, …
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { nodeHost } from './nodeHost';
import { connectionStrategy, startServer } from './server';

// The rule docs ship beside the bundle (dist/server/node.js → docs/rules/).
const docsBase = `${URI.file(path.resolve(__dirname, '..', '..', 'docs', 'rules')).toString()}/`;

startServer(createConnection(ProposedFeatures.all, connectionStrategy), nodeHost, docsBase);
