// `okr export`: the plan for people without VS Code.
//  - html: one standalone file with the preview's own renderer and styles inlined (no network);
//  - markdown: nested lists, for a wiki or a pull request;
//  - mermaid: a graph to paste where Mermaid renders (GitHub, GitLab, many wikis);
//  - json: the tree model itself.
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { modelScriptText } from '../../../preview-ui/src/embed';
import { escapeMarkdown } from '../core/util/markdown';
import { plural } from '../core/util/plural';
import type { TreeKeyResult, TreeModel, TreeObjective } from '../core/tree';
import { CliError } from './errors';
import { modelOf } from './tree';
import type { LoadedWorkspace } from './workspace';
import { terminalJson } from './terminal';

export const EXPORT_FORMATS = ['html', 'markdown', 'mermaid', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export async function exportWorkspace(workspace: LoadedWorkspace, format: ExportFormat): Promise<string> {
  // The name goes with the model (json, and the html page's heading), so the page's data is the json export.
  const name = workspaceName(workspace);
  const model: TreeModel = name === undefined ? modelOf(workspace) : { ...modelOf(workspace), workspace: name };
  switch (format) {
    case 'json':
      return `${terminalJson(JSON.stringify(model, null, 2))}\n`;
    case 'markdown':
      return markdown(model);
    case 'mermaid':
      return mermaid(model);
    case 'html':
      return html(model);
  }
}

const pct = (fraction: number | undefined) => (fraction === undefined ? undefined : `${Math.round(fraction * 100)}%`);

function markdown(model: TreeModel): string {
  const out = ['# OKRs', '', `_${plural(model.objectiveCount, 'objective')} · today ${model.today}${model.todayPinned ? ' (okr.config.json)' : ''} · ${plural(model.totals.error, 'error')}, ${plural(model.totals.warning, 'warning')}_`, ''];
  const keyResult = (kr: TreeKeyResult, depth: number) => {
    const facts = [kr.metric && `\`${kr.metric}\``, pct(kr.progress), kr.rollup && escapeMarkdown(`= ${kr.rollup}`)].filter(Boolean).join(' · ');
    out.push(`${'  '.repeat(depth)}- KR${kr.id ? ` \`${kr.id}\`` : ''} ${escapeMarkdown(kr.title)}${facts ? ` — ${facts}` : ''}`);
  };
  const objective = (node: TreeObjective, depth: number) => {
    const progress = node.progress === undefined ? undefined : `${pct(node.progress)}${node.expected !== undefined ? ` (expected ${pct(node.expected)})` : ''}`;
    const facts = [node.level, node.owner, node.period, progress].filter(Boolean).map((f) => escapeMarkdown(f!)).join(' · ');
    const notes = [node.enabling && '_enables_', node.viaKeyResult && `_via \`${node.viaKeyResult}\`_`, node.catchAll && '**catch-all**'].filter(Boolean).join(' ');
    out.push(`${'  '.repeat(depth)}- **${escapeMarkdown(node.id)}** ${escapeMarkdown(node.title)}${facts ? ` — ${facts}` : ''}${notes ? ` ${notes}` : ''}`);
    for (const kr of node.keyResults) keyResult(kr, depth + 1);
    for (const child of node.children) objective(child, depth + 1);
  };
  for (const root of model.roots) {
    out.push(root.kind === 'strategy' ? `## ${escapeMarkdown(root.id)}: ${escapeMarkdown(root.title)} (strategy)` : `## ${escapeMarkdown(root.title)}`, '');
    for (const child of root.children) objective(child, 0);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

function mermaid(model: TreeModel): string {
  const ids = new Map<string, string>();
  const idOf = (key: string) => {
    let id = ids.get(key);
    if (!id) ids.set(key, (id = `n${ids.size}`));
    return id;
  };
  // Mermaid labels: what Mermaid reads before or inside a quoted label, and control characters,
  // as numeric entity codes (`#35;`), so that no text can end the label or its line, start a
  // directive (`%%{init: …}%%` is found anywhere in the text), be read as an entity (`#quot;`) or
  // as HTML (`<b>`, `&lt;`), or feed the `style …:…#…;` clean-up Mermaid runs over every line.
  const label = (text: string) => text.replace(/[\x00-\x1f\x7f#"<>&%:;\u2028\u2029]/g, (c) => `#${c.charCodeAt(0)};`);
  const out = ['```mermaid', 'graph TD'];
  const objective = (node: TreeObjective, parent: string) => {
    const id = idOf(node.key);
    const progress = pct(node.progress);
    out.push(`  ${id}["${label(node.id)}: ${label(node.title)}${progress ? `<br/>${progress}` : ''}"]${node.catchAll ? ':::catchall' : ''}`);
    out.push(node.enabling ? `  ${parent} -.-|enables| ${id}` : `  ${parent} --> ${id}`);
    for (const kr of node.keyResults) idOf(kr.key);
    for (const child of node.children) objective(child, id);
  };
  for (const root of model.roots) {
    const id = idOf(root.key);
    out.push(root.kind === 'strategy' ? `  ${id}[["${label(root.id)}: ${label(root.title)}"]]:::strategy` : `  ${id}(("${label(root.title)}"))`);
    for (const child of root.children) objective(child, id);
  }
  const objectiveOf = (key: string) => idOf(key.includes('.') ? key.slice(0, key.indexOf('.')) : key.split('#')[0]!);
  for (const link of model.links) {
    if (link.kind === 'enabling') continue; // Drawn as the dotted tree edge above.
    const from = objectiveOf(link.from);
    const to = objectiveOf(link.to);
    out.push(link.kind === 'contributes' ? `  ${from} ==>|contributes| ${to}` : `  ${from} -.->|also| ${to}`);
  }
  out.push('  classDef strategy fill:#eef,stroke:#557;', '  classDef catchall stroke:#c60,stroke-width:2px,stroke-dasharray:4;', '```');
  return `${out.join('\n')}\n`;
}

/** The preview's page, standalone: its script, styles and fonts inlined, the model as JSON data. */
async function html(model: TreeModel): Promise<string> {
  const dir = previewDir();
  const read = (name: string) => fs.readFile(path.join(dir, name), 'utf8');
  const script = await read('preview.js');
  let styles = await read('preview.css');
  if (existsSync(path.join(dir, 'codicon.css'))) {
    const font = (await fs.readFile(path.join(dir, 'codicon.ttf'))).toString('base64');
    styles += `\n${(await read('codicon.css')).replace(/url\([^)]*codicon\.ttf[^)]*\)/g, `url(data:font/ttf;base64,${font})`)}`;
  }
  // Written so that no title can close the data block: the JSON stays data (embed.ts).
  const data = modelScriptText(model);
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const csp = `default-src 'none'; script-src ${hash(script)}; style-src ${hash(styles)}; font-src data:; img-src data:`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>OKRs</title>
<style>${styles}</style>
</head>
<body class="vscode-light okr-export">
<script type="application/json" id="okr-model">${data}</script>
<script>${script}</script>
</body>
</html>
`;
}

/**
 * What the page is called: the folder that holds every exported file (`ai-search` for
 * `okr export ai-search`, the current folder's name for `okr export`).
 */
export function workspaceName(workspace: LoadedWorkspace): string | undefined {
  const folders = workspace.index.all().map((d) => path.dirname(URI.parse(d.uri).fsPath));
  if (!folders.length) return undefined;
  let common = folders[0]!;
  for (const folder of folders) {
    while (common !== path.dirname(common) && folder !== common && !folder.startsWith(common + path.sep)) common = path.dirname(common);
  }
  return path.basename(common) || undefined;
}

/** dist/preview beside the command line's bundle (dist/cli/okr.js). */
function previewDir(): string {
  const candidates = [path.join(__dirname, '..', 'preview'), path.join(__dirname, '..', '..', 'dist', 'preview')];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'preview.js')));
  if (!found) throw new CliError('the preview page is not built (dist/preview/preview.js): run npm run build');
  return found;
}
