// How much a problem matters: what a rule reports at by default, what okr.config.json sets per
// rule, and what editors, the command line and the tree show. A leaf: it imports nothing.
export type Severity = 'error' | 'warning' | 'info' | 'hint';
