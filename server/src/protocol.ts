// Custom messages between the extension and the server, beyond LSP. Plain constants and types
// only: this file is imported by both sides.

/**
 * Server → client (browser host only): the workspace files matching a glob, as URI strings; under
 * the given folders only (a workspace folder, or a folder that appeared), or the whole workspace.
 */
export namespace FindFilesRequest {
  export const method = 'okr/findFiles';
  export interface Params {
    glob: string;
    folders?: string[];
  }
  export type Result = string[];
}

/**
 * Server → client (browser host only): the text of a file as core/encoding.ts's decodeText reads
 * its bytes (text, and how it was read when it is not UTF-8), or null when it cannot be read.
 */
export namespace ReadFileRequest {
  export const method = 'okr/readFile';
  export interface Params {
    uri: string;
  }
  export type Result = import('./core/encoding').DecodedText | null;
}

/** Client → server: the workspace's alignment tree (server/src/core/tree.ts). */
export namespace TreeRequest {
  export const method = 'okr/tree';
  export type Params = Record<string, never>;
  export type Result = import('./core/tree').TreeModel;
}

/**
 * Client → server: the parents the objective at `line` of `uri` could align to, best first
 * (core/ranking.ts), each with the edit that aligns it there (its first `aligns to` reference
 * replaced, or an `aligns to` line added). The preview's "Align to…" reads it. Null when no
 * objective is there.
 */
export namespace ParentsRequest {
  export const method = 'okr/parents';
  export interface Params {
    uri: string;
    line: number;
  }
  export interface Parent {
    id: string;
    title: string;
    kind: 'objective' | 'strategy';
    /** Level, owner, period; `catch-all` when it is one; what it shares with the objective. */
    detail: string;
    catchAll: boolean;
    /** Edits of `uri`. */
    edits: { range: import('./core').Range; newText: string }[];
  }
  export type Result = { objective: string; parents: Parent[] } | null;
}

/** Server → client: the workspace changed (sent after its diagnostics): ask `okr/tree` again. No params. */
export namespace TreeChangedNotification {
  export const method = 'okr/didChangeTree';
}
