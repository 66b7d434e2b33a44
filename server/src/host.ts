// Where the server gets the workspace's files from. The node server reads the disk itself; the
// browser server (in a Web Worker) asks the extension, which reads through VS Code's file system.
// The index and the rules never know which host runs.
export interface WorkspaceHost {
  /** URIs of every .okr file in the workspace folders. */
  listOkrFiles(folders: readonly string[]): Promise<string[]>;
  /** The file's text (BOM removed), or undefined when it cannot be read. */
  readFile(uri: string): Promise<string | undefined>;
}

/** Editors drop a UTF-8 byte order mark from the text they show; so does the server. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
