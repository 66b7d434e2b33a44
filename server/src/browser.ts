// Entry of the language server in a Web Worker (vscode.dev, VS Code for the web).
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { browserHost } from './browserHost';
import { connectionStrategy, startServer } from './server';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self), connectionStrategy);
// Where the rule docs are comes from the extension (initializationOptions.docsBase): a worker's
// own location may be a blob: URL.
startServer(connection, browserHost(connection));
