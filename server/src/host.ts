// Where the server gets the workspace's files from. The node server reads the disk itself; the
// browser server (in a Web Worker) asks the extension, which reads through VS Code's file system.
// Both decode the bytes with the core's decodeText, so a file that is not UTF-8 reads the same,
// and is reported the same, whichever host runs. The index and the rules never know which host runs.
import type { DecodedText } from './core/encoding';

/** Folders never worth walking for OKR files, and hidden files and folders (`.git`, `.draft.okr`). */
const SKIPPED = new Set(['node_modules', 'dist', 'out']);

/** Whether a file or folder of this name (a path segment, as in a URI) is outside the workspace's OKRs. */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || SKIPPED.has(name);
}

export interface WorkspaceHost {
  /** URIs of every .okr file in the workspace folders (under `folders` only, for the node host). */
  listOkrFiles(folders: readonly string[]): Promise<string[]>;
  /** The file's text (byte order mark removed) and, when it is not UTF-8, how it was read; undefined when it cannot be read. */
  readFile(uri: string): Promise<DecodedText | undefined>;
}
