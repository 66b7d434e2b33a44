// `# okr-disable-next-line RULE[, RULE…]`: silences the named rules (all rules when none is named)
// on the line after the comment, like ESLint's disable-next-line.
import { positionAt } from './text';
import type { OkrFile } from './syntax/ast';

const DIRECTIVE = /^#\s*okr-disable-next-line\b(.*)$/;

/** Line number → the rules silenced on it ('all' for every rule). */
export type Suppressions = ReadonlyMap<number, ReadonlySet<string> | 'all'>;

export function suppressionsOf(file: OkrFile): Suppressions {
  const result = new Map<number, Set<string> | 'all'>();
  for (const comment of file.comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const line = positionAt(file.lineStarts, comment.span.start).line + 1;
    // Anything after `--` is a reason, as in ESLint: `# okr-disable-next-line catch-all -- agreed in planning`.
    const listed = match[1]!.split('--')[0]!.split(/[\s,]+/).filter(Boolean);
    const previous = result.get(line);
    if (listed.length === 0 || previous === 'all') result.set(line, 'all');
    else result.set(line, new Set([...(previous ?? []), ...listed]));
  }
  return result;
}

export function isSuppressed(suppressions: Suppressions, line: number, rule: string): boolean {
  const entry = suppressions.get(line);
  return entry === 'all' || (entry !== undefined && entry.has(rule));
}
