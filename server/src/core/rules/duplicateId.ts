// duplicate-id: two objectives or strategies with one id anywhere in the workspace, or two key
// results with one id in the same objective. References resolve to the first; every copy is
// reported, each pointing at the others.
import type { WorkspaceRule } from './types';

export const duplicateId: WorkspaceRule = {
  meta: {
    id: 'duplicate-id',
    defaultSeverity: 'error',
    category: 'error',
    description: 'Two objectives, key results or strategies with one id.',
  },
  scope: 'workspace',
  check({ index, scope, report }) {
    for (const document of scope.documents()) {
      for (const node of [...document.file.strategies, ...document.file.objectives]) {
        const id = node.id.text;
        const definitions = index.lookup(id);
        if (definitions.length < 2) continue;
        const others = definitions.filter((d) => d.node !== node);
        report(document.uri, node.id.span, `The id \`${id}\` is defined ${definitions.length} times in the workspace: ids of objectives and strategies must be unique; rename one`, {
          related: others.map((other) => ({ uri: other.uri, span: other.node.id.span, message: `\`${id}\`, ${other.kind} "${other.node.title.text}"` })),
        });
      }
    }
    for (const document of scope.documents()) {
      for (const objective of document.file.objectives) {
        const seen = new Map<string, number>();
        for (const kr of objective.keyResults) if (kr.id) seen.set(kr.id.text, (seen.get(kr.id.text) ?? 0) + 1);
        for (const kr of objective.keyResults) {
          if (!kr.id || (seen.get(kr.id.text) ?? 0) < 2) continue;
          const others = objective.keyResults.filter((o) => o !== kr && o.id?.text === kr.id!.text);
          report(document.uri, kr.id.span, `Objective \`${objective.id.text}\` has ${seen.get(kr.id.text)} key results with the id \`${kr.id.text}\`: rename one`, {
            related: others.map((other) => ({ uri: document.uri, span: other.id!.span, message: `key result "${other.title.text}"` })),
          });
        }
      }
    }
  },
};
