// The custom request `okr/parents` (protocol.ts): the ranked parents of the objective at a line,
// each with the edit that aligns it there; the preview's "Align to…" shows them in a quick pick.
import { objectiveAt } from '../core';
import { alignEdit } from '../core/fixes/planning';
import { describeCandidate, rankParents } from '../core/ranking';
import { unlessCancelled, type Feature } from '../context';
import { ParentsRequest } from '../protocol';

/** How many parents the pick lists. */
const LIMIT = 30;

export const parents: Feature = (context) => {
  context.connection.onRequest(ParentsRequest.method, async ({ uri, line }: ParentsRequest.Params, token): Promise<ParentsRequest.Result> => {
    const analysis = context.analyzer.analyse();
    await unlessCancelled(token);
    const document = context.index.get(uri);
    const start = document?.file.lineStarts[line];
    if (!document || start === undefined) return null;
    const objective = objectiveAt(document.file, start + (document.text.slice(start).search(/\S|$/) || 0));
    if (!objective?.id.text) return null;
    const ranked = rankParents({ ...analysis, config: context.analyzer.getConfig(), index: context.index }, objective, { limit: LIMIT });
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
  });
};
