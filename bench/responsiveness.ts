// Requests while a long analysis runs, over stdio with the built server, as an editor sees them:
// a chain of N objectives (each aligned to the one before) in one file, and
//  1. the file opened: the time to its first diagnostics, and hover and completion asked every
//     50 ms meanwhile (each answered, or refused with ContentModified: the file is not analysed yet);
//  2. once analysed, a small file saying something new (an id the chain's shape did not have): the
//     whole workspace is analysed again, and hover and completion in the chain are asked every
//     50 ms meanwhile: they are answered from the last snapshot.
// Prints the latency of every answer (max, median) and the time to the diagnostics.
//   node esbuild.mjs && node bench/build.mjs && node dist/bench/responsiveness.js [N]
import { join } from 'node:path';
import { LspClient, workspace } from '../test/lsp/client';

const N = Number(process.argv[2] ?? 40_000);

function chain(n: number): string {
  const lines: string[] = ['period 2026-Q1', ''];
  for (let i = 0; i < n; i++) {
    lines.push(`objective o${i}: Grow the active customers of region ${i}`);
    if (i) lines.push(`  aligns to o${i - 1}`);
    lines.push(`  why: region ${i} feeds the one before`, `  kr k: Reach 100 customers`, `    from 0 to 100 customers`, '');
  }
  return lines.join('\n');
}

interface Sample {
  readonly ms: number;
  readonly outcome: 'answer' | 'content modified' | 'other error';
}

async function askWhile(client: LspClient, uri: string, done: () => boolean): Promise<{ hover: Sample[]; completion: Sample[] }> {
  const hover: Sample[] = [];
  const completion: Sample[] = [];
  const ask = async (method: string, params: unknown, into: Sample[]) => {
    const start = performance.now();
    try {
      await client.connection.sendRequest(method, params);
      into.push({ ms: performance.now() - start, outcome: 'answer' });
    } catch (error) {
      into.push({ ms: performance.now() - start, outcome: (error as { code?: number }).code === -32801 ? 'content modified' : 'other error' });
    }
  };
  while (!done()) {
    await Promise.all([
      ask('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 11 } }, hover),
      ask('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 12 } }, completion),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { hover, completion };
}

function summary(name: string, samples: readonly Sample[]): string {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const counts = new Map<string, number>();
  for (const s of samples) counts.set(s.outcome, (counts.get(s.outcome) ?? 0) + 1);
  const median = ms[Math.floor(ms.length / 2)] ?? 0;
  return `${name}: ${samples.length} requests, max ${Math.round(ms.at(-1) ?? 0)} ms, median ${Math.round(median)} ms (${[...counts].map(([k, v]) => `${v} ${k}`).join(', ')})`;
}

async function main(): Promise<void> {
  const text = chain(N);
  const ws = workspace({ 'okr.config.json': '{ "today": "2026-02-15" }' });
  const client = new LspClient([process.execPath, join(__dirname, '../server/node.js'), '--stdio']);
  try {
    await client.initialize(ws.dir);
    const uri = ws.uri('chain.okr');
    console.log(`chain of ${N} objectives, ${(text.length / 1e6).toFixed(1)} MB`);

    let published = false;
    const start = performance.now();
    const asked = askWhile(client, uri, () => published);
    await client.open(uri, text);
    await client.diagnosticsFor(uri, () => true, 120_000);
    published = true;
    console.log(`1. opened: diagnostics after ${Math.round(performance.now() - start)} ms`);
    const first = await asked;
    console.log(`   ${summary('hover', first.hover)}`);
    console.log(`   ${summary('completion', first.completion)}`);

    // The same requests with nothing else running: what they cost by themselves.
    let idle = 0;
    const quiet = await askWhile(client, uri, () => idle++ === 5);
    console.log(`   idle: ${summary('hover', quiet.hover)}`);
    console.log(`   idle: ${summary('completion', quiet.completion)}`);

    const other = ws.uri('other.okr');
    const before = client.publishes.get(other) ?? 0;
    let again = false;
    const second = performance.now();
    const during = askWhile(client, uri, () => again);
    await client.open(other, 'objective fresh: A new objective\n  aligns to o0\n');
    await client.diagnosticsFor(other, () => (client.publishes.get(other) ?? 0) > before, 120_000);
    again = true;
    console.log(`2. a new id elsewhere: diagnostics after ${Math.round(performance.now() - second)} ms`);
    const results = await during;
    console.log(`   ${summary('hover', results.hover)}`);
    console.log(`   ${summary('completion', results.completion)}`);
  } finally {
    await client.shutdown();
    ws.dispose();
  }
}

void main();
