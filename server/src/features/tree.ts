// The alignment tree for the preview: the custom request `okr/tree` (params `{}`) answers the
// workspace's TreeModel (core/tree.ts), built from the shared, cached analysis; the model is kept
// as long as that analysis is current (same workspace generation and configuration). When the
// workspace changes, server.ts sends `okr/didChangeTree` after publishing diagnostics, and the
// client asks again.
import type { AnalysisResult, TreeModel } from '../core';
import { buildTree } from '../core/treeModel';
import { unlessCancelled, type Feature } from '../context';
import { TreeRequest } from '../protocol';

export const tree: Feature = (context) => {
  const built = new WeakMap<AnalysisResult, TreeModel>();
  context.connection.onRequest(TreeRequest.method, async (_params: TreeRequest.Params, token): Promise<TreeRequest.Result> => {
    const analysis = context.analyzer.analyse();
    await unlessCancelled(token);
    let model = built.get(analysis);
    if (!model) {
      model = buildTree(context.index, analysis, context.analyzer.getConfig());
      built.set(analysis, model);
    }
    return model;
  });
};
