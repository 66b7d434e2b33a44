// Every rule of the analysis, in the order the docs list them. Adding a rule: write its file
// beside this one, add it here, and document it in docs/rules/<id>.md.
import { alignedToCatchAll } from './alignedToCatchAll';
import { alignmentCycle } from './alignmentCycle';
import { behindPace } from './behindPace';
import { catchAll } from './catchAll';
import { duplicateId } from './duplicateId';
import { encoding } from './encoding';
import { invalidValue } from './invalidValue';
import { krIsTask } from './krIsTask';
import { krNotMeasurable } from './krNotMeasurable';
import { levelInversion } from './levelInversion';
import { missingStory } from './missingStory';
import { noKeyResults } from './noKeyResults';
import { overAligned } from './overAligned';
import { periodMismatch } from './periodMismatch';
import { splitNotEnable } from './splitNotEnable';
import { staleCheckin } from './staleCheckin';
import { summationMismatch } from './summationMismatch';
import { syntax } from './syntax';
import { tooManyKeyResults } from './tooManyKeyResults';
import { tooManyObjectives } from './tooManyObjectives';
import { unaligned } from './unaligned';
import { unitMismatch } from './unitMismatch';
import { unknownReference } from './unknownReference';
import { gradeOutOfRange } from './gradeOutOfRange';
import { ungradedKeyResult } from './ungradedKeyResult';
import { gradeFarFromProgress } from './gradeFarFromProgress';
import { committedGradeWithoutNote } from './committedGradeWithoutNote';
import { sandbagging } from './sandbagging';
import { carriedToUnknownPeriod } from './carriedToUnknownPeriod';
import type { Rule } from './types';

export const rules: readonly Rule[] = [
  syntax,
  encoding,
  invalidValue,
  duplicateId,
  unknownReference,
  alignmentCycle,
  unaligned,
  levelInversion,
  periodMismatch,
  catchAll,
  alignedToCatchAll,
  summationMismatch,
  unitMismatch,
  splitNotEnable,
  overAligned,
  missingStory,
  krNotMeasurable,
  krIsTask,
  noKeyResults,
  tooManyKeyResults,
  tooManyObjectives,
  staleCheckin,
  behindPace,
  gradeOutOfRange,
  carriedToUnknownPeriod,
  ungradedKeyResult,
  committedGradeWithoutNote,
  gradeFarFromProgress,
  sandbagging,
];

export type { Rule, Problem, Severity, RuleMeta } from './types';
