// A tiny HTTP server for the preview tests, on 127.0.0.1 and a random port:
//   /harness.html                      test/preview/harness.html, nonce filled in; query:
//                                      ?theme=light|dark|hc, ?standalone=1 (no VS Code API),
//                                      ?codicons=0 (no codicon.css), ?embed=NAME (the model
//                                      registered as NAME embedded as the standalone export does)
//   /test/*                            test/preview/
//   /dist/preview/*                    the built page
// Anything else is a 404, and every request is recorded (the tests fail on 404s).
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.ttf': 'font/ttf', '.json': 'application/json', '.map': 'application/json' };

/**
 * @param {{ embed?: (name: string) => string | undefined }} options `embed` gives the text of
 *   <script type="application/json" id="okr-model"> for ?embed=NAME
 */
export async function startServer(options = {}) {
  const requests = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      requests.push({ path: url.pathname, status });
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (url.pathname === '/favicon.ico') return send(204, '');
    if (url.pathname === '/harness.html') {
      const nonce = randomBytes(16).toString('hex');
      const embedName = url.searchParams.get('embed');
      const embedded = embedName ? options.embed?.(embedName) : undefined;
      const html = fs
        .readFileSync(path.join(here, 'harness.html'), 'utf8')
        .replaceAll('{{NONCE}}', nonce)
        .replace('{{CODICONS}}', url.searchParams.get('codicons') === '0' ? '' : '    <link rel="stylesheet" href="/dist/preview/codicon.css">')
        .replace('{{MODEL}}', embedded === undefined ? '' : `    <script type="application/json" id="okr-model">${embedded}</script>`);
      return send(200, html, TYPES['.html']);
    }
    const mounts = [
      ['/test/', here],
      ['/dist/preview/', path.join(root, 'dist', 'preview')],
    ];
    for (const [prefix, dir] of mounts) {
      if (!url.pathname.startsWith(prefix)) continue;
      const file = path.resolve(dir, decodeURIComponent(url.pathname.slice(prefix.length)));
      if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) break;
      return send(200, fs.readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream');
    }
    send(404, 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
