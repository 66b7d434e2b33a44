// Every rule of the analysis. Adding a rule: write its file beside this one, add it here, and
// document it in docs/rules/<id>.md.
import { alignmentCycle } from './alignmentCycle';
import { duplicateId } from './duplicateId';
import { invalidValue } from './invalidValue';
import { syntax } from './syntax';
import type { Rule } from './types';
import { unknownReference } from './unknownReference';

export const rules: readonly Rule[] = [syntax, invalidValue, duplicateId, unknownReference, alignmentCycle];

export type { Rule, Problem, Severity, RuleMeta } from './types';
