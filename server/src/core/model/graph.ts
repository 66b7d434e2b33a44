// The alignment graph: every `aligns to` and `contributes to` reference resolved against the
// workspace index. Built once per workspace generation and shared by every rule and feature.
import type { AnalysisConfig } from '../config';
import type { KeyResult, Objective, OkrFile, Reference } from '../syntax/ast';
import type { Definition, KeyResultDefinition, WorkspaceIndex } from '../workspace';
import { levelOf, levelRank, ownerOf } from './levels';
import { periodOf, type Period } from './period';

export type Target = Definition | KeyResultDefinition;

export interface Alignment {
  readonly uri: string;
  readonly objective: Objective;
  readonly reference: Reference;
  /** What the reference names; undefined when it does not resolve (unknown-reference). */
  readonly target: Target | undefined;
  /** The first reference of an objective is its place in the tree; the others are extra links. */
  readonly primary: boolean;
}

export interface Contribution {
  readonly uri: string;
  readonly objective: Objective;
  readonly keyResult: KeyResult;
  readonly reference: Reference;
  readonly target: KeyResultDefinition | undefined;
}

export interface ObjectiveNode {
  readonly uri: string;
  readonly file: OkrFile;
  readonly objective: Objective;
  /** Its level (own or the file's default), and that level's rank: 0 at the top. */
  readonly level: string | undefined;
  readonly rank: number | undefined;
  /** Its owner (own or the file's default). */
  readonly owner: string | undefined;
  /** Its period (own or the file's), when valid. */
  readonly period: Period | undefined;
  readonly alignments: Alignment[];
  /** Alignments of other objectives to this one (or to one of its key results). */
  readonly alignedFrom: Alignment[];
}

export class AlignmentGraph {
  readonly nodes = new Map<Objective, ObjectiveNode>();
  readonly alignments: Alignment[] = [];
  readonly contributions: Contribution[] = [];

  constructor(
    readonly index: WorkspaceIndex,
    readonly config: AnalysisConfig,
  ) {
    for (const document of index.all()) {
      const { file, uri } = document;
      for (const objective of file.objectives) {
        const level = levelOf(file, objective);
        this.nodes.set(objective, {
          uri, file, objective, level, rank: levelRank(config, level), owner: ownerOf(file, objective), period: periodOf(file, objective),
          alignments: [], alignedFrom: [],
        });
      }
    }
    for (const node of this.nodes.values()) {
      node.objective.alignsTo.forEach((reference, i) => {
        const alignment: Alignment = { uri: node.uri, objective: node.objective, reference, target: this.resolve(reference), primary: i === 0 };
        node.alignments.push(alignment);
        this.alignments.push(alignment);
        const parent = parentObjective(alignment.target);
        if (parent) this.nodes.get(parent)?.alignedFrom.push(alignment);
      });
      for (const keyResult of node.objective.keyResults) {
        const reference = keyResult.contributesTo;
        if (!reference) continue;
        const target = reference.keyResult ? index.resolveKeyResult(reference.objective.text, reference.keyResult.text) : undefined;
        this.contributions.push({ uri: node.uri, objective: node.objective, keyResult, reference, target });
      }
    }
  }

  resolve(reference: Reference): Target | undefined {
    if (reference.keyResult) return this.index.resolveKeyResult(reference.objective.text, reference.keyResult.text);
    return this.index.resolve(reference.objective.text);
  }

  node(objective: Objective): ObjectiveNode | undefined {
    return this.nodes.get(objective);
  }

  /** The node of the objective an alignment points at (itself, or the owner of a key result). */
  targetNode(alignment: Alignment): ObjectiveNode | undefined {
    const parent = parentObjective(alignment.target);
    return parent && this.nodes.get(parent);
  }
}

/** The objective an alignment target belongs to: itself, or the owner of a key result. */
export function parentObjective(target: Target | undefined): Objective | undefined {
  if (!target) return undefined;
  if (target.kind === 'objective') return target.node;
  if (target.kind === 'keyResult') return target.objective;
  return undefined;
}
