// unknown-reference: `aligns to` or `contributes to` naming something the workspace does not
// define, with the closest ids as "did you mean" (kept in the diagnostic's data for quick fixes).
import type { Reference } from '../syntax/ast';
import { closest } from '../util/similar';
import type { WorkspaceRule, WorkspaceRuleContext } from './types';

export const unknownReference: WorkspaceRule<'unknown-reference'> = {
  meta: {
    id: 'unknown-reference',
    defaultSeverity: 'error',
    category: 'error',
    description: 'An `aligns to` or `contributes to` target that does not exist.',
  },
  scope: 'workspace',
  check(context) {
    const { scope } = context;
    for (const alignment of scope.alignments()) {
      if (!alignment.target) reportUnknown(context, alignment.uri, alignment.reference, 'aligns to');
    }
    for (const contribution of scope.contributions()) {
      const { reference, uri } = contribution;
      if (!reference.keyResult) {
        const definition = context.index.resolve(reference.objective.text);
        if (definition) {
          context.report(uri, reference.span, `\`contributes to\` names a key result, \`objective.kr\`: \`${reference.objective.text}\` is ${definition.kind === 'strategy' ? 'a strategy' : 'an objective'}; add the key result's id, e.g. \`${reference.objective.text}.${firstKrId(context, reference.objective.text) ?? 'kr'}\``);
          continue;
        }
      }
      if (!contribution.target) reportUnknown(context, uri, reference, 'contributes to');
    }
  },
};

function firstKrId(context: WorkspaceRuleContext, objectiveId: string): string | undefined {
  const definition = context.index.resolve(objectiveId);
  return definition?.kind === 'objective' ? definition.node.keyResults.find((kr) => kr.id)?.id?.text : undefined;
}

function reportUnknown(context: WorkspaceRuleContext, uri: string, reference: Reference, keyword: string): void {
  const { index } = context;
  const objectiveId = reference.objective.text;
  const definition = index.resolve(objectiveId);
  if (!definition) {
    const candidates = index.similarIds(objectiveId);
    const suffix = reference.keyResult ? `.${reference.keyResult.text}` : '';
    const hint = candidates.length ? `did you mean ${candidates.map((c) => `\`${c}${suffix}\``).join(', ')}?` : 'define it, or correct the id';
    context.report(uri, reference.objective.span, `No objective or strategy is called \`${objectiveId}\`: ${hint}`, {
      data: { candidates: candidates.map((c) => c + suffix), missing: objectiveId },
    });
    return;
  }
  const krId = reference.keyResult!.text;
  if (definition.kind !== 'objective') {
    context.report(uri, reference.keyResult!.span, `\`${objectiveId}\` is a strategy: strategies have no key results; write \`${keyword} ${objectiveId}\``);
    return;
  }
  const ids = definition.node.keyResults.flatMap((kr) => (kr.id ? [kr.id.text] : []));
  const candidates = closest(krId, ids);
  const hint = candidates.length
    ? `did you mean ${candidates.map((c) => `\`${objectiveId}.${c}\``).join(', ')}?`
    : ids.length
      ? `its key results are ${ids.map((c) => `\`${c}\``).join(', ')}`
      : 'it has no key result with an id';
  context.report(uri, reference.keyResult!.span, `Objective \`${objectiveId}\` has no key result \`${krId}\`: ${hint}`, {
    data: { candidates: candidates.map((c) => `${objectiveId}.${c}`) },
    related: [{ uri: definition.uri, span: definition.node.id.span, message: `objective ${objectiveId}` }],
  });
}
