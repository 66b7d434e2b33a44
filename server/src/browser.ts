// Entry of the language server in a Web Worker (vscode.dev, VS Code for the web).
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { browserHost } from './browserHost';
import { startServer } from './server';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
// The rule docs ship with the extension: dist/server/browser.js → docs/rules/.
const docsBase = new URL('../../docs/rules/', self.location.href).toString();

startServer(connection, browserHost(connection), docsBase);
