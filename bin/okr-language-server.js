#!/usr/bin/env node
// The OKR language server for any LSP client: okr-language-server --stdio
if (!process.argv.slice(2).some((arg) => /^--(stdio|node-ipc|socket|pipe)/.test(arg))) {
  process.stderr.write('Usage: okr-language-server --stdio\n  (or --node-ipc, --socket=PORT, --pipe=NAME)\n');
  process.exit(2);
}
require('../dist/server/node.js');
