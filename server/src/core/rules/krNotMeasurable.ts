// kr-not-measurable: a key result that states no level anyone could score at the end of the
// period: a direction without a target ("Increase API usage"), a metric named without a level
// ("Cost of resources per product"), a vague quality ("Rock solid webhooks"), an ongoing activity
// ("Proactively monitor query performance") or a question. Nothing is written out (`from … to`,
// `target`, `keep above/below`) and the title has no amount, multiple, threshold or all/none
// quantifier to read one from (model/measurable.ts).
// A key result that is a task is kr-is-task's, the more specific diagnosis (model/keyResultKind.ts
// decides between the two); a key result with a broken metric line is left to the syntax and
// invalid-value rules.
import { keyResultKind } from '../model/keyResultKind';
import type { FileRule } from './types';

export const krNotMeasurable: FileRule<'kr-not-measurable'> = {
  meta: {
    id: 'kr-not-measurable',
    defaultSeverity: 'info',
    category: 'quality',
    description: 'A key result that states no level to score it by: a direction without a target, a metric without a level, a vague quality, an ongoing activity.',
  },
  scope: 'file',
  check(context) {
    for (const objective of context.document.file.objectives) {
      for (const kr of objective.keyResults) {
        if (!kr.title.text) continue;
        const kind = keyResultKind(kr);
        if (kind.kind !== 'not-measurable') continue;
        const name = kr.id ? `Key result \`${kr.id.text}\`` : `“${kr.title.text}”`;
        const why = {
          direction: `“${kind.word} …” says which way to go, not how far`,
          metric: `it names a metric (“${kind.word}”) but no level to reach`,
          vague: `“${kind.word}” is a quality nobody can score`,
          ongoing: `“${kind.word} …” is an activity that goes on, with nothing done at the end of the period`,
          question: 'it is a question, not a result',
        }[kind.shape];
        const current = kr.metric.current ? ' It has a `current` value but nothing to compare it with.' : '';
        context.report(kr.id?.span ?? kr.title.span, `${name} is not measurable: ${why}.${current} Say what level counts as success: add \`from A to B unit\`, \`target N unit\` or \`keep above N unit\` under it (e.g. \`from 120 to 80 ms\`), or put the level in the title`, {
          data: { shape: kind.shape },
        });
      }
    }
  },
};
