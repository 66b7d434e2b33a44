// The custom request `okr/parents` (protocol.ts): the ranked parents of the objective at a line,
// each with the edit that aligns it there; the preview's "Align to…" shows them in a quick pick.
import { objectiveAt, type OkrDocument, type Snapshot } from '../core';
import { alignEdit } from '../core/fixes/planning';
import { describeCandidate, rankParents } from '../core/ranking';
import type { ParentsRequest } from '../protocol';

/** How many parents the pick lists. */
const LIMIT = 30;

/** The parents of the objective at `line` of `document`, best first; null when no objective (with an id) is there. */
export function parents(snapshot: Snapshot, document: OkrDocument, line: number): ParentsRequest.Result {
  const start = Number.isInteger(line) ? document.file.lineStarts[line] : undefined;
  if (start === undefined) return null;
  const objective = objectiveAt(document.file, start + (document.text.slice(start).search(/\S|$/) || 0));
  if (!objective?.id.text) return null;
  const ranked = rankParents(snapshot, objective, { limit: LIMIT });
  return {
    objective: objective.id.text,
    parents: ranked.map((candidate) => ({
      id: candidate.id,
      title: candidate.title,
      kind: candidate.kind,
      catchAll: candidate.catchAll !== undefined,
      detail: [candidate.catchAll ? 'catch-all' : undefined, candidate.kind === 'strategy' ? 'strategy' : [candidate.node?.level, candidate.node?.owner, candidate.node?.period?.text].filter(Boolean).join(' · '), describeCandidate({ ...candidate, catchAll: undefined })].filter(Boolean).join(' · '),
      edits: [alignEdit(document, objective, candidate.id)].map(({ range, newText }) => ({ range, newText })),
    })),
  };
}
