// Measures the parent ranking as a user meets it: for every objective of a workspace that aligns
// to something, take its alignment away (its `aligns to` line left as `aligns to ` with the cursor
// after it), ask the language server for completion there, and record where the parent it had
// comes in the list (objectives and strategies; key results ride with their objective).
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import { computeLineStarts, parseOkr, positionAt } from '../../server/src/core';
import { InProcessServer } from '../fuzz/server';

export interface ParentCase {
  readonly file: string;
  readonly objective: string;
  readonly parent: string;
  /** 1-based place of the parent in the completion list; undefined when it is not in the list. */
  readonly rank: number | undefined;
  /** The first three offered, for reports. */
  readonly top: readonly string[];
}

export interface ParentScore {
  readonly cases: readonly ParentCase[];
  readonly first: number;
  readonly topThree: number;
}

/** `files`: name → text, opened as one workspace under file:///ws/. */
export async function measureParents(files: Record<string, string>, config?: string): Promise<ParentScore> {
  const uris = Object.fromEntries(Object.entries(files).map(([name, text]) => [`file:///ws/${name}`, text]));
  const server = config === undefined ? new InProcessServer(uris) : new InProcessServer(uris, config);
  const cases: ParentCase[] = [];
  for (const [name, text] of Object.entries(files)) {
    const uri = `file:///ws/${name}`;
    const file = parseOkr(text);
    for (const objective of file.objectives) {
      const reference = objective.alignsTo[0];
      if (!reference?.objective.text) continue;
      const parent = reference.objective.text;
      // Every `aligns to` line of the objective goes; the first stays as `aligns to ` to complete.
      const starts = computeLineStarts(text);
      const first = positionAt(starts, reference.span.start).line;
      const lines = text.split('\n');
      const blockEnd = positionAt(starts, objective.blockSpan.end).line;
      const indent = /^[ \t]*/.exec(lines[first]!)![0];
      const edited = lines.flatMap((line, i) => {
        if (i === first) return [`${indent}aligns to ${line.endsWith('\r') ? '\r' : ''}`];
        if (i > positionAt(starts, objective.span.start).line && i <= blockEnd && /^\s*aligns\s+to\b/.test(line)) return [];
        return [line];
      });
      server.set(uri, edited.join('\n'));
      const answer = await server.request<CompletionList | CompletionItem[]>('Completion', {
        textDocument: { uri },
        position: { line: first, character: indent.length + 'aligns to '.length },
      });
      const items = (Array.isArray(answer) ? answer : answer.items).filter((item) => !item.label.includes('.'));
      items.sort((a, b) => ((a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : 1));
      const labels = items.map((item) => item.label);
      const at = labels.indexOf(parent);
      cases.push({ file: name, objective: objective.id.text, parent, rank: at < 0 ? undefined : at + 1, top: labels.slice(0, 3) });
      server.set(uri, text);
    }
  }
  return {
    cases,
    first: cases.filter((c) => c.rank === 1).length,
    topThree: cases.filter((c) => c.rank !== undefined && c.rank <= 3).length,
  };
}

export function describeScore(name: string, score: ParentScore): string {
  const n = score.cases.length;
  const share = (k: number) => `${k}/${n} (${n ? Math.round((100 * k) / n) : 0}%)`;
  return `${name}: parent first for ${share(score.first)}, in the top three for ${share(score.topThree)}`;
}
