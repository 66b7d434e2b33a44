// The alignment tree for the preview and the command line: the workspace's TreeModel
// (core/tree.ts) of one snapshot, built once per snapshot. The preview asks with the custom
// request `okr/tree` (params `{}`); when the workspace changes, the server sends
// `okr/didChangeTree` after publishing diagnostics, and the client asks again.
import type { Snapshot, TreeModel } from '../core';
import { buildTree } from '../core/buildTree';

const built = new WeakMap<Snapshot, TreeModel>();

export function tree(snapshot: Snapshot): TreeModel {
  let model = built.get(snapshot);
  if (!model) built.set(snapshot, (model = buildTree(snapshot)));
  return model;
}
