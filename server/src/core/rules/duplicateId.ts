// duplicate-id: two objectives or strategies with one id anywhere in the workspace, or two key
// results with one id in the same objective. References resolve to the first; every copy is
// reported, each pointing at the others, lazily: the analysis keeps the first MAX_RELATED of them
// (`related.ts`), so that an id pasted thousands of times costs thousands of diagnostics, not
// millions of links.
import type { KeyResult } from '../syntax/ast';
import { mapped, othersThan } from './related';
import type { WorkspaceRule } from './types';

export const duplicateId: WorkspaceRule<'duplicate-id'> = {
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
        const others = othersThan(definitions, (d) => d.node === node);
        report(document.uri, node.id.span, `The id \`${id}\` is defined ${definitions.length} times in the workspace: ids of objectives and strategies must be unique; rename one`, {
          related: mapped(others, (other) => ({ uri: other.uri, span: other.node.id.span, message: `\`${id}\`, ${other.kind} "${other.node.title.text}"` })),
        });
      }
    }
    for (const document of scope.documents()) {
      for (const objective of document.file.objectives) {
        const byId = new Map<string, KeyResult[]>();
        for (const kr of objective.keyResults) {
          if (!kr.id) continue;
          const same = byId.get(kr.id.text);
          if (same) same.push(kr);
          else byId.set(kr.id.text, [kr]);
        }
        for (const kr of objective.keyResults) {
          const same = kr.id ? byId.get(kr.id.text)! : [];
          if (same.length < 2) continue;
          const others = othersThan(same, (other) => other === kr);
          report(document.uri, kr.id!.span, `Objective \`${objective.id.text}\` has ${same.length} key results with the id \`${kr.id!.text}\`: rename one`, {
            related: mapped(others, (other) => ({ uri: document.uri, span: other.id!.span, message: `key result "${other.title.text}"` })),
          });
        }
      }
    }
  },
};
