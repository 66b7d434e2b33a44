// Custom messages between the extension and the server, beyond LSP. Plain constants and types
// only: this file is imported by both sides.

/** Server → client (browser host only): the workspace files matching a glob, as URI strings. */
export namespace FindFilesRequest {
  export const method = 'okr/findFiles';
  export interface Params {
    glob: string;
  }
  export type Result = string[];
}

/** Server → client (browser host only): the text of a file, or null when it cannot be read. */
export namespace ReadFileRequest {
  export const method = 'okr/readFile';
  export interface Params {
    uri: string;
  }
  export type Result = string | null;
}

/** Client → server: the workspace's alignment tree (server/src/core/tree.ts). */
export namespace TreeRequest {
  export const method = 'okr/tree';
  export type Params = Record<string, never>;
  export type Result = import('./core/tree').TreeModel;
}

/** Server → client: the workspace changed (sent after its diagnostics): ask `okr/tree` again. No params. */
export namespace TreeChangedNotification {
  export const method = 'okr/didChangeTree';
}
