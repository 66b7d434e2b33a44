// Entry of the Node language server: IPC when started by the extension, or stdio / a socket when
// started standalone (`okr-language-server --stdio`) by Neovim, Emacs, Helix, …
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeHost } from './nodeHost';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all), nodeHost);
