// The language core: parsing, the workspace index, the model and the rules. Nothing here knows
// about VS Code or the LSP connection; the server, the browser worker and the command line all
// build on this.
export * from './syntax';
export * from './workspace';
export * from './analysis';
export type { Snapshot } from './snapshot';
export * from './config';
export * from './text';
export { rules } from './rules';
export type { Problem, Severity, RuleMeta, RelatedLocation } from './rules/types';
export { AlignmentGraph, parentObjective, type Alignment, type Target, type ObjectiveNode } from './model/graph';
export * from './navigation';
export * from './configFile';
export * from './format';
export type * from './tree';
